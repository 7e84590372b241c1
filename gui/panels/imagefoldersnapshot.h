// ImageFolderSnapshot: what the data section shows of a loaded folder of images: the classes with
// their image counts and a few thumbnails each, and the files that were skipped with the reason.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace datasets {
class Experiment;
}

// A plain value, safe to copy between threads.
struct ImageFolderSnapshot {
    QString folder;                               // empty: the data is not a folder of images
    bool fromCache = false;                       // read from the decoded cache beside the folder
    QStringList classNames;
    std::vector<int64_t> counts;                  // images per class, all splits together
    std::vector<std::vector<QImage>> thumbnails;  // per class, the first few, in colour for RGB
    QStringList skipped;                          // "cats/bad.jpg: truncated JPEG (…)"

    int64_t total() const;
};

inline constexpr int kThumbnailsPerClass = 6;

// Reads the experiment's splits (no model involved); safe off the GUI thread.
ImageFolderSnapshot computeImageFolderSnapshot(const datasets::Experiment &experiment);
