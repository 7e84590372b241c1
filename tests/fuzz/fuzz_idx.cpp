// libFuzzer target: IDX files, plain or gzip-compressed (datasets::IdxFile), read as images, as
// labels and by the quick format sniff, each through the real path-reading code.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "datasets/idxfile.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    file.assign(data, size);
    datasets::IdxImages images;
    if (fuzz::loadsOrExplains([&] { images = datasets::IdxFile::readImages(file.path()); }))
        fuzz::require(images.pixels.size() == static_cast<size_t>(images.count * images.rows * images.cols),
                      "the pixel count differs from the header's dimensions");
    fuzz::loadsOrExplains([&] { datasets::IdxFile::readLabels(file.path()); });
    fuzz::loadsOrExplains([&] { datasets::IdxFile::looksLikeIdx(file.path()); });
    return 0;
}
