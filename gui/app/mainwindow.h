// MainWindow: the LayerLab window: the canvas in the middle, the Layers palette on the left, the
// Settings inspector on the right, the live charts at the bottom, menus, tool bar and status bar.
// Later panels (training, views) dock in through addPanel().
// Settings inspector and the Training panel (tabbed) on the right, menus, tool bar and status bar.
// Later panels (live charts, views) dock in through addPanel().
#pragma once

#include <QMainWindow>

class CanvasActions;
class ConfusionView;
class DatasetPreview;
class DecisionBoundaryView;
class GanImagesView;
class GanLayersView;
class CodePanel;
class GraphDocument;
class GraphScene;
class GraphView;
class InspectorPanel;
class InsidePanel;
class LayoutPresets;
class LessonsPanel;
class OptimizerRaceDialog;
class NeuronCanvas;
class PalettePanel;
class ProjectFiles;
class QDockWidget;
class QLabel;
class QMenu;
class RecentFiles;
class TrainingCharts;
class TrainingPanel;
class TrainingController;
class TryItPanel;

// Wires the document, the canvas, the docks and the file handling together.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    // Disconnects the undo stack first: it outlives this class's part of the object, and its
    // last signals would otherwise reach the toolbar's handler, which reads members of it.
    ~MainWindow() override;

    // Opens a project path or a bundled example's name; falls back to a new project on failure.
    void openStartupProject(const QString &pathOrExample);
    // Training ▸ Optimizer Race…: shows (creating it once) the race window for the open project.
    OptimizerRaceDialog *showOptimizerRace();

    GraphDocument *document() const { return document_; }
    GraphScene *scene() const { return scene_; }
    GraphView *view() const { return view_; }
    PalettePanel *palette() const { return palette_; }
    InspectorPanel *inspector() const { return inspector_; }
    TrainingPanel *trainingPanel() const { return trainingPanel_; }
    CodePanel *codePanel() const { return codePanel_; }
    ProjectFiles *files() const { return files_; }
    CanvasActions *canvasActions() const { return canvasActions_; }
    TrainingCharts *charts() const { return charts_; }
    // File ▸ Export: the charts' PNG and CSV; model exports go here too.
    QMenu *exportMenu() const { return exportMenu_; }
    // The live views, docked as "Decision boundary" and "Evaluation"; their probes are not yet
    // registered with any worker. The data preview is not docked: a panel hosts it.
    DecisionBoundaryView *boundaryView() const { return boundaryView_; }
    // A GAN on 2D data: GAN Lab's layered distributions, shown in the decision boundary's place.
    GanLayersView *ganLayersView() const { return ganLayersView_; }
    ConfusionView *confusionView() const { return confusionView_; }
    DatasetPreview *datasetPreview() const { return datasetPreview_; }
    // The "Inside" dock: gradient flow, neuron statistics and filters from the training's taps.
    InsidePanel *insidePanel() const { return insidePanel_; }
    // The neurons inside the canvas's nodes and the weight links between them.
    NeuronCanvas *neurons() const { return neurons_; }
    // The "Try it" dock: a picture dropped on the window or pasted, and what the model says of it.
    TryItPanel *tryIt() const { return tryIt_; }
    // The "GAN images" dock: an image GAN's samples from fixed noise and its walk in noise space.
    GanImagesView *ganImages() const { return ganImages_; }
    TrainingController *training() const { return training_; }
    // View ▸ Build, Train and Present, and the layout each project opens in.
    LayoutPresets *layouts() const { return layouts_; }
    // The "Lessons" dock: the course's lessons, one per concept (Help ▸ Lessons).
    LessonsPanel *lessons() const { return lessons_; }
    // Help ▸ Lessons: shows the Lessons dock on the left, at its list or at the lesson open in it.
    void showLessons();

    // Docks a panel and lists it under View ▸ Panels (the training panel and views use this).
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createDocks();
    void createViewDocks();
    void createMenus();
    void createFileMenu();
    void createToolBar();
    void createTraining();
    // While training: the canvas, the palette, the inspector and undo are read-only.
    void setEditingLocked(bool locked);
    void fillRecentMenu();
    void fillExamplesMenu();
    void updateTitle();
    QString exportBaseName() const;
    void updateExportName();
    void exportModel(const QString &format);
    void updateSummary();
    // Replaces what the decision boundary and the evaluation show with `message`.
    void showOnViews(const QString &message);
    void updateInspector();
    void showStatusMessage(const QString &message);
    // Shows the GAN images dock in front of the evaluation for an image GAN, and hides it otherwise.
    void placeGanImages(bool shown);
    void showAbout();

    GraphDocument *document_;
    GraphScene *scene_;
    GraphView *view_;
    RecentFiles *recent_;
    ProjectFiles *files_;
    CanvasActions *canvasActions_;
    TrainingController *training_;
    LayoutPresets *layouts_ = nullptr;
    PalettePanel *palette_ = nullptr;
    InspectorPanel *inspector_ = nullptr;
    TrainingCharts *charts_ = nullptr;
    DecisionBoundaryView *boundaryView_ = nullptr;
    GanLayersView *ganLayersView_ = nullptr;
    ConfusionView *confusionView_ = nullptr;
    DatasetPreview *datasetPreview_ = nullptr;
    InsidePanel *insidePanel_ = nullptr;
    NeuronCanvas *neurons_ = nullptr;
    TryItPanel *tryIt_ = nullptr;
    GanImagesView *ganImages_ = nullptr;
    LessonsPanel *lessons_ = nullptr;
    TrainingPanel *trainingPanel_ = nullptr;
    QDockWidget *settingsDock_ = nullptr;
    CodePanel *codePanel_ = nullptr;
    QMenu *recentMenu_ = nullptr;
    QMenu *examplesMenu_ = nullptr;
    QMenu *panelsMenu_ = nullptr;
    QMenu *exportMenu_ = nullptr;
    QLabel *summary_ = nullptr;
    QAction *undoTool_ = nullptr;
    QAction *redoTool_ = nullptr;
    OptimizerRaceDialog *race_ = nullptr;
};
