// The loss chart's series, axes, log scale and hover reading.
#include "views/charts/losschartview.h"

#include "views/charts/chartstyle.h"
#include "views/charts/metricshistory.h"
#include "views/classcolors.h"

#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMaxLossMarkers = 60;          // validation dots are drawn while there are at most this many
constexpr double kValidationPixels = 12.0;  // how close the mouse must be to read a validation point

// Log axes cannot show zero or negative values: those points are left out there.
QList<QPointF> positiveOnly(QList<QPointF> points)
{
    points.removeIf([](const QPointF &point) { return point.y() <= 0.0; });
    return points;
}

QString value(double number)
{
    return QString::number(number, 'g', 4);
}

} // namespace

void LossChartView::Range::include(double y)
{
    if (!std::isfinite(y))
        return;
    low = empty ? y : std::min(low, y);
    high = empty ? y : std::max(high, y);
    if (y > 0.0)
        lowPositive = lowPositive > 0.0 ? std::min(lowPositive, y) : y;
    empty = false;
}

LossChartView::LossChartView(const MetricsHistory *history, QWidget *parent)
    : MetricsChartView(parent), history_(history), raw_(new QLineSeries), smoothed_(new QLineSeries),
      validation_(new QLineSeries), stepAxis_(new QValueAxis), linearAxis_(new QValueAxis),
      logAxis_(new QLogValueAxis)
{
    createSeries();
    reset();
}

void LossChartView::createSeries()
{
    raw_->setName(tr("training loss"));
    chartstyle::styleLine(raw_, chartstyle::rawLossColor(), 1.0);
    smoothed_->setName(tr("smoothed"));
    chartstyle::styleLine(smoothed_, chartstyle::trainingColor(), 2.0);
    validation_->setName(tr("validation loss"));
    chartstyle::styleLine(validation_, chartstyle::validationColor(), 2.0);
    validation_->setMarkerSize(5.0);
    for (QLineSeries *series : {raw_, smoothed_, validation_})
        chart()->addSeries(series);  // the raw series first: the hover reads values through it

    chartstyle::styleAxis(stepAxis_, tr("step"));
    stepAxis_->setLabelFormat(QStringLiteral("%d"));
    chartstyle::styleAxis(linearAxis_, tr("loss"));
    linearAxis_->setLabelFormat(QStringLiteral("%.3g"));
    chartstyle::styleAxis(logAxis_, tr("loss (log)"));
    logAxis_->setLabelFormat(QStringLiteral("%g"));
    logAxis_->setMinorTickCount(-1);
    chart()->addAxis(stepAxis_, Qt::AlignBottom);
    chart()->addAxis(linearAxis_, Qt::AlignLeft);
    chart()->addAxis(logAxis_, Qt::AlignLeft);
    logAxis_->hide();
    for (QLineSeries *series : {raw_, smoothed_, validation_}) {
        series->attachAxis(stepAxis_);
        series->attachAxis(linearAxis_);
    }
}

// A named loss's smoothed line, in a class colour of its own, on the axes the others use.
void LossChartView::addNamedSeries(const QString &name)
{
    auto *series = new QLineSeries;
    series->setName(tr("%1 (smoothed)").arg(name));
    chartstyle::styleLine(series, classcolors::classColor(int(named_.size()) + 2), 2.0);
    chart()->addSeries(series);
    series->attachAxis(stepAxis_);
    series->attachAxis(lossAxis());
    named_.append(series);
    namedPoints_.append(ChartSeries());
    smoothed_->setVisible(false);  // the headline loss is the first named one
}

QList<QLineSeries *> LossChartView::allSeries() const
{
    return QList<QLineSeries *>{raw_, smoothed_, validation_} + named_ + pastSeries();
}

void LossChartView::setPastRuns(const QList<PastRun> &runs)
{
    pastRuns_ = runs;
    QStringList labels;
    QList<QList<QPointF>> lines;
    for (const PastRun &run : runs) {
        labels << run.label;
        lines << positiveOnly(run.smoothedLoss);  // losses are not negative; a zero could not go on the log axis
    }
    showPastLines(labels, lines, stepAxis_, lossAxis());
    includePastRuns();
    updateAxes();
}

