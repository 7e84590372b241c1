// PositionalEncoding: a broadcast add forward; backward passes dOut through and sums it over the
// batch into the learned table.
#include "positionalencodinglayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registeredPositionalEncodingLayer = registerLayer<PositionalEncodingLayer>();

} // namespace

const LayerSpec &PositionalEncodingLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "PositionalEncoding";
        s.category = "Sequence";
        s.summary = "PositionalEncoding: adds each step's position to its vector, so attention can tell the order.";
        s.settings = {
            SettingSpec::choice("mode", "sinusoidal", {"sinusoidal", "learned"},
                                "sinusoidal: Vaswani et al.'s fixed sines and cosines; learned: one trained vector "
                                "per position"),
            SettingSpec::integer("max_length", 512, 1, 100000,
                                 "The longest sequence a learned encoding has positions for"),
        };
        return s;
    }();
    return spec;
}

PositionalEncodingLayer::PositionalEncodingLayer(Settings settings)
    : Layer(std::move(settings)),
      learned_(settings_.choice("mode") == "learned"),
      maxLength_(settings_.integer("max_length"))
{
}

Shape PositionalEncodingLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    if (in.size() != 3)
        throw ShapeError("PositionalEncoding expects [N, T, D] but got " + toString(in) +
                         "; put it after an Embedding.");
    if (learned_ && in[1] > maxLength_)
        throw ShapeError("PositionalEncoding has learned positions for " + std::to_string(maxLength_) +
                         " steps but the sequence has " + std::to_string(in[1]) + "; raise max_length.");
    return in;
}

std::vector<Shape> PositionalEncodingLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);
    if (!learned_)
        return {};
    return {{maxLength_, inputs[0][2]}};
}

Tensor PositionalEncodingLayer::sinusoidTable(int64_t steps, int64_t dimension)
{
    Tensor table({steps, dimension});
    for (int64_t t = 0; t < steps; ++t)
        for (int64_t j = 0; j < dimension; ++j) {
            const double angle = double(t) * std::pow(10000.0, -double(j - j % 2) / double(dimension));
            table[t * dimension + j] = float(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
        }
    return table;
}

void PositionalEncodingLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const std::vector<Shape> shapes = parameterShapes(inputs);
    if (!learned_) {
        table_ = sinusoidTable(inputs[0][1], inputs[0][2]);
        return;
    }
    weight_ = {"weight", Tensor(shapes[0]), Tensor(shapes[0]), false};
    for (int64_t i = 0; i < weight_.value.size(); ++i)
        weight_.value[i] = rng.normal(0.0f, 0.02f);
}

std::vector<Parameter *> PositionalEncodingLayer::parameters()
{
    if (learned_)
        return {&weight_};
    return {};
}

void PositionalEncodingLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, T, D)
    const int64_t batch = x.dim(0), block = x.dim(1) * x.dim(2);
    assert(learned_ ? x.dim(1) <= maxLength_ : table_.size() == block);
    const float *table = learned_ ? weight_.value.data() : table_.data();  // its first T rows
    out.resize(x.shape());
    for (int64_t n = 0; n < batch; ++n)
        out.array().segment(n * block, block) = x.array().segment(n * block, block) + ConstArrayMap(table, block);
}

void PositionalEncodingLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut,
                                       Saved &, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    if (dInputs[0])
        dInputs[0]->array() += dOut.array();
    if (!learned_ || weight_.frozen)
        return;
    const int64_t batch = dOut.dim(0), block = dOut.dim(1) * dOut.dim(2);
    ArrayMap grad(weight_.grad.data(), block);
    for (int64_t n = 0; n < batch; ++n)  // in sample order
        grad += dOut.array().segment(n * block, block);
}

} // namespace nn
