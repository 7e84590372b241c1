// ShapesSet: each shape is a test "is this point inside?" in the shape's own frame (centred,
// unrotated, radius 1); a pixel's colour mixes shape and background by the share of 4×4
// sub-pixel points inside (anti-aliasing), then every pixel gets bell-shaped noise.
#include "shapesset.h"

#include "nn/random.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace datasets {

namespace {

constexpr int kSubsamples = 4;  // per pixel side

// A convex or star-shaped outline as its corners, tested by the even-odd rule.
template <size_t N>
bool insidePolygon(const std::array<std::array<double, 2>, N> &corners, double u, double v)
{
    bool odd = false;  // crossings of a ray from (u, v) to the right
    for (size_t i = 0, j = N - 1; i < N; j = i++) {
        const auto &a = corners[i], &b = corners[j];
        if ((a[1] > v) != (b[1] > v) && u < (b[0] - a[0]) * (v - a[1]) / (b[1] - a[1]) + a[0])
            odd = !odd;
    }
    return odd;
}

// `points` corners at radius 1 pointing up, alternating with corners at `inner` when it is above 0.
template <size_t N>
std::array<std::array<double, 2>, N> corners(double inner)
{
    std::array<std::array<double, 2>, N> result{};
    const bool star = inner > 0.0;
    for (size_t i = 0; i < N; ++i) {
        const double angle = -std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * static_cast<double>(i) / N;
        const double radius = star && i % 2 ? inner : 1.0;
        result[i] = {radius * std::cos(angle), radius * std::sin(angle)};
    }
    return result;
}

const auto kTriangle = corners<3>(0.0);  // equilateral, circumradius 1
const auto kStar = corners<10>(0.42);    // five points, inner corners at 0.42

bool inside(int shape, double u, double v)
{
    switch (shape) {
    case 0: return u * u + v * v <= 0.85 * 0.85;                        // circle
    case 1: return std::abs(u) <= 0.7 && std::abs(v) <= 0.7;            // square
    case 2: return insidePolygon(kTriangle, u, v);                      // triangle
    case 3: return insidePolygon(kStar, u, v);                          // star
    default:                                                            // cross (a plus sign)
        return (std::abs(u) <= 0.27 && std::abs(v) <= 0.9) || (std::abs(v) <= 0.27 && std::abs(u) <= 0.9);
    }
}

// Mean 0, standard deviation 1, bell-shaped (the sum of three uniform numbers): a tenth of the cost
// of a Box-Muller normal, which for 61 million pixel values is most of the set's drawing time.
float roughlyNormal(nn::Rng &rng)
{
    return 2.0f * (rng.uniform() + rng.uniform() + rng.uniform() - 1.5f);
}

using Colour = std::array<float, 3>;

Colour randomColour(nn::Rng &rng)
{
    return {rng.uniform(0.0f, 255.0f), rng.uniform(0.0f, 255.0f), rng.uniform(0.0f, 255.0f)};
}

// A colour at least `distance` away from `from`, so that every shape can be seen.
Colour contrastingColour(nn::Rng &rng, const Colour &from, float distance)
{
    for (;;) {
        const Colour colour = randomColour(rng);
        const float dr = colour[0] - from[0], dg = colour[1] - from[1], db = colour[2] - from[2];
        if (dr * dr + dg * dg + db * db >= distance * distance)
            return colour;
    }
}

// Draws image `index` of class `shape` into `out` ([3, 32, 32] bytes).
void draw(uint64_t seed, int64_t index, int shape, uint8_t *out)
{
    nn::Rng rng = nn::Rng::keyed(seed, "data/shapes", static_cast<uint64_t>(index));
    const Colour background = randomColour(rng);
    const Colour foreground = contrastingColour(rng, background, 110.0f);
    const float gradientX = rng.uniform(-1.5f, 1.5f), gradientY = rng.uniform(-1.5f, 1.5f);  // per pixel
    const double radius = rng.uniform(6.5f, 12.0f);
    const double cx = rng.uniform(static_cast<float>(radius * 0.8), static_cast<float>(ShapesSet::kSize - radius * 0.8));
    const double cy = rng.uniform(static_cast<float>(radius * 0.8), static_cast<float>(ShapesSet::kSize - radius * 0.8));
    const double turn = rng.uniform(0.0f, static_cast<float>(2.0 * std::numbers::pi));
    const double c = std::cos(turn), s = std::sin(turn);
    const float noise = rng.uniform(4.0f, 16.0f);
    constexpr int plane = ShapesSet::kSize * ShapesSet::kSize;
    for (int y = 0; y < ShapesSet::kSize; ++y)
        for (int x = 0; x < ShapesSet::kSize; ++x) {
            // Every shape lies within its unit circle: a pixel whose corners are all beyond it is background.
            const bool near = std::hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius + 0.75;
            int covered = 0;
            for (int sy = 0; near && sy < kSubsamples; ++sy)
                for (int sx = 0; sx < kSubsamples; ++sx) {
                    const double px = x + (sx + 0.5) / kSubsamples - cx, py = y + (sy + 0.5) / kSubsamples - cy;
                    covered += inside(shape, (c * px + s * py) / radius, (-s * px + c * py) / radius);
                }
            const float alpha = static_cast<float>(covered) / (kSubsamples * kSubsamples);
            const float shade = gradientX * (x - 15.5f) + gradientY * (y - 15.5f);
            for (int ch = 0; ch < 3; ++ch) {
                const float value = (background[ch] + shade) * (1.0f - alpha) + foreground[ch] * alpha + roughlyNormal(rng) * noise;
                out[ch * plane + y * ShapesSet::kSize + x] = static_cast<uint8_t>(std::clamp(std::lround(value), 0L, 255L));
            }
        }
}

} // namespace

const std::vector<std::string> &ShapesSet::classNames()
{
    static const std::vector<std::string> names = {"circle", "square", "triangle", "star", "cross"};
    return names;
}

std::string ShapesSet::description(int64_t count)
{
    return "Shapes: " + std::to_string(count) + " colour 32×32 images of circles, squares, triangles, stars and crosses "
           "in random colours, places, sizes and turns on noisy backgrounds (generated by LayerLab)";
}

RawData<uint8_t> ShapesSet::generate(int64_t count, uint64_t seed)
{
    const int classes = static_cast<int>(classNames().size());
    auto samples = std::make_shared<Samples<uint8_t>>();
    samples->count = count;
    samples->sampleShape = {3, kSize, kSize};
    samples->inputs.resize(static_cast<size_t>(count * 3 * kSize * kSize));
    samples->targets.resize(static_cast<size_t>(count));
    tbb::parallel_for(tbb::blocked_range<int64_t>(0, count), [&](const tbb::blocked_range<int64_t> &range) {
        for (int64_t i = range.begin(); i < range.end(); ++i) {
            const int shape = static_cast<int>(i % classes);
            samples->targets[static_cast<size_t>(i)] = static_cast<float>(shape);
            draw(seed, i, shape, samples->inputs.data() + i * 3 * kSize * kSize);
        }
    });
    RawData<uint8_t> data;
    data.info.name = "shapes";
    data.info.description = description(count);
    data.info.isImage = true;
    data.info.sampleShape = samples->sampleShape;
    data.info.numClasses = classes;
    data.info.classNames = classNames();
    data.samples = std::move(samples);
    data.autoScaling = AutoScaling::PixelMaximum;
    data.pixelMaximum = 255.0f;
    return data;
}

} // namespace datasets
