// PreviewSnapshot: a first look at an experiment's data: the first training images with their
// labels, a scatter of 2-D points, or a table of the first rows, and the split sizes.
#pragma once

#include "views/plots/plotdata.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace datasets {
class Experiment;
}

// A plain value, safe to copy between threads.
struct PreviewSnapshot {
    enum class Kind { Empty, Images, Scatter, Table };
    Kind kind = Kind::Empty;
    QString summary;  // "350 train · 50 validation · 100 test samples, 2 features, 2 classes"
    int64_t trainSize = 0, validationSize = 0, testSize = 0;

    std::vector<QImage> images;  // Kind::Images
    QStringList imageLabels;
    PlotData plot;  // Kind::Scatter
    QStringList columns;  // Kind::Table: the label, then the feature names
    std::vector<QStringList> rows;
    bool textTable = false;  // texts and sequences: every column reads left to right
};

inline constexpr int64_t kPreviewImages = 48;
inline constexpr int64_t kPreviewRows = 50;
inline constexpr int64_t kPreviewPoints = 2000;

// Reads the first training samples (no model involved); safe off the GUI thread.
PreviewSnapshot computePreview(const datasets::Experiment &experiment);
