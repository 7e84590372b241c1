// MemoryFile: the fuzz input as a file in memory (memfd), for loaders that only take a path (IDX,
// gzip, CSV all read through zlib's gzopen), so the real path-reading code runs without touching disk.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace fuzz {

// One anonymous in-memory file, rewritten for each input; path() opens it afresh (/proc/self/fd/N).
class MemoryFile {
public:
    MemoryFile()
        : fd_(memfd_create("fuzz-input", 0))
    {
        if (fd_ < 0) {
            std::perror("memfd_create");
            std::abort();
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;

    // Replaces the file's content with `size` bytes from `data`.
    void assign(const uint8_t *data, size_t size)
    {
        if (ftruncate(fd_, 0) != 0 || (size > 0 && pwrite(fd_, data, size, 0) != static_cast<ssize_t>(size))) {
            std::perror("writing the memory file");
            std::abort();
        }
    }
    const std::string &path() const { return path_; }

private:
    int fd_;
    std::string path_;
};

} // namespace fuzz
