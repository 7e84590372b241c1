// ImageFolder: list, then read the cache or decode every file in parallel (oneTBB) into its own
// slot, so the samples keep the listing's order on any number of cores; then check the classes.
#include "imagefolder.h"

#include "imagedecoder.h"
#include "imagefit.h"
#include "imagelisting.h"

#include "nn/error.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <filesystem>
#include <new>

namespace datasets {

namespace fs = std::filesystem;

namespace {

constexpr int64_t kProgressBlock = 256;  // files decoded between two progress reports

// Decodes file `path` into `out` (sampleShape's bytes); the reason when it cannot.
std::string decodeInto(const std::string &path, const nn::Shape &shape, ResizeMode mode, uint8_t *out)
{
    try {
        const Image image = ImageDecoder::decodeFile(path, static_cast<int>(shape[0]));
        ImageFit::fit(image, static_cast<int>(shape[1]), static_cast<int>(shape[2]), mode, out);
        return {};
    } catch (const nn::Error &error) {
        return error.what();
    } catch (const std::bad_alloc &) {
        return "too large to decode in this computer's memory";
    }
}

// Decodes every file of `paths` in parallel: bytes per file and the reason for each that failed.
std::vector<std::string> decodeAll(const std::vector<std::string> &paths, const nn::Shape &shape, ResizeMode mode,
                                   std::vector<uint8_t> &pixels, const LoadProgress &progress)
{
    const auto count = static_cast<int64_t>(paths.size());
    const int64_t features = nn::elementCount(shape);
    pixels.assign(static_cast<size_t>(count * features), 0);
    std::vector<std::string> problems(static_cast<size_t>(count));
    for (int64_t start = 0; start < count; start += kProgressBlock) {
        const int64_t end = std::min(count, start + kProgressBlock);
        tbb::parallel_for(tbb::blocked_range<int64_t>(start, end, 1), [&](const tbb::blocked_range<int64_t> &range) {
            for (int64_t i = range.begin(); i < range.end(); ++i)
                problems[static_cast<size_t>(i)] = decodeInto(paths[static_cast<size_t>(i)], shape, mode, pixels.data() + i * features);
        });
        if (progress)
            progress(end, count);
    }
    return problems;
}

DecodedImages decodeListing(const ImageListing &listing, const nn::Shape &shape, ResizeMode mode, const LoadProgress &progress)
{
    std::vector<std::string> paths;
    for (const auto &entry : listing.entries)
        paths.push_back((fs::path(listing.folder) / entry.file).string());
    std::vector<uint8_t> all;
    const std::vector<std::string> problems = decodeAll(paths, shape, mode, all, progress);
    DecodedImages images{shape, listing.classNames, {}, {}, {}};
    const auto features = static_cast<size_t>(nn::elementCount(shape));
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!problems[i].empty()) {
            images.skipped.push_back(listing.entries[i].file + ": " + problems[i]);
            continue;
        }
        images.labels.push_back(listing.entries[i].label);
        images.pixels.insert(images.pixels.end(), all.begin() + static_cast<std::ptrdiff_t>(i * features),
                             all.begin() + static_cast<std::ptrdiff_t>((i + 1) * features));
    }
    return images;
}

// What to add when the images cannot teach a classifier: a second class, or a second image.
void checkClasses(const DecodedImages &images, const std::string &folder)
{
    const auto &names = images.classNames;
    if (names.size() < 2)
        throw nn::SettingError("The image folder " + folder + " has only " +
                               (names.empty() ? std::string("no class") : "one class (" + names.front() + ")") +
                               ". A network learns to tell classes apart: add a subfolder of images for each further "
                               "class (for example " + folder + "/other), at least two classes in all.");
    std::vector<int> counts(names.size(), 0);
    for (int label : images.labels)
        ++counts[static_cast<size_t>(label)];
    for (size_t c = 0; c < names.size(); ++c)
        if (counts[c] < 2)
            throw nn::SettingError("The class '" + names[c] + "' of " + folder + " has " + std::to_string(counts[c]) +
                                   " readable image" + (counts[c] == 1 ? "" : "s") + "; add at least " +
                                   std::to_string(2 - counts[c]) + " more PNG or JPEG image" + (counts[c] == 1 ? "" : "s") +
                                   " of " + names[c] + " (or remove the class)" +
                                   (images.skipped.empty() ? "." : ". Skipped files: " + std::to_string(images.skipped.size()) + "."));
}

