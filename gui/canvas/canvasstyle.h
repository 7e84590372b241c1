// The canvas's look in one place: node size, category colours, state colours and fonts.
#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QString>

#include <string>

namespace canvasstyle {

inline constexpr double kNodeWidth = 176.0;
inline constexpr double kNodeHeight = 64.0;
inline constexpr double kHeaderHeight = 20.0;
inline constexpr double kCornerRadius = 8.0;
inline constexpr double kPortRadius = 5.5;
inline constexpr double kGridStep = 10.0;  // nodes snap to it

// The nearest grid point: where a dropped or dragged node lands.
QPointF snappedToGrid(QPointF position);

// One hue per palette category (Input/Output teal, Core blue, Convolution violet, …); unknown
// categories get a stable hue from their name.
QColor categoryColor(const QString &category);

// A GAN project's frames: the generator violet (its fake samples are purple in the views), the
// discriminator green (it knows the real data, green in the views).
QColor networkColor(const std::string &network);
inline QColor fakeSamplesColor() { return QColor(0x9d, 0x17, 0x8f); }

inline QColor errorColor() { return QColor(0xd0, 0x3b, 0x3b); }
inline QColor errorFill() { return QColor(0xfd, 0xec, 0xec); }
inline QColor selectionColor() { return QColor(0x25, 0x63, 0xeb); }
inline QColor edgeColor() { return QColor(0x7a, 0x86, 0x94); }
inline QColor textColor() { return QColor(0x1f, 0x29, 0x37); }
inline QColor mutedTextColor() { return QColor(0x6b, 0x72, 0x80); }
inline QColor backgroundColor() { return QColor(0xf7, 0xf8, 0xfa); }
inline QColor gridColor() { return QColor(0xd5, 0xd9, 0xe0); }

QFont nameFont();
QFont kindFont();
QFont shapeFont();

} // namespace canvasstyle
