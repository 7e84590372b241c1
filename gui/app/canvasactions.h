// CanvasActions: the Edit and View menus' actions on the canvas: undo and redo, the clipboard,
// delete, select all, zoom, Fit to View and Auto Layout.
#pragma once

#include <QObject>

class GraphScene;
class GraphView;
class QAction;

// Owns the actions (with their standard shortcuts) and carries them out through undo commands.
class CanvasActions : public QObject {
    Q_OBJECT

public:
    CanvasActions(GraphScene *scene, GraphView *view, QObject *parent = nullptr);

    QAction *undo() const { return undo_; }
    QAction *redo() const { return redo_; }
    QAction *cut() const { return cut_; }
    QAction *copy() const { return copy_; }
    QAction *paste() const { return paste_; }
    QAction *remove() const { return delete_; }
    QAction *selectAll() const { return selectAll_; }
    QAction *zoomIn() const { return zoomIn_; }
    QAction *zoomOut() const { return zoomOut_; }
    QAction *actualSize() const { return actualSize_; }
    QAction *fitToView() const { return fit_; }
    QAction *autoLayout() const { return layout_; }

    // While training: every editing action off (undo and redo too), viewing and copying still on.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }

    // Adds a node of `kind` in the middle of the visible canvas (a palette double-click).
    void addNodeAtCentre(const QString &kind);

signals:
    void statusMessage(const QString &message);
    // Paste found no layers but an image or a file in the clipboard: Try it takes it.
    void pictureToPaste();

private:
    QAction *makeAction(const QString &text, const QKeySequence &shortcut, void (CanvasActions::*slot)());
    void copySelection();
    void cutSelection();
    void pasteClipboard();
    void deleteSelection();
    void selectEverything();
    void layoutGraph();
    void updateEnabled();

    GraphScene *scene_;
    GraphView *view_;
    bool readOnly_ = false;
    int pasteCount_ = 0;  // successive pastes of one copy land further down and to the right
    QAction *undo_, *redo_, *cut_, *copy_, *paste_, *delete_, *selectAll_;
    QAction *zoomIn_, *zoomOut_, *actualSize_, *fit_, *layout_;
};
