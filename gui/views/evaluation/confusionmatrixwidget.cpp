// Painting and clicking of the confusion matrix.
#include "views/evaluation/confusionmatrixwidget.h"

#include "views/classcolors.h"

#include "canvas/canvasstyle.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace {

constexpr int kTitle = 16;   // the "true" / "predicted" axis titles
constexpr int kMinCell = 8;  // below this the grid is drawn outside the widget
constexpr int kNamedRows = 12;  // up to this many classes every row is as high as its name

// Every stride-th class is named when rows of `size` pixels are lower than a name of `textHeight`
// (a language model's 60 or more characters), so that no name overprints the next.
int labelStride(int size, int textHeight)
{
    return size <= 0 ? 1 : std::max(1, (textHeight + size - 1) / size);
}

QColor mixWithWhite(const QColor &colour, double amount)
{
    auto mix = [amount](int channel) { return static_cast<int>(255.0 + (channel - 255.0) * amount); };
    return {mix(colour.red()), mix(colour.green()), mix(colour.blue())};
}

} // namespace

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);  // the hovered cell's row and column are outlined
    setToolTip(tr("Rows: the true class; columns: what the model predicted. Click a cell to show its samples."));
}

void ConfusionMatrixWidget::setMatrix(std::vector<std::vector<int64_t>> confusion, QStringList classNames)
{
    confusion_ = std::move(confusion);
    classNames_ = std::move(classNames);
    if (selected_.first >= classes() || selected_.second >= classes())
        selected_ = {-1, -1};
    const QFontMetrics metrics(labelFont());
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
    return std::clamp(available / classes(), smallestCell(), 64);
}

