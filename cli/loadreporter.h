// LoadReporter: what the terminal shows while a folder of images loads (files decoded so far) and
// once it has (how many images, whether from the cache, which files were skipped and why).
#pragma once

#include "datasets/datainfo.h"
#include "datasets/imagefolder.h"

#include <chrono>
#include <cstdio>

namespace cli {

// Writes text lines to `stream`, or JSON lines ("event": "loading" / "data") to stdout.
class LoadReporter {
public:
    LoadReporter(std::FILE *stream, bool json);

    // The callback for datasets::Experiment: a line at most every half second, and the last one.
    datasets::LoadProgress progress();
    // How the data loaded; says nothing for data sets that are not image folders.
    void loaded(const datasets::DataInfo &info, double seconds) const;

private:
    std::FILE *stream_;
    bool json_;
    std::chrono::steady_clock::time_point start_, lastLine_{};
};

} // namespace cli
