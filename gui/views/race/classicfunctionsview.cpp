// ClassicFunctionsView: the function's field sampled once, the paths computed on the thread pool
// with ClassicDescent (the real optimizers), then revealed a few steps a frame.
#include "classicfunctionsview.h"

#include "views/postsnapshot.h"
#include "views/race/contourplot.h"
#include "views/race/racesettingrow.h"
#include "views/race/racesnapshot.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int kFieldWidth = 161, kFieldHeight = 121;
constexpr int kFramesPerRace = 240;  // about 4 s at 60 frames a second, whatever the step count

ScalarField sample(const nn::ClassicFunction &function)
{
    ScalarField field;
    field.width = kFieldWidth;
    field.height = kFieldHeight;
    field.xMin = function.minX, field.xMax = function.maxX, field.yMin = function.minY, field.yMax = function.maxY;
    field.values.resize(size_t(kFieldWidth) * kFieldHeight);
    for (int j = 0; j < kFieldHeight; ++j)
        for (int i = 0; i < kFieldWidth; ++i) {
            const double x = field.xMin + (field.xMax - field.xMin) * i / (kFieldWidth - 1);
            const double y = field.yMin + (field.yMax - field.yMin) * j / (kFieldHeight - 1);
            field.values[size_t(j) * kFieldWidth + size_t(i)] = function.value(x, y);
        }
    return field;
}

} // namespace

ClassicFunctionsView::ClassicFunctionsView(QWidget *parent)
    : QWidget(parent), function_(new QComboBox), steps_(new QSpinBox), race_(new QPushButton(tr("Race"))),
      step_(new QSlider(Qt::Horizontal)), stepText_(new QLabel), formula_(new QLabel), plot_(new ContourPlot),
      animation_(new QTimer(this))
{
    for (const nn::ClassicFunction &function : nn::classicFunctions())
        function_->addItem(QString::fromStdString(function.title), QString::fromStdString(function.name));
    steps_->setRange(1, 5000);
    steps_->setToolTip(tr("Optimizer steps per run"));
    race_->setToolTip(tr("Start every checked optimizer at the same point and show each step"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Function:")));
    top->addWidget(function_);
    top->addWidget(new QLabel(tr("steps")));
    top->addWidget(steps_);
    top->addWidget(race_);
    top->addSpacing(12);
    top->addWidget(step_, 1);
    top->addWidget(stepText_);
    formula_->setWordWrap(true);
    formula_->setTextFormat(Qt::RichText);

    auto *grid = new QGridLayout;
    for (int k = 0; k < 4; ++k) {
        auto *row = new RaceSettingRow(k, false);
        rows_.push_back(row);
        grid->addWidget(row, k / 2, k % 2);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid);
    layout->addWidget(formula_);
    layout->addWidget(plot_, 1);

    animation_->setInterval(16);
    connect(animation_, &QTimer::timeout, this, [this] {
        const int stride = std::max(1, step_->maximum() / kFramesPerRace);
        step_->setValue(std::min(step_->maximum(), step_->value() + stride));
        if (step_->value() >= step_->maximum())
            animation_->stop();
    });
    connect(step_, &QSlider::valueChanged, this, &ClassicFunctionsView::showStep);
    connect(step_, &QSlider::sliderPressed, animation_, &QTimer::stop);
    connect(race_, &QPushButton::clicked, this, &ClassicFunctionsView::race);
    connect(function_, &QComboBox::currentIndexChanged, this, [this] {
        for (size_t k = 0; k < rows_.size(); ++k)
            if (k < function().suggested.size())
                rows_[k]->setSetting(function().suggested[k]);
        steps_->setValue(function().steps);
        showFunction();
        race();
    });
    setFunction(QStringLiteral("rosenbrock"));
    for (size_t k = 0; k < rows_.size(); ++k)
        rows_[k]->setSetting(function().suggested[k]);
    steps_->setValue(function().steps);
    showFunction();
}

const nn::ClassicFunction &ClassicFunctionsView::function() const
{
    return nn::classicFunction(function_->currentData().toString().toStdString());
}

void ClassicFunctionsView::setFunction(const QString &name)
{
    const int index = function_->findData(name);
    if (index >= 0)
        function_->setCurrentIndex(index);
}

std::vector<nn::RaceSetting> ClassicFunctionsView::settings() const
{
    std::vector<nn::RaceSetting> result;
    for (const RaceSettingRow *row : rows_)
        if (row->isOn())
            result.push_back(row->setting());
    return result;
}

void ClassicFunctionsView::showFunction()
{
    const nn::ClassicFunction &f = function();
    formula_->setText(QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; — %3 &nbsp; Minimum ×, start ○.")
                          .arg(QString::fromStdString(f.title).toHtmlEscaped(), QString::fromStdString(f.formula).toHtmlEscaped(),
                               QString::fromStdString(f.lesson).toHtmlEscaped()));
    plot_->setField(sample(f), QStringLiteral("x"), QStringLiteral("y"));
    plot_->setMarker(QPointF(f.minimum[0], f.minimum[1]));
    plot_->setPaths({});
    paths_.clear();
}

void ClassicFunctionsView::race()
{
    animation_->stop();
    const int generation = ++generation_;
    const std::string name = function().name;
    const int steps = steps_->value();
    std::vector<nn::RaceSetting> settings;
    std::vector<QString> labels;
    std::vector<int> runs;
    for (size_t k = 0; k < rows_.size(); ++k)
        if (rows_[k]->isOn()) {
            settings.push_back(rows_[k]->setting());
            labels.push_back(QString::fromStdString(settings.back().label()));
            runs.push_back(int(k));
        }
    QPointer<ClassicFunctionsView> self(this);
    QThreadPool::globalInstance()->start([self, generation, name, steps, settings, labels, runs] {
        std::vector<std::vector<nn::Point2>> paths;
        for (const nn::RaceSetting &setting : settings) {
            nn::ClassicDescent descent(nn::classicFunction(name), setting);
            for (int s = 0; s < steps && !descent.stopped(); ++s)
                descent.step();
            paths.push_back(descent.path());
        }
        postToView(self, [generation, paths = std::move(paths), labels, runs](ClassicFunctionsView &view) mutable {
            view.setPaths(generation, std::move(paths), labels, runs);
        });
    });
}

void ClassicFunctionsView::setPaths(int generation, std::vector<std::vector<nn::Point2>> paths,
                                    std::vector<QString> labels, std::vector<int> runs)
{
    if (generation != generation_)
        return;
    paths_ = std::move(paths);
    std::vector<PlanePath> drawn;
    size_t longest = 0;
    for (size_t k = 0; k < paths_.size(); ++k) {
        PlanePath path{labels[k], raceColor(runs[k]), {}};
        for (const nn::Point2 &point : paths_[k])
            path.points.emplace_back(point[0], point[1]);
        longest = std::max(longest, path.points.size());
        drawn.push_back(std::move(path));
    }
    plot_->setPaths(std::move(drawn));
    step_->setRange(0, int(std::max<size_t>(longest, 1) - 1));
    step_->setValue(0);
    showStep(0);
    animation_->start();
    emit raced();
}

void ClassicFunctionsView::showStep(int step)
{
    plot_->setVisibleSteps(step);
    stepText_->setText(tr("step %1 of %2").arg(step).arg(step_->maximum()));
}
