// Category colours and fonts of the canvas.
#include "canvasstyle.h"

#include <QApplication>
#include <QHash>

#include <cmath>

namespace canvasstyle {

QColor categoryColor(const QString &category)
{
    static const QHash<QString, QColor> known = {
        {QStringLiteral("Input/Output"), QColor(0x0d, 0x94, 0x88)},
        {QStringLiteral("Core"), QColor(0x3b, 0x82, 0xf6)},
        {QStringLiteral("Convolution"), QColor(0x8b, 0x5c, 0xf6)},
        {QStringLiteral("Normalization"), QColor(0xd9, 0x77, 0x06)},
        {QStringLiteral("Activation"), QColor(0xea, 0x58, 0x0c)},
        {QStringLiteral("Merge"), QColor(0xdb, 0x27, 0x77)},
        {QStringLiteral("Sequence"), QColor(0x05, 0x96, 0x69)},
    };
    if (const auto at = known.find(category); at != known.end())
        return *at;
    return QColor::fromHsv(static_cast<int>(qHash(category) % 360), 140, 170);
}

QColor networkColor(const std::string &network)
{
    return network == "generator" ? QColor(0x7c, 0x3a, 0xed) : QColor(0x15, 0x80, 0x3d);
}

QPointF snappedToGrid(QPointF position)
{
    return {std::round(position.x() / kGridStep) * kGridStep, std::round(position.y() / kGridStep) * kGridStep};
}

QFont nameFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    font.setBold(true);
    return font;
}

QFont kindFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont shapeFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

} // namespace canvasstyle
