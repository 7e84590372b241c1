// assembleSplits: a data set as read and a split of its rows made into LoadedData, with the input
// scaling fitted on the training rows only.
#pragma once

#include "datainfo.h"
#include "datasplit.h"
#include "samples.h"

#include "nn/dataspec.h"

namespace datasets {

// Wraps each of `split`'s row lists in a SampleSource (a set with its own test set uses all of it
// as test) and fits spec.scaling on the training rows; token ids are never rescaled.
template <typename T>
LoadedData assembleSplits(RawData<T> raw, const nn::DataSpec &spec, const DataSplit &split);

extern template LoadedData assembleSplits(RawData<float> raw, const nn::DataSpec &spec, const DataSplit &split);
extern template LoadedData assembleSplits(RawData<uint8_t> raw, const nn::DataSpec &spec, const DataSplit &split);

} // namespace datasets
