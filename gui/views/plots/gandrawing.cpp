// GanDrawing: the drawn points between the document and the layered-distributions view.
#include "views/plots/gandrawing.h"

#include "views/plots/ganbrush.h"
#include "views/plots/ganlayersview.h"

#include "commands/changeprojectsettingscommand.h"
#include "document/graphdocument.h"
#include "training/trainingcontroller.h"

#include "datasets/drawnset.h"
#include "datasets/mixtureset.h"

#include "nn/dataspec.h"
#include "nn/error.h"

#include <QPushButton>
#include <QUndoStack>

#include <cmath>

namespace {

constexpr int64_t kRingPoints = 64;
constexpr double kRingJitter = 0.15;

} // namespace

GanDrawing::GanDrawing(GraphDocument *document, GanLayersView *view, TrainingController *training, QObject *parent)
    : QObject(parent), document_(document), view_(view)
{
    connect(document, &GraphDocument::projectReset, this, &GanDrawing::showDocument);
    connect(document, &GraphDocument::dataChanged, this, &GanDrawing::showDocument);
    connect(document, &GraphDocument::ganChanged, this, &GanDrawing::showDocument);
    connect(training, &TrainingController::editingLockedChanged, this, [this](bool locked) {
        locked_ = locked;
        view_->canvas()->setDrawingEnabled(!locked);
        view_->clearButton()->setEnabled(!locked);
        view_->ringButton()->setEnabled(!locked);
        showHint();
    });
    // Too few points to prepare: the last data's layers would mislead, so only the drawing stays.
    connect(training, &TrainingController::preparationFailed, this, [this] {
        if (applies(document_->project()))
            view_->setSnapshot({});
    });
    connect(view->canvas(), &GanLayersCanvas::strokeDrawn, this, &GanDrawing::addStroke);
    connect(view->clearButton(), &QPushButton::clicked, this, [this] { replacePoints({}, tr("Clear the drawing")); });
    connect(view->ringButton(), &QPushButton::clicked, this, [this] { replacePoints(ringPoints(), tr("Start from Ring")); });
    showDocument();
}

bool GanDrawing::applies(const nn::Project &project)
{
    return project.gan.has_value() && project.data.source == datasets::DrawnSet::kName;
}

std::vector<std::array<double, 2>> GanDrawing::ringPoints()
{
    const datasets::RawData<float> ring = datasets::MixtureSet::generate("ring", kRingPoints, kRingJitter, 1);
    std::vector<std::array<double, 2>> points;
    const auto snap = [](float v) { return std::round(double(v) / GanBrush::kGrid) * GanBrush::kGrid; };
    for (int64_t i = 0; i < ring.samples->count; ++i)
        points.push_back({snap(ring.samples->inputs[size_t(2 * i)]), snap(ring.samples->inputs[size_t(2 * i + 1)])});
    return points;
}

void GanDrawing::showDocument()
{
    const nn::Project &project = document_->project();
    const bool on = applies(project);
    std::vector<QPointF> points;
    if (on)
        for (const auto &[x, y] : project.data.points)
            points.emplace_back(x, y);
    problem_.clear();
    view_->setDrawing(on, std::move(points));
    showHint();
}

void GanDrawing::showHint()
{
    const size_t count = document_->project().data.points.size(), least = datasets::DrawnSet::kMinPoints;
    QString hint = locked_         ? tr("Stop training to draw")
                   : count < least ? tr("Drag on the plot to paint real points (%1 of at least %2)").arg(count).arg(least)
                                   : tr("Drag on the plot to paint real points");
    view_->canvas()->setDrawingHint(problem_.isEmpty() ? hint : problem_);
}

void GanDrawing::addStroke(const std::vector<QPointF> &points)
{
    std::vector<std::array<double, 2>> all = document_->project().data.points;
    for (const QPointF &p : points)
        all.push_back({p.x(), p.y()});
    replacePoints(all, points.size() == 1 ? tr("Paint 1 point") : tr("Paint %1 points").arg(points.size()));
}

void GanDrawing::replacePoints(const std::vector<std::array<double, 2>> &points, const QString &text)
{
    if (locked_ || !applies(document_->project()) || points == document_->project().data.points)
        return;
    nlohmann::json after = document_->project().data.toJson();
    if (points.empty())
        after.erase("points");
    else
        after["points"] = points;
    try {
        nn::DataSpec::fromJson(after);
    } catch (const nn::Error &error) {  // more points than a drawing may hold
        problem_ = QString::fromStdString(error.what());
        showHint();
        return;
    }
    auto *command = new ChangeProjectSettingsCommand(document_, ChangeProjectSettingsCommand::Section::Data, "points",
                                                     std::move(after), ChangeProjectSettingsCommand::Merge::No);
    command->setText(text);
    document_->undoStack()->push(command);
}
