// The run's stored metrics: smoothing and the CSV table.
#include "views/charts/metricshistory.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kMaxSmoothing = 0.99;

// 17 significant digits: a double read back from the file is the same double.
QByteArray number(double value)
{
    return std::isfinite(value) ? QByteArray::number(value, 'g', 17) : QByteArray();
}

QByteArray stepRow(const StepPoint &step, double smoothed)
{
    return "step," + QByteArray::number(step.step) + ',' + QByteArray::number(step.epoch) + ',' + number(step.loss) +
           ',' + number(smoothed) + ',' + number(step.learningRate) + ",,,,,\n";
}

QByteArray epochRow(const EpochPoint &epoch)
{
    return "epoch," + QByteArray::number(epoch.step) + ',' + QByteArray::number(epoch.epoch) + ",,," +
           number(epoch.learningRate) + ',' + number(epoch.trainLoss) + ',' + number(epoch.trainAccuracy) + ',' +
           number(epoch.validationLoss) + ',' + number(epoch.validationAccuracy) + ',' + number(epoch.seconds) + '\n';
}

} // namespace

void MetricsHistory::clear()
{
    steps_.clear();
    smoothed_.clear();
    epochs_.clear();
    average_ = 0.0;
    weightPower_ = 1.0;
    hasAccuracy_ = false;
}

void MetricsHistory::appendSteps(const QVector<StepPoint> &steps)
{
    steps_.append(steps);
    for (const StepPoint &step : steps)
        smoothed_.append(smoothedNext(step.loss));
}

void MetricsHistory::appendEpoch(const EpochPoint &epoch)
{
    epochs_.append(epoch);
    if (std::isfinite(epoch.trainAccuracy) || std::isfinite(epoch.validationAccuracy))
        hasAccuracy_ = true;
}

void MetricsHistory::setSmoothing(double weight)
{
    smoothing_ = std::clamp(weight, 0.0, kMaxSmoothing);
    resmooth();
}

// A non-finite loss is passed through and leaves the average alone (TensorBoard does the same).
double MetricsHistory::smoothedNext(double loss)
{
    if (!std::isfinite(loss))
        return loss;
    average_ = smoothing_ * average_ + (1.0 - smoothing_) * loss;
    weightPower_ *= smoothing_;
    return average_ / (1.0 - weightPower_);
}

void MetricsHistory::resmooth()
{
    average_ = 0.0;
    weightPower_ = 1.0;
    for (qsizetype i = 0; i < steps_.size(); ++i)
        smoothed_[i] = smoothedNext(steps_[i].loss);
}

qsizetype MetricsHistory::nearestStep(double step) const
{
    if (steps_.isEmpty())
        return -1;
    const auto after = std::lower_bound(steps_.begin(), steps_.end(), step,
                                        [](const StepPoint &point, double value) { return point.step < value; });
    if (after == steps_.begin())
        return 0;
    if (after == steps_.end())
        return steps_.size() - 1;
    const auto before = after - 1;
    return (step - before->step <= after->step - step ? before : after) - steps_.begin();
}

QByteArray MetricsHistory::toCsv() const
{
    QByteArray csv = "kind,step,epoch,loss,smoothed_loss,learning_rate,train_loss,train_accuracy,"
                     "validation_loss,validation_accuracy,seconds\n";
    csv.reserve(csv.size() + 64 * (steps_.size() + epochs_.size()));
    qsizetype e = 0;
    for (qsizetype s = 0; s < steps_.size(); ++s) {
        for (; e < epochs_.size() && epochs_[e].step < steps_[s].step; ++e)
            csv += epochRow(epochs_[e]);
        csv += stepRow(steps_[s], smoothed_[s]);
    }
    for (; e < epochs_.size(); ++e)
        csv += epochRow(epochs_[e]);
    return csv;
}
