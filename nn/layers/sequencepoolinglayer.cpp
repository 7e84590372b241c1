// SequencePooling: a weighted sum over the steps forward, the same weights spread dOut backward.
#include "sequencepoolinglayer.h"

#include "sequencelengths.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {

const bool registeredSequencePoolingLayer = registerLayer<SequencePoolingLayer>();

} // namespace

const LayerSpec &SequencePoolingLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "SequencePooling";
        s.category = "Sequence";
        s.summary = "SequencePooling: one vector per sequence, the mean of its steps or its last step, "
                    "[N, T, F] → [N, F].";
        s.settings = {SettingSpec::choice("mode", "mean", {"mean", "last"},
                                          "mean: the average over the sample's real steps; last: its last real step. "
                                          "Connect the token ids as a second input to skip the padding")};
        s.maxInputs = 2;
        return s;
    }();
    return spec;
}

SequencePoolingLayer::SequencePoolingLayer(Settings settings)
    : Layer(std::move(settings)), last_(settings_.choice("mode") == "last")
{
}

Shape SequencePoolingLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(!inputs.empty() && inputs.size() <= 2);
    const Shape &in = inputs[0];
    if (in.size() != 3)
        throw ShapeError("SequencePooling expects [N, T, F] but got " + toString(in) +
                         "; it pools the steps of a sequence, for example after a GRU with return_sequences.");
    checkIdsInput("SequencePooling", inputs);
    return {in[0], in[2]};
}

RowMatrix SequencePoolingLayer::stepWeights(const std::vector<const Tensor *> &inputs) const
{
    const int64_t batch = inputs[0]->dim(0), steps = inputs[0]->dim(1);
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps);
    RowMatrix w = RowMatrix::Zero(batch, steps);
    for (int64_t n = 0; n < batch; ++n) {
        const int64_t length = lengths[size_t(n)];
        if (last_)
            w(n, length - 1) = 1.0f;
        else
            w.row(n).head(length).setConstant(1.0f / float(length));
    }
    return w;
}

void SequencePoolingLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, T, F)
    const int64_t batch = x.dim(0), steps = x.dim(1), features = x.dim(2);
    const RowMatrix w = stepWeights(inputs);
    out.resize({batch, features});
    for (int64_t n = 0; n < batch; ++n)  // (1, T) · (T, F)
        out.matrix().row(n).noalias() = w.row(n) * ConstMatrixMap(x.data() + n * steps * features, steps, features);
}

void SequencePoolingLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &, const Tensor &dOut,
                                    Saved &, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];
    if (!dx)
        return;
    const int64_t batch = dx->dim(0), steps = dx->dim(1), features = dx->dim(2);
    const RowMatrix w = stepWeights(inputs);
    for (int64_t n = 0; n < batch; ++n)  // dx[n] += wᵀ · dOut[n]: (T, 1) · (1, F)
        MatrixMap(dx->data() + n * steps * features, steps, features).noalias() +=
            w.row(n).transpose() * dOut.matrix().row(n);
}

} // namespace nn
