// Layer: the interface every layer kind implements, and what a kind declares about itself.
#pragma once

#include "random.h"
#include "settings.h"
#include "tensor.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace nn {

// A learnable tensor and its gradient, which has the same shape. Backward adds into grad.
struct Parameter {
    std::string name;  // "weight", "bias": the names PyTorch gives them
    Tensor value;
    Tensor grad;
    bool decays = true;  // L1/L2 and weight decay apply (weights yes, biases and norm scales no)
    bool frozen = false;  // backward adds nothing into grad and optimizers leave value as it is
};

// What one call's forward keeps for its backward (a dropout mask, a mean and 1/std, the winners of
// max pooling), owned by the pass that made the call and not by the layer: the same layer can run
// several times in one step, each call with its own record. Backward may also keep scratch here,
// reused by the next call the record serves.
struct Saved {
    std::deque<Tensor> tensors;    // the layer's own slots, each documented where it is filled
    std::vector<int32_t> indices;  // max pooling's winners
    // Slot i, added when missing; references to earlier slots stay valid (a deque grows at its end).
    Tensor &slot(size_t i)
    {
        while (tensors.size() <= i)
            tensors.emplace_back();
        return tensors[i];
    }
    // Slot i read-only; empty when it was never filled.
    const Tensor &slot(size_t i) const
    {
        static const Tensor none;
        return i < tensors.size() ? tensors[i] : none;
    }
};

// A named tensor a layer shows from inside one sample's forward: "attention" [heads, T, T],
// "hidden" [T, H], for the views that look inside a sequence model.
struct LayerInternal {
    std::string name;
    Tensor value;
};

// Item `index` of a tensor's first axis (a sample of a batch [N, …]) as a tensor of the item's
// shape; empty when there is no such item. What internals() and the taps cut out of a batch.
Tensor itemOf(const Tensor &batch, int64_t index);

// How a call runs: training or evaluation, and what keys its random streams (dropout masks): the
// run's seed, the step, and which of the step's passes through the same model it is (a
// discriminator sees a real batch as pass 0 and a fake batch as pass 1).
struct RunContext {
    bool training = false;
    uint64_t seed = 0;
    uint64_t step = 0;
    uint64_t pass = 0;
    // In a backward call to a layer that overwritesInputGradient(): dInputs[0] holds no gradient yet
    // (and is not zeroed), so backward writes all of it instead of adding into it.
    bool overwriteInputGradient = false;
};

// What a layer kind declares once: palette group, summary, settings and how many inputs it takes.
struct LayerSpec : ComponentSpec {
    int minInputs = 1;
    int maxInputs = 1;  // kAnyInputs for Add and Concat
    static constexpr int kAnyInputs = 1 << 20;
};

// One node's computation. Shapes are batch first; dim 0 is the batch.
class Layer {
public:
    explicit Layer(Settings settings) : settings_(std::move(settings)) {}
    virtual ~Layer() = default;
    Layer(const Layer &) = delete;
    Layer &operator=(const Layer &) = delete;

    const LayerSpec &spec() const { return static_cast<const LayerSpec &>(settings_.spec()); }
    const Settings &settings() const { return settings_; }
    // The node's name in the graph, for messages.
    const std::string &name() const { return name_; }
    void setName(std::string name) { name_ = std::move(name); }
    // What keys the layer's random streams (dropout masks): the model's key and the node's name, so
    // that two models with the same node names draw different masks. The node's name by default.
    const std::string &randomKey() const { return randomKey_.empty() ? name_ : randomKey_; }
    void setRandomKey(std::string key) { randomKey_ = std::move(key); }

    // The output shape for these input shapes (dim 0 may be kBatch). Throws ShapeError whose
    // message says what was expected, what came, and how to fix it; the graph adds the node name.
    // A kind with several output ports gives its first port's shape (MultiOutputLayer).
    virtual Shape inferShape(const std::vector<Shape> &inputs) const = 0;

