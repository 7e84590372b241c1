// The main window: layout, menus and the wiring between document, canvas and docks.
#include "mainwindow.h"

#include "canvasactions.h"
#include "examplecatalog.h"
#include "helpmenu.h"
#include "language.h"
#include "layoutpresets.h"
#include "projectfiles.h"
#include "recentfiles.h"
#include "screenfit.h"
#include "wheelguard.h"

#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "canvas/steppath.h"
#include "document/graphdocument.h"
#include "lessons/lessonspanel.h"
#include "panels/augmentsection.h"
#include "panels/imagefoldersummary.h"
#include "panels/inspectorpanel.h"
#include "panels/palettepanel.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "training/trainingstatus.h"
#include "views/code/codepanel.h"
#include "views/evaluation/confusionview.h"
#include "views/evaluation/imagegallery.h"
#include "views/ganimages/ganimagesview.h"
#include "views/inside/featuremapsview.h"
#include "views/inside/insidepanel.h"
#include "views/inside/stepper/backpropstepperview.h"
#include "views/neurons/neuroncanvas.h"
#include "views/plots/datasetpreview.h"
#include "views/plots/decisionboundaryview.h"
#include "views/plots/gandrawing.h"
#include "views/plots/ganlayersview.h"
#include "views/postsnapshot.h"
#include "views/race/optimizerracedialog.h"
#include "views/tryit/tryitpanel.h"
#include "views/charts/runlabel.h"
#include "views/charts/trainingcharts.h"

#include "datasets/experiment.h"

#include <QApplication>
#include <QCloseEvent>
#include <QResizeEvent>
#include <QDir>
#include <QDockWidget>
#include <QStackedWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <algorithm>

