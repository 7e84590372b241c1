// The charts' look in one place, in the canvas's light palette: background, grid, fonts and one
// colour per kind of line (training blue, validation orange) so both charts read the same way.
#pragma once

#include <QColor>
#include <QFont>

class QAbstractAxis;
class QChart;
class QValueAxis;
class QXYSeries;

namespace chartstyle {

QColor trainingColor();
QColor rawLossColor();  // the training colour, faded: the noisy per-step line behind the smoothed one
QColor validationColor();

QFont labelFont();
QFont calloutFont();

// Light background, small margins, legend on top, no animation (it would redraw for 1 s).
void styleChart(QChart *chart);
void styleAxis(QAbstractAxis *axis, const QString &title);
// The legend's and the axes' fonts from labelFont(), after the application's font changed.
void refreshFonts(QChart *chart);
void styleLine(QXYSeries *series, const QColor &color, double width);

// An axis of whole counts (steps, epochs) from 0 to at least `last`, ticks every 1, 2 or 5 × 10^k.
void setCountRange(QValueAxis *axis, double last);

} // namespace chartstyle
