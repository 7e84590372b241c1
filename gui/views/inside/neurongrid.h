// NeuronGrid: small multiples of the layers' activation statistics, one cell per layer in graph
// order, as many side by side as the width allows: the histograms over the steps as a heat map and,
// below it, the fraction of dead (exactly 0) and of saturated units over the same steps.
#pragma once

#include "views/inside/neuronhistory.h"

#include <QImage>
#include <QWidget>

#include <vector>

// Paints what a NeuronHistory holds; refresh() after it changed.
class NeuronGrid : public QWidget {
    Q_OBJECT

public:
    static constexpr int kCellWidth = 330, kCellHeight = 215, kStripRows = 64;

    explicit NeuronGrid(const NeuronHistory *history, QWidget *parent = nullptr);

    // Renders the heat maps again and repaints.
    void refresh();
    // Layer `name`'s heat map (histogramstrip::render, stretched over its cell when painted); null
    // for an unknown name.
    QImage strip(const QString &name) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
    void paintCell(QPainter &painter, const QRect &cell, const NeuronHistory::Layer &layer, const QImage &strip) const;
    void paintFractions(QPainter &painter, const QRect &area, const NeuronHistory::Layer &layer) const;

    const NeuronHistory *history_;
    std::vector<QImage> strips_;  // one per layer of the history
};
