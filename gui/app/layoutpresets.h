// LayoutPresets: the window's layouts for a lesson, in View: Build (the canvas, palette and
// inspector big), Train (the views big, the canvas just big enough for its network) and Present
// (the views alone, in fonts a projector shows). Each opened project gets the current one, laid
// out for its data: the decision boundary or fitted curve big for 2-D data, the charts and the
// evaluation (with its gallery) for the rest.
#pragma once

#include "training/modelprobe.h"

#include <QFont>
#include <QObject>

#include <optional>

class GraphDocument;
class GraphView;
class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

// Moves, shows, hides and sizes the window's docks by their object names.
class LayoutPresets : public QObject {
    Q_OBJECT

public:
    enum class Preset { Build, Train, Present };
    Q_ENUM(Preset)

    // How much Present enlarges every font.
    static constexpr double kPresentFontScale = 1.4;

    LayoutPresets(QMainWindow *window, GraphView *canvas, GraphDocument *document);
    // Leaves Present's fonts behind: the application outlives the window.
    ~LayoutPresets() override;

    void addActionsTo(QMenu *menu);
    QAction *action(Preset preset) const;
    Preset current() const { return current_; }
    void apply(Preset preset);

    // At Prepared, tells whether the data has a 2-D picture (decision boundary or fitted curve).
    ModelProbe probe();
    bool planarData() const { return planar_; }
    // Lays the current preset out again when the data's kind changed or a project was opened.
    void setPlanarData(bool planar);

signals:
    void applied(LayoutPresets::Preset preset);

private:
    QDockWidget *dock(const QString &name) const;
    void arrange();
    void showDocks(Preset preset);
    void sizeDocks(Preset preset);
    // Whether the Lessons dock is open (it keeps its place, over the layers, in every layout).
    bool lessonShown() const;
    // With a lesson open on a narrow screen: the charts, the evaluation and Inside share one place, as tabs.
    bool bottomTabbed() const;
    // The canvas's width that shows the network whole at up to its natural size in `height`.
    int canvasWidthFor(int height) const;
    void setFontScale(double scale);

    QMainWindow *window_;
    GraphView *canvas_;
    Preset current_ = Preset::Train;
    bool planar_ = true;
    bool laidOut_ = false;  // whether the open project got its layout yet
    QAction *actions_[3] = {};
    std::optional<QFont> baseFont_;  // the application's font before Present enlarged it
};
