// The sliding window's picture: input with the window, the numbers and their sum, the output so far.
#include "views/inside/kernelcanvas.h"

#include "views/inside/featuremaptiles.h"

#include "canvas/canvasstyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kKernelGap = 14;        // between the three parts, and between the number grids
constexpr int kKernelPictureSide = 140;  // the input and the output are enlarged to about this size
const QColor kWindow(230, 120, 0);

// The largest |value| and whether any is negative, over `count` floats.
std::pair<float, bool> rangeOf(const float *values, int64_t count)
{
    float largest = 0.0f;
    bool negative = false;
    for (int64_t i = 0; i < count; ++i) {
        largest = std::max(largest, std::abs(values[i]));
        negative = negative || values[i] < 0.0f;
    }
    return {largest > 0.0f ? largest : 1.0f, negative};
}

// The input rows (or columns) any window touches: from the padding before to the last tap.
std::pair<int64_t, int64_t> spanOf(const ImageConvolution &conv, int64_t size, int64_t outSize, int64_t padBefore)
{
    const int64_t last = (outSize - 1) * conv.stride - padBefore + conv.dilation * (conv.kernel() - 1);
    return {std::min<int64_t>(0, -padBefore), std::max(size - 1, last)};
}

} // namespace

KernelCanvas::KernelCanvas(QWidget *parent) : QWidget(parent) {}

QString KernelCanvas::number(double value)
{
    const double magnitude = std::abs(value);
    QString text = QString::number(value, 'f', magnitude >= 100.0 ? 0 : magnitude >= 10.0 ? 1 : 2);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212));
    return text == QStringLiteral("\u22120.00") ? QStringLiteral("0.00") : text;
}

void KernelCanvas::setStep(const ImageConvolution *conv, KernelStep step, int64_t done)
{
    conv_ = conv;
    step_ = std::move(step);
    done_ = done;
    formula_.clear();
    const int64_t channels = conv->channelsPerFilter();
    formula_ << tr("Σ products of channel %1 = %2").arg(step_.channel + 1).arg(number(step_.channelSum));
    if (channels > 1)
        formula_ << tr("Σ over all %1 channels = %2").arg(channels).arg(number(step_.sum));
    formula_ << tr("+ bias %1 = %2").arg(number(step_.bias), number(step_.z));
    if (conv->activation == "linear")
        formula_ << tr("output (%1, %2) = %3").arg(step_.y + 1).arg(step_.x + 1).arg(number(step_.out));
    else
        formula_ << tr("%1(%2) = output (%3, %4) = %5")
                        .arg(QString::fromStdString(conv->activation), number(step_.z))
                        .arg(step_.y + 1)
                        .arg(step_.x + 1)
                        .arg(number(step_.out));
    updateGeometry();
    update();
}

void KernelCanvas::clear()
{
    conv_ = nullptr;
    formula_.clear();
    updateGeometry();
    update();
}

int KernelCanvas::inputZoom() const
{
    const auto [top, bottom] = spanOf(*conv_, conv_->input.dim(1), conv_->output.dim(1), conv_->padTop);
    const auto [left, right] = spanOf(*conv_, conv_->input.dim(2), conv_->output.dim(2), conv_->padLeft);
    return int(std::max<int64_t>(2, kKernelPictureSide / std::max(bottom - top + 1, right - left + 1)));
}

int KernelCanvas::outputZoom() const
{
    return int(std::max<int64_t>(2, kKernelPictureSide / std::max(conv_->output.dim(1), conv_->output.dim(2))));
}

QSize KernelCanvas::cellSize() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QStringLiteral("\u22120.00")) + 6, metrics.height() + 6};
}

QString KernelCanvas::outputTitle() const
{
    return tr("Output of filter %1").arg(step_.filter + 1);
}

int KernelCanvas::numbersWidth() const
{
    int formulaWidth = 0;
    for (const QString &text : formula_)
        formulaWidth = std::max(formulaWidth, fontMetrics().horizontalAdvance(text));
    return std::max(3 * int(conv_->kernel()) * cellSize().width() + 2 * kKernelGap, formulaWidth);
}

QSize KernelCanvas::sizeHint() const
{
    if (!conv_)
        return {400, 120};
    const QFontMetrics metrics(font());
    const int k = int(conv_->kernel()), line = metrics.height() + 2;
    const auto [top, bottom] = spanOf(*conv_, conv_->input.dim(1), conv_->output.dim(1), conv_->padTop);
    const auto [left, right] = spanOf(*conv_, conv_->input.dim(2), conv_->output.dim(2), conv_->padLeft);
    const QSize input(int(right - left + 1) * inputZoom(), int(bottom - top + 1) * inputZoom());
    const QSize output(int(conv_->output.dim(2)) * outputZoom(), int(conv_->output.dim(1)) * outputZoom());
    const int numbersHeight = k * cellSize().height() + 8 + int(formula_.size()) * line;
    return {input.width() + numbersWidth() + std::max(output.width(), metrics.horizontalAdvance(outputTitle())) + 2 * kKernelGap + 8,
            line + std::max({input.height(), output.height(), numbersHeight}) + 8};
}

void KernelCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!conv_)
        return;
    const int line = fontMetrics().height() + 2;
    const auto [left, right] = spanOf(*conv_, conv_->input.dim(2), conv_->output.dim(2), conv_->padLeft);
    const int inputWidth = int(right - left + 1) * inputZoom();
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QPoint(4, line - 4), tr("Input, channel %1").arg(step_.channel + 1));
    paintInput(painter, QPoint(4, line + 2));
    const int numbersLeft = 4 + inputWidth + kKernelGap;
    paintNumbers(painter, QPoint(numbersLeft, line + 2));
    const int outputLeft = numbersLeft + numbersWidth() + kKernelGap;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QPoint(outputLeft, line - 4), outputTitle());
    paintOutput(painter, QPoint(outputLeft, line + 2));
}

// The channel's pixels in their colours, the padding hatched, the window as an orange frame.
void KernelCanvas::paintInput(QPainter &painter, QPoint at) const
{
    const int64_t height = conv_->input.dim(1), width = conv_->input.dim(2);
    const int64_t firstChannel = step_.filter / (conv_->weight.dim(0) / conv_->groups) * conv_->channelsPerFilter();
    const float *plane = conv_->input.data() + (firstChannel + step_.channel) * height * width;
    const auto [scale, diverging] = rangeOf(plane, height * width);
    const auto [top, bottom] = spanOf(*conv_, height, conv_->output.dim(1), conv_->padTop);
    const auto [left, right] = spanOf(*conv_, width, conv_->output.dim(2), conv_->padLeft);
    const int zoom = inputZoom();
    for (int64_t row = top; row <= bottom; ++row)
        for (int64_t column = left; column <= right; ++column) {
            const QRect cell(at.x() + int(column - left) * zoom, at.y() + int(row - top) * zoom, zoom, zoom);
            const bool padded = row < 0 || row >= height || column < 0 || column >= width;
            if (padded)
                painter.fillRect(cell, QBrush(canvasstyle::mutedTextColor(), Qt::BDiagPattern));
            else
                painter.fillRect(cell, featuremaptiles::colour(plane[row * width + column], scale, diverging));
        }
    const int reach = int(conv_->dilation * (conv_->kernel() - 1) + 1);
    painter.setPen(QPen(kWindow, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(at.x() + int(step_.left - left) * zoom, at.y() + int(step_.top - top) * zoom, reach * zoom, reach * zoom);
}

// patch × kernel = products, each a k × k grid of numbers, then the sum's lines.
void KernelCanvas::paintNumbers(QPainter &painter, QPoint at) const
{
    const int k = int(conv_->kernel());
    const QSize cell = cellSize();
    const QString titles[] = {tr("input patch"), tr("× kernel"), tr("= products")};
    const std::vector<float> *grids[] = {&step_.patch, &step_.kernel, &step_.products};
    const QColor text = palette().color(QPalette::WindowText);
    for (int g = 0; g < 3; ++g) {
        const int left = at.x() + g * (k * cell.width() + kKernelGap);
        painter.setPen(text);
        painter.drawText(QPoint(left, at.y() - 6), titles[g]);
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                const QRect box(left + j * cell.width(), at.y() + i * cell.height(), cell.width(), cell.height());
                const float value = (*grids[g])[size_t(i * k + j)];
                const bool padded = g != 1 && step_.padded[size_t(i * k + j)];
                painter.fillRect(box, padded ? palette().color(QPalette::AlternateBase)
                                             : value > 0.0f ? QColor(253, 219, 199) : value < 0.0f ? QColor(209, 229, 240)
                                                                                               : palette().color(QPalette::Base));
                painter.setPen(palette().color(QPalette::Mid));
                painter.drawRect(box.adjusted(0, 0, -1, -1));
                painter.setPen(padded ? canvasstyle::mutedTextColor() : QColor(Qt::black));
                painter.drawText(box.adjusted(2, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, number(value));
            }
    }
    painter.setPen(text);
    const int line = fontMetrics().height() + 2;
    int y = at.y() + k * cell.height() + 8 + fontMetrics().ascent();
    for (const QString &formula : formula_) {
        painter.drawText(QPoint(at.x(), y), formula);
        y += line;
    }
}

// The filter's output map: the positions done in their colours, the current one framed, the rest blank.
void KernelCanvas::paintOutput(QPainter &painter, QPoint at) const
{
    const int64_t height = conv_->output.dim(1), width = conv_->output.dim(2);
    const float *plane = conv_->output.data() + step_.filter * height * width;
    const auto [scale, diverging] = rangeOf(plane, height * width);
    const int zoom = outputZoom();
    painter.fillRect(QRect(at, QSize(int(width) * zoom, int(height) * zoom)), palette().color(QPalette::AlternateBase));
    for (int64_t i = 0; i < std::min(done_, height * width); ++i)
        painter.fillRect(QRect(at.x() + int(i % width) * zoom, at.y() + int(i / width) * zoom, zoom, zoom),
                         featuremaptiles::colour(plane[i], scale, diverging));
    painter.setPen(QPen(kWindow, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(at.x() + int(step_.x) * zoom, at.y() + int(step_.y) * zoom, zoom, zoom);
}
