// The Build, Train and Present layouts and the layout each project opens in.
#include "app/layoutpresets.h"

#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "document/graphdocument.h"
#include "views/plots/boundarysnapshot.h"
#include "views/plots/ganlayerssnapshot.h"
#include "views/postsnapshot.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace {

// The docks' object names (MainWindow::addPanel).
const QString kLayers = QStringLiteral("layers"), kSettings = QStringLiteral("settings"),
              kTraining = QStringLiteral("training"), kCode = QStringLiteral("codePanel"),
              kHistory = QStringLiteral("history"), kCharts = QStringLiteral("chartsPanel"),
              kBoundary = QStringLiteral("boundary"), kEvaluation = QStringLiteral("evaluation"),
              kInside = QStringLiteral("inside"), kTryIt = QStringLiteral("tryIt"),
              kLessons = QStringLiteral("lessons");

constexpr int kPaletteWidth = 180, kSettingsWidth = 310, kMinCanvasWidth = 220, kLessonsWidth = 340;
constexpr int kWindowChrome = 90;  // the menu bar, tool bar, status bar and dock titles, about

} // namespace

LayoutPresets::LayoutPresets(QMainWindow *window, GraphView *canvas, GraphDocument *document)
    : QObject(window), window_(window), canvas_(canvas)
{
    auto *group = new QActionGroup(this);
    const char *names[] = {QT_TR_NOOP("&Build Layout"), QT_TR_NOOP("&Train Layout"), QT_TR_NOOP("&Present Layout")};
    const char *tips[] = {
        QT_TR_NOOP("The canvas, the layers and the settings big: for building a network"),
        QT_TR_NOOP("The pictures of the run big, the canvas just big enough for the network: for watching it learn"),
        QT_TR_NOOP("Only the pictures of the run, in large fonts for a projector: for showing a class"),
    };
    for (int i = 0; i < 3; ++i) {
        actions_[i] = group->addAction(tr(names[i]));
        actions_[i]->setCheckable(true);
        actions_[i]->setStatusTip(tr(tips[i]));
        connect(actions_[i], &QAction::triggered, this, [this, i] { apply(static_cast<Preset>(i)); });
    }
    actions_[static_cast<int>(current_)]->setChecked(true);
    connect(document, &GraphDocument::projectReset, this, [this] { laidOut_ = false; });
}

LayoutPresets::~LayoutPresets()
{
    if (baseFont_)
        QApplication::setFont(*baseFont_);
}

void LayoutPresets::addActionsTo(QMenu *menu)
{
    for (QAction *action : actions_)
        menu->addAction(action);
}

QAction *LayoutPresets::action(Preset preset) const
{
    return actions_[static_cast<int>(preset)];
}

ModelProbe LayoutPresets::probe()
{
    QPointer<LayoutPresets> self(this);
    return [self](ProbeMoment moment, const nn::Model &, const datasets::Experiment &experiment) {
        if (moment != ProbeMoment::Prepared)
            return;
        const bool planar = boundaryProblem(experiment).isEmpty() || ganLayersApply(experiment);
        postToView(self, [planar](LayoutPresets &layouts) { layouts.setPlanarData(planar); });
    };
}

void LayoutPresets::setPlanarData(bool planar)
{
    if (laidOut_ && planar == planar_)
        return;  // a re-preparation after an edit keeps what the user arranged
    planar_ = planar;
    laidOut_ = true;
    apply(current_);
}

void LayoutPresets::apply(Preset preset)
{
    current_ = preset;
    action(preset)->setChecked(true);
    setFontScale(preset == Preset::Present ? kPresentFontScale : 1.0);
    arrange();
    showDocks(preset);
    sizeDocks(preset);
    // The canvas gets its new size once the layout has run.
    QTimer::singleShot(0, canvas_, &GraphView::fitToContents);
    emit applied(preset);
}

QDockWidget *LayoutPresets::dock(const QString &name) const
{
    return window_->findChild<QDockWidget *>(name, Qt::FindDirectChildrenOnly);
}

