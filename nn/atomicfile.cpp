// Atomic saves through a temporary file, fsync and rename (POSIX), and whole-file reads.
#include "atomicfile.h"

#include "error.h"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nn {

namespace {

std::string reason(int error)
{
    return std::generic_category().message(error);
}

std::string folderOf(const std::string &path)
{
    const std::string parent = std::filesystem::path(path).parent_path().string();
    return parent.empty() ? std::string(".") : parent;
}

// A name no other writer uses: six random letters, fresh for every attempt.
std::string temporaryName(const std::string &path)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static std::atomic<uint64_t> counter{0};
    std::mt19937_64 rng(std::random_device{}() ^ (counter.fetch_add(1) * 0x9E3779B97F4A7C15ull) ^
                        static_cast<uint64_t>(::getpid()));
    std::string name = path + ".tmp-";
    for (int i = 0; i < 6; ++i)
        name += letters[rng() % (sizeof(letters) - 1)];
    return name;
}

// Creates the temporary file with the usual permissions (0666 less the umask), like any new file.
int createTemporary(const std::string &path, std::string &temporary)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        temporary = temporaryName(path);
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

// Writes everything, resuming after partial writes and interruptions; false with errno set on failure.
bool writeAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

// Makes the rename itself survive a power cut. Best effort: some file systems cannot sync folders.
void syncFolder(const std::string &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
    std::string temporary;
    const int fd = createTemporary(path, temporary);
    if (fd < 0)
        throw FileError("Cannot save '" + path + "': cannot create a file in the folder '" + folderOf(path) +
                        "': " + reason(errno) + ".");
    const bool written = writeAll(fd, bytes) && ::fsync(fd) == 0;
    const int writeError = errno;
    const bool closed = ::close(fd) == 0;
    const int closeError = errno;
    if (!written || !closed) {
        ::unlink(temporary.c_str());
        throw FileError("Cannot save '" + path + "': " + reason(!written ? writeError : closeError) +
                        ". The previous file, if any, is unchanged.");
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int renameError = errno;
        ::unlink(temporary.c_str());
        throw FileError("Cannot save '" + path + "': " + reason(renameError) +
                        ". The previous file, if any, is unchanged.");
    }
    syncFolder(folderOf(path));
}

std::string readFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw FileError("Cannot open '" + path + "': " + reason(errno) + ".");
    std::string bytes;
    char chunk[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof(chunk));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int readError = errno;
            ::close(fd);
            throw FileError("Cannot read '" + path + "': " + reason(readError) + ".");
        }
        if (got == 0)
            break;
        bytes.append(chunk, static_cast<size_t>(got));
    }
    ::close(fd);
    return bytes;
}

} // namespace nn
