// GzipFile: zlib's gzopen/gzread with errors turned into messages a student can act on.
#include "gzipfile.h"

#include "nn/error.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

namespace datasets {

namespace {

gzFile handle(void *file) { return static_cast<gzFile>(file); }

} // namespace

GzipFile::GzipFile(std::string path)
    : path_(std::move(path))
{
    std::error_code error;
    if (!std::filesystem::exists(path_, error))
        throw nn::FileError("The file " + path_ + " does not exist; check the path and its spelling.");
    if (std::filesystem::is_directory(path_, error))
        throw nn::FileError(path_ + " is a folder, not a file; choose a data file inside it.");
    file_ = gzopen(path_.c_str(), "rb");
    if (!file_)
        throw nn::FileError("Cannot open " + path_ + ": " + std::strerror(errno) + ".");
    gzbuffer(handle(file_), 1 << 17);
}

GzipFile::~GzipFile()
{
    if (file_)
        gzclose(handle(file_));
}

size_t GzipFile::read(void *buffer, size_t size)
{
    auto *out = static_cast<char *>(buffer);
    size_t done = 0;
    while (done < size && !endedEarly_) {
        const auto chunk = static_cast<unsigned>(std::min<size_t>(size - done, INT_MAX / 2));
        const int got = gzread(handle(file_), out + done, chunk);
        if (got > 0)
            done += static_cast<size_t>(got);
        if (got == static_cast<int>(chunk))
            continue;
        int code = Z_OK;
        const char *message = gzerror(handle(file_), &code);
        if (code == Z_BUF_ERROR)
            endedEarly_ = true;  // zlib: "unexpected end of file" inside a compressed stream
        else if (code == Z_ERRNO)
            throw nn::FileError("Cannot read " + path_ + ": " + std::strerror(errno) + ".");
        else if (code != Z_OK && code != Z_STREAM_END)
            throw nn::FileError(path_ + " is damaged: its compressed data cannot be read (" + message +
                                "). Download or copy it again.");
        break;  // the end of the data
    }
    return done;
}

std::string GzipFile::readAll()
{
    std::string text;
    std::string chunk(1 << 20, '\0');
    for (;;) {
        const size_t got = read(chunk.data(), chunk.size());
        if (text.size() + got > kMaxTextBytes)
            throw nn::FileError(path_ + " holds more than " + std::to_string(kMaxTextBytes >> 30) +
                                " GB of text (after decompressing); LayerLab reads text files up to that size. "
                                "Use a smaller file or a sample of its rows.");
        text.append(chunk.data(), got);
        if (got < chunk.size())
            break;
    }
    if (endedEarly_)
        throw nn::FileError(path_ + " is truncated: its compressed data ends early (after " +
                            std::to_string(text.size()) + " bytes). Download or copy it again.");
    return text;
}

} // namespace datasets
