// Layers' activation summaries over the steps; a full layer keeps every other step.
#include "views/inside/neuronhistory.h"

#include <algorithm>

void NeuronHistory::add(const nn::TapRecord &record)
{
    for (const nn::NodeTap &node : record.nodes) {
        if (node.kind == "Input")
            continue;
        const QString name = QString::fromStdString(node.name);
        auto layer = std::find_if(layers_.begin(), layers_.end(), [&](const Layer &l) { return l.name == name; });
        if (layer == layers_.end())
            layer = layers_.insert(layers_.end(), Layer{name, QString::fromStdString(node.kind), {}});
        layer->columns.push_back(Column{record.step, node.activation});
        if (static_cast<int>(layer->columns.size()) <= kMaxColumns)
            continue;
        std::vector<Column> thinned;  // keeps the newest and every other one before it
        for (size_t i = (layer->columns.size() - 1) % 2; i < layer->columns.size(); i += 2)
            thinned.push_back(layer->columns[i]);
        layer->columns = std::move(thinned);
    }
}

const NeuronHistory::Layer *NeuronHistory::layer(const QString &name) const
{
    const auto found = std::find_if(layers_.begin(), layers_.end(), [&](const Layer &l) { return l.name == name; });
    return found == layers_.end() ? nullptr : &*found;
}
