// errorMessage(call): what a test reads from an nn::Error, to check that a message helps the user.
#pragma once

#include "nn/error.h"

#include <string>

// The message of the nn::Error that call() throws, or "" when it throws none.
template <typename Call>
std::string errorMessage(const Call &call)
{
    try {
        call();
    } catch (const nn::Error &error) {
        return error.what();
    }
    return {};
}
