// ganNoise: one keyed stream per (seed, generator, step, draw).
#include "gannoise.h"

#include "random.h"

namespace nn {

Tensor ganNoise(const Model &generator, const GanConfig &gan, int64_t n, uint64_t seed, uint64_t step, uint64_t draw)
{
    Shape shape = generator.inputShape();
    shape.insert(shape.begin(), n);
    Tensor z(shape);
    Rng rng = Rng::keyed(seed, "noise/" + generator.key(), step, draw);
    const bool uniform = gan.noise == "uniform";
    for (int64_t i = 0; i < z.size(); ++i)
        z[i] = uniform ? rng.uniform(-1.0f, 1.0f) : rng.normal();
    return z;
}

} // namespace nn