namespace {
constexpr int kStatusTimeoutMs = 6000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), document_(new GraphDocument(this)), scene_(new GraphScene(document_, this)),
      view_(new GraphView(scene_)), recent_(new RecentFiles(this)), files_(new ProjectFiles(document_, recent_, this, this)),
      canvasActions_(new CanvasActions(scene_, view_, this)), training_(new TrainingController(document_, this, this))
{
    WheelGuard::install(this);
    setCentralWidget(view_);
    setDockNestingEnabled(true);
    createDocks();
    layouts_ = new LayoutPresets(this, view_, document_);
    // A layout shows its own docks: the lesson's page then shows the views it talks about again.
    connect(layouts_, &LayoutPresets::applied, lessons_, &LessonsPanel::showPageViews);
    createMenus();
    createToolBar();
    summary_ = new QLabel;
    statusBar()->addPermanentWidget(training_->statusWidget());
    statusBar()->addPermanentWidget(summary_);
    createTraining();

    connect(scene_, &GraphScene::statusMessage, this, &MainWindow::showStatusMessage);
    connect(files_, &ProjectFiles::statusMessage, this, &MainWindow::showStatusMessage);
    connect(canvasActions_, &CanvasActions::statusMessage, this, &MainWindow::showStatusMessage);
    connect(inspector_, &InspectorPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(charts_, &TrainingCharts::statusMessage, this, &MainWindow::showStatusMessage);
    connect(document_, &GraphDocument::filePathChanged, this, &MainWindow::updateExportName);
    connect(document_, &GraphDocument::projectReset, this, &MainWindow::updateExportName);
    connect(document_, &GraphDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_, &GraphDocument::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(document_, &GraphDocument::shapesChanged, this, &MainWindow::updateSummary);
    connect(document_, &GraphDocument::projectReset, this, [this] {
        QTimer::singleShot(0, view_, &GraphView::fitToContents);  // once the view has its size
    });
    connect(scene_, &QGraphicsScene::selectionChanged, this, &MainWindow::updateInspector);

    screenfit::restoreGeometry(this, QSettings().value(QStringLiteral("window/geometry")).toByteArray(), {1280, 800});
    restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    screenfit::keepDocksOnScreen(this);
    files_->newProject();
    updateTitle();
}

MainWindow::~MainWindow()
{
    document_->undoStack()->disconnect();
}

void MainWindow::openStartupProject(const QString &pathOrExample)
{
    if (!files_->openPath(pathOrExample.isEmpty() ? QStringLiteral("spiral") : pathOrExample))
        files_->newProject();
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName,
                                  Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);  // for saveState()
    dock->setWidget(panel);
    addDockWidget(area, dock);
    panelsMenu_->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::showLessons()
{
    QDockWidget *dock = findChild<QDockWidget *>(QStringLiteral("lessons"));
    const bool wasShown = dock->isVisible();
    dock->show();
    dock->raise();
    if (!wasShown)
        layouts_->apply(layouts_->current());  // the lesson takes the left side, at full height
    if (!lessons_->lesson())
        lessons_->showList();
}

void MainWindow::createDocks()
{
    panelsMenu_ = new QMenu(tr("&Panels"), this);
    palette_ = new PalettePanel;
    addPanel(palette_, tr("Layers"), QStringLiteral("layers"), Qt::LeftDockWidgetArea);
    connect(palette_, &PalettePanel::kindActivated, canvasActions_, &CanvasActions::addNodeAtCentre);

    inspector_ = new InspectorPanel(document_);
    settingsDock_ = addPanel(inspector_, tr("Settings"), QStringLiteral("settings"), Qt::RightDockWidgetArea);
    // The training settings share the right-hand column with the inspector, one tab each: both
    // want its full height. Training comes first, as a project opens with nothing selected.
    trainingPanel_ = new TrainingPanel(document_);
    QDockWidget *training = addPanel(trainingPanel_, tr("Training"), QStringLiteral("training"), Qt::RightDockWidgetArea);
    tabifyDockWidget(settingsDock_, training);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("layers")), settingsDock_}, {190, 300}, Qt::Horizontal);

    // The graph as PyTorch code, a tab beside the Settings so the drawing and its code sit side by side.
    codePanel_ = new CodePanel(document_);
    QDockWidget *code = addPanel(codePanel_, tr("Code"), QStringLiteral("codePanel"), Qt::RightDockWidgetArea);
    tabifyDockWidget(settingsDock_, code);
    training->raise();
    connect(codePanel_, &CodePanel::statusMessage, this, &MainWindow::showStatusMessage);

    auto *history = new QUndoView(document_->undoStack());
    history->setEmptyLabel(tr("<opened>"));
    QDockWidget *historyDock = addPanel(history, tr("History"), QStringLiteral("history"), Qt::RightDockWidgetArea);
    historyDock->hide();

    lessons_ = new LessonsPanel(this, Language::applied());
    QDockWidget *lessons = addPanel(lessons_, tr("Lessons"), QStringLiteral("lessons"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("layers")), lessons);
    lessons->hide();  // Help ▸ Lessons and the welcome page open it

    charts_ = new TrainingCharts;
    QDockWidget *charts = addPanel(charts_, tr("Charts"), QStringLiteral("chartsPanel"), Qt::BottomDockWidgetArea);
    resizeDocks({charts}, {260}, Qt::Vertical);
    createViewDocks();
}

void MainWindow::createViewDocks()
{
    // A GAN on 2D data has no decision boundary; its layered distributions take the same place, where
    // a student already looks for "the model over the plane", and the dock says which it shows.
    boundaryView_ = new DecisionBoundaryView;
    ganLayersView_ = new GanLayersView;
    auto *planeViews = new QStackedWidget;
    planeViews->addWidget(boundaryView_);
    planeViews->addWidget(ganLayersView_);
    QDockWidget *plane = addPanel(planeViews, tr("Decision boundary"), QStringLiteral("boundary"), Qt::RightDockWidgetArea);
    connect(ganLayersView_, &GanLayersView::snapshotChanged, plane, [this, plane, planeViews] {
        const bool gan = ganLayersView_->applies();
        planeViews->setCurrentWidget(gan ? static_cast<QWidget *>(ganLayersView_) : boundaryView_);
        plane->setWindowTitle(gan ? tr("GAN: layered distributions") : tr("Decision boundary"));
    });
    confusionView_ = new ConfusionView;
    addPanel(confusionView_, tr("Evaluation"), QStringLiteral("evaluation"), Qt::BottomDockWidgetArea);
    insidePanel_ = new InsidePanel;
    addPanel(insidePanel_, tr("Inside"), QStringLiteral("inside"), Qt::BottomDockWidgetArea)->hide();  // the layouts show it
    ganImages_ = new GanImagesView(training_);
    addPanel(ganImages_, tr("GAN Images"), QStringLiteral("ganImages"), Qt::BottomDockWidgetArea)->hide();  // for image GANs
    datasetPreview_ = new DatasetPreview(this);
    datasetPreview_->hide();
    tryIt_ = new TryItPanel(document_, training_);
    QDockWidget *tryIt = addPanel(tryIt_, tr("Try it"), QStringLiteral("tryIt"), Qt::RightDockWidgetArea);
    tabifyDockWidget(settingsDock_, tryIt);
    tryIt->hide();  // until a picture comes
    tryIt_->watchDrops(this);
    connect(tryIt_, &TryItPanel::pictureTaken, tryIt, [tryIt] {
        tryIt->show();
        tryIt->raise();
    });
    // A project on text offers its text box at once, as a tab beside Settings.
    connect(tryIt_, &TryItPanel::textModeChanged, tryIt, [tryIt](bool text) {
        if (text)
            tryIt->show();
    });
    // Ctrl+V with no layers in the clipboard but a picture: try the picture.
    connect(canvasActions_, &CanvasActions::pictureToPaste, tryIt_, &TryItPanel::pasteClipboard);
}

