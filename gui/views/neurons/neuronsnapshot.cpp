// The neurons' heat maps: one inference over the plane's grid, read node by node from the pass.
#include "views/neurons/neuronsnapshot.h"

#include "views/plots/boundarysnapshot.h"

#include "datasets/experiment.h"
#include "nn/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

// The file's words, translated in the NeuronCanvas context (lupdate reads NeuronSnapshotText::tr).
struct NeuronSnapshotText {
    Q_DECLARE_TR_FUNCTIONS(NeuronCanvas)
};

// Why the data has no plane for neurons, or "".
QString neuronsProblem(const nn::Model &model, const datasets::Experiment &experiment)
{
    if (experiment.isGan())
        return NeuronSnapshotText::tr("Neurons are drawn over the input plane of a classifier; a GAN's networks have no such plane.");
    const int64_t features = nn::elementCount(experiment.data().info.sampleShape);
    if (features != 2 || model.inputNames().size() != 1)
        return NeuronSnapshotText::tr("Neurons as heat maps need data with 2 input features (this data has %1) — try the spiral, "
                  "moons or circle data. The Inside dock's Neurons tab works for any data.")
            .arg(features);
    return {};
}

// Unit u's values over the grid from activations [grid², units].
NeuronMaps mapsOf(int nodeId, const nn::Tensor &activations, int gridSize)
{
    NeuronMaps maps;
    maps.nodeId = nodeId;
    const int64_t cells = int64_t{gridSize} * gridSize;
    maps.units = static_cast<int>(activations.dim(1));
    const int mapped = std::min(maps.units, kMaxNeuronUnits);
    maps.values.resize(static_cast<size_t>(mapped * cells));
    for (int u = 0; u < mapped; ++u)
        for (int64_t cell = 0; cell < cells; ++cell) {
            const float value = activations[cell * maps.units + u];
            maps.values[static_cast<size_t>(u * cells + cell)] = value;
            if (std::isfinite(value))
                maps.scale = std::max(maps.scale, std::abs(value));
        }
    for (int u = 0; u < mapped; ++u) {
        QImage image(gridSize, gridSize, QImage::Format_RGB32);
        for (int64_t cell = 0; cell < cells; ++cell)
            image.setPixel(static_cast<int>(cell % gridSize), gridSize - 1 - static_cast<int>(cell / gridSize),
                           neuronColour(maps.values[static_cast<size_t>(u * cells + cell)], maps.scale));
        maps.images.push_back(std::move(image));
    }
    return maps;
}

// Every Dense node's weights small enough to draw as links.
std::vector<NeuronWeights> smallDenseWeights(const nn::Model &model)
{
    std::vector<NeuronWeights> all;
    const auto weights = model.weights();
    for (const nn::Node &node : model.graph().nodes()) {
        if (node.kind != "Dense")
            continue;
        const std::string name = node.name + ".weight";
        const auto at = std::find_if(weights.begin(), weights.end(), [&](const auto &w) { return w.first == name; });
        if (at == weights.end() || at->second->rank() != 2)
            continue;
        const nn::Tensor &w = *at->second;  // (units, inputs)
        if (w.dim(0) > kMaxLinkedUnits || w.dim(1) > kMaxLinkedUnits)
            continue;
        NeuronWeights entry{node.id, static_cast<int>(w.dim(1)), static_cast<int>(w.dim(0)), name, {}};
        entry.weight.assign(w.data(), w.data() + w.size());
        all.push_back(std::move(entry));
    }
    return all;
}

} // namespace

const NeuronMaps *NeuronSnapshot::maps(int nodeId) const
{
    const auto at = std::find_if(nodes.begin(), nodes.end(), [nodeId](const NeuronMaps &m) { return m.nodeId == nodeId; });
    return at == nodes.end() ? nullptr : &*at;
}

const NeuronWeights *NeuronSnapshot::weightsOf(int nodeId) const
{
    const auto at = std::find_if(weights.begin(), weights.end(), [nodeId](const NeuronWeights &w) { return w.nodeId == nodeId; });
    return at == weights.end() ? nullptr : &*at;
}

bool hasNeurons(const nn::Shape &outputShape)
{
    return outputShape.size() == 2 && outputShape[1] >= 1;
}

NeuronSnapshot computeNeurons(const nn::Model &model, const datasets::Experiment &experiment,
                              const std::vector<int> &nodeIds, int gridSize)
{
    NeuronSnapshot snapshot;
    snapshot.message = neuronsProblem(model, experiment);
    if (!snapshot.message.isEmpty())
        return snapshot;
    snapshot.weights = smallDenseWeights(model);
    if (nodeIds.empty())
        return snapshot;
    snapshot.gridSize = gridSize;
    const nn::Tensor inputs = planeGrid(planeOf(experiment), experiment, gridSize, snapshot.gridX, snapshot.gridY);
    nn::Pass pass;
    model.infer(pass, {&inputs});
    for (int id : nodeIds) {
        if (!model.graph().contains(id))
            continue;
        const nn::Tensor &activations = pass.activation(id);
        if (activations.rank() == 2 && activations.dim(0) == int64_t{gridSize} * gridSize)
            snapshot.nodes.push_back(mapsOf(id, activations, gridSize));
    }
    return snapshot;
}

QRgb neuronColour(float value, float scale)
{
    if (!std::isfinite(value))
        return qRgb(0x9c, 0xa3, 0xaf);  // grey: a diverged unit
    const double t = scale > 0.0f ? std::clamp(value / scale, -1.0f, 1.0f) : 0.0;
    const QColor end = t < 0 ? QColor(0xf5, 0x93, 0x22) : QColor(0x08, 0x77, 0xbd);
    const double a = std::abs(t);
    auto mix = [a](int channel) { return static_cast<int>(std::lround(255.0 + (channel - 255.0) * a)); };
    return qRgb(mix(end.red()), mix(end.green()), mix(end.blue()));
}
