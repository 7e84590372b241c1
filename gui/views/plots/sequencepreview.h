// sequencepreview: what a sample of a text or sequence set is, for the data preview: texts with
// their labels, a language model's windows, symbol sequences and their targets, or a plot of a
// few time-series windows with the values to forecast.
#pragma once

#include "views/plots/previewsnapshot.h"

namespace datasets {
struct DataInfo;
}
namespace views {
struct SplitSamples;
}

inline constexpr int64_t kPreviewWindows = 4;  // time-series windows in the plot

// True for sets of sequences (T > 0): [N, T] token ids or [N, T, F] values.
bool isSequencePreview(const datasets::DataInfo &info);
// "vocabulary of 58 characters, T = 16" or "T = 50 steps of 2 values".
QString sequenceSummary(const datasets::DataInfo &info);
// Fills `snapshot` (a table, or a plot of windows for one value per step) from the first
// training samples.
void fillSequencePreview(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info);
