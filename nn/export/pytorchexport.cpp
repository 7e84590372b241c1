// The PyTorch script, assembled in reading order: what it is, the data constants, the safetensors
// reader, the network class (one submodule per node, forward in topological order), the training
// recipe, and the entry points.
#include "pytorchexport.h"

#include "pytorchlayers.h"
#include "imageinput.h"
#include "pytorchimages.h"
#include "pytorchruntime.h"
#include "pytorchtraining.h"
#include "pythontext.h"

#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/model.h"
#include "nn/weights.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

namespace nn {

namespace {

// nn.Module's own attributes: a submodule of one of these names would replace a method.
constexpr std::array<std::string_view, 40> kModuleAttributes{
    "forward", "prepare", "input_scale", "input_offset", "training", "train", "eval", "parameters",
    "named_parameters", "buffers", "named_buffers", "children", "named_children", "modules",
    "named_modules", "state_dict", "load_state_dict", "to", "cuda", "cpu", "type", "float", "double",
    "half", "bfloat16", "apply", "zero_grad", "register_buffer", "register_parameter", "add_module",
    "register_module", "get_submodule", "get_parameter", "get_buffer", "requires_grad_", "share_memory",
    "extra_repr", "dump_patches", "ipu", "xpu"};

// The script's own names, which a forward() variable must not shadow.
const std::set<std::string> kTakenVariables{"self", "x", "torch", "nn", "F", "dist", "math", "os", "sys", "json"};

void checkModuleName(const Node &node)
{
    const bool reserved =
        std::find(kModuleAttributes.begin(), kModuleAttributes.end(), node.name) != kModuleAttributes.end();
    if (node.name.empty() || node.name.find('.') != std::string::npos || node.name[0] == '_' || reserved)
        throw Error("The node '" + node.name + "' cannot name a PyTorch submodule (its weights would be '" +
                    node.name + ".weight'): rename it without dots, not starting with '_', and not one of "
                    "nn.Module's own names such as forward or train.");
}

// self.dense1, or getattr(self, "dense-1") for a name that is not a Python identifier.
std::string moduleReference(const std::string &name)
{
    return python::isIdentifier(name) ? "self." + name : "getattr(self, " + python::quoted(name) + ")";
}

// A chain (each node feeds only the next) reads best as x = …; other graphs name a variable per node.
bool isChain(const Graph &graph)
{
    for (const Node &node : graph.nodes())
        if (graph.consumersOf(node.id).size() > 1 || graph.inputsOf(node.id).size() > 1 ||
            graph.outputPortsOf(node.id).size() > 1)
            return false;
    return true;
}

// forward()'s variable for each node's output ports: "x" all along a chain, else the node's name
// ("dense1"), with the port's for a node with several ("split1_part2").
std::map<int, std::vector<std::string>> variableNames(const Graph &graph)
{
    std::map<int, std::vector<std::string>> names;
    const bool chain = isChain(graph);
    std::set<std::string> taken = kTakenVariables;
    for (int id : graph.topologicalOrder()) {
        const Node &node = graph.node(id);
        if (chain || id == graph.inputNodes().front()) {
            names[id] = {"x"};
            continue;
        }
        const auto ports = graph.outputPortsOf(id);
        for (const std::string &port : ports) {
            std::string name = python::identifier(ports.size() == 1 ? node.name : node.name + "_" + port);
            while (taken.count(name))
                name += "_";
            taken.insert(name);
            names[id].push_back(name);
        }
    }
    return names;
}

std::vector<Shape> inputShapes(const Graph &graph, int id, const std::map<int, NodeStatus> &status)
{
    std::vector<Shape> shapes;
    for (const Edge &e : graph.inputEdgesOf(id))
        shapes.push_back(status.at(e.from).output(size_t(e.fromPort)));
    return shapes;
}

std::string scriptStem(const std::string &weightsFileName)
{
    const auto dot = weightsFileName.rfind('.');
    return dot == std::string::npos ? weightsFileName : weightsFileName.substr(0, dot);
}

// Text for inside a """docstring""": backslashes and triple quotes escaped.
std::string docText(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\' || (c == '"' && !out.empty() && out.back() == '"'))
            out += '\\';
        out += c;
    }
    return out;
}

std::string header(const ExportInfo &info, const std::string &className, const std::string &weights, const Shape &sample)
{
    const std::string script = scriptStem(weights) + ".py";
    const std::string predicts = info.outputActivation == "softmax"   ? "class probabilities"
                                 : info.outputActivation == "sigmoid" ? "output probabilities"
                                                                      : "predicted values";
    std::string text = "#!/usr/bin/env python3\n\"\"\"" + className + ": the LayerLab project " +
                       docText(python::quoted(info.name)) + " as a PyTorch program.\n\n";
    if (!info.description.empty())
        text += docText(info.description) + "\n\n";
    text += "Generated by LayerLab from the project " + docText(python::quoted(info.name)) +
            ". The class " + className + " mirrors the drawing\nnode by node; its weights are in " + weights +
            ", under the same names (\"node.weight\").\n\n"
            "  python3 " + script + " predict INPUT.csv       " + predicts + " for each row of raw features\n" +
            (info.imageResize.empty() ? std::string()
                                      : "  python3 " + script + " predict IMAGE|FOLDER    " + predicts +
                                            " for each PNG or JPEG picture\n") +
            "  python3 " + script + " train DATA [--epochs E] [--out W.safetensors]\n"
            "                                      continue training (DATA: a CSV file or IDX images)\n"
            "  torchrun --nproc_per_node=2 " + script + " train DATA\n"
            "                                      the same on 2 processes (DistributedDataParallel;\n"
            "                                      torch 1.13 on Python 3.11 also needs --redirects 1 --tee 1)\n\n"
            "Needs only PyTorch; the safetensors package is used when it is installed.\n";
    if (const std::string image = imageInputText(info, sample); !image.empty())
        text += "\n" + python::wrapped("Input " + toString(sample) + ": " + docText(image) +
                                       " PNG files in 8 bits without transparency are read by this script itself; "
                                       "JPEG and other PNG files need torchvision (or else Pillow).");
    text += "\"\"\"\n";
    return text + "import argparse\nimport array\nimport csv\nimport gzip\nimport json\nimport math\nimport os\n"
                  "import struct\nimport sys\nimport zlib\n\nimport torch\nimport torch.distributed as dist\n"
                  "import torch.nn as nn\nimport torch.nn.functional as F\n";
}

// NAME = [a, b, …] wrapped at about 100 columns.
std::string wrappedList(const std::string &name, const std::vector<std::string> &items)
{
    std::string text = name + " = [", line;
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (!line.empty() && name.size() + line.size() + item.size() > 96) {
            text += line + "\n" + std::string(name.size() + 4, ' ');
            line.clear();
        }
        line += (line.empty() ? "" : " ") + item;
    }
    return text + line + "]\n";
}

