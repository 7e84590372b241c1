// The data sources' public entry point: load a DataSpec into train, validation and test batch
// sources, list the bundled and synthetic sets, and read feature columns for predictions.
#pragma once

#include "datainfo.h"
#include "imagedecoder.h"
#include "imagefolder.h"

#include "nn/dataspec.h"
#include "nn/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// What loading needs besides the DataSpec.
struct LoadOptions {
    nn::Shape inputShape;   // the network Input's per-sample shape: a folder's images are fitted to it
    LoadProgress progress;  // a folder's images: files decoded so far, of all
};

// Loads spec.source (a bundled or synthetic set's name, a .csv file, an IDX images file or a folder
// of images), splits it deterministically from `seed` and fits the input scaling on the training
// split. Throws nn::FileError for missing or malformed files, nn::SettingError for settings that do not fit.
LoadedData load(const nn::DataSpec &spec, uint64_t seed, const LoadOptions &options = {});

// iris, wine, breast-cancer, digits, fashion-mnist, shapes.
std::vector<std::string> bundledNames();
// The text and sequence sets: words (which language is this word?), fortunes (a character
// language model), sines, adding, copy, reverse.
std::vector<std::string> sequenceNames();
// circle, xor, gaussian, spiral, moons, plane, sine, and for generative models ring, grid, line and
// drawn (the points painted into the project, data.points).
std::vector<std::string> syntheticNames();
// One line on a bundled or synthetic set, for the GUI, without loading its files; empty for any
// other source (a file path).
std::string describe(const std::string &name);
// True for the synthetic sets that hold values to predict rather than classes (plane, sine).
bool isRegressionSet(const std::string &name);

// For `predict`: a CSV of raw feature columns (a header with the feature column names used in
// training; other columns, such as the label, are ignored), scaled as the model sees it:
// [N, sampleShape…], which is [N, F] for tabular data and [N, 1, 28, 28] for Fashion-MNIST.
// Images without feature names take exactly F columns, or F + 1 when one is named label.
nn::Tensor readFeatures(const std::string &csvPath, const DataInfo &info);
// For `predict`: image files decoded, fitted to the model's image size by `imageResize` (the
// project's image_resize) and scaled as in training: [N, channels, height, width].
nn::Tensor readImages(const std::vector<std::string> &files, const DataInfo &info, const std::string &imageResize);
// An image decoded elsewhere (the window decodes a dropped file's bytes with ImageDecoder) fitted
// and scaled as readImages does: [1, channels, height, width]. The image's channels must be the
// model's (decode it with the model's channels).
nn::Tensor imageInput(const Image &image, const DataInfo &info, const std::string &imageResize);

} // namespace datasets
