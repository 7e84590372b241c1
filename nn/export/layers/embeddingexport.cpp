// Embedding in the exports: ONNX Gather of table rows at the ids, rounded and cast to int64 as the
// layer reads them; PyTorch nn.Embedding (same (vocabulary, dimension) weight, padding_idx).
#include "nn/export/layerexport.h"

#include "nn/layers/embeddinglayer.h"

#include <onnx/onnx_pb.h>

namespace nn {

namespace {

std::string embeddingOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const std::string rounded = writer.addNode("Round", {c.inputs[0]}, c.part("round"));
    const std::string ids =
        writer.addNode("Cast", {rounded}, c.part("ids"), {W::intAttribute("to", onnx::TensorProto::INT64)});
    const std::string table = writer.addTensor(c.tensorName("weight"), *c.tensor("weight"));
    return writer.addNode("Gather", {table, ids}, c.node.name, {W::intAttribute("axis", 0)});
}

PytorchNode embeddingPytorch(const Settings &s, const PytorchNodeContext &c)
{
    std::string module = "nn.Embedding(" + std::to_string(s.integer("vocabulary_size")) + ", " +
                         std::to_string(s.integer("dimension"));
    if (s.integer("padding_index") >= 0)
        module += ", padding_idx=" + std::to_string(s.integer("padding_index"));
    return {module + ")", c.module + "(" + c.arguments.at(0) + ".round().long())"};
}

const bool registeredEmbeddingExport =
    registerLayerExport<EmbeddingLayer>({.onnx = embeddingOnnx, .pytorch = embeddingPytorch});

} // namespace

} // namespace nn
