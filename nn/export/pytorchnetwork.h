// One network of the exported PyTorch script: a submodule per node for __init__ and a line per node
// for forward(), named as in LayerLab. The supervised script (pytorchexport.cpp) and the GAN script
// (pytorchgan.cpp) write their nn.Module classes from it.
#pragma once

#include "nn/graph.h"

#include <map>
#include <string>
#include <vector>

namespace nn {

struct PytorchNetworkText {
    std::string modules;  // "        self.dense1 = nn.Linear(4, 16)\n" …
    std::string forward;  // "        x = torch.relu(self.dense1(x))  # dense1 (Dense): [N, 16]\n" … "return x"
    std::vector<std::string> decaying;  // "dense1.weight": what weight decay and L1/L2 apply to
};

// Throws ShapeError when `graph` does not build and Error when it has other than one Input node and
// one output (`what` names it in the message: "this graph", "the generator").
void checkPytorchRunnable(const Graph &graph, const std::string &what = "this graph");
// The network's text; `status` is graph.inferShapes(). Throws Error naming a node whose kind has no
// PyTorch writer or whose name cannot name a submodule.
PytorchNetworkText pytorchNetworkText(const Graph &graph, const std::map<int, NodeStatus> &status);

// Text for inside a """docstring""": backslashes and triple quotes escaped.
std::string pytorchDocText(const std::string &text);
// "iris.safetensors" → "iris": the script's name stem.
std::string pytorchScriptStem(const std::string &weightsFileName);
// NAME = ["a", "b", …] wrapped at about 100 columns.
std::string pytorchStringList(const std::string &name, const std::vector<std::string> &values);

} // namespace nn
