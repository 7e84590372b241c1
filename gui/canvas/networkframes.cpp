// Keeping a GAN project's frames around their nodes and deciding which frame a node belongs to.
#include "networkframes.h"

#include "canvasstyle.h"
#include "fakesamplesitem.h"
#include "networkframeitem.h"

#include "document/ganstatus.h"
#include "document/graphdocument.h"

#include "nn/gangraph.h"

#include <QGraphicsScene>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

const std::array<std::string, 2> kNetworks{"generator", "discriminator"};

QRectF cardOf(const nn::Node &node)
{
    using namespace canvasstyle;
    return {node.x - kNodeWidth / 2, node.y - kNodeHeight / 2, kNodeWidth, kNodeHeight};
}

// How far `point` lies outside `rect` (0 inside).
double distanceOutside(const QRectF &rect, QPointF point)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

std::string otherNetwork(const std::string &network)
{
    return network == "generator" ? "discriminator" : "generator";
}

// The cards of `network`'s nodes but `except`.
QRectF nodesArea(const nn::Graph &graph, const std::string &network, const std::vector<int> &except)
{
    QRectF area;
    for (const nn::Node &node : graph.nodes())
        if (node.network == network && std::find(except.begin(), except.end(), node.id) == except.end())
            area = area.united(cardOf(node));
    return area;
}

} // namespace

void NetworkFrames::create()
{
    generator_ = new NetworkFrameItem("generator");
    discriminator_ = new NetworkFrameItem("discriminator");
    fakeSamples_ = new FakeSamplesItem;
    for (QGraphicsItem *item : std::initializer_list<QGraphicsItem *>{generator_, discriminator_, fakeSamples_}) {
        item->hide();
        scene_->addItem(item);
    }
}

NetworkFrameItem *NetworkFrames::frame(const std::string &network) const
{
    return network == "generator" ? generator_ : network == "discriminator" ? discriminator_ : nullptr;
}

bool NetworkFrames::showsFrames(const GraphDocument &document)
{
    return document.isGan() || nn::isGanGraph(document.graph());
}

QRectF NetworkFrames::frameOf(const nn::Graph &graph, const std::string &network, const std::vector<int> &except)
{
    return NetworkFrameItem::frameAround(nodesArea(graph, network, except));
}

void NetworkFrames::update(const GraphDocument &document)
{
    if (!generator_)
        return;
    const bool shown = showsFrames(document);
    const nn::Graph &graph = document.graph();
    for (const std::string &network : kNetworks)
        frame(network)->setNodesArea(shown ? nodesArea(graph, network, {}) : QRectF());
    const int made = shown ? ganstatus::outputOf(graph, "generator") : -1;
    const int real = shown ? ganstatus::inputOf(graph, "discriminator") : -1;
    fakeSamples_->setVisible(made >= 0 && real >= 0);
    if (made < 0 || real < 0)
        return;
    const QRectF from = cardOf(graph.node(made)), to = cardOf(graph.node(real));
    const bool rightwards = to.center().x() >= from.center().x();
    fakeSamples_->setEnds(QPointF(rightwards ? from.right() : from.left(), from.center().y()),
                          QPointF(rightwards ? to.left() : to.right(), to.center().y()));
}

std::string NetworkFrames::networkAt(const GraphDocument &document, QPointF point) const
{
    if (!showsFrames(document))
        return {};
    std::string nearest = kNetworks.front();
    double best = -1.0;
    for (const std::string &network : kNetworks) {
        const QRectF rect = frameOf(document.graph(), network);
        if (rect.isEmpty())
            return network;  // an empty network: whatever lands outside the other frame starts it
        const double distance = distanceOutside(rect, point);
        if (best < 0.0 || distance < best) {
            best = distance;
            nearest = network;
        }
    }
    return nearest;
}

MoveNodesCommand::NetworkChanges NetworkFrames::landings(const GraphDocument &document, const std::vector<int> &moved) const
{
    MoveNodesCommand::NetworkChanges changes;
    if (!showsFrames(document))
        return changes;
    const nn::Graph &graph = document.graph();
    for (int id : moved) {
        const nn::Node &node = graph.node(id);
        if (node.network.empty())
            continue;
        const QPointF centre(node.x, node.y);
        const std::string other = otherNetwork(node.network);
        const QRectF there = frameOf(graph, other, moved), here = frameOf(graph, node.network, moved);
        if (there.contains(centre) && !here.contains(centre))
            changes[id] = {node.network, other};
    }
    return changes;
}
