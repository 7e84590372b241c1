// The words for an image model's input, written once for both exporters.
#include "imageinput.h"

#include "nn/configreader.h"

#include <algorithm>
#include <cmath>

namespace nn {

namespace {

const char *resizeText(const std::string &mode)
{
    if (mode == "crop")
        return "scaled so that it covers the input's size and cropped to the centre (the ends of the longer side are cut)";
    if (mode == "pad")
        return "scaled so that it fits inside the input's size, centred, with black bars along the shorter side";
    return "stretched to the input's size (its proportions are not kept)";
}

} // namespace

std::string colourName(const Shape &sample)
{
    return !sample.empty() && sample.front() == 1 ? "grey" : "RGB";
}

std::string pixelScaling(const ExportInfo &info)
{
    if (info.inputScale.empty())
        return "none";
    const float scale = info.inputScale.front();
    const bool uniform = std::all_of(info.inputScale.begin(), info.inputScale.end(), [&](float s) { return s == scale; }) &&
                         std::all_of(info.inputOffset.begin(), info.inputOffset.end(), [](float o) { return o == 0.0f; });
    if (!uniform)
        return "per pixel: x * input_scale + input_offset (standardized on the training split)";
    if (scale == 1.0f)
        return "none";
    const double divisor = 1.0 / static_cast<double>(scale);  // 255 for 1/255 in float
    const double whole = std::round(divisor);
    return "x / " + ConfigReader::formatNumber(std::abs(divisor - whole) < 1e-4 * whole ? whole : divisor);
}

std::string imageInputText(const ExportInfo &info, const Shape &sample)
{
    if (info.imageResize.empty() || sample.size() != 3)
        return {};
    const std::string size = std::to_string(sample[2]) + "x" + std::to_string(sample[1]);
    return "A picture (PNG or JPEG) becomes this input as LayerLab's predict makes it: decoded to " + colourName(sample) +
           " (transparent pixels laid on white), " + resizeText(info.imageResize) + " of " + size +
           " pixels ('" + info.imageResize + "': area averaging where it shrinks, bilinear where it grows), rounded to "
           "bytes 0-255 and laid out as [channels, height, width]. Pixel scaling: " + pixelScaling(info) + ".";
}

std::vector<std::pair<std::string, std::string>> imageInputMetadata(const ExportInfo &info, const Shape &sample)
{
    if (info.imageResize.empty() || sample.size() != 3)
        return {};
    return {{"input_size", std::to_string(sample[2]) + "x" + std::to_string(sample[1])},
            {"input_channels", std::to_string(sample[0]) + " (" + colourName(sample) + ")"},
            {"image_resize", info.imageResize},
            {"pixel_scaling", pixelScaling(info)},
            {"pixel_range", "0-255 (the graph's input; it applies the pixel scaling itself)"}};
}

} // namespace nn
