// PalettePanel: the Layers dock: a search field over the palette tree.
#pragma once

#include <QWidget>

class PaletteTree;
class QLineEdit;

// Lists the layer kinds to drag onto the canvas; double-click (or Enter) adds one in the middle.
class PalettePanel : public QWidget {
    Q_OBJECT

public:
    explicit PalettePanel(QWidget *parent = nullptr);

    PaletteTree *tree() const { return tree_; }
    QLineEdit *searchField() const { return search_; }

signals:
    void kindActivated(const QString &kind);

private:
    QLineEdit *search_;
    PaletteTree *tree_;
};