std::string numbers(const std::string &name, const std::vector<float> &values)
{
    std::vector<std::string> items;
    for (float v : values)
        items.push_back(python::number(v));
    return wrappedList(name, items);
}

std::string strings(const std::string &name, const std::vector<std::string> &values)
{
    std::vector<std::string> items;
    for (const auto &v : values)
        items.push_back(python::quoted(v));
    return wrappedList(name, items);
}

std::string dataConstants(const ExportInfo &info, const Shape &sample, const std::string &weights)
{
    std::string text = "WEIGHTS = " + python::quoted(weights) + "  # beside this script\n";
    text += "INPUT_SHAPE = " + python::intTuple(sample) + "  # one sample, without the batch dim\n";
    text += "IMAGE_RESIZE = " + python::quoted(info.imageResize) +
            "  # picture files: stretch, crop or pad to INPUT_SHAPE; empty: the data is not images\n";
    text += "# Data as it is in the file → the network's input: x = raw * INPUT_SCALE + INPUT_OFFSET per\n"
            "# feature (flattened), the scaling LayerLab fitted on the training data.\n";
    if (info.inputScale.empty())
        text += "INPUT_SCALE = None  # None: the network reads the data as it is (no scaling known here)\n"
                "INPUT_OFFSET = None\n";
    else
        text += numbers("INPUT_SCALE", info.inputScale) + numbers("INPUT_OFFSET", info.inputOffset);
    text += "OUTPUT_ACTIVATION = " + python::quoted(info.outputActivation) +
            "  # softmax: class probabilities; sigmoid: per-output probabilities; none: values\n";
    text += strings("CLASS_NAMES", info.classNames) + strings("FEATURE_NAMES", info.featureNames) +
            strings("TARGET_NAMES", info.targetNames);
    text += "# Where LayerLab read the data: a file, or the name of one of its built-in sets.\n";
    text += "DATA_SOURCE = " + python::quoted(info.data.source) + "\n";
    text += "DATA_LABELS = " + python::quoted(info.data.labels) + "  # IDX labels file\n";
    text += "DATA_LABEL_COLUMN = " + python::quoted(info.data.labelColumn) + "  # CSV; empty: the last column\n";
    return text + strings("DATA_FEATURE_COLUMNS", info.data.featureColumns);
}

// The class: __init__ with one submodule per node, prepare(), forward().
struct ClassText {
    std::string modules, forward;
    std::vector<std::string> decaying;  // "dense1.weight": what weight decay and L1/L2 apply to
};