    // The names of the layer's output ports, in port order: {"output"} for most kinds; several for a
    // kind that returns a tuple (Split's parts, an LSTM's output, h and c). May depend on settings.
    virtual std::vector<std::string> outputPorts() const { return {"output"}; }
    // Every output port's shape, in port order.
    virtual std::vector<Shape> inferPortShapes(const std::vector<Shape> &inputs) const { return {inferShape(inputs)}; }

    // The shapes of the learnable parameters build() would allocate for these input shapes, in
    // parameters() order; computed without allocating, so a too-large network can be refused.
    virtual std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const;

    // Allocates and initialises parameters for these input shapes (batch dim is kBatch).
    virtual void build(const std::vector<Shape> &inputs, Rng &rng);

    // out = f(inputs). `out` is resized by the layer; what backward needs goes into `saved`.
    virtual void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved,
                         const RunContext &ctx) = 0;

    // Adds ∂L/∂input into dInputs[i] (skipped when nullptr: that input needs no gradient) and
    // ∂L/∂θ into the grad of each parameter that is not frozen, given the forward's inputs, output
    // and saved record and ∂L/∂out.
    virtual void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                          Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &ctx) = 0;

    // Whether backward can write all of its one input's gradient when ctx.overwriteInputGradient
    // says that no other layer has added into it yet; the model then skips zeroing it first (a
    // megabyte-sized pass for a CNN's pooling).
    virtual bool overwritesInputGradient() const { return false; }

    // The same for every output port: outs[p] is port p's output, dOuts[p] its gradient (zeros where
    // nothing consumes the port). The model calls these; a one-port kind implements forward and
    // backward above, a several-port kind these (MultiOutputLayer).
    virtual void forwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<Tensor *> &outs,
                              Saved &saved, const RunContext &ctx)
    {
        forward(inputs, *outs.at(0), saved, ctx);
    }
    virtual void backwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<const Tensor *> &outs,
                               const std::vector<const Tensor *> &dOuts, Saved &saved,
                               const std::vector<Tensor *> &dInputs, const RunContext &ctx)
    {
        backward(inputs, *outs.at(0), *dOuts.at(0), saved, dInputs, ctx);
    }

    // What the forward that filled `saved` computed inside for sample `sample` of its batch, read
    // from the record without changing it or the math; empty for most kinds and for a sample the
    // record does not hold.
    virtual std::vector<LayerInternal> internals(const Saved &saved, int64_t sample) const;

    // Learnable tensors, and non-learnable state that is saved with them (running statistics).
    virtual std::vector<Parameter *> parameters() { return {}; }
    virtual std::vector<Parameter *> buffers() { return {}; }
    // Whether backward has parameter gradients to add: some parameter is not frozen.
    bool learns();

protected:
    Settings settings_;
    std::string name_;
    std::string randomKey_;
};

// A layer with several output ports. It implements inferPortShapes, forwardPorts and backwardPorts;
// its one-output inferShape is its first port's, and the one-output forward and backward, which
// cannot return the other ports, refuse to run (Model and the tests call the port versions).
class MultiOutputLayer : public Layer {
public:
    using Layer::Layer;
    std::vector<std::string> outputPorts() const override = 0;
    std::vector<Shape> inferPortShapes(const std::vector<Shape> &inputs) const override = 0;
    Shape inferShape(const std::vector<Shape> &inputs) const final { return inferPortShapes(inputs).at(0); }
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) final;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) final;
    void forwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<Tensor *> &outs, Saved &saved,
                      const RunContext &ctx) override = 0;
    void backwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<const Tensor *> &outs,
                       const std::vector<const Tensor *> &dOuts, Saved &saved, const std::vector<Tensor *> &dInputs,
                       const RunContext &ctx) override = 0;
};

// The learnable values `layer` holds for these input shapes, from parameterShapes(): no allocation.
// Throws ShapeError when the count does not fit in 64 bits.
int64_t parameterCount(const Layer &layer, const std::vector<Shape> &inputs);

} // namespace nn
