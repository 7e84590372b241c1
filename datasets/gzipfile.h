// GzipFile: reads a file through zlib, so that gzip-compressed and plain files read alike.
#pragma once

#include <cstddef>
#include <string>

namespace datasets {

// An open file read through zlib's gzread; a plain file passes through unchanged.
class GzipFile {
public:
    // Throws nn::FileError when the file is missing, a folder or unreadable.
    explicit GzipFile(std::string path);
    ~GzipFile();
    GzipFile(const GzipFile &) = delete;
    GzipFile &operator=(const GzipFile &) = delete;

    // Reads up to `size` bytes and returns how many it read: fewer only at the end of the data.
    // A compressed stream that stops early sets endedEarly(); corrupt data throws nn::FileError.
    size_t read(void *buffer, size_t size);
    // Everything from the current position to the end; throws nn::FileError when the gzip stream
    // ends early or the text passes kMaxTextBytes (a small .gz can decompress to terabytes).
    std::string readAll();
    static constexpr size_t kMaxTextBytes = size_t{2} << 30;

    bool endedEarly() const { return endedEarly_; }
    const std::string &path() const { return path_; }

private:
    std::string path_;
    void *file_ = nullptr;  // gzFile, kept opaque so that zlib.h stays out of this header
    bool endedEarly_ = false;
};

} // namespace datasets
