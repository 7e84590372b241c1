// The folder summary's content, counted over every split of the loaded images.
#include "panels/imagefoldersnapshot.h"

#include "views/sampleimage.h"

#include "datasets/experiment.h"

#include <algorithm>
#include <numeric>

namespace {

constexpr int64_t kGatherChunk = 512;  // samples gathered at once: the counts need every one

void countSplit(ImageFolderSnapshot &snapshot, const nn::BatchSource &source, const datasets::DataInfo &info)
{
    nn::Tensor inputs, targets;
    std::vector<int64_t> indices;
    for (int64_t start = 0; start < source.size(); start += kGatherChunk) {
        indices.resize(static_cast<size_t>(std::min(kGatherChunk, source.size() - start)));
        std::iota(indices.begin(), indices.end(), start);
        source.gather(indices, inputs, targets);
        const auto count = static_cast<int64_t>(indices.size());
        const int64_t perSample = inputs.size() / count, perTarget = targets.size() / count;
        for (int64_t n = 0; n < count; ++n) {
            const auto label = static_cast<size_t>(targets[n * perTarget]);
            if (label >= snapshot.counts.size())
                continue;
            ++snapshot.counts[label];
            if (snapshot.thumbnails[label].size() < size_t(kThumbnailsPerClass))
                snapshot.thumbnails[label].push_back(views::sampleImage(inputs.data() + n * perSample, info));
        }
    }
}

} // namespace

int64_t ImageFolderSnapshot::total() const
{
    return std::accumulate(counts.begin(), counts.end(), int64_t{0});
}

ImageFolderSnapshot computeImageFolderSnapshot(const datasets::Experiment &experiment)
{
    ImageFolderSnapshot snapshot;
    const datasets::LoadedData &data = experiment.data();
    if (data.info.imageFolder.empty())
        return snapshot;
    snapshot.folder = QString::fromStdString(data.info.imageFolder);
    snapshot.fromCache = data.info.fromCache;
    for (const std::string &name : data.info.classNames)
        snapshot.classNames << QString::fromStdString(name);
    for (const std::string &skipped : data.info.skippedFiles)
        snapshot.skipped << QString::fromStdString(skipped);
    snapshot.counts.assign(data.info.classNames.size(), 0);
    snapshot.thumbnails.resize(data.info.classNames.size());
    for (const auto *split : {data.train.get(), data.validation.get(), data.test.get()})
        if (split)
            countSplit(snapshot, *split, data.info);
    return snapshot;
}
