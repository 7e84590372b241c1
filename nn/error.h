// Errors a user can cause: each carries a message a student can act on.
#pragma once

#include <new>
#include <stdexcept>
#include <string>

namespace nn {

// Base of every user-facing error; caught and shown at the edge (GUI, CLI).
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A setting outside its range, an unknown choice or kind.
class SettingError : public Error {
public:
    using Error::Error;
};

// Shapes that do not fit; names the node, what was expected, what was found and a hint.
class ShapeError : public Error {
public:
    using Error::Error;
};

// A file that cannot be read or written, or whose content is malformed.
class FileError : public Error {
public:
    using Error::Error;
};

// A training run that cannot go on (non-finite values, empty data).
class TrainingError : public Error {
public:
    using Error::Error;
};

// What to show for an exception caught at the edge (GUI, CLI): a user error's own message, and for
// memory running out, what to make smaller instead of "std::bad_alloc".
inline std::string messageOf(const std::exception &error)
{
    if (dynamic_cast<const std::bad_alloc *>(&error))
        return "The memory ran out: the network, the batch or the data is too large for this computer. "
               "Make the largest layers, the batch size or the data set smaller.";
    return error.what();
}

} // namespace nn