void MainWindow::createMenus()
{
    createFileMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(canvasActions_->undo());
    edit->addAction(canvasActions_->redo());
    edit->addSeparator();
    edit->addAction(canvasActions_->cut());
    edit->addAction(canvasActions_->copy());
    edit->addAction(canvasActions_->paste());
    edit->addAction(tr("Paste &Image"), QKeySequence(tr("Ctrl+Shift+V")), tryIt_, &TryItPanel::pasteClipboard)
        ->setStatusTip(tr("Try the image in the clipboard on the network (the Try it panel)"));
    edit->addAction(canvasActions_->remove());
    edit->addSeparator();
    edit->addAction(canvasActions_->selectAll());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(canvasActions_->zoomIn());
    view->addAction(canvasActions_->zoomOut());
    view->addAction(canvasActions_->actualSize());
    view->addAction(canvasActions_->fitToView());
    view->addSeparator();
    view->addAction(canvasActions_->autoLayout());
    view->addSeparator();
    layouts_->addActionsTo(view);
    view->addSeparator();
    view->addMenu(panelsMenu_);

    QMenu *trainingMenu = menuBar()->addMenu(tr("&Training"));
    training_->addActionsTo(trainingMenu);
    trainingMenu->addSeparator();
    trainingMenu->addAction(tr("Optimizer &Race…"), this, &MainWindow::showOptimizerRace)
        ->setStatusTip(tr("Train this network under up to four optimizers from the same start and compare them"));

    view->addSeparator();
    Language::addMenuTo(view, this);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *lessons = help->addAction(tr("&Lessons"), this, &MainWindow::showLessons);
    lessons->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    lessons->setStatusTip(tr("One lesson for each idea of the course: it opens an example, points at what it "
                             "talks about and asks you to predict, then run"));
    HelpMenu::fill(help, this);
    help->addAction(tr("&About LayerLab"), this, &MainWindow::showAbout);
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, files_, &ProjectFiles::newProject);
    file->addAction(tr("New &GAN Project"), files_, &ProjectFiles::newGanProject);
    file->addAction(tr("&Open…"), QKeySequence::Open, files_, &ProjectFiles::open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    examplesMenu_ = file->addMenu(tr("&Examples"));
    fillExamplesMenu();
    file->addAction(tr("Open &Lesson…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Lesson"), QString(), tr("Lessons (*.md)"));
        if (path.isEmpty())
            return;
        showLessons();
        lessons_->openLessonFile(path);
    })->setStatusTip(tr("Open a lesson written as a Markdown file (docs/lessons.md describes the format)"));
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, files_, &ProjectFiles::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, files_, &ProjectFiles::saveAs);
    file->addSeparator();
    exportMenu_ = file->addMenu(tr("&Export"));
    exportMenu_->setObjectName(QStringLiteral("exportMenu"));
    exportMenu_->addAction(tr("Model as &ONNX…"), this, [this] { exportModel(QStringLiteral("onnx")); });
    exportMenu_->addAction(tr("Model as Py&Torch Script…"), this, [this] { exportModel(QStringLiteral("pytorch")); });
    exportMenu_->addAction(tr("&Weights as safetensors…"), this, [this] { exportModel(QStringLiteral("safetensors")); });
    exportMenu_->addSeparator();
    exportMenu_->addAction(tr("Charts as &PNG…"), charts_, &TrainingCharts::exportPng);
    exportMenu_->addAction(tr("Metrics as &CSV…"), charts_, &TrainingCharts::exportCsv);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    fillRecentMenu();
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("New"), files_, &ProjectFiles::newProject);
    bar->addAction(tr("Open"), files_, &ProjectFiles::open);
    bar->addAction(tr("Save"), files_, &ProjectFiles::save);
    bar->addSeparator();
    // Fixed labels here (the menu's say what they undo); the tooltip names the step.
    QUndoStack *stack = document_->undoStack();
    QAction *undo = undoTool_ = bar->addAction(tr("Undo"), stack, &QUndoStack::undo);
    QAction *redo = redoTool_ = bar->addAction(tr("Redo"), stack, &QUndoStack::redo);
    const auto updateUndo = [this, stack, undo, redo] {
        const bool editable = !scene_->isReadOnly();
        undo->setEnabled(editable && stack->canUndo());
        undo->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : tr("Nothing to undo"));
        redo->setEnabled(editable && stack->canRedo());
        redo->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText()) : tr("Nothing to redo"));
    };
    connect(stack, &QUndoStack::indexChanged, bar, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, bar, updateUndo);
    updateUndo();
    bar->addSeparator();
    bar->addAction(canvasActions_->fitToView());
    bar->addAction(canvasActions_->autoLayout());
    bar->addSeparator();
    training_->addActionsTo(bar);
}

