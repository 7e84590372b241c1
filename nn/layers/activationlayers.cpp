// Activation layers: one class, registered once per activation with its own declaration.
#include "activationlayers.h"

#include "nn/error.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {

// Elements per chunk: large enough to be worth a thread, fixed so chunks never depend on threads.
constexpr int64_t kActivationChunkElements = 1 << 15;
// Rough cost of one element (exp, erf and tanh dominate), for the small-work threshold.
constexpr double kActivationFlopsPerElement = 20.0;

LayerSpec activationSpec(std::string kind, std::string summary, std::vector<SettingSpec> settings = {})
{
    LayerSpec spec;
    spec.kind = std::move(kind);
    spec.category = "Activation";
    spec.summary = std::move(summary);
    spec.settings = std::move(settings);
    return spec;
}

Activation activationOfKind(const std::string &kind)
{
    const auto &specs = ActivationLayer::declarations();
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].kind == kind)
            return static_cast<Activation>(i);
    assert(false && "not an activation layer kind");
    return Activation::Linear;
}

// Calls body(offset, rows) over fixed chunks of whole rows of a (size / cols, cols) block.
template <typename Body>
void overRowChunks(int64_t size, int64_t cols, const Body &body)
{
    const int64_t rows = cols == 0 ? 0 : size / cols;
    const int64_t grain = std::max<int64_t>(1, kActivationChunkElements / std::max<int64_t>(cols, 1));
    parallelChunks(rows, grain, kActivationFlopsPerElement * double(size),
                   [&](int64_t begin, int64_t end) { body(begin * cols, end - begin); });
}

bool registerActivationLayers()
{
    for (const LayerSpec &spec : ActivationLayer::declarations())
        layerRegistry().add(spec, [](Settings settings) {
            return std::make_unique<ActivationLayer>(std::move(settings));
        });
    return true;
}

const bool registeredActivationLayers = registerActivationLayers();

} // namespace

const std::vector<LayerSpec> &ActivationLayer::declarations()
{
    // In Activation's order: declarations()[int(a)] declares activation a.
    static const std::vector<LayerSpec> specs{
        activationSpec("Linear", "Linear: passes every value through unchanged (the identity)."),
        activationSpec("ReLU", "ReLU: max(0, x); the default for hidden layers."),
        activationSpec("LeakyReLU",
                       "LeakyReLU: x above zero, a small slope times x below; a ReLU that never goes silent.",
                       {SettingSpec::real("negative_slope", 0.01, 0.0, 1.0, "Slope for negative inputs")}),
        activationSpec("ELU",
                       "ELU: x above zero, alpha·(eˣ − 1) below; a smooth ReLU whose outputs centre near zero.",
                       {SettingSpec::real("alpha", 1.0, 0.0, 10.0,
                                          "Very negative inputs give −alpha; 1 makes the curve smooth at zero")}),
        activationSpec("GELU", "GELU: x·Φ(x), a smooth ReLU; the activation of transformers."),
        activationSpec("Sigmoid", "Sigmoid: 1 / (1 + e⁻ˣ) squashes to (0, 1); for yes/no probabilities."),
        activationSpec("Tanh", "Tanh: squashes to (−1, 1), centred on zero; classic in recurrent networks."),
        activationSpec("Softmax",
                       "Softmax: turns the last dimension into probabilities that sum to 1; for class outputs."),
    };
    return specs;
}

ActivationLayer::ActivationLayer(Settings settings)
    : Layer(std::move(settings)),
      activation_(activationOfKind(spec().kind)),
      alpha_(defaultActivationAlpha(activation_))
{
    if (activation_ == Activation::LeakyReLU)
        alpha_ = static_cast<float>(settings_.real("negative_slope"));
    else if (activation_ == Activation::ELU)
        alpha_ = static_cast<float>(settings_.real("alpha"));
}

Shape ActivationLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    if (activation_ == Activation::Softmax && inputs[0].size() < 2)
        throw ShapeError("Softmax expects [N, K] (it normalises the last dim) but got " + toString(inputs[0]) +
                         "; it needs several values per sample to turn into probabilities.");
    return inputs[0];
}

int64_t ActivationLayer::columns(const Shape &shape) const
{
    return activation_ == Activation::Softmax ? shape.back() : featuresPerSample(shape);
}

void ActivationLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …)
    out.resize(x.shape());         // (N, …)
    const int64_t cols = columns(x.shape());
    overRowChunks(x.size(), cols, [&](int64_t offset, int64_t rows) {
        activationForward(out.data() + offset, x.data() + offset, rows, cols, activation_, alpha_);
    });
}

void ActivationLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &,
                               const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, …)
    if (!dx)
        return;
    const Tensor &x = *inputs[0];
    const int64_t cols = columns(x.shape());
    overRowChunks(x.size(), cols, [&](int64_t offset, int64_t rows) {
        activationBackward(dx->data() + offset, dOut.data() + offset, out.data() + offset, x.data() + offset, rows,
                           cols, activation_, alpha_);
    });
}

} // namespace nn