ClassText networkBody(const Graph &graph, const std::map<int, NodeStatus> &status)
{
    ClassText text;
    const auto variables = variableNames(graph);
    for (int id : graph.topologicalOrder()) {
        const Node &node = graph.node(id);
        PytorchNodeContext context{inputShapes(graph, id, status), status.at(id).output(), {},
                                   moduleReference(node.name)};
        if (id == graph.inputNodes().front())
            context.arguments.push_back("x");  // forward's argument
        for (const Edge &e : graph.inputEdgesOf(id))
            context.arguments.push_back(variables.at(e.from).at(size_t(e.fromPort)));
        const PytorchNode code = pytorchNode(node, context);
        const std::vector<std::string> &assigned = variables.at(id);
        if (code.module.empty() && code.expression == assigned.front())
            continue;  // the graph input: forward's x as it is, nothing to compute
        checkModuleName(node);
        const std::string shape = "  # " + node.name + " (" + node.kind + "): " + toString(context.output);
        if (!code.module.empty())
            text.modules += python::isIdentifier(node.name)
                                ? "        self." + node.name + " = " + code.module + "\n"
                                : "        self.add_module(" + python::quoted(node.name) + ", " + code.module + ")\n";
        std::string targets;
        for (const std::string &variable : assigned)
            targets += (targets.empty() ? "" : ", ") + variable;
        text.forward += "        " + targets + " = " + code.expression + shape + "\n";
        for (const std::string &parameter : code.decaying)
            text.decaying.push_back(node.name + "." + parameter);
    }
    text.forward += "        return " + variables.at(graph.outputNodes().at(0)).front() + "\n";
    return text;
}

std::string networkClass(const Graph &graph, const std::map<int, NodeStatus> &status, const ClassText &body,
                         const ExportInfo &info, const std::string &className)
{
    const Shape input = status.at(graph.inputNodes().at(0)).output();
    const Shape output = status.at(graph.outputNodes().at(0)).output();
    return "class " + className + "(nn.Module):\n"
           "    \"\"\"The graph of " + docText(python::quoted(info.name)) + ": one submodule per node, named as in LayerLab.\"\"\"\n\n"
           "    def __init__(self):\n"
           "        super().__init__()\n"
           "        # The input scaling: constants, not weights, so they stay out of the state_dict.\n"
           "        scale = torch.tensor(INPUT_SCALE) if INPUT_SCALE else None\n"
           "        offset = torch.tensor(INPUT_OFFSET) if INPUT_OFFSET else None\n"
           "        self.register_buffer(\"input_scale\", scale, persistent=False)\n"
           "        self.register_buffer(\"input_offset\", offset, persistent=False)\n" +
           body.modules +
           "\n    def prepare(self, raw):\n"
           "        \"\"\"Data as in the file (pixel bytes 0-255, CSV columns) → the network's input " + toString(input) + ".\"\"\"\n"
           "        x = raw.reshape(len(raw), -1).float()\n"
           "        if self.input_scale is not None:\n"
           "            x = x * self.input_scale + self.input_offset\n"
           "        return x.reshape(len(x), *INPUT_SHAPE)\n\n"
           "    def forward(self, x):\n"
           "        \"\"\"The prepared input " + toString(input) + " → the raw outputs " + toString(output) +
           " (before OUTPUT_ACTIVATION).\"\"\"\n" + body.forward +
           "\n\ndef build_net(weights):\n"
           "    \"\"\"A " + className + " with LayerLab's weights from the safetensors file `weights`.\"\"\"\n"
           "    net = " + className + "()\n"
           "    load_weights(net, weights)\n"
           "    return net\n";
}

void checkRunnable(const Graph &graph)
{
    graph.validate();
    if (graph.inputNodes().size() != 1 || graph.outputNodes().size() != 1)
        throw Error("The PyTorch export needs exactly one Input node and one output (a node nothing consumes); "
                    "this graph has " + std::to_string(graph.inputNodes().size()) + " and " +
                    std::to_string(graph.outputNodes().size()) + ".");
}

} // namespace

std::string pytorchScript(const Graph &graph, const ExportInfo &info, const std::string &weightsFileName)
{
    checkRunnable(graph);
    const auto status = graph.inferShapes();
    const Shape input = status.at(graph.inputNodes().at(0)).output();
    const std::string className = python::className(info.name) + "Net";
    const ClassText body = networkBody(graph, status);
    const Shape sample(input.begin() + 1, input.end());
    return header(info, className, weightsFileName, sample) + "\n" + dataConstants(info, sample, weightsFileName) + "\n\n" +
           pytorchWeightsCode() + "\n\n" + networkClass(graph, status, body, info, className) + "\n\n" +
           pytorchTrainingRecipe(info.training, body.decaying) + "\n\n" + pytorchImageCode() + "\n\n" +
           pytorchEntryPointsCode();
}

void exportPytorch(Model &model, const ExportInfo &info, const std::string &scriptPath)
{
    const std::filesystem::path script(scriptPath);
    const std::filesystem::path weights = std::filesystem::path(scriptPath).replace_extension(".safetensors");
    if (script == weights)
        throw FileError("The script '" + scriptPath + "' would overwrite its own weights; name it NAME.py.");
    const std::string text = pytorchScript(model.graph(), info, weights.filename().string());
    saveWeights(model, weights.string());
    writeFileAtomically(script.string(), text);
}

} // namespace nn
