// ONNX export: a trained model as an ONNX file (opset 17) that takes data as it is in the data set
// file and gives what `layerlab-cli predict` gives: class probabilities or regression values.
#pragma once

#include "exportinfo.h"

#include <string>

namespace nn {

class Model;

// The names the exported graph gives its output: "probabilities" when the export appends a
// softmax or sigmoid (classification), "values" otherwise (regression). The input keeps the name
// of the graph's Input node.
inline constexpr const char *kOnnxProbabilitiesOutput = "probabilities";
inline constexpr const char *kOnnxValuesOutput = "values";

// The ONNX model's bytes: the graph in inference mode (dropout gone, batch norm with its running
// statistics), a dynamic batch dimension "N", the input scaling in front (raw · scale + offset)
// and the output activation behind. Deterministic: the same model and info give the same bytes.
// Throws nn::Error naming the node when a layer kind has no ONNX writer.
std::string onnxModelBytes(Model &model, const ExportInfo &info);

// Writes onnxModelBytes to `path` atomically (FileError when the folder is missing or read-only).
void exportOnnx(Model &model, const ExportInfo &info, const std::string &path);

// True when the ONNX exporter knows how to write layer kind `kind`.
bool hasOnnxWriter(const std::string &kind);

} // namespace nn
