// ONNX export: the graph walked in topological order, each node through its kind's adapter, with
// the input scaling in front and the output activation behind; serialized deterministically.
#include "onnxexport.h"

#include "imageinput.h"
#include "layerexport.h"

#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/model.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace nn {

namespace {

constexpr int64_t kOpsetVersion = 17;  // LayerNormalization; the newest libonnx 1.12 knows
constexpr int64_t kIrVersion = 8;      // ONNX 1.10 to 1.12
using TensorsByName = std::map<std::string, const Tensor *>;

// "node.weight" → tensors["node"]["weight"], for parameters and buffers alike; node names have no dot,
// so "node.out_proj.weight" (MultiHeadAttention) → tensors["node"]["out_proj.weight"].
std::map<std::string, TensorsByName> tensorsByNode(Model &model)
{
    std::map<std::string, TensorsByName> byNode;
    auto add = [&](const std::vector<NamedParameter> &named) {
        for (const auto &p : named) {
            const size_t dot = p.name.find('.');
            byNode[p.name.substr(0, dot)][p.name.substr(dot + 1)] = &p.parameter->value;
        }
    };
    add(model.parameters());
    add(model.buffers());
    return byNode;
}

// A float32 value [N, dims…] with the batch a named dynamic dimension.
void describeValue(onnx::ValueInfoProto &value, const std::string &name, const Shape &perSample)
{
    value.set_name(name);
    auto *tensorType = value.mutable_type()->mutable_tensor_type();
    tensorType->set_elem_type(onnx::TensorProto::FLOAT);
    auto *shape = tensorType->mutable_shape();
    shape->add_dim()->set_dim_param("N");
    for (int64_t d : perSample)
        shape->add_dim()->set_dim_value(d);
}

bool isIdentityScaling(const ExportInfo &info)
{
    return std::all_of(info.inputScale.begin(), info.inputScale.end(), [](float s) { return s == 1.0f; }) &&
           std::all_of(info.inputOffset.begin(), info.inputOffset.end(), [](float o) { return o == 0.0f; });
}

// raw · scale + offset, with both shaped [1, sample…] so they broadcast over the batch.
std::string writeInputScaling(OnnxGraphWriter &writer, const ExportInfo &info, const std::string &input,
                              const Shape &sample)
{
    if (isIdentityScaling(info))
        return input;
    const auto features = static_cast<size_t>(elementCount(sample));
    if (info.inputScale.size() != features || info.inputOffset.size() != features)
        throw Error("The input scaling has " + std::to_string(info.inputScale.size()) + " scales and " +
                    std::to_string(info.inputOffset.size()) + " offsets but a sample " + toString(sample) + " has " +
                    std::to_string(features) + " values; reload the project's data and export again.");
    Shape dims{1};
    dims.insert(dims.end(), sample.begin(), sample.end());
    const std::string scale = writer.addFloats("input_scale", dims, info.inputScale);
    const std::string offset = writer.addFloats("input_offset", dims, info.inputOffset);
    const std::string scaled = writer.addNode("Mul", {input, scale}, input + "/scaled");
    return writer.addNode("Add", {scaled, offset}, input + "/standardized");
}

// Every node through its kind's adapter, the Input node fed `input`; returns the output node's value name.
std::string writeNodes(OnnxGraphWriter &writer, const Graph &graph, Model &model, const std::string &input)
{
    const auto shapes = graph.inferShapes();
    const auto tensors = tensorsByNode(model);
    std::map<int, std::vector<std::string>> valueOf;  // node id → its output ports' values
    for (int id : graph.topologicalOrder()) {
        const Node &node = graph.node(id);
        const LayerExport *adapters = layerExport(node.kind);
        if (!adapters)
            throw Error("ONNX export cannot write node '" + node.name + "': layer kind '" + node.kind +
                        "' has no ONNX writer yet; replace the node with layers ONNX export knows, or export "
                        "as safetensors.");
        OnnxNodeContext context{node, {}, {}, shapes.at(id).output(), {}};
        if (id == graph.inputNodes().front())
            context.inputs.push_back(input);
        for (const Edge &e : graph.inputEdgesOf(id)) {
            context.inputs.push_back(valueOf.at(e.from).at(size_t(e.fromPort)));
            context.inputShapes.push_back(shapes.at(e.from).output(size_t(e.fromPort)));
        }
        if (auto found = tensors.find(node.name); found != tensors.end())
            context.tensors = found->second;
        valueOf[id] = adapters->onnx(writer, context).ports;
    }
    return valueOf.at(graph.outputNodes().front()).front();
}

// What a user reads: class probabilities (softmax over the classes, or per-output sigmoid) or the
// regression values themselves, always in a node of its own so the output has its own name.
std::string writeOutput(OnnxGraphWriter &writer, const ExportInfo &info, const std::string &logits)
{
    if (info.outputActivation == "softmax")
        return writer.addNode("Softmax", {logits}, kOnnxProbabilitiesOutput,
                              {OnnxGraphWriter::intAttribute("axis", -1)});
    if (info.outputActivation == "sigmoid")
        return writer.addNode("Sigmoid", {logits}, kOnnxProbabilitiesOutput);
    if (info.outputActivation != "none")
        throw Error("ONNX export does not know the output activation '" + info.outputActivation +
                    "'; expected softmax, sigmoid or none.");
    return writer.addNode("Identity", {logits}, kOnnxValuesOutput);
}

std::string joined(const std::vector<std::string> &names)
{
    std::string text;
    for (const auto &name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

Shape withBatch(const Shape &sample)
{
    Shape shape{kBatch};
    shape.insert(shape.end(), sample.begin(), sample.end());
    return shape;
}

// The model's doc string: what goes in, in which units, and what comes out.
std::string docString(const ExportInfo &info, const std::string &input, const Shape &sample,
                      const std::string &output, const Shape &outputSample)
{
    std::string doc = "LayerLab model '" + info.name + "'" + (info.description.empty() ? "" : ": " + info.description);
    doc += "\n\nInput '" + input + "': float32 " + toString(withBatch(sample)) + " (N samples, any N). ";
    if (info.featureNames.empty())  // IDX images: the only data without column names
        doc += "Images as they are in the data file: pixel bytes 0-255 as floats, not rescaled. ";
    else
        doc += "One row per sample with the feature columns as written in the data file, unscaled (" +
               joined(info.featureNames) + "). ";
    doc += isIdentityScaling(info) ? "The model was trained on the data as it is."
                                   : "The graph itself applies the training's input scaling (Mul input_scale, "
                                     "Add input_offset).";
    if (const std::string image = imageInputText(info, sample); !image.empty())
        doc += " " + image;
    doc += "\nOutput '" + output + "': float32 " + toString(withBatch(outputSample)) + ", ";
    if (info.outputActivation == "softmax")
        doc += "class probabilities (softmax), summing to 1 per sample, for the classes in this order: " +
               joined(info.classNames) + ".";
    else if (info.outputActivation == "sigmoid")
        doc += "per-output probabilities (sigmoid)" +
               (info.classNames.empty() ? std::string(".") : " of the classes " + joined(info.classNames) + ".");
    else
        doc += "the regression values" +
               (info.targetNames.empty() ? std::string(".") : " (" + joined(info.targetNames) + ").");
    return doc + "\nInference mode: dropout is off and batch normalization uses its running statistics.";
}

void addMetadata(onnx::ModelProto &proto, const std::string &key, const std::string &value)
{
    auto *entry = proto.add_metadata_props();
    entry->set_key(key);
    entry->set_value(value);
}

std::string serializeDeterministically(const onnx::ModelProto &proto)
{
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        if (!proto.SerializeToCodedStream(&coded))
            throw Error("The ONNX model could not be serialized (is it larger than 2 GB?).");
    }
    return bytes;
}

} // namespace

bool hasOnnxWriter(const std::string &kind)
{
    return layerExport(kind) != nullptr;
}

std::string onnxModelBytes(Model &model, const ExportInfo &info)
{
    onnx::ModelProto proto;
    proto.set_ir_version(kIrVersion);
    proto.set_producer_name("LayerLab");
    proto.set_producer_version(LAYERLAB_VERSION);
    auto *opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpsetVersion);

