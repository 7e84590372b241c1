// libFuzzer target: gzip-compressed or plain bytes through datasets::GzipFile, read whole and in
// small pieces; both ways must give the same bytes.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "datasets/gzipfile.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    file.assign(data, size);
    std::string whole;
    const bool readWhole = fuzz::loadsOrExplains([&] { whole = datasets::GzipFile(file.path()).readAll(); });
    std::string pieces;
    bool endedEarly = false;
    const bool readPieces = fuzz::loadsOrExplains([&] {
        datasets::GzipFile gzip(file.path());
        char buffer[7];
        size_t got = 0;
        while ((got = gzip.read(buffer, sizeof buffer)) > 0)
            pieces.append(buffer, got);
        endedEarly = gzip.endedEarly();
    });
    if (readWhole)
        fuzz::require(readPieces && !endedEarly && pieces == whole, "reading in pieces differs from reading whole");
    return 0;
}
