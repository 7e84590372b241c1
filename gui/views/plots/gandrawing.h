// GanDrawing: "draw your own" as in GAN Lab, for a GAN whose data source is "drawn": the project's
// drawn points on the layered-distributions view, a drag on it painting more, Clear and Start from
// Ring. Each change is one undoable edit of data.points, which layerlab-cli reads as well.
#pragma once

#include "nn/project.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <array>
#include <vector>

class GanLayersView;
class GraphDocument;
class TrainingController;

// Wires the document, the view and the training controller; painting waits while a run goes or is
// paused (the hint says "Stop training to draw"), as every other edit does.
class GanDrawing : public QObject {
    Q_OBJECT

public:
    GanDrawing(GraphDocument *document, GanLayersView *view, TrainingController *training, QObject *parent = nullptr);

    // A GAN project whose data is the drawn set.
    static bool applies(const nn::Project &project);
    // Start from Ring's points: 8 for each of the ring's 8 Gaussians, rounded as the brush rounds.
    static std::vector<std::array<double, 2>> ringPoints();

private:
    void showDocument();
    void showHint();
    void addStroke(const std::vector<QPointF> &points);
    void replacePoints(const std::vector<std::array<double, 2>> &points, const QString &text);

    GraphDocument *document_;
    GanLayersView *view_;
    bool locked_ = false;
    QString problem_;  // an edit the data section refused (too many points)
};
