// What the fuzz targets share: a user error (nn::Error) is the loader rightly rejecting its input and
// must say why; anything else (another exception, a signal, a sanitizer report) crashes the run.
#pragma once

#include "nn/error.h"

#include <cstdio>
#include <cstdlib>

namespace fuzz {

// Stops the run with `what` when `holds` is false: a broken promise of the code under test.
inline void require(bool holds, const char *what)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

// Runs `load`: true when it succeeded, false when it threw an nn::Error with a message.
template <typename Load>
bool loadsOrExplains(Load &&load)
{
    try {
        load();
        return true;
    } catch (const nn::Error &error) {
        require(error.what()[0] != '\0', "an nn::Error with an empty message");
        return false;
    }
}

} // namespace fuzz
