// Weight carry-over between two builds of a network, by tensor name and shape.
#include "weightcarryover.h"

#include "nn/model.h"

std::map<std::string, nn::Tensor> namedTensors(nn::Model &model)
{
    std::map<std::string, nn::Tensor> tensors;
    for (const nn::NamedParameter &named : model.parameters())
        tensors.emplace(named.name, named.parameter->value);
    for (const nn::NamedParameter &named : model.buffers())
        tensors.emplace(named.name, named.parameter->value);
    return tensors;
}

int carryOverWeights(const std::map<std::string, nn::Tensor> &saved, nn::Model &model)
{
    int copied = 0;
    const auto copyMatching = [&](const std::vector<nn::NamedParameter> &targets) {
        for (const nn::NamedParameter &named : targets) {
            const auto found = saved.find(named.name);
            if (found == saved.end() || found->second.shape() != named.parameter->value.shape())
                continue;
            named.parameter->value = found->second;
            ++copied;
        }
    };
    copyMatching(model.parameters());
    copyMatching(model.buffers());
    return copied;
}