void LossChartView::includePastRuns()
{
    for (const PastRun &run : pastRuns_) {
        for (const QPointF &point : run.smoothedLoss) {
            range_.include(point.y());
            lastStep_ = std::max(lastStep_, point.x());
        }
    }
}

QAbstractAxis *LossChartView::lossAxis() const
{
    return logScale_ ? static_cast<QAbstractAxis *>(logAxis_) : linearAxis_;
}

void LossChartView::reset()
{
    rawPoints_.clear();
    smoothedPoints_.clear();
    validationPoints_.clear();
    for (QLineSeries *series : named_)
        chart()->removeSeries(series);
    qDeleteAll(named_);
    named_.clear();
    namedPoints_.clear();
    smoothed_->setVisible(true);
    shownSteps_ = shownEpochs_ = 0;
    range_ = Range{};
    lastStep_ = 0.0;
    lossAxisFitted_ = false;
    clearHover();
    replacePoints();
    chartstyle::setCountRange(stepAxis_, 10.0);
    linearAxis_->setRange(0.0, 1.0);
    logAxis_->setRange(0.01, 1.0);
    includePastRuns();
    updateAxes();
}

void LossChartView::resmooth()
{
    smoothedPoints_.clear();
    const QVector<StepPoint> &steps = history_->steps();
    const QVector<double> &smoothed = history_->smoothedLoss();
    for (qsizetype i = 0; i < shownSteps_; ++i)
        smoothedPoints_.append(QPointF(double(steps[i].step), smoothed[i]));
    smoothed_->replace(logScale_ ? positiveOnly(smoothedPoints_.points()) : smoothedPoints_.points());
    for (qsizetype named = 0; named < named_.size(); ++named) {
        namedPoints_[named].clear();
        const QVector<double> &values = history_->smoothedLoss(named);
        for (qsizetype i = 0; i < shownSteps_; ++i)
            namedPoints_[named].append(QPointF(double(steps[i].step), values[i]));
        named_[named]->replace(logScale_ ? positiveOnly(namedPoints_[named].points()) : namedPoints_[named].points());
    }
}

void LossChartView::sync()
{
    const QVector<StepPoint> &steps = history_->steps();
    const QVector<EpochPoint> &epochs = history_->epochs();
    if (shownSteps_ == steps.size() && shownEpochs_ == epochs.size())
        return;
    const QVector<double> &smoothed = history_->smoothedLoss();
    while (named_.size() < history_->lossNames().size())
        addNamedSeries(history_->lossNames()[named_.size()]);  // (a late name's earlier points are NaN: skipped)
    for (; shownSteps_ < steps.size(); ++shownSteps_) {
        const StepPoint &step = steps[shownSteps_];
        rawPoints_.append(QPointF(double(step.step), step.loss));
        smoothedPoints_.append(QPointF(double(step.step), smoothed[shownSteps_]));
        range_.include(step.loss);
        for (qsizetype named = 0; named < named_.size(); ++named) {
            const double value = history_->smoothedLoss(named)[shownSteps_];
            namedPoints_[named].append(QPointF(double(step.step), value));
            range_.include(value);
        }
        lastStep_ = std::max(lastStep_, double(step.step));
    }
    const bool newEpochs = shownEpochs_ < epochs.size();
    for (; shownEpochs_ < epochs.size(); ++shownEpochs_) {
        const EpochPoint &epoch = epochs[shownEpochs_];
        validationPoints_.append(QPointF(double(epoch.step), epoch.validationLoss));
        range_.include(epoch.validationLoss);
        lastStep_ = std::max(lastStep_, double(epoch.step));
    }
    replacePoints(newEpochs);
    updateAxes();
    refreshHover();
}

void LossChartView::setLogScale(bool on)
{
    if (on == logScale_)
        return;
    QAbstractAxis *from = lossAxis();
    logScale_ = on;
    QAbstractAxis *to = lossAxis();
    for (QLineSeries *series : allSeries())
        series->detachAxis(from);
    from->hide();  // both axes stay in the chart (removing one leaves its drawing behind until
    to->show();    // the event loop runs, and a PNG taken right after would show both)
    clearHover();
    if (on)
        replacePoints();  // before attaching, so the log axis never sees a zero
    for (QLineSeries *series : allSeries())
        series->attachAxis(to);
    if (!on)
        replacePoints();  // after, so the zeros come back on the linear axis
    updateAxes();
}

