// The viridis ramp (matplotlib's), sampled at five stops and interpolated in RGB.
#include "views/inside/layerramp.h"

#include <algorithm>
#include <array>
#include <cmath>

QColor layerColor(int index, int count)
{
    static constexpr std::array<std::array<double, 3>, 5> stops{{
        {0.267, 0.005, 0.329}, {0.229, 0.322, 0.546}, {0.128, 0.567, 0.551}, {0.369, 0.789, 0.383}, {0.993, 0.906, 0.144}}};
    // The last stop's yellow is hard to see on white: the ramp ends a little before it.
    const double t = count > 1 ? 0.92 * std::clamp(index, 0, count - 1) / double(count - 1) : 0.0;
    const double position = t * double(stops.size() - 1);
    const auto low = static_cast<size_t>(std::floor(position));
    const size_t high = std::min(low + 1, stops.size() - 1);
    const double f = position - double(low);
    return QColor::fromRgbF(float((1 - f) * stops[low][0] + f * stops[high][0]),
                            float((1 - f) * stops[low][1] + f * stops[high][1]),
                            float((1 - f) * stops[low][2] + f * stops[high][2]));
}
