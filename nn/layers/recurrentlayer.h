// RecurrentLayer: what SimpleRNN, GRU and LSTM share: settings, shapes, PyTorch's parameter layout
// (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, *_reverse), the padding mask and
// backpropagation through time. Each kind supplies one time step's gate arithmetic.
#pragma once

#include "recurrentbatches.h"

#include "nn/layer.h"

#include <Eigen/Core>

namespace nn {

// One time step's rows of a packed buffer as an (n, cols) matrix: the n samples still running at that
// step, in the order of RecurrentBatches (rows `stride` floats apart).
using StepMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
// Row-major arrays, as the step maps are: element-wise work without a change of layout.
using RowArray = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One step of one direction, each an (n, ·) view of the n samples that have this step. The cell reads
// xw, hw, hPrev, cPrev and writes h, c and `kept`, what its backward needs (post-activation gates and
// the like).
struct StepForward {
    StepMap xw;         // (n, G·H) x·W_ihᵀ + b_ih, G gates of H units each
    StepMap hw;         // (n, G·H) h_prev·W_hhᵀ + b_hh
    StepMap hPrev, h;   // (n, H)
    StepMap cPrev, c;   // (n, H) LSTM's cell state; empty for the others
    StepMap kept;       // (n, keptWidth())
};

// The same step backwards. dh is ∂L/∂h_t in full and dc ∂L/∂c_t from the later steps (LSTM). The cell
// writes the gradients of the input and the hidden pre-activations (equal but for GRU's n gate, whose
// hidden part is scaled by r), the part of ∂L/∂h_{t−1} that bypasses W_hh, and ∂L/∂c_{t−1}.
struct StepBackward {
    StepMap hPrev, h, cPrev, c, kept;
    StepMap dh, dc;
    StepMap dGi, dGh;  // (n, G·H)
    StepMap dhDirect;  // (n, H)
    StepMap dcPrev;    // (n, H)
};

// A recurrent layer over [N, T, F]: hidden size H, all steps [N, T, D·H] or the last [N, D·H], D = 2
// when bidirectional (the reverse direction's units second, as PyTorch). An optional second input
// carries the token ids [N, T] that give each sample's length (sequenceLengths): steps from there on
// are padding; they leave the state as it was and output zeros, as PyTorch's packed sequences, and
// cost nothing: the steps run packed (RecurrentBatches).
class RecurrentLayer : public Layer {
public:
    explicit RecurrentLayer(Settings settings);

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;
    // The sample's state after every step, [T, H]: "hidden" (and "cell" for LSTM), then the same
    // "_reverse" for the backward direction. A padding step holds the state carried past it.
    std::vector<LayerInternal> internals(const Saved &saved, int64_t sample) const override;

protected:
    // A recurrent kind's declaration: its name and summary with the settings every recurrent kind has,
    // in the Sequence category, taking the ids as an optional second input.
    static LayerSpec recurrentSpec(std::string kind, std::string summary);
    // G, the gates per unit: 1 (SimpleRNN), 3 (GRU: r, z, n), 4 (LSTM: i, f, g, o).
    virtual int64_t gates() const = 0;
    // Values per unit the cell keeps for backward.
    virtual int64_t keptPerUnit() const = 0;
    virtual bool hasCellState() const { return false; }
    virtual void stepForward(StepForward &s) const = 0;
    virtual void stepBackward(StepBackward &s) const = 0;

    int64_t hidden_;

private:
    int64_t directions() const { return bidirectional_ ? 2 : 1; }
    void forwardDirection(int direction, const RecurrentBatches &batches, Saved &saved) const;
    void backwardDirection(int direction, const RecurrentBatches &batches, const Tensor &dOut, Saved &saved,
                           bool wantInputGradient);
    // Parameter `which` (0 weight_ih, 1 weight_hh, 2 bias_ih, 3 bias_hh) of `direction`.
    Parameter &parameter(int direction, int which) { return parameters_[size_t(direction * 4 + which)]; }
    const Parameter &parameter(int direction, int which) const { return parameters_[size_t(direction * 4 + which)]; }

    bool returnSequences_;
    bool bidirectional_;
    std::vector<Parameter> parameters_;  // per direction: weight_ih (G·H, F), weight_hh (G·H, H), biases (G·H)
};

} // namespace nn
