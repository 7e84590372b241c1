// libFuzzer target: an image folder's decoded cache (FOLDER/.layerlab-cache/…bin, datasets::ImageCache),
// which a crash or another program may have damaged: it is used whole and consistent, or not at all.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "datasets/imagecache.h"
#include "nn/tensor.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    file.assign(data, size);
    constexpr uint64_t kFingerprint = 1;  // the seeds' (make_corpus.py)
    const auto images = datasets::ImageCache::read(file.path(), kFingerprint);
    if (!images)
        return 0;
    const auto perSample = static_cast<size_t>(nn::elementCount(images->sampleShape));
    fuzz::require(images->sampleShape.size() == 3, "a cached sample shape that is not [C, H, W]");
    fuzz::require(images->pixels.size() == images->labels.size() * perSample, "the pixel count differs from the labels'");
    for (int label : images->labels)
        fuzz::require(label >= 0 && static_cast<size_t>(label) < images->classNames.size(), "a label without its class");
    return 0;
}
