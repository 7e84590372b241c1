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

// One cell per named loss: the step's value, or the epoch's mean.
QByteArray namedCells(const QStringList &names, const QStringList &rowNames, const QVector<double> &values)
{
    QByteArray cells;
    for (const QString &name : names) {
        const qsizetype at = rowNames.indexOf(name);
        cells += ',' + (at >= 0 && at < values.size() ? number(values[at]) : QByteArray());
    }
    return cells;
}

QByteArray stepRow(const StepPoint &step, double smoothed, const QStringList &names)
{
    return "step," + QByteArray::number(step.step) + ',' + QByteArray::number(step.epoch) + ',' + number(step.loss) +
           ',' + number(smoothed) + ',' + number(step.learningRate) + ",,,,," +
           namedCells(names, step.lossNames, step.losses) + '\n';
}

QByteArray epochRow(const EpochPoint &epoch, const QStringList &names)
{
    return "epoch," + QByteArray::number(epoch.step) + ',' + QByteArray::number(epoch.epoch) + ",,," +
           number(epoch.learningRate) + ',' + number(epoch.trainLoss) + ',' + number(epoch.trainAccuracy) + ',' +
           number(epoch.validationLoss) + ',' + number(epoch.validationAccuracy) + ',' + number(epoch.seconds) +
           namedCells(names, epoch.lossNames, epoch.trainLosses) + '\n';
}

} // namespace

void MetricsHistory::clear()
{
    steps_.clear();
    smoothed_.clear();
    epochs_.clear();
    lossNames_.clear();
    namedSmoothed_.clear();
    namedSmoothers_.clear();
    smoother_ = {};
    hasAccuracy_ = false;
}

void MetricsHistory::appendSteps(const QVector<StepPoint> &steps)
{
    for (const StepPoint &step : steps) {
        for (const QString &name : step.lossNames) {
            if (!lossNames_.contains(name)) {  // a loss first seen now: NaN for the steps before
                lossNames_.append(name);
                namedSmoothed_.append(QVector<double>(steps_.size(), std::nan("")));
                namedSmoothers_.append(Smoother{});
            }
        }
        steps_.append(step);
        smoothed_.append(smoother_.next(step.loss, smoothing_));
        for (qsizetype named = 0; named < lossNames_.size(); ++named)
            namedSmoothed_[named].append(namedSmoothers_[named].next(namedLoss(step, named), smoothing_));
    }
}

double MetricsHistory::namedLoss(const StepPoint &step, qsizetype named) const
{
    const qsizetype at = step.lossNames.indexOf(lossNames_[named]);
    return at >= 0 && at < step.losses.size() ? step.losses[at] : std::nan("");
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

// s_t = m_t / (1 − w^t) with m_t = w·m_{t−1} + (1−w)·x_t. A non-finite value is passed through and
// leaves the average alone (TensorBoard does the same).
double MetricsHistory::Smoother::next(double value, double weight)
{
    if (!std::isfinite(value))
        return value;
    average = weight * average + (1.0 - weight) * value;
    weightPower *= weight;
    return average / (1.0 - weightPower);
}

void MetricsHistory::resmooth()
{
    smoother_ = {};
    for (qsizetype i = 0; i < steps_.size(); ++i)
        smoothed_[i] = smoother_.next(steps_[i].loss, smoothing_);
    for (qsizetype named = 0; named < lossNames_.size(); ++named) {
        namedSmoothers_[named] = {};
        for (qsizetype i = 0; i < steps_.size(); ++i)
            namedSmoothed_[named][i] = namedSmoothers_[named].next(namedLoss(steps_[i], named), smoothing_);
    }
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
                     "validation_loss,validation_accuracy,seconds";
    for (const QString &name : lossNames_)
        csv += ',' + name.toUtf8();
    csv += '\n';
    csv.reserve(csv.size() + (64 + 24 * lossNames_.size()) * (steps_.size() + epochs_.size()));
    qsizetype e = 0;
    for (qsizetype s = 0; s < steps_.size(); ++s) {
        for (; e < epochs_.size() && epochs_[e].step < steps_[s].step; ++e)
            csv += epochRow(epochs_[e], lossNames_);
        csv += stepRow(steps_[s], smoothed_[s], lossNames_);
    }
    for (; e < epochs_.size(); ++e)
        csv += epochRow(epochs_[e], lossNames_);
    return csv;
}
