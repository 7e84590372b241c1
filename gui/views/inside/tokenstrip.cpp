// The token strip's rows (read, predicted, target) and its bar chart of step losses.
#include "views/inside/tokenstrip.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kRows = 3, kStripMargin = 6, kChartHeight = 120;
const QColor kRight(26, 150, 65), kWrong(215, 48, 39);

} // namespace

TokenStrip::TokenStrip(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void TokenStrip::setSteps(std::vector<Step> steps)
{
    steps_ = std::move(steps);
    double largest = 0.0;
    for (const Step &step : steps_)
        if (std::isfinite(step.loss))
            largest = std::max(largest, step.loss);
    // A round top: 1, 2 or 5 times a power of ten, so the scale does not jitter with every update.
    const double power = largest > 0.0 ? std::pow(10.0, std::floor(std::log10(largest))) : 1.0;
    scale_ = power * (largest <= power ? 1.0 : largest <= 2.0 * power ? 2.0 : largest <= 5.0 * power ? 5.0 : 10.0);
    updateGeometry();
    update();
}

int TokenStrip::labelWidth() const
{
    const QFontMetrics metrics(font());
    return std::max({metrics.horizontalAdvance(tr("read")), metrics.horizontalAdvance(tr("predicted")),
                     metrics.horizontalAdvance(tr("target")), metrics.horizontalAdvance(tr("loss per step"))}) +
           kStripMargin;
}

int TokenStrip::columnWidth() const
{
    const QFontMetrics metrics(font());
    int widest = metrics.horizontalAdvance(QStringLiteral("MMM"));
    for (const Step &step : steps_)
        for (const QString *text : {&step.input, &step.predicted, &step.target})
            widest = std::max(widest, metrics.horizontalAdvance(*text));
    return std::min(widest, metrics.horizontalAdvance(QStringLiteral("M")) * 10) + kStripMargin;
}

QRect TokenStrip::chartArea() const
{
    const QFontMetrics metrics(font());
    const int top = kRows * (metrics.height() + kStripMargin) + kStripMargin;
    return {labelWidth(), top, int(steps_.size()) * columnWidth(), kChartHeight};
}

QRect TokenStrip::barRect(int step) const
{
    const QRect chart = chartArea();
    const double share = std::clamp(steps_[size_t(step)].loss / scale_, 0.0, 1.0);
    const int height = int(std::lround(share * chart.height()));
    return {chart.left() + step * columnWidth() + 2, chart.bottom() + 1 - height, columnWidth() - 4, height};
}

QColor TokenStrip::tokenColour(int step) const
{
    return steps_[size_t(step)].right ? kRight : kWrong;
}

QSize TokenStrip::sizeHint() const
{
    const QFontMetrics metrics(font());
    const QRect chart = chartArea();
    return {chart.right() + 1 + metrics.horizontalAdvance(QStringLiteral("0.0000")) + kStripMargin,
            chart.bottom() + 1 + metrics.height() + kStripMargin};
}

void TokenStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    const int rowHeight = metrics.height() + kStripMargin, column = columnWidth();
    const QColor text = palette().color(QPalette::WindowText);
    const QString labels[kRows] = {tr("read"), tr("predicted"), tr("target")};
    for (int row = 0; row < kRows; ++row) {
        const int top = kStripMargin + row * rowHeight;
        painter.setPen(text);
        painter.drawText(QRect(0, top, labelWidth() - kStripMargin, metrics.height()), Qt::AlignRight | Qt::AlignVCenter, labels[row]);
        for (int t = 0; t < int(steps_.size()); ++t) {
            const Step &step = steps_[size_t(t)];
            const QRect cell(labelWidth() + t * column + 1, top - kStripMargin / 2, column - 2, rowHeight - 1);
            if (row == 1) {
                painter.fillRect(cell, tokenColour(t));
                painter.setPen(Qt::white);
            } else {
                painter.setPen(text);
            }
            const QString shown = row == 0 ? step.input : row == 1 ? step.predicted : step.target;
            painter.drawText(cell, Qt::AlignCenter, metrics.elidedText(shown, Qt::ElideRight, cell.width()));
        }
    }
    const QRect chart = chartArea();
    painter.setPen(text);
    painter.drawText(QRect(0, chart.top(), labelWidth() - kStripMargin, chart.height()), Qt::AlignRight | Qt::AlignVCenter,
                     tr("loss per step"));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(chart.bottomLeft(), chart.bottomRight());
    painter.drawLine(chart.topLeft(), chart.topRight());
    painter.setPen(text);
    painter.drawText(chart.right() + 4, chart.top() + metrics.ascent() / 2, QString::number(scale_, 'g', 3));
    painter.drawText(chart.right() + 4, chart.bottom() + metrics.ascent() / 2, QStringLiteral("0"));
    for (int t = 0; t < int(steps_.size()); ++t)
        painter.fillRect(barRect(t), tokenColour(t).lighter(130));
}
