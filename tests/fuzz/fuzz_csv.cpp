// libFuzzer target: CSV files (datasets::CsvReader, CsvHeader, CsvDataset) loaded as a project's
// "data" section asks (datasets::load: read, split, fit the scaling) under each task, then read
// again as `predict` reads its input (datasets::readFeatures), through the real path-reading code.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "datasets/datasets.h"

#include <cstdint>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    file.assign(data, size);
    nn::DataSpec spec;
    spec.source = file.path();
    // The text is read the same way for every task; the others run only once "auto" loaded it.
    const std::pair<const char *, const char *> runs[] = {
        {"auto", "auto"}, {"classification", "minmax"}, {"regression", "none"}};
    for (const auto &[task, scaling] : runs) {
        spec.task = task;
        spec.scaling = scaling;
        datasets::LoadedData set;
        const bool loaded = fuzz::loadsOrExplains([&] { set = datasets::load(spec, 1); });
        if (!loaded && spec.task == "auto")
            break;
        if (loaded)
            fuzz::loadsOrExplains([&] { datasets::readFeatures(file.path(), set.info); });
    }
    return 0;
}