RawData<uint8_t> rawData(DecodedImages images, const std::string &folder, bool fromCache)
{
    auto samples = std::make_shared<Samples<uint8_t>>();
    samples->count = static_cast<int64_t>(images.labels.size());
    samples->sampleShape = images.sampleShape;
    samples->inputs = std::move(images.pixels);
    samples->targets.assign(images.labels.begin(), images.labels.end());
    RawData<uint8_t> data;
    data.info.name = fs::path(folder).lexically_normal().filename().string();
    if (data.info.name.empty())
        data.info.name = fs::path(folder).lexically_normal().parent_path().filename().string();
    data.info.isImage = true;
    data.info.sampleShape = images.sampleShape;
    data.info.numClasses = static_cast<int>(images.classNames.size());
    data.info.classNames = std::move(images.classNames);
    data.info.imageFolder = folder;
    data.info.skippedFiles = std::move(images.skipped);
    data.info.fromCache = fromCache;
    data.info.description = data.info.name + ": " + std::to_string(samples->count) + " images in " +
                            std::to_string(data.info.numClasses) + " classes, fitted to " + nn::toString(images.sampleShape) +
                            (data.info.skippedFiles.empty() ? "" : ", " + std::to_string(data.info.skippedFiles.size()) + " files skipped");
    data.samples = std::move(samples);
    data.autoScaling = AutoScaling::PixelMaximum;
    data.pixelMaximum = 255.0f;
    return data;
}

} // namespace

void ImageFolder::checkSampleShape(const nn::Shape &shape)
{
    if (shape.size() != 3 || (shape[0] != 1 && shape[0] != 3) || shape[1] < 1 || shape[2] < 1 || shape[1] > 4096 || shape[2] > 4096)
        throw nn::SettingError("Images are fitted to the Input's shape, which must be [channels, height, width] with 1 "
                               "(grey) or 3 (RGB) channels, such as [3, 32, 32]; it is " + nn::toString(shape) +
                               ". Set the Input's shape, and add a Flatten after it for a network of Dense layers.");
}

RawData<uint8_t> ImageFolder::load(const std::string &folder, const std::string &labelsCsv, const nn::Shape &sampleShape,
                                   const std::string &resizeMode, const LoadProgress &progress)
{
    checkSampleShape(sampleShape);
    const ResizeMode mode = ImageFit::modeFromName(resizeMode);
    const ImageListing listing = labelsCsv.empty() ? ImageListing::ofClassFolders(folder) : ImageListing::ofLabelsCsv(folder, labelsCsv);
    const uint64_t fingerprint = listing.fingerprint(nn::toString(sampleShape) + resizeMode + labelsCsv);
    const std::string cachePath = ImageCache::pathFor(folder, sampleShape, resizeMode);
    if (std::optional<DecodedImages> cached = ImageCache::read(cachePath, fingerprint)) {
        checkClasses(*cached, folder);
        return rawData(std::move(*cached), folder, true);
    }
    DecodedImages images = decodeListing(listing, sampleShape, mode, progress);
    ImageCache::write(cachePath, fingerprint, images);
    checkClasses(images, folder);
    return rawData(std::move(images), folder, false);
}

std::vector<uint8_t> ImageFolder::decodeFiles(const std::vector<std::string> &files, const nn::Shape &sampleShape,
                                              const std::string &resizeMode)
{
    checkSampleShape(sampleShape);
    std::vector<uint8_t> pixels;
    const std::vector<std::string> problems = decodeAll(files, sampleShape, ImageFit::modeFromName(resizeMode), pixels, {});
    for (size_t i = 0; i < files.size(); ++i)
        if (!problems[i].empty())
            throw nn::FileError(files[i] + " cannot be read as an image: " + problems[i] + ".");
    return pixels;
}

std::vector<std::string> ImageFolder::imageFilesAt(const std::string &path)
{
    std::error_code error;
    if (!fs::is_directory(path, error))
        return {path};
    std::vector<std::string> files;
    for (const auto &entry : fs::directory_iterator(path, error)) {
        std::error_code typeError;
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(".") && entry.is_regular_file(typeError) && ImageDecoder::hasImageExtension(name))
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw nn::FileError("The folder " + path + " holds no .png, .jpg or .jpeg files to predict on.");
    return files;
}

} // namespace datasets
