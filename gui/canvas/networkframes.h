// NetworkFrames: a GAN project's Generator and Discriminator frames and its fake-samples arrow on
// the canvas, kept around the nodes, and which frame a point or a dragged node falls in.
#pragma once

#include "commands/movenodescommand.h"

#include <QPointF>
#include <QRectF>

#include <string>
#include <vector>

class FakeSamplesItem;
class GraphDocument;
class NetworkFrameItem;
class QGraphicsScene;

namespace nn {
class Graph;
}

// Owns no items: the scene does. create() after every scene clear(), update() after every edit.
class NetworkFrames {
public:
    explicit NetworkFrames(QGraphicsScene *scene) : scene_(scene) {}

    // Adds the frame and arrow items to the scene (hidden until update shows them).
    void create();
    // Recomputes the frames around the nodes and the arrow's ends; hides all for one network.
    void update(const GraphDocument &document);

    NetworkFrameItem *frame(const std::string &network) const;
    FakeSamplesItem *fakeSamples() const { return fakeSamples_; }

    // The network whose frame holds `point`, else the nearest frame's; empty for one network.
    std::string networkAt(const GraphDocument &document, QPointF point) const;
    // The nodes of `moved` whose centres now lie in the other network's frame (the frame around
    // that network's other nodes) and outside their own: their networks before and after.
    MoveNodesCommand::NetworkChanges landings(const GraphDocument &document, const std::vector<int> &moved) const;

    // True when the document is a GAN project (a "gan" section, or nodes tagged with networks).
    static bool showsFrames(const GraphDocument &document);
    // The frame around `network`'s nodes, leaving out `except`; empty when none remain.
    static QRectF frameOf(const nn::Graph &graph, const std::string &network, const std::vector<int> &except = {});

private:
    QGraphicsScene *scene_;
    NetworkFrameItem *generator_ = nullptr;
    NetworkFrameItem *discriminator_ = nullptr;
    FakeSamplesItem *fakeSamples_ = nullptr;
};
