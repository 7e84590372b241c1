// OptimizerRaceDialog: the settings, Start/Stop, and the three tabs fed by RaceRunner's snapshots.
#include "optimizerracedialog.h"

#include "views/explanation.h"
#include "views/plots/plotcanvas.h"
#include "views/race/classicfunctionsview.h"
#include "views/race/contourplot.h"
#include "views/race/racecurves.h"
#include "views/race/racerunner.h"
#include "views/race/racesettingrow.h"

#include "nn/projectsettings.h"

#include <QCloseEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// A tab: its "What am I looking at?" paragraph, remembered folded or not under `key`, above `content`.
QWidget *explainedTab(const QString &key, const QString &text, QWidget *content)
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    auto *label = new Explanation(key, text);
    label->setContentsMargins(2, 2, 2, 4);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return tab;
}

nn::RaceSetting defaultSetting(int run)
{
    static const char *texts[] = {"sgd:0.05", "momentum:0.05", "rmsprop:0.01", "adam:0.01"};
    return nn::RaceSetting::parse(texts[run]);
}

} // namespace

OptimizerRaceDialog::OptimizerRaceDialog(std::function<nn::Project()> project, QWidget *parent)
    : QDialog(parent), project_(std::move(project)), runner_(new RaceRunner(this)), epochs_(new QSpinBox),
      start_(new QPushButton(tr("Start"))), stop_(new QPushButton(tr("Stop"))), status_(new QLabel),
      tabs_(new QTabWidget), curves_(new RaceCurves), boundaries_(new QWidget), boundaryProblem_(new QLabel),
      surface_(new ContourPlot), classic_(new ClassicFunctionsView)
{
    setWindowTitle(tr("Optimizer Race"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setObjectName(QStringLiteral("optimizerRace"));

    auto *contestants = new QGroupBox(tr("Contestants: the same network, weights and data order; only the optimizer differs"));
    auto *grid = new QGridLayout(contestants);
    for (int k = 0; k < 4; ++k) {
        auto *row = new RaceSettingRow(k, true);
        row->setSetting(defaultSetting(k));
        rows_.push_back(row);
        grid->addWidget(row, k / 2, k % 2);
    }
    const nn::SettingSpec &epochs = nn::trainingSetting("epochs");
    epochs_->setRange(int(epochs.min), int(epochs.max));
    epochs_->setToolTip(tr("Epochs every run trains (the project's own setting to begin with)"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Epochs")));
    controls->addWidget(epochs_);
    controls->addWidget(start_);
    controls->addWidget(stop_);
    controls->addSpacing(8);
    status_->setWordWrap(true);
    controls->addWidget(status_, 1);
    grid->addLayout(controls, 2, 0, 1, 2);

    tabs_->addTab(makeRaceTab(), tr("Race"));
    tabs_->addTab(makeSurfaceTab(), tr("Loss Surface"));
    tabs_->addTab(explainedTab(QStringLiteral("race-classic"),
                      tr("Two numbers instead of a network's thousands: a point (x, y) rolls "
                         "downhill on a classic test function under each optimizer, the same optimizer code that trains the "
                         "networks, fed the function's exact gradient. Every dot is one step. SGD zig-zags across narrow "
                         "valleys and stalls on plateaus; momentum overshoots and swings back; RMSprop and Adam take steps "
                         "of even size whatever the slope."),
                      classic_),
                  tr("Classic Functions"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(contestants);
    layout->addWidget(tabs_, 1);

    // The classic functions have their own contestants: the network's would only confuse there.
    connect(tabs_, &QTabWidget::currentChanged, contestants, [this, contestants](int index) {
        contestants->setVisible(tabs_->widget(index) != classic_->parentWidget());
    });
    connect(start_, &QPushButton::clicked, this, &OptimizerRaceDialog::start);
    connect(stop_, &QPushButton::clicked, this, &OptimizerRaceDialog::stop);
    connect(runner_, &RaceRunner::snapshotReady, this, &OptimizerRaceDialog::setSnapshot);
    connect(runner_, &RaceRunner::surfaceReady, this, &OptimizerRaceDialog::setSurface);
    connect(runner_, &RaceRunner::failed, this, [this](const QString &message) {
        error_ = message;
        showStatus();
    });
    connect(runner_, &RaceRunner::finished, this, [this] {
        setRacing(false);
        showStatus();
        emit raceFinished();
    });
    const nn::Project now = project_();
    epochs_->setValue(std::clamp(now.training.epochs, int(epochs.min), int(epochs.max)));
    setRacing(false);
    status_->setText(tr("Pick up to four settings and press Start."));
    resize(1180, 760);
}

OptimizerRaceDialog::~OptimizerRaceDialog() { runner_->stop(); }

QWidget *OptimizerRaceDialog::makeRaceTab()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString text =
        tr("Copies of your network start from exactly the same weights and see the training "
           "samples in exactly the same order; only the optimizer, its learning rate and the batch size differ. Left: each "
           "epoch's mean training loss. Right: the loss on a fixed set of training samples (the probe), measured about "
           "8 times an epoch. Against samples seen every run has done the same work, so the lower curve learned more "
           "from the same data; against updates, full-batch gradient descent takes one step an epoch and batch 1 one "
           "step per sample. Below: each run's decision boundary.");
    layout->addWidget(curves_, 3);
    auto *row = new QHBoxLayout(boundaries_);
    row->setContentsMargins(0, 0, 0, 0);
    for (int k = 0; k < 4; ++k) {
        auto *column = new QVBoxLayout;
        auto *label = new QLabel;
        label->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(raceColor(k).name()));
        auto *plot = new PlotCanvas;
        plot->setMinimumSize(180, 150);
        column->addWidget(label);
        column->addWidget(plot, 1);
        row->addLayout(column, 1);
        boundaryLabels_.push_back(label);
        boundaryPlots_.push_back(plot);
    }
    layout->addWidget(boundaries_, 2);
    boundaryProblem_->setWordWrap(true);
    boundaryProblem_->hide();
    layout->addWidget(boundaryProblem_);
    return explainedTab(QStringLiteral("race"), text, content);
}

QWidget *OptimizerRaceDialog::makeSurfaceTab()
{
    surface_->setEmptyText(tr("Press Start: the slice is drawn once the runs have left the origin."));
    return explainedTab(QStringLiteral("race-surface"),
        tr("The loss of your network on a flat slice through its initial weights θ₀: the plane "
           "θ₀ + a·d₁ + b·d₂ spanned by two fixed random directions, each scaled filter by filter (neuron by neuron) to "
           "the size of the weights, as in Li et al. 2018, so that a = 1 is a step as large as the weights themselves. "
           "Shades and contour lines give the loss on the probe samples (light blue low, sand high). Each run's path is "
           "its weights at every checkpoint projected onto the plane (least squares); all start at the centre ○. The "
           "network has far more than two directions, so a path's shadow here can be short while the run moves far, and "
           "the loss under a path is the slice's, not the run's own: the curves give that."),
        surface_);
}

void OptimizerRaceDialog::start()
{
    std::vector<nn::RaceSetting> settings;
    for (const RaceSettingRow *row : rows_)
        if (row->isOn())
            settings.push_back(row->setting());
    error_.clear();
    if (settings.empty()) {
        error_ = tr("Check at least one contestant.");
        showStatus();
        return;
    }
    nn::Project project = project_();
    project.training.epochs = epochs_->value();
    snapshot_ = {};
    grid_ = {};
    curves_->clear();
    surface_->setField({}, {}, {});
    surface_->setPaths({});
    for (PlotCanvas *plot : boundaryPlots_)
        plot->setData({});
    setRacing(true);
    status_->setText(tr("Loading the data and building %n network(s)…", nullptr, int(settings.size())));
    runner_->start(project, settings);
}

void OptimizerRaceDialog::stop()
{
    runner_->stop();
    setRacing(false);
    showStatus();
}

bool OptimizerRaceDialog::racing() const { return runner_->running(); }

void OptimizerRaceDialog::setRacing(bool racing)
{
    start_->setEnabled(!racing);
    stop_->setEnabled(racing);
    for (RaceSettingRow *row : rows_)
        row->setEnabled(!racing);
    epochs_->setEnabled(!racing);
}

void OptimizerRaceDialog::closeEvent(QCloseEvent *event)
{
    stop();
    QDialog::closeEvent(event);
}

void OptimizerRaceDialog::setSnapshot(const RaceSnapshot &snapshot)
{
    snapshot_ = snapshot;
    curves_->setSnapshot(snapshot_);
    const bool plots = snapshot_.boundaryProblem.isEmpty();
    boundaries_->setVisible(plots);
    boundaryProblem_->setVisible(!plots);
    boundaryProblem_->setText(tr("No decision boundaries: %1").arg(snapshot_.boundaryProblem));
    for (size_t k = 0; k < boundaryPlots_.size(); ++k) {
        const bool used = k < snapshot_.runs.size();
        boundaryPlots_[k]->setVisible(used);
        boundaryLabels_[k]->setVisible(used);
        if (!used)
            continue;
        boundaryLabels_[k]->setText(snapshot_.runs[k].label);
        if (snapshot_.runs[k].boundary.kind != BoundarySnapshot::Kind::Empty)
            boundaryPlots_[k]->setData(snapshot_.runs[k].boundary.plot);
    }
    showPaths();
    showStatus();
}

void OptimizerRaceDialog::setSurface(const nn::SurfaceGrid &grid)
{
    grid_ = grid;
    ScalarField field;
    field.width = field.height = grid.size;
    field.xMin = -grid.halfA, field.xMax = grid.halfA, field.yMin = -grid.halfB, field.yMax = grid.halfB;
    field.values = grid.loss;
    surface_->setField(std::move(field), tr("a (direction 1)"), tr("b (direction 2)"));
    showPaths();
}

void OptimizerRaceDialog::showPaths()
{
    std::vector<PlanePath> paths;
    for (size_t k = 0; k < snapshot_.runs.size(); ++k) {
        PlanePath path{snapshot_.runs[k].label, raceColor(int(k)), {}};
        // A long race's path thinned to about 2000 points, its last one kept: enough for the eye.
        const auto &checkpoints = snapshot_.runs[k].checkpoints;
        const size_t stride = std::max<size_t>(1, checkpoints.size() / 2000);
        for (size_t c = 0; c < checkpoints.size(); ++c)
            if (c % stride == 0 || c + 1 == checkpoints.size())
                path.points.emplace_back(checkpoints[c].a, checkpoints[c].b);
        paths.push_back(std::move(path));
    }
    surface_->setPaths(std::move(paths));
}

void OptimizerRaceDialog::showStatus()
{
    if (!error_.isEmpty()) {
        status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(error_.toHtmlEscaped()));
        return;
    }
    if (snapshot_.runs.empty())
        return;
    int epoch = 0;
    QStringList ended;
    double best = INFINITY;
    QString leader;
    for (const RaceRunSnapshot &run : snapshot_.runs) {
        epoch = std::max(epoch, int(run.epochLosses.size()));
        if (!run.outcome.isEmpty() && run.outcome != QLatin1String("completed"))
            ended << tr("%1 %2").arg(run.label, run.outcome);
        if (!run.epochLosses.empty() && run.epochLosses.back() < best)
            best = run.epochLosses.back(), leader = run.label;
    }
    QString text = snapshot_.finished ? tr("Finished %1 epochs.").arg(epoch)
                   : racing()         ? tr("Epoch %1 of %2.").arg(epoch).arg(snapshot_.epochs)
                                      : tr("Stopped at epoch %1.").arg(epoch);
    if (!leader.isEmpty())
        text += QLatin1Char(' ') + tr("Lowest loss: %1 (%2).").arg(leader).arg(best, 0, 'g', 3);
    if (!ended.isEmpty())
        text += QLatin1Char(' ') + ended.join(QStringLiteral("; "));
    status_->setText(text.toHtmlEscaped());
}
