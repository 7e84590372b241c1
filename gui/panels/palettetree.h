// PaletteTree: every registered layer kind, grouped by category, ready to be dragged to the canvas.
#pragma once

#include <QTreeWidget>

// Built from the layer registry only; a drag carries the kind under kLayerKindMimeType.
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

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;

private:
    void populate();
};
