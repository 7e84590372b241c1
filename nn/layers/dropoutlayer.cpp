// Dropout: per-sample keyed masks, so a run is the same on any number of threads.
#include "dropoutlayer.h"

#include "nn/parallel.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {

const bool registeredDropoutLayer = registerLayer<DropoutLayer>();

// Values per chunk: fixed, so chunks never depend on the thread count (each row has its own
// stream anyway), and large enough to be worth a thread.
constexpr int64_t kDropoutChunkElements = 1 << 14;
constexpr double kDropoutFlopsPerElement = 10.0;  // one random draw and a multiply

} // namespace

const LayerSpec &DropoutLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Dropout";
        s.category = "Core";
        s.summary = "Dropout: while training, randomly zeroes a fraction of the values so the network cannot "
                    "rely on any one; a cure for overfitting.";
        s.settings = {SettingSpec::real("rate", 0.5, 0.0, 0.99,
                                        "Probability that a value is dropped while training; 0.2 to 0.5 is usual")};
        return s;
    }();
    return spec;
}

DropoutLayer::DropoutLayer(Settings settings)
    : Layer(std::move(settings)), rate_(static_cast<float>(settings_.real("rate")))
{
}

Shape DropoutLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    return inputs[0];
}

void DropoutLayer::drawMask(Tensor &mask, int64_t begin, int64_t end, const RunContext &ctx) const
{
    const int64_t features = featuresPerSample(mask.shape());
    const float scale = 1.0f / (1.0f - rate_);
    // Keyed by step, pass and row as separate numbers: no two (step, row) pairs share a stream,
    // whatever the batch size.
    const std::string key = "dropout/" + randomKey() + "/" + std::to_string(ctx.pass);
    for (int64_t row = begin; row < end; ++row) {
        Rng rng = Rng::keyed(ctx.seed, key, ctx.step, uint64_t(row));
        float *m = mask.data() + row * features;
        for (int64_t j = 0; j < features; ++j)
            m[j] = rng.uniform() < rate_ ? 0.0f : scale;
    }
}

void DropoutLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx)
{
    const Tensor &x = *inputs[0];  // (N, …)
    out.resize(x.shape());         // (N, …)
    if (!ctx.training) {
        out.vector() = x.vector();
        return;
    }
    Tensor &mask = saved.slot(0);  // (N, …) 0 or 1/(1 − rate) per value
    mask.resize(x.shape());
    const int64_t features = featuresPerSample(x.shape());
    const int64_t grain = std::max<int64_t>(1, kDropoutChunkElements / std::max<int64_t>(features, 1));
    parallelChunks(x.dim(0), grain, kDropoutFlopsPerElement * double(x.size()), [&](int64_t begin, int64_t end) {
        drawMask(mask, begin, end, ctx);
        const int64_t offset = begin * features, count = (end - begin) * features;
        ArrayMap(out.data() + offset, count) =
            ConstArrayMap(x.data() + offset, count) * ConstArrayMap(mask.data() + offset, count);
    });
}

void DropoutLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut, Saved &saved,
                            const std::vector<Tensor *> &dInputs, const RunContext &ctx)
{
    Tensor *dx = dInputs[0];  // (N, …)
    if (!dx)
        return;
    if (!ctx.training) {
        dx->array() += dOut.array();
        return;
    }
    const Tensor &mask = saved.slot(0);
    assert(mask.shape() == dOut.shape() && "backward needs the mask of a training forward");
    dx->array() += dOut.array() * mask.array();
}

} // namespace nn
