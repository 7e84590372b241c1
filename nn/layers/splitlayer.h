// Split: cuts its input into equal parts along one axis, one output port each, e.g. [N, 8] → two
// [N, 4]; the inverse of Concat, and LayerLab's first kind with several outputs.
#pragma once

#include "nn/layer.h"

namespace nn {

// Splits the input into `parts` equal pieces along `axis` (as torch.chunk), on ports part1, part2, ….
class SplitLayer : public MultiOutputLayer {
public:
    explicit SplitLayer(Settings settings) : MultiOutputLayer(std::move(settings)) {}
    static const LayerSpec &declaration();

    std::vector<std::string> outputPorts() const override;
    std::vector<Shape> inferPortShapes(const std::vector<Shape> &inputs) const override;
    void forwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<Tensor *> &outs, Saved &saved,
                      const RunContext &ctx) override;
    void backwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<const Tensor *> &outs,
                       const std::vector<const Tensor *> &dOuts, Saved &saved, const std::vector<Tensor *> &dInputs,
                       const RunContext &ctx) override;

private:
    int parts() const { return static_cast<int>(settings_.integer("parts")); }
    // The axis counted with the batch as 0 (-1 resolved); assumes inferPortShapes accepted `rank`.
    int axisFor(int rank) const;
};

} // namespace nn
