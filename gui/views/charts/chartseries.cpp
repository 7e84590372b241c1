// Min/max decimation of a chart line into a fixed number of buckets.
#include "views/charts/chartseries.h"

#include <algorithm>
#include <array>
#include <cmath>

ChartSeries::ChartSeries(int capacity)
    : maxBuckets_(std::max(1, capacity / 4))
{
    buckets_.reserve(maxBuckets_);
}

void ChartSeries::append(QPointF point)
{
    if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
        return;
    ++appended_;
    if (!buckets_.isEmpty() && buckets_.back().count < perBucket_) {
        fold(buckets_.back(), point);
        return;
    }
    if (buckets_.size() == maxBuckets_)
        mergePairs();  // every bucket was full, so now half as many full buckets of twice the size
    buckets_.append(Bucket{point, point, point, point, 1});
}

void ChartSeries::clear()
{
    buckets_.clear();
    perBucket_ = 1;
    appended_ = 0;
}

QList<QPointF> ChartSeries::points() const
{
    QList<QPointF> points;
    points.reserve(4 * buckets_.size());
    for (const Bucket &bucket : buckets_) {
        std::array<QPointF, 4> corners{bucket.first, bucket.low, bucket.high, bucket.last};
        std::sort(corners.begin(), corners.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
        for (qsizetype i = 0; i < 4; ++i)
            if (i == 0 || corners[i] != corners[i - 1])
                points.append(corners[i]);
    }
    return points;
}

void ChartSeries::fold(Bucket &bucket, QPointF point)
{
    if (point.y() < bucket.low.y())
        bucket.low = point;
    if (point.y() > bucket.high.y())
        bucket.high = point;
    bucket.last = point;
    ++bucket.count;
}

void ChartSeries::merge(Bucket &bucket, const Bucket &next)
{
    if (next.low.y() < bucket.low.y())
        bucket.low = next.low;
    if (next.high.y() > bucket.high.y())
        bucket.high = next.high;
    bucket.last = next.last;
    bucket.count += next.count;
}

void ChartSeries::mergePairs()
{
    const qsizetype merged = buckets_.size() / 2;
    for (qsizetype i = 0; i < merged; ++i) {
        Bucket bucket = buckets_[2 * i];
        merge(bucket, buckets_[2 * i + 1]);
        buckets_[i] = bucket;
    }
    if (buckets_.size() % 2 == 1)
        buckets_[merged] = buckets_.back();
    buckets_.resize(merged + buckets_.size() % 2);
    perBucket_ *= 2;
}
