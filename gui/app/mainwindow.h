// MainWindow: the LayerLab window: the canvas in the middle, the Layers palette on the left, the
// Settings inspector on the right, menus, tool bar and status bar. Later panels (training, live
// charts, views) dock in through addPanel().
#pragma once

#include <QMainWindow>

class CanvasActions;
class CodePanel;
class GraphDocument;
class GraphScene;
class GraphView;
class InspectorPanel;
class PalettePanel;
class ProjectFiles;
class QDockWidget;
class QLabel;
class QMenu;
class RecentFiles;

// Wires the document, the canvas, the docks and the file handling together.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a project path or a bundled example's name; falls back to a new project on failure.
    void openStartupProject(const QString &pathOrExample);

    GraphDocument *document() const { return document_; }
    GraphScene *scene() const { return scene_; }
    GraphView *view() const { return view_; }
    PalettePanel *palette() const { return palette_; }
    InspectorPanel *inspector() const { return inspector_; }
    CodePanel *codePanel() const { return codePanel_; }
    ProjectFiles *files() const { return files_; }
    CanvasActions *canvasActions() const { return canvasActions_; }

    // Docks a panel and lists it under View ▸ Panels (the training panel and views use this).
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createFileMenu();
    void createToolBar();
    void fillRecentMenu();
    void fillExamplesMenu();
    void updateTitle();
    void updateSummary();
    void updateInspector();
    void showStatusMessage(const QString &message);
    void showAbout();

    GraphDocument *document_;
    GraphScene *scene_;
    GraphView *view_;
    RecentFiles *recent_;
    ProjectFiles *files_;
    CanvasActions *canvasActions_;
    PalettePanel *palette_ = nullptr;
    InspectorPanel *inspector_ = nullptr;
    CodePanel *codePanel_ = nullptr;
    QMenu *recentMenu_ = nullptr;
    QMenu *examplesMenu_ = nullptr;
    QMenu *panelsMenu_ = nullptr;
    QLabel *summary_ = nullptr;
};