void MainWindow::createTraining()
{
    connect(training_, &TrainingController::editingLockedChanged, this, &MainWindow::setEditingLocked);
    connect(training_, &TrainingController::statusMessage, this, &MainWindow::showStatusMessage);
    connect(files_, &ProjectFiles::saved, training_, &TrainingController::saveWeightsBeside);
    connect(document_, &GraphDocument::dataChanged, training_, &TrainingController::scheduleReprepare);
    connect(document_, &GraphDocument::trainingChanged, training_, &TrainingController::scheduleReprepare);

    // The live views: the charts follow the reports, the others compute on the worker's thread.
    connect(training_, &TrainingController::stepsReported, charts_, &TrainingCharts::addSteps);
    connect(training_, &TrainingController::epochReported, charts_, &TrainingCharts::addEpoch);
    connect(training_, &TrainingController::runStarted, charts_, [this](bool continuing) {
        if (!continuing)
            charts_->startNewRun();
        charts_->setRunLabel(RunLabel::of(document_->project()));
    });
    connect(training_, &TrainingController::runReset, charts_, &TrainingCharts::startNewRun);
    // The curves a project was trained with are kept beside it, as its weights are.
    connect(document_, &GraphDocument::projectReset, charts_, [this] {
        charts_->clear();
        charts_->loadHistoryBeside(document_->filePath());
    });
    connect(files_, &ProjectFiles::saved, charts_, &TrainingCharts::saveHistoryBeside);
    // No results of another project or of a network that no longer builds stay on show.
    connect(document_, &GraphDocument::projectReset, this, [this] { showOnViews(tr("Preparing the project…")); });
    connect(training_, &TrainingController::preparationFailed, this, [this](const QString &problem) {
        showOnViews(tr("Nothing to show until the network builds: %1").arg(problem));
    });
    connect(training_, &TrainingController::modelTrainedChanged, confusionView_, &ConfusionView::setTrained);
    trainingPanel_->setPreviewWidget(datasetPreview_);
    connect(datasetPreview_, &DatasetPreview::snapshotChanged, this,
            [this] { trainingPanel_->dataSection()->showPreviewImages(datasetPreview_->snapshot().images); });
    training_->addProbe(datasetPreview_->probe());
    ImageFolderSummary *folder = trainingPanel_->dataSection()->folderSummary();
    training_->addProbe(folder->probe());
    connect(training_, &TrainingController::dataLoadProgress, folder, &ImageFolderSummary::showProgress);
    connect(training_, &TrainingController::preparationFailed, folder, &ImageFolderSummary::showFailure);
    training_->addProbe(boundaryView_->probe());
    neurons_ = new NeuronCanvas(scene_, training_, this);
    training_->addProbe(neurons_->probe());
    connect(neurons_, &NeuronCanvas::statusMessage, this, &MainWindow::showStatusMessage);
    scene_->setNodeMenuExtension([this](QMenu &menu, int id) { neurons_->addActionsTo(menu, id); });
    training_->addProbe(ganLayersView_->probe());
    new GanDrawing(document_, ganLayersView_, training_, this);  // "draw your own" on the layered distributions
    training_->addProbe(confusionView_->probe());
    training_->addProbe(layouts_->probe());
    insidePanel_->connectTo(training_);
    // An image clicked in the data preview or the Evaluation gallery, or tried, seen inside the network.
    connect(datasetPreview_->images(), &ImageGallery::imageClicked, insidePanel_,
            [this](qint64 index) { insidePanel_->lookInside({"train", index, nullptr, {}}); });
    connect(confusionView_, &ConfusionView::sampleClicked, insidePanel_,
            [this](const QString &split, qint64 index) { insidePanel_->lookInside({split.toStdString(), index, nullptr, {}}); });
    connect(tryIt_, &TryItPanel::pictureDecoded, insidePanel_,
            [this](std::shared_ptr<const datasets::Image> picture, const QString &name) {
                insidePanel_->featureMaps()->choose({"train", 0, std::move(picture), name});
            });
    // The scene as the context: the stepper also reports on hiding, which it does while the window is
    // being destroyed, when the window's own members are gone (UBSan: member access within the
    // destroyed MainWindow in gui_stepper).
    connect(insidePanel_->stepper(), &BackpropStepperView::stepChanged, scene_,
            [scene = scene_](int node, const QList<int> &walked) { showStepPath(scene, node, walked); });
    training_->addProbe(ganImages_->probe());
    connect(ganImages_, &GanImagesView::imagesAvailableChanged, this, &MainWindow::placeGanImages);
    connect(layouts_, &LayoutPresets::applied, this, [this] { placeGanImages(ganImages_->showsImages()); });
    // A project whose network does not build yet (a new one) is laid out as the last data was.
    connect(training_, &TrainingController::preparationFailed, layouts_, [this] { layouts_->setPlanarData(layouts_->planarData()); });
    // The Code dock writes the loaded data's input scaling and class names into the script.
    training_->addProbe([code = QPointer<CodePanel>(codePanel_)](ProbeMoment moment, const nn::Model &, const datasets::Experiment &experiment) {
        if (moment == ProbeMoment::Prepared)
            postToView(code, [info = experiment.exportInfo()](CodePanel &panel) { panel.setExportInfo(info); });
    });
}

