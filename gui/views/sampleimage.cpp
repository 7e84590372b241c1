// Model inputs back to pixels.
#include "views/sampleimage.h"

#include "views/batchprediction.h"

#include <algorithm>
#include <vector>

namespace views {

namespace {

struct ImageLayout {
    int64_t channels = 1, height = 0, width = 0;
};

ImageLayout layoutOf(const nn::Shape &shape)
{
    if (shape.size() == 3)
        return {shape[0], shape[1], shape[2]};
    if (shape.size() == 2)
        return {1, shape[0], shape[1]};
    return {1, 1, shape.empty() ? 0 : shape[0]};
}

} // namespace

QImage sampleImage(const float *sample, const datasets::DataInfo &info)
{
    const ImageLayout layout = layoutOf(info.sampleShape);
    const int64_t plane = layout.height * layout.width;
    std::vector<float> raw(static_cast<size_t>(layout.channels * plane));
    for (size_t i = 0; i < raw.size(); ++i)
        raw[i] = rawValue(sample[i], info, static_cast<int64_t>(i));
    // Colour images are 8-bit everywhere here (Shapes, folders of pictures): their own levels, so a
    // dark photo stays dark. Grey sets have their own ranges (digits 0–16), read off the sample.
    const bool colour = layout.channels == 3;
    const float low = colour ? 0.0f : std::min(0.0f, *std::min_element(raw.begin(), raw.end()));
    const float high = colour ? 255.0f : std::max(1.0f, *std::max_element(raw.begin(), raw.end()));
    auto level = [&](float v) { return std::clamp(static_cast<int>(255.0f * (v - low) / (high - low) + 0.5f), 0, 255); };

    QImage image(static_cast<int>(layout.width), static_cast<int>(layout.height), colour ? QImage::Format_RGB32 : QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const size_t at = static_cast<size_t>(y * layout.width + x);
            if (colour)
                image.setPixel(x, y, qRgb(level(raw[at]), level(raw[at + plane]), level(raw[at + 2 * plane])));
            else
                static_cast<uchar *>(image.scanLine(y))[x] = static_cast<uchar>(level(raw[at]));
        }
    return image;
}

} // namespace views
