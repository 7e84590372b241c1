// Layer defaults.
#include "layer.h"

#include "error.h"

#include <algorithm>

namespace nn {

Tensor itemOf(const Tensor &batch, int64_t index)
{
    if (batch.rank() == 0 || index < 0 || index >= batch.dim(0))
        return {};
    Tensor item(Shape(batch.shape().begin() + 1, batch.shape().end()));
    std::copy_n(batch.data() + index * item.size(), item.size(), item.data());
    return item;
}

std::vector<Shape> Layer::parameterShapes(const std::vector<Shape> &) const { return {}; }

void Layer::build(const std::vector<Shape> &, Rng &) {}

std::vector<LayerInternal> Layer::internals(const Saved &, int64_t) const { return {}; }

bool Layer::learns()
{
    for (const Parameter *p : parameters())
        if (!p->frozen)
            return true;
    return false;
}

void MultiOutputLayer::forward(const std::vector<const Tensor *> &, Tensor &, Saved &, const RunContext &)
{
    throw Error(spec().kind + " has " + std::to_string(outputPorts().size()) +
                " outputs; run it with forwardPorts, as Model does.");
}

void MultiOutputLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &, Saved &,
                                const std::vector<Tensor *> &, const RunContext &)
{
    throw Error(spec().kind + " has " + std::to_string(outputPorts().size()) +
                " outputs; run it with backwardPorts, as Model does.");
}

int64_t parameterCount(const Layer &layer, const std::vector<Shape> &inputs)
{
    int64_t count = 0;
    for (const Shape &shape : layer.parameterShapes(inputs))
        if (__builtin_add_overflow(count, elementCount(shape), &count))
            throw ShapeError(layer.name() + " has more parameters than can be counted; make it smaller.");
    return count;
}

} // namespace nn
