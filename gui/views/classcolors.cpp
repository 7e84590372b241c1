// The Tableau 10 palette and a two-hue ramp for values.
#include "views/classcolors.h"

#include <algorithm>
#include <array>

namespace classcolors {

QColor classColor(int classIndex)
{
    static constexpr std::array<QRgb, 10> kTableau10 = {
        0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac,
    };
    const int n = static_cast<int>(kTableau10.size());
    return QColor::fromRgb(kTableau10[static_cast<size_t>(((classIndex % n) + n) % n)]);
}

QColor valueColor(double t)
{
    const QColor low = classColor(0), high = classColor(1);
    const double u = std::clamp(t, 0.0, 1.0);
    auto mix = [u](int a, int b) { return static_cast<int>(a + (b - a) * u); };
    return {mix(low.red(), high.red()), mix(low.green(), high.green()), mix(low.blue(), high.blue())};
}

} // namespace classcolors
