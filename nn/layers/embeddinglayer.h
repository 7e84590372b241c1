// Embedding: a lookup table from token ids to learned vectors, PyTorch's nn.Embedding.
#pragma once

#include "nn/layer.h"

namespace nn {

// Row `id` of a (vocabulary_size, dimension) table for each id: ids [N, T] (floats holding whole
// numbers, as the data arrives) → [N, T, dimension]. With a padding index, that row starts at zero
// and gets no gradient, so padded steps contribute a zero vector.
class EmbeddingLayer : public Layer {
public:
    explicit EmbeddingLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override { return {&weight_}; }

private:
    // The ids as table rows; throws ShapeError naming the first id outside [0, vocabulary_size).
    std::vector<int64_t> rowsOf(const Tensor &ids) const;

    int64_t vocabulary_;
    int64_t dimension_;
    int64_t paddingIndex_;  // −1: none
    Parameter weight_;      // (vocabulary_size, dimension), nn.Embedding's layout
};

} // namespace nn
