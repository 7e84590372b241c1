// keepOneClass: a classification set narrowed to the samples of one class, such as Fashion-MNIST's
// trousers for a GAN that learns to draw them.
#pragma once

#include "samples.h"

#include <string>

namespace datasets {

// Keeps only the samples (and own test samples) whose class is `name`: a class name ("Trouser",
// matched without regard to case) or number ("1"). Throws nn::SettingError listing the classes when
// the set has no such class, or has no classes at all.
template <typename T>
void keepOneClass(RawData<T> &data, const std::string &name);

} // namespace datasets
