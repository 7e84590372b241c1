// Painting and clicking of the confusion matrix.
#include "views/evaluation/confusionmatrixwidget.h"

#include "views/classcolors.h"

#include "canvas/canvasstyle.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace {

constexpr int kTitle = 16;  // the "true" / "predicted" axis titles

QColor mixWithWhite(const QColor &colour, double amount)
{
    auto mix = [amount](int channel) { return static_cast<int>(255.0 + (channel - 255.0) * amount); };
    return {mix(colour.red()), mix(colour.green()), mix(colour.blue())};
}

} // namespace

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setToolTip(tr("Rows: the true class; columns: what the model predicted. Click a cell to show its samples."));
}

void ConfusionMatrixWidget::setMatrix(std::vector<std::vector<int64_t>> confusion, QStringList classNames)
{
    confusion_ = std::move(confusion);
    classNames_ = std::move(classNames);
    if (selected_.first >= classes() || selected_.second >= classes())
        selected_ = {-1, -1};
    QFont font = this->font();
    font.setPointSizeF(8.0);
    const QFontMetrics metrics(font);
    labelWidth_ = 20;
    for (const QString &name : classNames_)
        labelWidth_ = std::max(labelWidth_, std::min(metrics.horizontalAdvance(name) + 8, 110));
    setMaximumWidth(kTitle + labelWidth_ + 64 * classes() + 8);  // cells grow to 64 px at most
    updateGeometry();
    update();
}

int ConfusionMatrixWidget::cellSize() const
{
    if (classes() == 0)
        return 0;
    const int available = std::min(width() - origin().x(), height() - origin().y()) - 4;
    return std::clamp(available / classes(), 14, 64);
}

QPoint ConfusionMatrixWidget::origin() const
{
    return {kTitle + labelWidth_, kTitle + labelWidth_};
}

QSize ConfusionMatrixWidget::sizeHint() const
{
    const int side = kTitle + labelWidth_ + 36 * std::max(classes(), 2) + 4;
    return {side, side};
}

QRect ConfusionMatrixWidget::cellRect(int trueClass, int predictedClass) const
{
    const int size = cellSize();
    return {origin().x() + predictedClass * size, origin().y() + trueClass * size, size, size};
}

std::pair<int, int> ConfusionMatrixWidget::cellAt(QPoint position) const
{
    const int size = cellSize();
    if (size == 0)
        return {-1, -1};
    const QPoint local = position - origin();
    const int p = local.x() / size, t = local.y() / size;
    if (local.x() < 0 || local.y() < 0 || p >= classes() || t >= classes())
        return {-1, -1};
    return {t, p};
}

void ConfusionMatrixWidget::clearSelection()
{
    selected_ = {-1, -1};
    update();
    emit cellSelected(-1, -1);
}

void ConfusionMatrixWidget::mousePressEvent(QMouseEvent *event)
{
    const auto cell = cellAt(event->position().toPoint());
    if (cell.first < 0 || cell == selected_) {
        clearSelection();
        return;
    }
    selected_ = cell;
    update();
    emit cellSelected(cell.first, cell.second);
}

void ConfusionMatrixWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (classes() == 0)
        return;
    QFont font = painter.font();
    font.setPointSizeF(8.0);
    painter.setFont(font);
    drawHeaders(painter);
    for (int t = 0; t < classes(); ++t) {
        const auto &row = confusion_[static_cast<size_t>(t)];
        const int64_t total = std::accumulate(row.begin(), row.end(), int64_t{0});
        for (int p = 0; p < classes(); ++p)
            drawCell(painter, t, p, total);
    }
    if (selected_.first >= 0) {
        painter.setPen(QPen(canvasstyle::selectionColor(), 2.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(selected_.first, selected_.second).adjusted(1, 1, -1, -1));
    }
}

void ConfusionMatrixWidget::drawHeaders(QPainter &painter) const
{
    const int size = cellSize(), side = size * classes();
    const QPoint at = origin();
    painter.setPen(canvasstyle::mutedTextColor());
    painter.drawText(QRect(at.x(), 0, side, kTitle), Qt::AlignCenter, tr("predicted"));
    painter.save();
    painter.translate(0, at.y() + side);
    painter.rotate(-90);
    painter.drawText(QRect(0, 0, side, kTitle), Qt::AlignCenter, tr("true"));
    painter.restore();
    painter.setPen(canvasstyle::textColor());
    const QFontMetrics metrics(painter.font());
    for (int k = 0; k < classes(); ++k) {
        const QString name = metrics.elidedText(k < classNames_.size() ? classNames_[k] : QString::number(k), Qt::ElideRight, labelWidth_ - 6);
        painter.drawText(QRect(kTitle, at.y() + k * size, labelWidth_ - 6, size), Qt::AlignRight | Qt::AlignVCenter, name);
        painter.save();
        painter.translate(at.x() + k * size, at.y() - 6);
        painter.rotate(-90);
        painter.drawText(QRect(0, 0, labelWidth_ - 6, size), Qt::AlignLeft | Qt::AlignVCenter, name);
        painter.restore();
    }
}

void ConfusionMatrixWidget::drawCell(QPainter &painter, int t, int p, int64_t rowTotal) const
{
    const int64_t count = confusion_[static_cast<size_t>(t)][static_cast<size_t>(p)];
    const double share = rowTotal > 0 ? static_cast<double>(count) / static_cast<double>(rowTotal) : 0.0;
    const QColor hue = t == p ? classcolors::classColor(0) : classcolors::classColor(2);
    const double amount = count == 0 ? 0.0 : 0.12 + 0.88 * share;
    const QRect cell = cellRect(t, p);
    painter.fillRect(cell, mixWithWhite(hue, amount));
    painter.setPen(QPen(canvasstyle::gridColor(), 1.0));
    painter.drawRect(cell);
    painter.setPen(amount > 0.55 ? QColor(Qt::white) : (count == 0 ? canvasstyle::gridColor() : canvasstyle::textColor()));
    painter.drawText(cell, Qt::AlignCenter, QString::number(count));
}
