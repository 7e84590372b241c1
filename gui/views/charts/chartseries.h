// The points of one line on a chart, thinned so a long run never puts more than a fixed number of
// points on screen: the chart stays fast while the history (and the CSV) keeps every point.
#pragma once

#include <QList>
#include <QPointF>
#include <QVector>

// Folds points, arriving in increasing x, into at most capacity/4 buckets of equal size; each
// bucket keeps its first, lowest, highest and last point (M4 decimation): spikes stay visible and
// the line runs on from one bucket to the next as it does through the full data.
// When the buckets are full, neighbours merge pairwise and the bucket size doubles: appending is
// O(1) amortized and points() is O(capacity), however long the run.
class ChartSeries {
public:
    explicit ChartSeries(int capacity = 2000);

    // Non-finite values (a diverged loss, a missing metric) are skipped.
    void append(QPointF point);
    void clear();

    // At most capacity() points, in x order.
    QList<QPointF> points() const;
    // The points appended so far (finite ones), and how many each bucket now stands for.
    qsizetype appended() const { return appended_; }
    qsizetype pointsPerBucket() const { return perBucket_; }
    int capacity() const { return 4 * maxBuckets_; }

private:
    struct Bucket {
        QPointF first;
        QPointF low;
        QPointF high;
        QPointF last;
        qsizetype count = 0;
    };
    static void fold(Bucket &bucket, QPointF point);
    static void merge(Bucket &bucket, const Bucket &next);
    void mergePairs();

    int maxBuckets_;
    qsizetype perBucket_ = 1;
    qsizetype appended_ = 0;
    QVector<Bucket> buckets_;
};
