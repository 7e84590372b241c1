// The main window: layout, menus and the wiring between document, canvas and docks.
#include "mainwindow.h"

#include "canvasactions.h"
#include "projectfiles.h"
#include "recentfiles.h"

#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "document/graphdocument.h"
#include "panels/inspectorpanel.h"
#include "panels/palettepanel.h"
#include "views/codepanel.h"

#include "datasets/experiment.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

namespace {
constexpr int kStatusTimeoutMs = 6000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), document_(new GraphDocument(this)), scene_(new GraphScene(document_, this)),
      view_(new GraphView(scene_)), recent_(new RecentFiles(this)), files_(new ProjectFiles(document_, recent_, this, this)),
      canvasActions_(new CanvasActions(scene_, view_, this))
{
    setCentralWidget(view_);
    setDockNestingEnabled(true);
    createDocks();
    createMenus();
    createToolBar();
    summary_ = new QLabel;
    statusBar()->addPermanentWidget(summary_);

    connect(scene_, &GraphScene::statusMessage, this, &MainWindow::showStatusMessage);
    connect(files_, &ProjectFiles::statusMessage, this, &MainWindow::showStatusMessage);
    connect(canvasActions_, &CanvasActions::statusMessage, this, &MainWindow::showStatusMessage);
    connect(inspector_, &InspectorPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(document_, &GraphDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_, &GraphDocument::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(document_, &GraphDocument::shapesChanged, this, &MainWindow::updateSummary);
    connect(document_, &GraphDocument::projectReset, this, [this] {
        QTimer::singleShot(0, view_, &GraphView::fitToContents);  // once the view has its size
    });
    connect(scene_, &QGraphicsScene::selectionChanged, this, &MainWindow::updateInspector);

    resize(1280, 800);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    files_->newProject();
    updateTitle();
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

void MainWindow::createDocks()
{
    panelsMenu_ = new QMenu(tr("&Panels"), this);
    palette_ = new PalettePanel;
    addPanel(palette_, tr("Layers"), QStringLiteral("layers"), Qt::LeftDockWidgetArea);
    connect(palette_, &PalettePanel::kindActivated, canvasActions_, &CanvasActions::addNodeAtCentre);

    inspector_ = new InspectorPanel(document_);
    QDockWidget *settings = addPanel(inspector_, tr("Settings"), QStringLiteral("settings"), Qt::RightDockWidgetArea);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("layers")), settings}, {190, 290}, Qt::Horizontal);

    // The graph as PyTorch code, a tab beside the Settings so the drawing and its code sit side by side.
    codePanel_ = new CodePanel(document_);
    QDockWidget *code = addPanel(codePanel_, tr("Code"), QStringLiteral("codePanel"), Qt::RightDockWidgetArea);
    tabifyDockWidget(settings, code);
    settings->raise();
    connect(codePanel_, &CodePanel::statusMessage, this, &MainWindow::showStatusMessage);

    auto *history = new QUndoView(document_->undoStack());
    history->setEmptyLabel(tr("<opened>"));
    QDockWidget *historyDock = addPanel(history, tr("History"), QStringLiteral("history"), Qt::RightDockWidgetArea);
    historyDock->hide();
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
    view->addMenu(panelsMenu_);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LayerLab"), this, &MainWindow::showAbout);
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, files_, &ProjectFiles::newProject);
    file->addAction(tr("&Open…"), QKeySequence::Open, files_, &ProjectFiles::open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    examplesMenu_ = file->addMenu(tr("&Examples"));
    fillExamplesMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, files_, &ProjectFiles::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, files_, &ProjectFiles::saveAs);
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
    QAction *undo = bar->addAction(tr("Undo"), stack, &QUndoStack::undo);
    QAction *redo = bar->addAction(tr("Redo"), stack, &QUndoStack::redo);
    const auto updateUndo = [stack, undo, redo] {
        undo->setEnabled(stack->canUndo());
        undo->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : tr("Nothing to undo"));
        redo->setEnabled(stack->canRedo());
        redo->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText()) : tr("Nothing to redo"));
    };
    connect(stack, &QUndoStack::indexChanged, bar, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, bar, updateUndo);
    updateUndo();
    bar->addSeparator();
    bar->addAction(canvasActions_->fitToView());
    bar->addAction(canvasActions_->autoLayout());
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
    for (const std::string &name : datasets::exampleNames()) {
        const QString example = QString::fromStdString(name);
        examplesMenu_->addAction(example, this, [this, example] { files_->openPath(example); });
    }
    if (examplesMenu_->isEmpty())
        examplesMenu_->addAction(tr("No examples installed"))->setEnabled(false);
}

void MainWindow::updateTitle()
{
    const QString path = document_->filePath();
    const QString name = path.isEmpty() ? QString::fromStdString(document_->project().name) + QStringLiteral(".layerlab.json")
                                        : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — LayerLab").arg(name));
    setWindowModified(document_->isModified());
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
}

void MainWindow::showStatusMessage(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LayerLab"),
                       tr("<h3>LayerLab %1</h3><p>A desktop neural-network playground for teaching: build a "
                          "network from layers, train it, and watch it learn.</p>")
                           .arg(QApplication::applicationVersion()));
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
