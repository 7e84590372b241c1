// Input: declares the sample shape; the data itself is copied in by the Model.
#include "inputlayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {
const bool registeredInputLayer = registerLayer<InputLayer>();
} // namespace

const LayerSpec &InputLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Input";
        s.category = "Input/Output";
        s.summary = "Input: where the data enters; its shape is one sample's, without the batch.";
        s.settings = {SettingSpec::integers("shape", {2}, 1, 1000000,
                                            "Shape of one sample without the batch: [2], [784], [1, 28, 28]")};
        s.minInputs = 0;
        s.maxInputs = 0;
        return s;
    }();
    return spec;
}

Shape InputLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.empty());
    (void)inputs;
    const auto &sample = settings_.integers("shape");
    if (sample.empty())
        throw ShapeError("Input's shape is empty; give the shape of one sample, such as [2] or [1, 28, 28].");
    Shape shape{kBatch};
    shape.insert(shape.end(), sample.begin(), sample.end());
    return shape;
}

void InputLayer::forward(const std::vector<const Tensor *> &, Tensor &, Saved &, const RunContext &)
{
    assert(false && "the Model copies the batch into Input nodes; Input::forward is never called");
}

void InputLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &, Saved &,
                          const std::vector<Tensor *> &, const RunContext &)
{
    // Data needs no gradient.
}

} // namespace nn