// Layers | canvas | decision boundary | settings (Training, Settings, Code, History, Try it as tabs),
// with the charts and the evaluation (the Inside dock tabbed behind it) side by side below.
void LayoutPresets::arrange()
{
    for (const QString &name : {kLayers, kSettings, kTraining, kCode, kHistory, kTryIt, kCharts, kBoundary, kEvaluation, kInside})
        if (QDockWidget *d = dock(name))
            d->setFloating(false);
    window_->addDockWidget(Qt::LeftDockWidgetArea, dock(kLayers));
    window_->addDockWidget(Qt::RightDockWidgetArea, dock(kBoundary));
    window_->splitDockWidget(dock(kBoundary), dock(kSettings), Qt::Horizontal);
    for (const QString &name : {kTraining, kCode, kHistory, kTryIt})
        if (QDockWidget *d = dock(name))
            window_->tabifyDockWidget(dock(kSettings), d);
    window_->addDockWidget(Qt::BottomDockWidgetArea, dock(kCharts));
    // A lesson sits on the left, over the layers, in every layout, and takes the window's whole
    // height there: its pages are text to read beside the pictures. Where the bottom row is then too
    // narrow for the charts beside the evaluation, they become tabs, the charts in front.
    window_->setCorner(Qt::BottomLeftCorner, lessonShown() ? Qt::LeftDockWidgetArea : Qt::BottomDockWidgetArea);
    if (bottomTabbed()) {
        window_->tabifyDockWidget(dock(kCharts), dock(kInside));
    } else {
        window_->splitDockWidget(dock(kCharts), dock(kInside), Qt::Horizontal);
    }
    window_->tabifyDockWidget(dock(kInside), dock(kEvaluation));  // the evaluation on top
    if (QDockWidget *lessons = dock(kLessons)) {
        lessons->setFloating(false);
        window_->tabifyDockWidget(dock(kLayers), lessons);
    }
}

bool LayoutPresets::bottomTabbed() const
{
    const int row = window_->width() - kLessonsWidth;
    return lessonShown() && row < dock(kCharts)->minimumSizeHint().width() + dock(kInside)->minimumSizeHint().width() + 40;
}

bool LayoutPresets::lessonShown() const
{
    const QDockWidget *lessons = dock(kLessons);
    return lessons && !lessons->isHidden();
}

void LayoutPresets::showDocks(Preset preset)
{
    const bool editing = preset != Preset::Present;
    for (const QString &name : {kLayers, kSettings, kTraining, kCode})
        dock(name)->setVisible(editing);
    if (!editing)
        dock(kHistory)->hide();
    dock(kCharts)->show();
    dock(kBoundary)->setVisible(preset != Preset::Build && planar_);
    dock(kEvaluation)->setVisible(preset != Preset::Build);
    dock(kInside)->setVisible(preset != Preset::Build);
    dock(kEvaluation)->raise();  // the Inside tab behind it: its taps cost only while someone looks
    if (editing)
        dock(preset == Preset::Build ? kSettings : kTraining)->raise();
    if (lessonShown())
        dock(kLessons)->raise();
    if (bottomTabbed())
        dock(kCharts)->raise();
}

void LayoutPresets::sizeDocks(Preset preset)
{
    const int width = window_->width(), height = window_->height();
    const bool editing = preset != Preset::Present;
    const int left = lessonShown() ? kLessonsWidth : editing ? kPaletteWidth : 0;
    const int sides = left + (editing ? kSettingsWidth : 0);
    if (editing)
        window_->resizeDocks({dock(kLayers), dock(kSettings)}, {lessonShown() ? kLessonsWidth : kPaletteWidth, kSettingsWidth},
                             Qt::Horizontal);
    else if (lessonShown())
        window_->resizeDocks({dock(kLessons)}, {kLessonsWidth}, Qt::Horizontal);
    // The bottom row: short while building, tall when its charts and gallery are the pictures.
    const double bottomShare = preset == Preset::Build ? 0.24 : planar_ ? 0.32 : preset == Preset::Present ? 0.62 : 0.55;
    const int bottom = static_cast<int>(bottomShare * height);
    window_->resizeDocks({dock(kCharts)}, {bottom}, Qt::Vertical);
    // Images: room for the matrix and the gallery; Present: for the table in its large font.
    const double chartsShare = !planar_ ? 0.4 : preset == Preset::Present ? 0.5 : 0.6;
    if (!bottomTabbed())
        window_->resizeDocks({dock(kCharts), dock(kEvaluation)},
                         {static_cast<int>(chartsShare * width), static_cast<int>((1.0 - chartsShare) * width)},
                         Qt::Horizontal);
    if (preset == Preset::Build || !planar_)
        return;
    // The boundary takes what the canvas does not need, up to a little wider than it is high.
    const int top = height - bottom - kWindowChrome;
    const int boundary = std::clamp(width - sides - canvasWidthFor(top), 200, static_cast<int>(1.2 * top));
    window_->resizeDocks({dock(kBoundary)}, {boundary}, Qt::Horizontal);
}

int LayoutPresets::canvasWidthFor(int height) const
{
    const QRectF network = canvas_->graphScene()->nodesBoundingRect().adjusted(-60, -60, 60, 60);
    if (network.isEmpty())
        return kMinCanvasWidth;
    const double scale = std::min(1.0, std::max(height, 1) / network.height());
    return std::max(kMinCanvasWidth, static_cast<int>(network.width() * scale));
}

void LayoutPresets::setFontScale(double scale)
{
    if (!baseFont_) {
        if (scale == 1.0)
            return;
        baseFont_ = QApplication::font();
    }
    QFont font = *baseFont_;
    font.setPointSizeF(baseFont_->pointSizeF() * scale);
    QApplication::setFont(font);
    if (scale == 1.0)
        baseFont_.reset();
}
