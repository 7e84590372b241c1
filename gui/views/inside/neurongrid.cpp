// The cells of the neuron-statistics view, painted with QPainter.
#include "views/inside/neurongrid.h"

#include "canvas/canvasstyle.h"
#include "views/inside/histogramstrip.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kAxisWidth = 52, kTitleHeight = 22, kStripHeight = 112, kFractionHeight = 44, kStripGap = 8;
const QColor kDeadColor(0xdc, 0x26, 0x26), kSaturatedColor(0xea, 0x8c, 0x0c);

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', fraction < 0.1 ? 1 : 0)
                                   : QStringLiteral("–");
}

} // namespace

NeuronGrid::NeuronGrid(const NeuronHistory *history, QWidget *parent) : QWidget(parent), history_(history)
{
    setMinimumWidth(kCellWidth / 2);
}

void NeuronGrid::refresh()
{
    strips_.clear();
    for (const NeuronHistory::Layer &layer : history_->layers())
        strips_.push_back(histogramstrip::render(layer.columns, kStripRows));
    fitHeight();
    update();
}

QImage NeuronGrid::strip(const QString &name) const
{
    for (size_t i = 0; i < history_->layers().size() && i < strips_.size(); ++i)
        if (history_->layers()[i].name == name)
            return strips_[i];
    return {};
}

void NeuronGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHeight();
}

void NeuronGrid::fitHeight()
{
    const int perRow = std::max(1, width() / kCellWidth);
    const int rows = (static_cast<int>(strips_.size()) + perRow - 1) / perRow;
    setMinimumHeight(std::max(1, rows) * kCellHeight);
}

void NeuronGrid::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    const int perRow = std::max(1, width() / kCellWidth);
    const int cellWidth = width() / perRow;
    for (size_t i = 0; i < strips_.size() && i < history_->layers().size(); ++i) {
        const QRect cell(int(i % size_t(perRow)) * cellWidth, int(i / size_t(perRow)) * kCellHeight, cellWidth, kCellHeight);
        paintCell(painter, cell.adjusted(kStripGap, kStripGap / 2, -kStripGap, -kStripGap / 2), history_->layers()[i], strips_[i]);
    }
}

void NeuronGrid::paintCell(QPainter &painter, const QRect &cell, const NeuronHistory::Layer &layer, const QImage &strip) const
{
    if (layer.columns.empty())
        return;
    const nn::ActivationSummary &latest = layer.columns.back().activation;
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(canvasstyle::textColor());
    const QRect title(cell.left(), cell.top(), cell.width(), kTitleHeight);
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1 · %2").arg(layer.name, layer.kind));
    painter.setFont(font());
    painter.setPen(canvasstyle::mutedTextColor());
    const QRect stripArea(cell.left() + kAxisWidth, title.bottom() + 2, cell.width() - kAxisWidth, kStripHeight);
    painter.drawImage(stripArea, strip);
    painter.drawRect(stripArea.adjusted(0, 0, -1, -1));
    const auto [low, high] = histogramstrip::valueRange(layer.columns);
    const QRect axis(cell.left(), stripArea.top(), kAxisWidth - 4, stripArea.height());
    painter.drawText(axis, Qt::AlignRight | Qt::AlignTop, QString::number(high, 'g', 3));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignBottom, QString::number(low, 'g', 3));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, tr("value"));
    const QRect fractions(stripArea.left(), stripArea.bottom() + 4, stripArea.width(), kFractionHeight);
    paintFractions(painter, fractions, layer);
    const QRect legend(cell.left(), fractions.bottom() + 2, cell.width(), cell.bottom() - fractions.bottom() - 2);
    painter.setPen(kDeadColor);
    painter.drawText(legend, Qt::AlignLeft | Qt::AlignVCenter, tr("dead %1").arg(percent(latest.zeros)));
    painter.setPen(kSaturatedColor);
    painter.drawText(legend, Qt::AlignHCenter | Qt::AlignVCenter, tr("saturated %1").arg(percent(latest.saturated)));
    painter.setPen(canvasstyle::mutedTextColor());
    painter.drawText(legend, Qt::AlignRight | Qt::AlignVCenter,
                     tr("steps %1–%2").arg(layer.columns.front().step).arg(layer.columns.back().step));
}

// The dead and saturated fractions (0 at the bottom, 100% at the top) over the strip's steps.
void NeuronGrid::paintFractions(QPainter &painter, const QRect &area, const NeuronHistory::Layer &layer) const
{
    painter.drawRect(area.adjusted(0, 0, -1, -1));
    painter.drawText(QRect(area.left() - kAxisWidth, area.top(), kAxisWidth - 4, area.height()), Qt::AlignRight | Qt::AlignTop,
                     QStringLiteral("100%"));
    painter.drawText(QRect(area.left() - kAxisWidth, area.top(), kAxisWidth - 4, area.height()),
                     Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0%"));
    const auto count = double(layer.columns.size());
    for (const bool dead : {true, false}) {
        QPainterPath path;
        bool drawing = false;
        for (size_t i = 0; i < layer.columns.size(); ++i) {
            const double f = dead ? layer.columns[i].activation.zeros : layer.columns[i].activation.saturated;
            if (!std::isfinite(f)) {
                drawing = false;
                continue;
            }
            const QPointF p(area.left() + (double(i) + 0.5) / count * area.width(), area.bottom() - f * (area.height() - 1));
            drawing ? path.lineTo(p) : path.moveTo(p);
            drawing = true;
        }
        painter.setPen(QPen(dead ? kDeadColor : kSaturatedColor, 1.5));
        painter.drawPath(path);
    }
    painter.setPen(canvasstyle::mutedTextColor());
}