int ConfusionMatrixWidget::smallestCell() const
{
    // Many classes share a grid of about 128 pixels at the least, 2 pixels a cell at the smallest.
    return classes() > kNamedRows ? std::clamp(128 / std::max(classes(), 1), 2, kMinCell) : kMinCell;
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

QSize ConfusionMatrixWidget::minimumSizeHint() const
{
    // Rows as high as their class names, so that no name overprints the next; with many classes,
    // small rows and every few names (labelStride), so that the matrix still fits the screen.
    const int named = std::max(kMinCell, QFontMetrics(labelFont()).height() + 2);
    const int cell = classes() > kNamedRows ? smallestCell() : named;
    const int side = kTitle + labelWidth_ + cell * std::max(classes(), 2) + 4;
    return {std::max(side, 160), std::max(side, 160)};
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

QFont ConfusionMatrixWidget::labelFont() const
{
    QFont font = this->font();  // follows the application's (Present enlarges it)
    font.setPointSizeF(std::max(8.0, 0.9 * font.pointSizeF()));
    return font;
}

QString ConfusionMatrixWidget::className(int k) const
{
    return k < classNames_.size() ? classNames_[k] : QString::number(k);
}

bool ConfusionMatrixWidget::showsCounts() const
{
    int64_t largest = 0;
    for (const auto &row : confusion_)
        for (int64_t count : row)
            largest = std::max(largest, count);
    const QFontMetrics metrics(labelFont());
    const int size = cellSize();
    return size >= metrics.height() + 4 && metrics.horizontalAdvance(QString::number(largest)) + 6 <= size;
}

QString ConfusionMatrixWidget::cellToolTip(int trueClass, int predictedClass) const
{
    if (trueClass < 0 || predictedClass < 0 || trueClass >= classes() || predictedClass >= classes())
        return {};
    const auto &row = confusion_[static_cast<size_t>(trueClass)];
    const int64_t count = row[static_cast<size_t>(predictedClass)];
    const int64_t total = std::accumulate(row.begin(), row.end(), int64_t{0});
    return tr("True %1, predicted %2: %3 (%4 % of the %1 samples)")
        .arg(className(trueClass), className(predictedClass))
        .arg(count)
        .arg(total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0, 0, 'f', 1);
}

void ConfusionMatrixWidget::mouseMoveEvent(QMouseEvent *event)
{
    const auto cell = cellAt(event->position().toPoint());
    if (cell != hovered_) {
        hovered_ = cell;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void ConfusionMatrixWidget::leaveEvent(QEvent *event)
{
    hovered_ = {-1, -1};
    update();
    QWidget::leaveEvent(event);
}

bool ConfusionMatrixWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto cell = cellAt(help->pos());
        if (cell.first >= 0) {
            QToolTip::showText(help->globalPos(), cellToolTip(cell.first, cell.second), this, cellRect(cell.first, cell.second));
            return true;
        }
    }
    return QWidget::event(event);
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
    painter.setFont(labelFont());
    drawHeaders(painter);
    const bool withCounts = showsCounts();
    for (int t = 0; t < classes(); ++t) {
        const auto &row = confusion_[static_cast<size_t>(t)];
        const int64_t total = std::accumulate(row.begin(), row.end(), int64_t{0});
        for (int p = 0; p < classes(); ++p)
            drawCell(painter, t, p, total, withCounts);
    }
    drawHover(painter);
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
    const QFont plain = painter.font();
    QFont bold = plain;
    bold.setBold(true);
    const int stride = labelStride(size, QFontMetrics(plain).height());
    for (int k = 0; k < classes(); ++k) {
        if (k % stride != 0 && k != hovered_.first && k != hovered_.second)
            continue;
        // The hovered cell's class names stand out, so its row and column read at a glance.
        painter.setFont(k == hovered_.first ? bold : plain);
        painter.setPen(k == hovered_.first ? canvasstyle::selectionColor() : canvasstyle::textColor());
        const QString name = QFontMetrics(painter.font()).elidedText(className(k), Qt::ElideRight, labelWidth_ - 6);
        painter.drawText(QRect(kTitle, at.y() + k * size, labelWidth_ - 6, size), Qt::AlignRight | Qt::AlignVCenter, name);
        painter.setFont(k == hovered_.second ? bold : plain);
        painter.setPen(k == hovered_.second ? canvasstyle::selectionColor() : canvasstyle::textColor());
        const QString column = QFontMetrics(painter.font()).elidedText(className(k), Qt::ElideRight, labelWidth_ - 6);
        painter.save();
        painter.translate(at.x() + k * size, at.y() - 6);
        painter.rotate(-90);
        painter.drawText(QRect(0, 0, labelWidth_ - 6, size), Qt::AlignLeft | Qt::AlignVCenter, column);
        painter.restore();
    }
    painter.setFont(plain);
}

// The hovered cell's row and column outlined, from their class names to the grid's far side.
void ConfusionMatrixWidget::drawHover(QPainter &painter) const
{
    if (hovered_.first < 0)
        return;
    const int size = cellSize(), side = size * classes();
    const QPoint at = origin();
    painter.setPen(QPen(canvasstyle::selectionColor(), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRect(kTitle, at.y() + hovered_.first * size, at.x() - kTitle + side, size));
    painter.drawRect(QRect(at.x() + hovered_.second * size, kTitle, size, at.y() - kTitle + side));
}

void ConfusionMatrixWidget::drawCell(QPainter &painter, int t, int p, int64_t rowTotal, bool withCount) const
{
    const int64_t count = confusion_[static_cast<size_t>(t)][static_cast<size_t>(p)];
    const double share = rowTotal > 0 ? static_cast<double>(count) / static_cast<double>(rowTotal) : 0.0;
    const QColor hue = t == p ? classcolors::classColor(0) : classcolors::classColor(2);
    const double amount = count == 0 ? 0.0 : 0.12 + 0.88 * share;
    const QRect cell = cellRect(t, p);
    painter.fillRect(cell, mixWithWhite(hue, amount));
    painter.setPen(QPen(canvasstyle::gridColor(), 1.0));
    painter.drawRect(cell);
    if (!withCount)
        return;
    painter.setPen(amount > 0.55 ? QColor(Qt::white) : (count == 0 ? canvasstyle::gridColor() : canvasstyle::textColor()));
    painter.drawText(cell, Qt::AlignCenter, QString::number(count));
}
