// Whole-file reads and crash-safe writes: a save either replaces the file completely or leaves
// the old one as it was, so a crash or a full disk never costs a student their work.
#pragma once

#include <string>
#include <string_view>

namespace nn {

// Writes `bytes` to a temporary file beside `path` (PATH.tmp-XXXXXX), flushes it to the disk and
// renames it over `path`. Throws FileError naming the path and the system's reason on failure;
// the old file is then untouched and the temporary file removed.
void writeFileAtomically(const std::string &path, std::string_view bytes);

// The whole file as bytes. Throws FileError naming the path when it is missing or unreadable.
std::string readFile(const std::string &path);

} // namespace nn
