// libFuzzer target: text and series files (datasets::TextCsv, SeriesDataset, TextCorpus) as a
// project's "data" section asks: a CSV's text column classified with character and word tokens,
// a CSV column as a time series, the bytes as a language model's .txt corpus, and the input read
// back as `predict --text` reads raw text with the vocabulary that training built.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "datasets/seriesdataset.h"
#include "datasets/textcorpus.h"
#include "datasets/textcsv.h"
#include "datasets/textset.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    file.assign(data, size);
    nn::DataSpec spec;
    spec.source = file.path();
    spec.textColumn = "text";
    spec.sequenceLength = 0;
    for (const char *tokens : {"characters", "words"}) {
        spec.tokens = tokens;
        datasets::LoadedData set;
        if (fuzz::loadsOrExplains([&] { set = datasets::TextSet::classification(datasets::TextCsv::load(file.path(), spec, "f"), spec, 1, 0); })) {
            fuzz::require(set.info.vocabulary.size() >= 2 && set.info.sequenceLength >= 1, "a vocabulary and a length");
            const std::string raw(reinterpret_cast<const char *>(data), size);
            fuzz::loadsOrExplains([&] { datasets::TextSet::encode({raw}, set.info); });
        }
    }
    spec.seriesColumn = "value";
    spec.sequenceLength = 3;
    fuzz::loadsOrExplains([&] { datasets::SeriesDataset::load(file.path(), spec, "f"); });
    spec.tokens = "characters";
    fuzz::loadsOrExplains([&] { datasets::TextSet::languageModel(datasets::TextCorpus::file(file.path()), "f", spec, 1); });
    return 0;
}
