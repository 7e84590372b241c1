// The heat map's geometry (title, column labels, cells, key) and its colour scales.
#include "views/inside/tokenheatmap.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 4, kKeyHeight = 10, kMaxLabelChars = 10;

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

const QColor kWhite(255, 255, 255), kDarkBlue(8, 48, 107), kBlue(33, 102, 172), kRed(178, 24, 43);

QString elided(const QString &label)
{
    return label.size() > kMaxLabelChars ? label.left(kMaxLabelChars - 1) + QStringLiteral("…") : label;
}

} // namespace

TokenHeatMap::TokenHeatMap(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void TokenHeatMap::setMatrix(const QString &title, std::vector<float> values, int rows, int cols, QStringList rowLabels,
                             QStringList columnLabels, Colours colours, float scale)
{
    title_ = title;
    values_ = std::move(values);
    rows_ = rows;
    cols_ = cols;
    rowLabels_ = std::move(rowLabels);
    columnLabels_ = std::move(columnLabels);
    colours_ = colours;
    scale_ = scale > 0.0f && std::isfinite(scale) ? scale : 1.0f;
    updateGeometry();
    update();
}

void TokenHeatMap::setCellSize(int width, int height)
{
    height = height > 0 ? height : width;
    if (width == cellWidth_ && height == cellHeight_)
        return;
    cellWidth_ = width;
    cellHeight_ = height;
    updateGeometry();
    update();
}

QColor TokenHeatMap::colour(float value) const
{
    if (!std::isfinite(value))
        return Qt::black;
    if (colours_ == Colours::Weights)
        return mix(kWhite, kDarkBlue, double(value));
    const double t = double(value) / double(scale_);
    return t < 0.0 ? mix(kWhite, kBlue, -t) : mix(kWhite, kRed, t);
}

bool TokenHeatMap::rotatedColumnLabels() const
{
    return std::any_of(columnLabels_.begin(), columnLabels_.end(), [](const QString &l) { return l.size() > 2; });
}

int TokenHeatMap::rowLabelWidth() const
{
    const QFontMetrics metrics(font());
    int widest = 0;
    for (const QString &label : rowLabels_)
        widest = std::max(widest, metrics.horizontalAdvance(elided(label)));
    return widest + kMargin;
}

int TokenHeatMap::columnLabelHeight() const
{
    const QFontMetrics metrics(font());
    if (!rotatedColumnLabels())
        return metrics.height();
    int widest = 0;
    for (const QString &label : columnLabels_)
        widest = std::max(widest, metrics.horizontalAdvance(elided(label)));
    return widest + kMargin;
}

QRect TokenHeatMap::cellRect(int row, int col) const
{
    const QFontMetrics metrics(font());
    const int top = metrics.height() + kMargin + columnLabelHeight();
    return {rowLabelWidth() + col * cellWidth_, top + row * cellHeight_, cellWidth_, cellHeight_};
}

QSize TokenHeatMap::sizeHint() const
{
    const QFontMetrics metrics(font());
    const QRect last = cellRect(std::max(rows_, 1) - 1, std::max(cols_, 1) - 1);
    const int width = std::max(last.right() + 1, metrics.horizontalAdvance(title_)) + kMargin;
    return {std::max(width, 160), last.bottom() + 1 + kMargin + kKeyHeight + metrics.height() + kMargin};
}

void TokenHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, 0, width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, title_);
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < cols_; ++c)
            painter.fillRect(cellRect(r, c), cellColour(r, c));
    const int every = (metrics.height() + cellHeight_ - 1) / cellHeight_;  // rows too thin for a label each
    for (int r = 0; r < rows_ && r < rowLabels_.size(); r += every)
        painter.drawText(QRect(0, cellRect(r, 0).top(), rowLabelWidth() - kMargin, std::max(cellHeight_, metrics.height())),
                         Qt::AlignRight | (every > 1 ? Qt::AlignTop : Qt::AlignVCenter), elided(rowLabels_[r]));
    const int labelBottom = cellRect(0, 0).top() - 2;
    for (int c = 0; c < cols_ && c < columnLabels_.size(); ++c) {
        const QRect cell = cellRect(0, c);
        if (!rotatedColumnLabels()) {
            painter.drawText(QRect(cell.left(), labelBottom - metrics.height(), cellWidth_, metrics.height()), Qt::AlignCenter,
                             columnLabels_[c]);
            continue;
        }
        painter.save();
        painter.translate(cell.center().x() + metrics.ascent() / 2 - 1, labelBottom);
        painter.rotate(-90.0);
        painter.drawText(0, 0, elided(columnLabels_[c]));
        painter.restore();
    }
    const QRect last = cellRect(std::max(rows_, 1) - 1, 0);
    paintKey(painter, QRect(rowLabelWidth(), last.bottom() + 1 + kMargin, std::clamp(cols_ * cellWidth_, 120, 240), kKeyHeight));
}

// A gradient bar with its ends (and 0 in the middle of a diverging scale) written under it.
void TokenHeatMap::paintKey(QPainter &painter, const QRect &area) const
{
    QLinearGradient gradient(area.topLeft(), area.topRight());
    const bool diverging = colours_ == Colours::Diverging;
    const float low = diverging ? -scale_ : 0.0f, high = diverging ? scale_ : 1.0f;
    for (int i = 0; i <= 8; ++i)
        gradient.setColorAt(i / 8.0, colour(low + (high - low) * float(i) / 8.0f));
    painter.fillRect(area, gradient);
    painter.drawRect(area.adjusted(0, 0, -1, -1));
    const QFontMetrics metrics(font());
    const QRect text(area.left() - 40, area.bottom() + 1, area.width() + 80, metrics.height());
    painter.drawText(text.adjusted(40, 0, 0, 0), Qt::AlignLeft, QString::number(double(low), 'g', 3));
    painter.drawText(text.adjusted(0, 0, -40, 0), Qt::AlignRight, QString::number(double(high), 'g', 3));
    if (diverging)
        painter.drawText(text, Qt::AlignHCenter, QStringLiteral("0"));
}