void MainWindow::setEditingLocked(bool locked)
{
    scene_->setReadOnly(locked);
    view_->viewport()->update();
    canvasActions_->setReadOnly(locked);
    palette_->setEnabled(!locked);
    inspector_->setEnabled(!locked);
    trainingPanel_->setReadOnly(locked);
    QUndoStack *stack = document_->undoStack();
    undoTool_->setEnabled(!locked && stack->canUndo());
    redoTool_->setEnabled(!locked && stack->canRedo());
}

void MainWindow::fillRecentMenu()
{
    recentMenu_->clear();
    const QStringList paths = recent_->paths();
    for (const QString &path : paths) {
        QAction *action = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { files_->openPath(path); });
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (paths.isEmpty())
        recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear List"), recent_, &RecentFiles::clear);
    }
}

void MainWindow::fillExamplesMenu()
{
    ExampleCatalog::fillMenu(examplesMenu_, [this](const QString &example) { files_->openPath(example); });
}

void MainWindow::updateTitle()
{
    const QString path = document_->filePath();
    const QString name = path.isEmpty() ? QString::fromStdString(document_->project().name) + QStringLiteral(".layerlab.json")
                                        : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — LayerLab").arg(name));
    setWindowModified(document_->isModified());
}

// The charts' Save dialogs suggest the project's name, beside the project file once it has one.
// Where exports go by default: beside the project file without ".layerlab.json", or in the
// Documents folder for a new project or a bundled example (whose folder is not written into).
QString MainWindow::exportBaseName() const
{
    const QString path = document_->filePath();
    const QString name = QString::fromStdString(document_->project().name);
    const QString suffix = QStringLiteral(".layerlab.json");
    if (path.isEmpty() || datasets::isBundledExample(path.toStdString()))
        return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
    return path.endsWith(suffix) ? path.chopped(suffix.size())
                                 : QFileInfo(path).path() + QLatin1Char('/') + QFileInfo(path).completeBaseName();
}

