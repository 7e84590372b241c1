// Embedding: forward copies table rows, backward adds each position's gradient into its id's row.
#include "embeddinglayer.h"

#include "nn/error.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registeredEmbeddingLayer = registerLayer<EmbeddingLayer>();

// Columns of the table per chunk of the backward scatter: each chunk walks every position in order
// and owns its columns, so the sums do not depend on the thread count.
constexpr int64_t kEmbeddingColumns = 16;

} // namespace

const LayerSpec &EmbeddingLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Embedding";
        s.category = "Sequence";
        s.summary = "Embedding: turns each token id into a learned vector, [N, T] ids → [N, T, dimension].";
        s.settings = {
            SettingSpec::integer("vocabulary_size", 32, 1, 10000000,
                                 "How many different ids there are; ids run from 0 to vocabulary_size − 1"),
            SettingSpec::integer("dimension", 16, 1, 100000, "Length of each token's vector"),
            SettingSpec::integer("padding_index", -1, -1, 10000000,
                                 "The id that marks padding (usually 0): its vector stays zero and never learns; "
                                 "−1 for none"),
        };
        return s;
    }();
    return spec;
}

EmbeddingLayer::EmbeddingLayer(Settings settings)
    : Layer(std::move(settings)),
      vocabulary_(settings_.integer("vocabulary_size")),
      dimension_(settings_.integer("dimension")),
      paddingIndex_(settings_.integer("padding_index"))
{
}

Shape EmbeddingLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    if (in.size() != 2)
        throw ShapeError("Embedding expects token ids [N, T] but got " + toString(in) +
                         "; feed it a text or sequence data set, or a Reshape to [T].");
    if (paddingIndex_ >= vocabulary_)
        throw ShapeError("Embedding's padding_index " + std::to_string(paddingIndex_) +
                         " is not an id of its vocabulary of " + std::to_string(vocabulary_) +
                         "; make it smaller than vocabulary_size, or −1 for none.");
    return {in[0], in[1], dimension_};
}

std::vector<Shape> EmbeddingLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);
    return {{vocabulary_, dimension_}};
}

// N(0, 1) as nn.Embedding, the padding row zero.
void EmbeddingLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const Shape shape = parameterShapes(inputs).front();
    weight_ = {"weight", Tensor(shape), Tensor(shape), false};
    for (int64_t i = 0; i < weight_.value.size(); ++i)
        weight_.value[i] = rng.normal();
    if (paddingIndex_ >= 0)
        weight_.value.matrix().row(paddingIndex_).setZero();
}

std::vector<int64_t> EmbeddingLayer::rowsOf(const Tensor &ids) const
{
    std::vector<int64_t> rows(size_t(ids.size()));
    for (int64_t i = 0; i < ids.size(); ++i) {
        const float id = ids[i];
        // Rounded to the nearest whole number; the comparison also refuses NaN.
        if (!(id > -0.5f && id < float(vocabulary_) - 0.5f)) {
            const std::string shown = std::isfinite(id) ? std::to_string(std::llround(id)) : std::to_string(id);
            throw ShapeError("Embedding got id " + shown + " but its vocabulary has " + std::to_string(vocabulary_) +
                             " entries (ids 0 to " + std::to_string(vocabulary_ - 1) +
                             "); raise vocabulary_size to the tokenizer's vocabulary size.");
        }
        rows[size_t(i)] = std::lround(id);
    }
    return rows;
}

void EmbeddingLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &ids = *inputs[0];  // (N, T)
    const std::vector<int64_t> rows = rowsOf(ids);
    out.resize({ids.dim(0), ids.dim(1), dimension_});  // (N, T, D)
    MatrixMap y(out.data(), ids.size(), dimension_);
    const ConstMatrixMap table(weight_.value.data(), vocabulary_, dimension_);
    for (size_t i = 0; i < rows.size(); ++i)
        y.row(int64_t(i)) = table.row(rows[i]);
    Tensor &kept = saved.slot(0);  // (N·T) the rows, for backward
    kept.resize({ids.size()});
    for (size_t i = 0; i < rows.size(); ++i)
        kept[int64_t(i)] = float(rows[i]);
}

// dW[id] += dOut at each position whose id is not the padding index; the ids get no gradient.
void EmbeddingLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut, Saved &saved,
                              const std::vector<Tensor *> &, const RunContext &)
{
    if (weight_.frozen)
        return;
    const Tensor &rows = saved.slot(0);
    const ConstMatrixMap dy(dOut.data(), rows.size(), dimension_);
    MatrixMap dW(weight_.grad.data(), vocabulary_, dimension_);
    const double flops = double(dOut.size());
    parallelChunks(dimension_, kEmbeddingColumns, flops, [&](int64_t begin, int64_t end) {
        for (int64_t i = 0; i < rows.size(); ++i) {
            const auto row = static_cast<int64_t>(rows[i]);
            if (row != paddingIndex_)
                dW.row(row).segment(begin, end - begin) += dy.row(i).segment(begin, end - begin);
        }
    });
}

} // namespace nn