void LossChartView::replacePoints(bool withValidation)
{
    const auto shown = [this](const ChartSeries &points) {
        return logScale_ ? positiveOnly(points.points()) : points.points();
    };
    raw_->replace(shown(rawPoints_));
    smoothed_->replace(shown(smoothedPoints_));
    for (qsizetype named = 0; named < named_.size(); ++named)
        named_[named]->replace(shown(namedPoints_[named]));
    if (!withValidation)
        return;  // each replace() re-strokes the whole line: only the lines that changed
    validation_->replace(shown(validationPoints_));
    if (validation_->pointsVisible() != (validation_->count() <= kMaxLossMarkers))
        validation_->setPointsVisible(validation_->count() <= kMaxLossMarkers);
}

// Ranges only grow during a run, so an axis changes only when a point falls outside it.
void LossChartView::updateAxes()
{
    if (lastStep_ > stepAxis_->max()) {
        chartstyle::setCountRange(stepAxis_, lastStep_);
    }
    if (range_.empty)
        return;
    const double low = std::min(0.0, range_.low);
    if (!lossAxisFitted_ || range_.high > linearAxis_->max() || low < linearAxis_->min()) {
        lossAxisFitted_ = true;
        linearAxis_->setRange(low, range_.high > low ? range_.high : low + 1.0);
        linearAxis_->applyNiceNumbers();
    }
    if (range_.lowPositive > 0.0) {
        const double bottom = std::pow(10.0, std::floor(std::log10(range_.lowPositive)));
        double top = std::pow(10.0, std::ceil(std::log10(range_.high)));
        if (top <= bottom)
            top = bottom * 10.0;
        if (bottom != logAxis_->min() || top != logAxis_->max())
            logAxis_->setRange(bottom, top);
    }
}

std::optional<MetricsChartView::Reading> LossChartView::readingAt(QPointF at, QPointF position) const
{
    const qsizetype index = history_->nearestStep(at.x());
    if (index < 0 || index >= shownSteps_)
        return std::nullopt;
    const StepPoint &step = history_->steps()[index];
    const double smoothed = history_->smoothedLoss()[index];
    QString text = tr("step %1 · epoch %2\nloss %3\nsmoothed %4")
                       .arg(step.step).arg(step.epoch).arg(value(step.loss), value(smoothed));
    for (qsizetype named = 0; named < history_->lossNames().size(); ++named)
        text += tr("\n%1 %2").arg(history_->lossNames()[named], value(history_->namedLoss(step, named)));
    text += validationNear(position);
    return Reading{QPointF(double(step.step), std::isfinite(step.loss) ? step.loss : smoothed), text};
}

// "validation 0.41 (epoch 5)" when an epoch's validation point is within a few pixels of the mouse.
QString LossChartView::validationNear(QPointF position) const
{
    const QVector<EpochPoint> &epochs = history_->epochs();
    const double step = chart()->mapToValue(position, raw_).x();
    const auto after = std::lower_bound(epochs.begin(), epochs.begin() + shownEpochs_, step,
                                        [](const EpochPoint &epoch, double s) { return double(epoch.step) < s; });
    const EpochPoint *nearest = nullptr;
    double nearestPixels = kValidationPixels;
    for (auto it = after == epochs.begin() ? after : after - 1; it != epochs.begin() + shownEpochs_ && it <= after; ++it) {
        if (!std::isfinite(it->validationLoss))
            continue;
        const double pixels = std::abs(chart()->mapToPosition(QPointF(double(it->step), 1.0), raw_).x() - position.x());
        if (pixels <= nearestPixels) {
            nearest = &*it;
            nearestPixels = pixels;
        }
    }
    return nearest ? tr("\nvalidation %1 (epoch %2)").arg(value(nearest->validationLoss)).arg(nearest->epoch) : QString();
}