    onnx::GraphProto &graph = *proto.mutable_graph();
    graph.set_name(info.name.empty() ? "layerlab" : info.name);
    OnnxGraphWriter writer(graph);
    const Graph &source = model.graph();
    const std::string input = source.node(source.inputNodes().front()).name;
    const Shape sample = model.inputShape();
    const Shape outputShape = model.outputShape();
    const Shape outputSample(outputShape.begin() + 1, outputShape.end());
    writer.reserve(input);
    describeValue(*graph.add_input(), input, sample);

    const std::string scaled = writeInputScaling(writer, info, input, sample);
    const std::string output = writeOutput(writer, info, writeNodes(writer, source, model, scaled));
    describeValue(*graph.add_output(), output, outputSample);

    proto.set_doc_string(docString(info, input, sample, output, outputSample));
    addMetadata(proto, "class_names", nlohmann::json(info.classNames).dump());
    addMetadata(proto, "feature_names", nlohmann::json(info.featureNames).dump());
    addMetadata(proto, "target_names", nlohmann::json(info.targetNames).dump());
    addMetadata(proto, "output_activation", info.outputActivation);
    for (const auto &[key, value] : imageInputMetadata(info, sample))
        addMetadata(proto, key, value);
    return serializeDeterministically(proto);
}

void exportOnnx(Model &model, const ExportInfo &info, const std::string &path)
{
    writeFileAtomically(path, onnxModelBytes(model, info));
}

} // namespace nn
