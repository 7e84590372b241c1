// Layer kinds that exist only inside a test, to check how the window treats kinds it has never
// met: categories it does not know, settings such as a tiny epsilon. They pass shapes through.
#pragma once

#include "nn/layer.h"
#include "nn/registry.h"

#include <deque>
#include <memory>

// An identity layer with whatever declaration the test gives it.
class TestOnlyLayer : public nn::Layer {
public:
    using Layer::Layer;

    nn::Shape inferShape(const std::vector<nn::Shape> &inputs) const override { return inputs.at(0); }
    void forward(const std::vector<const nn::Tensor *> &inputs, nn::Tensor &out, nn::Saved &,
                 const nn::RunContext &) override
    {
        out = *inputs.at(0);
    }
    void backward(const std::vector<const nn::Tensor *> &, const nn::Tensor &, const nn::Tensor &dOut, nn::Saved &,
                  const std::vector<nn::Tensor *> &dInputs, const nn::RunContext &) override
    {
        if (dInputs.at(0))
            dInputs[0]->array() += dOut.array();
    }
};

// Registers `kind` in `category` with `settings`, for the rest of the test program.
inline void registerTestOnlyKind(std::string kind, std::string category, std::vector<nn::SettingSpec> settings = {})
{
    static std::deque<nn::LayerSpec> specs;  // the registry keeps pointers to them
    nn::LayerSpec spec;
    spec.kind = std::move(kind);
    spec.category = std::move(category);
    spec.summary = spec.kind + ": a layer kind made up by a test.";
    spec.settings = std::move(settings);
    specs.push_back(std::move(spec));
    nn::layerRegistry().add(specs.back(),
                            [](nn::Settings settings) { return std::make_unique<TestOnlyLayer>(std::move(settings)); });
}
