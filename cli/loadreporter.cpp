// LoadReporter: progress lines while decoding, then the summary of an image folder.
#include "loadreporter.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace cli {

namespace {

constexpr auto kLineInterval = std::chrono::milliseconds(500);

} // namespace

LoadReporter::LoadReporter(std::FILE *stream, bool json)
    : stream_(stream), json_(json), start_(std::chrono::steady_clock::now())
{
}

datasets::LoadProgress LoadReporter::progress()
{
    return [this](int64_t done, int64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (now - lastLine_ < kLineInterval && done != total)
            return;
        lastLine_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        if (json_)
            std::cout << nlohmann::json{{"event", "loading"}, {"done", done}, {"total", total}, {"seconds", seconds}}.dump() << std::endl;
        else
            std::fprintf(stream_, "Decoding images: %lld of %lld files (%.1f s)\n", static_cast<long long>(done),
                         static_cast<long long>(total), seconds);
    };
}

void LoadReporter::loaded(const datasets::DataInfo &info, double seconds) const
{
    if (info.imageFolder.empty())
        return;
    if (json_) {
        std::cout << nlohmann::json{{"event", "data"},         {"folder", info.imageFolder},           {"classes", info.classNames},
                                    {"from_cache", info.fromCache}, {"seconds", seconds}, {"skipped", info.skippedFiles}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << std::endl;
        return;
    }
    std::fprintf(stream_, "%s in %.2f s: %s\n", info.fromCache ? "Read the decoded images from the cache" : "Decoded the images",
                 seconds, info.description.c_str());
    if (info.skippedFiles.empty())
        return;
    std::fprintf(stream_, "Skipped %zu file(s) that are not readable PNG or JPEG images:\n", info.skippedFiles.size());
    for (const auto &file : info.skippedFiles)
        std::fprintf(stream_, "  %s\n", file.c_str());
}

} // namespace cli
