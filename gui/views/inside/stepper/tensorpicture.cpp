// TensorPicture's layout, colours and hover text.
#include "views/inside/stepper/tensorpicture.h"

#include "views/inside/stepper/stepperformulas.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMaxPictureWidth = 300;   // px of the cells of a heat map
constexpr int kMaxPictureHeight = 150;

// Diverging colour: white at 0, red towards +scale, blue towards −scale.
QColor colorOf(float value, float scale)
{
    const double t = std::clamp(double(value) / double(scale), -1.0, 1.0);
    const int fade = int(std::lround(255.0 * (1.0 - std::abs(t))));
    return t >= 0.0 ? QColor(255, fade, fade) : QColor(fade, fade, 255);
}

} // namespace

TensorPicture::TensorPicture(StepperTensor tensor, QWidget *parent) : QWidget(parent), tensor_(std::move(tensor))
{
    setMouseTracking(true);
    const nn::Tensor &t = tensor_.value;
    scale_ = t.empty() ? 1.0f : std::max(t.array().abs().maxCoeff(), 1e-12f);
    computeLayout();
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void TensorPicture::computeLayout()
{
    const nn::Shape &shape = tensor_.value.shape();
    Layout &l = layout_;
    if (shape.size() >= 3) {
        l.rows = shape[shape.size() - 2];
        l.cols = shape.back();
        l.tiles = std::max<int64_t>(tensor_.value.size() / std::max<int64_t>(l.rows * l.cols, 1), 1);
    } else {
        l.rows = shape.size() == 2 ? shape[0] : 1;
        l.cols = shape.empty() ? 1 : shape.back();
    }
    numbers_ = tensor_.value.size() <= kMaxNumbers && l.tiles == 1;
    const QFontMetrics metrics(font());
    labelHeight_ = metrics.height() + 4;
    if (numbers_) {
        l.cellWidth = metrics.horizontalAdvance(QStringLiteral("-0.000000")) + 6;
        l.cellHeight = metrics.height() + 4;
        l.tilesPerRow = 1;
        return;
    }
    // Heat map: as many tiles in a row as keep the picture about twice as wide as high.
    l.tilesPerRow = int(std::clamp<int64_t>(
        int64_t(std::ceil(std::sqrt(double(l.tiles) * 2.0 * double(l.rows) / double(std::max<int64_t>(l.cols, 1))))), 1, l.tiles));
    const int64_t tileRows = (l.tiles + l.tilesPerRow - 1) / l.tilesPerRow;
    const double across = double(l.cols * l.tilesPerRow), down = double(l.rows * tileRows);
    const double cell = std::clamp(std::min((kMaxPictureWidth - l.gap * (l.tilesPerRow - 1)) / across,
                                            (kMaxPictureHeight - l.gap * (tileRows - 1)) / down),
                                   0.5, 14.0);
    l.cellWidth = l.cellHeight = cell;
    if (l.tiles == 1)
        l.gap = 0;
}

QSize TensorPicture::sizeHint() const
{
    const Layout &l = layout_;
    const int64_t tileRows = (l.tiles + l.tilesPerRow - 1) / l.tilesPerRow;
    const double width = l.cols * l.cellWidth * l.tilesPerRow + l.gap * (l.tilesPerRow - 1);
    const double height = l.rows * l.cellHeight * tileRows + l.gap * (tileRows - 1);
    const int labelWidth = QFontMetrics(font()).horizontalAdvance(tensor_.label) + 4;
    return {std::max(int(std::ceil(width)) + 2, labelWidth), labelHeight_ + int(std::ceil(height)) + 2};
}

QRectF TensorPicture::cellRect(int64_t index) const
{
    const Layout &l = layout_;
    const int64_t perTile = l.rows * l.cols;
    const int64_t tile = index / perTile, inTile = index % perTile;
    const int64_t tileX = tile % l.tilesPerRow, tileY = tile / l.tilesPerRow;
    const double x = 1 + tileX * (l.cols * l.cellWidth + l.gap) + (inTile % l.cols) * l.cellWidth;
    const double y = labelHeight_ + 1 + tileY * (l.rows * l.cellHeight + l.gap) + (inTile / l.cols) * l.cellHeight;
    return {x, y, l.cellWidth, l.cellHeight};
}

int64_t TensorPicture::indexAt(QPointF point) const
{
    // Few enough cells to search the tile, then the cell.
    const Layout &l = layout_;
    const double tileWidth = l.cols * l.cellWidth + l.gap, tileHeight = l.rows * l.cellHeight + l.gap;
    const double x = point.x() - 1, y = point.y() - labelHeight_ - 1;
    if (x < 0 || y < 0)
        return -1;
    const int64_t tileX = int64_t(x / tileWidth), tileY = int64_t(y / tileHeight);
    const int64_t col = int64_t((x - tileX * tileWidth) / l.cellWidth), row = int64_t((y - tileY * tileHeight) / l.cellHeight);
    if (tileX >= l.tilesPerRow || col >= l.cols || row >= l.rows)
        return -1;
    const int64_t index = (tileY * l.tilesPerRow + tileX) * l.rows * l.cols + row * l.cols + col;
    return index < tensor_.value.size() ? index : -1;
}

void TensorPicture::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, 0, width(), labelHeight_), Qt::AlignLeft | Qt::AlignVCenter, tensor_.label);
    const nn::Tensor &t = tensor_.value;
    for (int64_t i = 0; i < t.size(); ++i) {
        const QRectF cell = cellRect(i);
        painter.fillRect(cell, colorOf(t[i], scale_));
        if (numbers_) {
            painter.setPen(QColor(40, 40, 40));
            painter.drawText(cell.adjusted(2, 0, -2, 0), Qt::AlignRight | Qt::AlignVCenter, stepperformulas::number(t[i]));
        }
    }
    if (numbers_) {
        painter.setPen(QColor(0, 0, 0, 40));
        for (int64_t i = 0; i < t.size(); ++i)
            painter.drawRect(cellRect(i));
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(230, 126, 34), numbers_ ? 2.0 : 1.5));
    for (int64_t i : tensor_.marked)
        if (i >= 0 && i < t.size())
            painter.drawRect(cellRect(i).adjusted(-0.5, -0.5, 0.5, 0.5));
}

void TensorPicture::mouseMoveEvent(QMouseEvent *event)
{
    const int64_t index = indexAt(event->position());
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    QStringList at;
    int64_t rest = index;
    const nn::Shape &shape = tensor_.value.shape();
    for (auto d = shape.rbegin(); d != shape.rend(); ++d) {
        at.prepend(QString::number(rest % *d));
        rest /= *d;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       QStringLiteral("[%1] = %2").arg(at.join(QLatin1Char(',')), stepperformulas::number(tensor_.value[index])),
                       this);
}
