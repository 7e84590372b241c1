// Colours, fonts and margins shared by the loss and accuracy charts.
#include "views/charts/chartstyle.h"

#include "canvas/canvasstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace chartstyle {

QColor trainingColor() { return canvasstyle::selectionColor(); }

QColor rawLossColor()
{
    QColor color = trainingColor();
    color.setAlpha(70);
    return color;
}

QColor validationColor() { return QColor(0xea, 0x58, 0x0c); }

// Both follow the application's font, which View ▸ Present enlarges.
QFont labelFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(8.0, 0.9 * font.pointSizeF()));
    return font;
}

QFont calloutFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(8.5, 0.95 * font.pointSizeF()));
    return font;
}

static void setAxisFonts(QAbstractAxis *axis)
{
    QFont titleFont = labelFont();
    titleFont.setBold(true);
    axis->setTitleFont(titleFont);
    axis->setLabelsFont(labelFont());
}

void refreshFonts(QChart *chart)
{
    chart->legend()->setFont(labelFont());
    for (QAbstractAxis *axis : chart->axes())
        setAxisFonts(axis);
}

void styleChart(QChart *chart)
{
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0.0);
    chart->setBackgroundBrush(Qt::white);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(2, 2, 14, 2));  // room on the right for the last x label
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(labelFont());
    chart->legend()->setLabelColor(canvasstyle::textColor());
}

void styleAxis(QAbstractAxis *axis, const QString &title)
{
    axis->setTitleText(title);
    setAxisFonts(axis);
    axis->setTitleBrush(canvasstyle::mutedTextColor());
    axis->setLabelsColor(canvasstyle::mutedTextColor());
    axis->setGridLineColor(canvasstyle::gridColor());
    axis->setMinorGridLineColor(canvasstyle::gridColor().lighter(110));
    axis->setLinePenColor(canvasstyle::edgeColor());
}

void styleLine(QXYSeries *series, const QColor &color, double width)
{
    QPen pen(color, width);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);  // round joins cost a curve per point: 4× the time to draw
    series->setPen(pen);
    series->setColor(color);
}

void setCountRange(QValueAxis *axis, double last)
{
    constexpr double kTicks = 5.0;
    const double rough = std::max(1.0, last / kTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double interval = 10.0 * magnitude;
    for (const double factor : {1.0, 2.0, 5.0})
        if (factor * magnitude >= rough) {
            interval = factor * magnitude;
            break;
        }
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(interval);
    axis->setRange(0.0, std::max(interval, std::ceil(last / interval) * interval));
}

} // namespace chartstyle
