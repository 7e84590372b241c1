// AugmentPreview: the image's bytes go through datasets::ImageAugmenter exactly as training
// images do (same draws for the same seed, epoch and sample), then back into pictures.
#include "augmentpreview.h"

#include "datasets/imageaugmenter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kPreviewCellGap = 4;
constexpr int kMaxCell = 96;

// [channels, height, width] floats 0-255 of a grey or colour picture.
std::vector<float> planesOf(const QImage &image, int channels)
{
    const int width = image.width(), height = image.height();
    const size_t plane = static_cast<size_t>(width) * static_cast<size_t>(height);
    std::vector<float> planes(plane * static_cast<size_t>(channels));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const QRgb pixel = image.pixel(x, y);
            const size_t at = static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x);
            if (channels == 1) {
                planes[at] = static_cast<float>(qGray(pixel));
                continue;
            }
            planes[at] = static_cast<float>(qRed(pixel));
            planes[plane + at] = static_cast<float>(qGreen(pixel));
            planes[2 * plane + at] = static_cast<float>(qBlue(pixel));
        }
    return planes;
}

QImage pictureOf(const std::vector<float> &planes, int channels, int width, int height)
{
    const size_t plane = static_cast<size_t>(width) * static_cast<size_t>(height);
    const auto byte = [&](size_t at) { return std::clamp(static_cast<int>(std::lround(planes[at])), 0, 255); };
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const size_t at = static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x);
            const int red = byte(at);
            image.setPixel(x, y, channels == 1 ? qRgb(red, red, red) : qRgb(red, byte(plane + at), byte(2 * plane + at)));
        }
    return image;
}

} // namespace

AugmentPreview::AugmentPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("augment_preview"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setToolTip(tr("One training image as the first %1 epochs would show it to the network.").arg(kVariants));
}

void AugmentPreview::setSource(const QImage &image)
{
    source_ = image;
    redraw();
}

void AugmentPreview::setAugment(const nn::AugmentSpec &spec, uint64_t seed)
{
    if (spec == spec_ && seed == seed_ && !variants_.empty())
        return;
    spec_ = spec;
    seed_ = seed;
    redraw();
}

void AugmentPreview::redraw()
{
    variants_.clear();
    if (!source_.isNull()) {
        const int channels = source_.isGrayscale() ? 1 : 3;
        const int width = source_.width(), height = source_.height();
        const datasets::ImageAugmenter augmenter(spec_, {channels, height, width}, 255.0f);
        const std::vector<float> planes = planesOf(source_, channels);
        for (int epoch = 1; epoch <= kVariants; ++epoch) {
            std::vector<float> varied = planes;
            augmenter.apply(varied.data(), seed_, epoch, 0);
            variants_.push_back(pictureOf(varied, channels, width, height));
        }
    }
    update();
}

int AugmentPreview::cellSize(int width) const
{
    return std::clamp((width - (kColumns - 1) * kPreviewCellGap) / kColumns, 16, kMaxCell);
}

QSize AugmentPreview::sizeHint() const
{
    return {kColumns * 64 + (kColumns - 1) * kPreviewCellGap, heightForWidth(kColumns * 64 + (kColumns - 1) * kPreviewCellGap)};
}

int AugmentPreview::heightForWidth(int width) const
{
    const int rows = (kVariants + kColumns - 1) / kColumns;
    return rows * cellSize(width) + (rows - 1) * kPreviewCellGap;
}

void AugmentPreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (variants_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Augmented samples show here once image data is loaded."));
        return;
    }
    const int cell = cellSize(width());
    for (int i = 0; i < static_cast<int>(variants_.size()); ++i) {
        const QRect target((i % kColumns) * (cell + kPreviewCellGap), (i / kColumns) * (cell + kPreviewCellGap), cell, cell);
        const QImage &variant = variants_[static_cast<size_t>(i)];
        const QSize fitted = variant.size().scaled(target.size(), Qt::KeepAspectRatio);
        painter.drawImage(QRect(target.topLeft() + QPoint((cell - fitted.width()) / 2, (cell - fitted.height()) / 2), fitted), variant);
    }
}
