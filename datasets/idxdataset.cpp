// IdxDataset: pairs images with labels and checks that they fit together.
#include "idxdataset.h"

#include "datalocator.h"
#include "idxfile.h"

#include "nn/error.h"

#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <filesystem>

namespace datasets {

namespace {

std::shared_ptr<Samples<uint8_t>> readPair(const std::string &imagesPath, const std::string &labelsPath)
{
    IdxImages images = IdxFile::readImages(imagesPath);
    const std::vector<uint8_t> labels = IdxFile::readLabels(labelsPath);
    if (static_cast<int64_t>(labels.size()) != images.count)
        throw nn::FileError(imagesPath + " holds " + std::to_string(images.count) + " images but " + labelsPath + " holds " +
                            std::to_string(labels.size()) + " labels; choose the labels file that belongs to these images.");
    auto samples = std::make_shared<Samples<uint8_t>>();
    samples->count = images.count;
    samples->sampleShape = {1, images.rows, images.cols};
    samples->targetShape = {};
    samples->inputs = std::move(images.pixels);
    samples->targets.assign(labels.begin(), labels.end());
    return samples;
}

int largestLabel(const Samples<uint8_t> &samples)
{
    return static_cast<int>(*std::max_element(samples.targets.begin(), samples.targets.end()));
}

RawData<uint8_t> imageData(std::shared_ptr<Samples<uint8_t>> samples)
{
    RawData<uint8_t> data;
    data.info.isImage = true;
    data.info.sampleShape = samples->sampleShape;
    data.samples = std::move(samples);
    data.autoScaling = AutoScaling::PixelMaximum;
    data.pixelMaximum = 255.0f;
    return data;
}

} // namespace

RawData<uint8_t> IdxDataset::loadPair(const std::string &imagesPath, const std::string &labelsPath)
{
    if (labelsPath.empty())
        throw nn::SettingError(imagesPath + " is an IDX images file: set the labels file to the IDX labels file that "
                               "belongs to it (e.g. train-labels-idx1-ubyte.gz).");
    auto samples = readPair(imagesPath, labelsPath);
    const int classes = largestLabel(*samples) + 1;
    RawData<uint8_t> data = imageData(samples);
    data.info.name = std::filesystem::path(imagesPath).filename().string();
    data.info.numClasses = classes;
    for (int c = 0; c < classes; ++c)
        data.info.classNames.push_back(std::to_string(c));
    data.info.description = data.info.name + ": " + std::to_string(samples->count) + " images of " +
                            std::to_string(samples->sampleShape[1]) + "×" + std::to_string(samples->sampleShape[2]) +
                            " pixels, " + std::to_string(classes) + " classes";
    return data;
}

RawData<uint8_t> IdxDataset::loadFashionMnist()
{
    const std::string folder = DataLocator::fashionMnistFolder();
    const auto path = [&](size_t i) { return *DataLocator::findCompressedOrPlain(folder, DataLocator::fashionMnistFiles()[i]); };
    std::shared_ptr<Samples<uint8_t>> train, test;
    tbb::parallel_invoke([&] { train = readPair(path(0), path(1)); }, [&] { test = readPair(path(2), path(3)); });
    const int classes = static_cast<int>(fashionMnistClassNames().size());
    for (const auto &[samples, file] : {std::pair{train, path(1)}, std::pair{test, path(3)}})
        if (largestLabel(*samples) >= classes)
            throw nn::FileError(file + " holds the label " + std::to_string(largestLabel(*samples)) +
                                ", but Fashion-MNIST has classes 0 to 9 only; the file is damaged or is not Fashion-MNIST.");
    if (train->sampleShape != test->sampleShape)
        throw nn::FileError("Fashion-MNIST's training and test images in " + folder + " differ in size; the files are mixed up.");
    RawData<uint8_t> data = imageData(train);
    data.ownTest = test;
    data.info.name = "fashion-mnist";
    data.info.description = "Fashion-MNIST: " + std::to_string(train->count + test->count) + " grey " +
                            std::to_string(train->sampleShape[1]) + "×" + std::to_string(train->sampleShape[2]) +
                            " images of clothing in 10 classes (Zalando Research, MIT licence)";
    data.info.numClasses = classes;
    data.info.classNames = fashionMnistClassNames();
    data.info.hasOwnTestSet = true;
    return data;
}

const std::vector<std::string> &IdxDataset::fashionMnistClassNames()
{
    static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                   "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

} // namespace datasets
