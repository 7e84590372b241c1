// ImageFolder: a folder of PNG and JPEG images as a data set — decoded on every core, fitted to the
// Input's size, cached beside the folder — with the files that could not be read listed.
#pragma once

#include "imagecache.h"
#include "samples.h"

#include "nn/tensor.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace datasets {

// Called with the files decoded so far and the total, from the thread that loads.
using LoadProgress = std::function<void(int64_t done, int64_t total)>;

// Images [count, channels, height, width] as bytes with class-number labels.
class ImageFolder {
public:
    // `folder` holds one subfolder per class, or its files are named by `labelsCsv` (when not
    // empty). Each image is fitted to `sampleShape` ({1 or 3, height, width}) by `resizeMode`
    // (stretch, crop, pad). Throws nn::SettingError when fewer than 2 classes, or a class with
    // fewer than 2 images, are left after the unreadable files are skipped.
    static RawData<uint8_t> load(const std::string &folder, const std::string &labelsCsv, const nn::Shape &sampleShape,
                                 const std::string &resizeMode, const LoadProgress &progress = {});
    // Decodes files (paths) for predict, fitted as in load(): [files, sampleShape…] bytes.
    // Throws nn::FileError naming the first file that cannot be read.
    static std::vector<uint8_t> decodeFiles(const std::vector<std::string> &files, const nn::Shape &sampleShape,
                                            const std::string &resizeMode);
    // The image files a path names: the file itself, or a folder's PNG and JPEG files (not
    // descending into subfolders), sorted by name.
    static std::vector<std::string> imageFilesAt(const std::string &path);
    // Throws nn::SettingError unless `shape` is {1 or 3, height, width}.
    static void checkSampleShape(const nn::Shape &shape);
};

} // namespace datasets
