// RaceCurves: two Qt Charts on a log loss axis, refilled from each snapshot (a few hundred points).
#include "racecurves.h"

#include "views/charts/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QChartView *chartView(QChart *chart)
{
    chartstyle::styleChart(chart);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 200);
    return view;
}

// Points a line keeps at most: Qt Charts strokes every line's outline on each change, which on a
// long race's thousands of points would hold up the GUI thread.
constexpr size_t kMaxPoints = 500;

// Every stride-th of `count` items so that at most kMaxPoints remain, the last one always.
bool kept(size_t index, size_t count)
{
    const size_t stride = (count + kMaxPoints - 1) / kMaxPoints;
    return stride <= 1 || index % stride == 0 || index + 1 == count;
}

// From 0 to a little above the highest loss shown.
void fitLossAxis(QValueAxis *axis, double high)
{
    axis->setRange(0.0, std::isfinite(high) && high > 0.0 ? high * 1.05 : 1.0);
    axis->applyNiceNumbers();
}

} // namespace

RaceCurves::RaceCurves(QWidget *parent)
    : QWidget(parent), epochChart_(new QChart), progressChart_(new QChart), epochX_(new QValueAxis),
      progressX_(new QValueAxis), epochY_(new QValueAxis), progressY_(new QValueAxis), progressAxis_(new QComboBox)
{
    epochChart_->setTitle(tr("Training loss per epoch (the mean over its batches)"));
    progressChart_->setTitle(tr("Loss on the probe samples as training goes"));
    for (auto [chart, x, y] : {std::tuple{epochChart_, epochX_, epochY_}, std::tuple{progressChart_, progressX_, progressY_}}) {
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        x->setLabelFormat(QStringLiteral("%.0f"));
        chartstyle::styleAxis(y, tr("loss"));
    }
    chartstyle::styleAxis(epochX_, tr("epoch"));
    chartstyle::styleAxis(progressX_, tr("samples seen"));

    progressAxis_->addItem(tr("against samples seen (equal compute)"));
    progressAxis_->addItem(tr("against updates (optimizer steps)"));
    progressAxis_->setToolTip(tr("Samples seen measure compute: every run sees the same samples an epoch. Updates count "
                                 "optimizer steps: full batch takes one an epoch, batch 1 one per sample."));
    connect(progressAxis_, &QComboBox::currentIndexChanged, this, [this](int index) {
        chartstyle::styleAxis(progressX_, index == 0 ? tr("samples seen") : tr("updates"));
        fill();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(chartView(epochChart_), 1);
    auto *right = new QVBoxLayout;
    auto *axisRow = new QHBoxLayout;
    axisRow->addWidget(new QLabel(tr("x axis:")));
    axisRow->addWidget(progressAxis_);
    axisRow->addStretch();
    right->addLayout(axisRow);
    right->addWidget(chartView(progressChart_), 1);
    layout->addLayout(right, 1);
    clear();
}

void RaceCurves::setProgressAxis(int index) { progressAxis_->setCurrentIndex(index); }

void RaceCurves::clear()
{
    snapshot_ = {};
    rebuild(0);
    chartstyle::setCountRange(epochX_, 1);
    chartstyle::setCountRange(progressX_, 1);
    fitLossAxis(epochY_, 1.0);
    fitLossAxis(progressY_, 1.0);
}

void RaceCurves::rebuild(size_t runs)
{
    if (epochSeries_.size() == runs)
        return;
    epochChart_->removeAllSeries();
    progressChart_->removeAllSeries();
    epochSeries_.clear();
    progressSeries_.clear();
    for (size_t k = 0; k < runs; ++k)
        for (auto [chart, x, y, list] : {std::tuple{epochChart_, epochX_, epochY_, &epochSeries_},
                                         std::tuple{progressChart_, progressX_, progressY_, &progressSeries_}}) {
            auto *series = new QLineSeries;
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
            chartstyle::styleLine(series, raceColor(int(k)), 2.0);
            list->push_back(series);
        }
}

void RaceCurves::setSnapshot(const RaceSnapshot &snapshot)
{
    snapshot_ = snapshot;
    fill();
}

void RaceCurves::fill()
{
    rebuild(snapshot_.runs.size());
    const bool updates = progressAxis_->currentIndex() == 1;
    double high = 0.0, highP = 0.0, lastX = 1.0;
    for (size_t k = 0; k < snapshot_.runs.size(); ++k) {
        const RaceRunSnapshot &run = snapshot_.runs[k];
        QList<QPointF> epochs, progress;
        for (size_t e = 0; e < run.epochLosses.size(); ++e) {
            if (!std::isfinite(run.epochLosses[e]) || !kept(e, run.epochLosses.size()))
                continue;
            epochs.append({double(e + 1), run.epochLosses[e]});
            high = std::max(high, run.epochLosses[e]);
        }
        for (size_t c = 0; c < run.checkpoints.size(); ++c) {
            const datasets::RaceCheckpoint &point = run.checkpoints[c];
            if (!std::isfinite(point.loss) || !kept(c, run.checkpoints.size()))
                continue;
            const double x = updates ? double(point.step) : double(point.samples);
            progress.append({x, point.loss});
            lastX = std::max(lastX, x);
            highP = std::max(highP, point.loss);
        }
        epochSeries_[k]->replace(epochs);
        epochSeries_[k]->setName(run.label);
        progressSeries_[k]->replace(progress);
        progressSeries_[k]->setName(run.label);
    }
    chartstyle::setCountRange(epochX_, std::max(1, snapshot_.epochs));
    chartstyle::setCountRange(progressX_, updates ? lastX : std::max<double>(lastX, double(snapshot_.epochs) * double(snapshot_.trainSamples)));
    fitLossAxis(epochY_, high);
    fitLossAxis(progressY_, highP);
}