void MainWindow::updateExportName()
{
    charts_->setExportBaseName(exportBaseName());
}

// File ▸ Export ▸ the model: asks for a file, then the worker writes it between batches.
void MainWindow::exportModel(const QString &format)
{
    struct Kind { const char *format, *extension, *title, *filter; };
    static const Kind kinds[] = {
        {"onnx", ".onnx", QT_TR_NOOP("Export as ONNX"), QT_TR_NOOP("ONNX models (*.onnx)")},
        {"safetensors", ".safetensors", QT_TR_NOOP("Export Weights as safetensors"), QT_TR_NOOP("safetensors files (*.safetensors)")},
        {"pytorch", ".py", QT_TR_NOOP("Export as PyTorch Script"), QT_TR_NOOP("Python scripts (*.py)")},
    };
    const Kind *kind = std::find_if(std::begin(kinds), std::end(kinds), [&](const Kind &k) { return format == QLatin1String(k.format); });
    if (kind == std::end(kinds))
        return;
    QString path = QFileDialog::getSaveFileName(this, tr(kind->title), exportBaseName() + QLatin1String(kind->extension), tr(kind->filter));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(kind->extension)))
        path += QLatin1String(kind->extension);
    training_->exportModel(format, path);
}

// "4 layers · 3 connections", or how many layers have a problem of their own.
void MainWindow::updateSummary()
{
    const nn::Graph &graph = document_->graph();
    int problems = 0;
    for (const nn::Node &node : graph.nodes())
        if (!document_->status(node.id).ok() && !document_->waitsForInput(node.id))
            ++problems;
    const size_t layers = graph.nodes().size(), connections = graph.edges().size();
    QString text = (layers == 1 ? tr("1 layer") : tr("%1 layers").arg(layers)) + QStringLiteral(" · ") +
                   (connections == 1 ? tr("1 connection") : tr("%1 connections").arg(connections));
    if (problems > 0)
        text += QStringLiteral(" · <span style='color:#d03b3b'>%1</span>")
                    .arg(problems == 1 ? tr("1 layer needs attention") : tr("%1 layers need attention").arg(problems));
    summary_->setText(text);
}

void MainWindow::updateInspector()
{
    const std::vector<int> ids = scene_->selectedNodeIds();
    inspector_->showNode(ids.size() == 1 ? ids.front() : -1, static_cast<int>(ids.size()));
    if (ids.size() == 1)
        settingsDock_->raise();  // a click on a layer asks for its settings, even behind the Training tab
}

void MainWindow::showStatusMessage(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

void MainWindow::placeGanImages(bool shown)
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("ganImages"), Qt::FindDirectChildrenOnly);
    auto *evaluation = findChild<QDockWidget *>(QStringLiteral("evaluation"), Qt::FindDirectChildrenOnly);
    if (!shown) {
        dock->hide();
        return;
    }
    if (layouts_->current() == LayoutPresets::Preset::Build)
        return;  // building: the pictures of a run stay out of the way, as the evaluation does
    if (!dock->isFloating())
        tabifyDockWidget(evaluation, dock);  // the bottom row's big place, where an image set's gallery goes
    dock->show();
    dock->raise();
}

OptimizerRaceDialog *MainWindow::showOptimizerRace()
{
    if (!race_)
        race_ = new OptimizerRaceDialog([this] { return document_->project(); }, this);
    race_->show();
    race_->raise();
    race_->activateWindow();
    return race_;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LayerLab"),
                       tr("<h3>LayerLab %1</h3><p>A desktop neural-network playground for teaching: build a "
                          "network from layers, train it, and watch it learn.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::showOnViews(const QString &message)
{
    BoundarySnapshot boundary;
    boundary.kind = BoundarySnapshot::Kind::Message;
    boundary.message = message;
    boundaryView_->setSnapshot(std::move(boundary));
    ConfusionSnapshot evaluation;
    evaluation.kind = ConfusionSnapshot::Kind::Message;
    evaluation.message = message;
    confusionView_->setSnapshot(std::move(evaluation));
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (event->oldSize().isValid())
        screenfit::shrinkBackIfGrownOffScreen(this, event->oldSize());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!files_->maybeDiscard()) {
        event->ignore();
        return;
    }
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QSettings().setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}
