// PaletteTree: every registered layer kind, grouped by category, ready to be dragged to the canvas.
#pragma once

#include <QTreeWidget>

// Built from the layer registry only; a drag carries the kind under kLayerKindMimeType. Every
// category's header stays in view: as many categories as fit are open, the rest closed (a click
// on a header opens it), until the user opens or closes one.
class PaletteTree : public QTreeWidget {
    Q_OBJECT

public:
    explicit PaletteTree(QWidget *parent = nullptr);

    // Shows only kinds whose name or summary contains `text` (all for empty text).
    void filter(const QString &text);
    // The data a drag of `kind` carries; nullptr when the palette has no such kind.
    QMimeData *mimeDataForKind(const QString &kind) const;
    // The kind of an item, or "" for a category.
    static QString kindOf(const QTreeWidgetItem *item);
    // Opens the categories, in order, whose kinds fit in the view beside every header.
    void openWhatFits();

protected:
    void resizeEvent(QResizeEvent *event) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;

private:
    void populate();
    void setOpen(QTreeWidgetItem *group, bool open);

    bool userChose_ = false;  // the user opened or closed a category: leave them as they are
    bool opening_ = false;    // the expansion is this class's, not the user's
};
