// The neurons on the canvas: which nodes are expanded, their maps from the worker, the links.
#include "views/neurons/neuroncanvas.h"

#include "views/neurons/neuronpanelitem.h"
#include "views/neurons/neurontoggleitem.h"
#include "views/neurons/weightlinksitem.h"
#include "views/snapshotprobe.h"

#include "canvas/graphscene.h"
#include "canvas/nodeitem.h"
#include "commands/setweightcommand.h"
#include "document/graphdocument.h"
#include "training/trainingcontroller.h"

#include <QDoubleSpinBox>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>
#include <QUndoStack>
#include <QWheelEvent>

#include <functional>
#include <mutex>
#include <numeric>
#include <vector>

namespace {
// The worker probes every 100 ms; five pictures a second are plenty for a heat map.
constexpr std::chrono::milliseconds kNeuronsInterval{200};
} // namespace

struct NeuronCanvas::Requested {
    std::mutex mutex;
    std::vector<int> ids;
};

NeuronCanvas::NeuronCanvas(GraphScene *scene, TrainingController *training, QObject *parent)
    : QObject(parent), scene_(scene), training_(training), requested_(std::make_shared<Requested>())
{
    GraphDocument *document = scene_->document();
    // Connected after the scene's own slots, so the node items exist (or are gone) by then.
    connect(document, &GraphDocument::projectReset, this, &NeuronCanvas::projectReset);
    connect(document, &GraphDocument::nodeAdded, this, &NeuronCanvas::syncNode);
    connect(document, &GraphDocument::nodeRemoved, this, [this](int id) { setExpanded(id, false); });
    connect(document, &GraphDocument::shapesChanged, this, &NeuronCanvas::sync);
    connect(document, &GraphDocument::nodeMoved, this, &NeuronCanvas::updateLinks);
    connect(document, &GraphDocument::edgeAdded, this, &NeuronCanvas::updateLinks);
    connect(document, &GraphDocument::edgeRemoved, this, &NeuronCanvas::updateLinks);
    connect(training_, &TrainingController::weightSet, this,
            [this](const QString &parameter, qint64 index, float value, const QString &error) {
                if (!error.isEmpty()) {
                    emit statusMessage(error);
                    return;
                }
                if (lastEdit_.parameter != parameter.toStdString() || lastEdit_.index != index)
                    return;
                if (value == lastEdit_.weight)  // undone
                    emit statusMessage(tr("Weight from %1 unit %2 to %3 unit %4 back to %5.")
                                           .arg(lastEdit_.fromNode).arg(lastEdit_.from + 1).arg(lastEdit_.toNode)
                                           .arg(lastEdit_.to + 1).arg(double(value), 0, 'g', 4));
                else
                    emit statusMessage(tr("Weight from %1 unit %2 to %3 unit %4 set to %5 (it was %6; Edit ▸ Undo "
                                          "puts it back).")
                                           .arg(lastEdit_.fromNode).arg(lastEdit_.from + 1).arg(lastEdit_.toNode)
                                           .arg(lastEdit_.to + 1).arg(double(value), 0, 'g', 4)
                                           .arg(double(lastEdit_.weight), 0, 'g', 4));
            });
    scene_->installEventFilter(this);  // double-click on a node
    for (QGraphicsView *view : scene_->views())
        view->viewport()->installEventFilter(this);  // the wheel over a panel scrolls it, not the zoom
    sync();
}

NeuronCanvas::~NeuronCanvas() = default;

ModelProbe NeuronCanvas::probe()
{
    const std::shared_ptr<Requested> requested = requested_;
    return snapshotProbe(
        this, kNeuronsInterval,
        [requested](const nn::Model &model, const datasets::Experiment &experiment) {
            std::vector<int> ids;
            {
                const std::lock_guard lock(requested->mutex);
                ids = requested->ids;
            }
            return computeNeurons(model, experiment, ids);
        },
        [](const QString &message) {
            NeuronSnapshot snapshot;
            snapshot.message = message;
            return snapshot;
        });
}

void NeuronCanvas::setSnapshot(NeuronSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    for (int id : expanded_)
        if (NeuronPanelItem *item = panel(id))
            item->setMaps(snapshot_.maps(id), snapshot_.message);
    updateLinks();
    emit snapshotChanged();
}

// A flat layer of a network with one Input of 2 features: its units have a picture over the plane.
bool NeuronCanvas::canExpand(int nodeId) const
{
    const GraphDocument *document = scene_->document();
    const nn::Graph &graph = document->graph();
    const std::vector<int> inputs = graph.inputNodes();
    if (!graph.contains(nodeId) || document->project().gan || inputs.size() != 1)
        return false;
    const nn::Shape &input = document->status(inputs.front()).output();  // [N, features…]
    const bool planar = input.size() >= 2 && std::accumulate(input.begin() + 1, input.end(), int64_t{1},
                                                             std::multiplies<>()) == 2;
    return planar && hasNeurons(document->status(nodeId).output());
}

void NeuronCanvas::setExpanded(int nodeId, bool expanded)
{
    expanded = expanded && canExpand(nodeId);
    if (expanded == isExpanded(nodeId))
        return;
    if (expanded)
        expanded_.insert(nodeId);
    else
        expanded_.erase(nodeId);
    {
        const std::lock_guard lock(requested_->mutex);
        requested_->ids.assign(expanded_.begin(), expanded_.end());
    }
    syncNode(nodeId);
    updateLinks();
    if (expanded)
        requestMaps();
}

void NeuronCanvas::expandAll()
{
    for (const nn::Node &node : scene_->document()->graph().nodes())
        setExpanded(node.id, true);
}

void NeuronCanvas::addActionsTo(QMenu &menu, int nodeId)
{
    if (!canExpand(nodeId))
        return;
    if (!menu.isEmpty())
        menu.addSeparator();
    QAction *action = menu.addAction(isExpanded(nodeId) ? tr("Hide Neurons") : tr("Show Neurons"));
    action->setToolTip(NeuronToggleItem::explanation());
    connect(action, &QAction::triggered, this, [this, nodeId] { toggle(nodeId); });
}

NeuronPanelItem *NeuronCanvas::panel(int nodeId) const
{
    NodeItem *node = scene_->nodeItem(nodeId);
    if (!node)
        return nullptr;
    for (QGraphicsItem *child : node->childItems())
        if (child->type() == NeuronPanelItem::Type)
            return static_cast<NeuronPanelItem *>(child);
    return nullptr;
}

WeightLinksItem *NeuronCanvas::links() const
{
    return links_;
}

void NeuronCanvas::projectReset()
{
    links_ = nullptr;  // the scene's clear() deleted it with every other item
    expanded_.clear();
    {
        const std::lock_guard lock(requested_->mutex);
        requested_->ids.clear();
    }
    snapshot_ = {};
    sync();
}

// Toggles on the nodes that can show neurons, panels on the expanded ones.
void NeuronCanvas::sync()
{
    for (const nn::Node &node : scene_->document()->graph().nodes())
        syncNode(node.id);
    updateLinks();
}

void NeuronCanvas::syncNode(int nodeId)
{
    NodeItem *node = scene_->nodeItem(nodeId);
    if (!node)
        return;
    if (isExpanded(nodeId) && !canExpand(nodeId))  // a change of shape (or into a GAN) closes it
        expanded_.erase(nodeId);
    NeuronToggleItem *toggle = nullptr;
    NeuronPanelItem *shown = nullptr;
    for (QGraphicsItem *child : node->childItems()) {
        if (child->type() == NeuronToggleItem::Type)
            toggle = static_cast<NeuronToggleItem *>(child);
        else if (child->type() == NeuronPanelItem::Type)
            shown = static_cast<NeuronPanelItem *>(child);
    }
    if (canExpand(nodeId) && !toggle)
        toggle = new NeuronToggleItem(nodeId, [this](int id) { this->toggle(id); }, node);
    else if (!canExpand(nodeId) && toggle) {
        delete toggle;
        toggle = nullptr;
    }
    if (toggle)
        toggle->setExpanded(isExpanded(nodeId));
    if (!isExpanded(nodeId)) {
        delete shown;
        return;
    }
    if (!shown) {
        shown = new NeuronPanelItem(nodeId, node);
        shown->setMaps(snapshot_.maps(nodeId), snapshot_.message);
    }
    shown->setUnits(static_cast<int>(scene_->document()->status(nodeId).output().back()));
}

// Links between an expanded Dense node and its expanded input, both of at most 16 units.
void NeuronCanvas::updateLinks()
{
    std::vector<WeightLink> all;
    const nn::Graph &graph = scene_->document()->graph();
    for (int id : expanded_) {
        const NeuronWeights *weights = snapshot_.weightsOf(id);
        const std::vector<int> inputs = graph.contains(id) ? graph.inputsOf(id) : std::vector<int>{};
        if (!weights || inputs.size() != 1 || !isExpanded(inputs.front()))
            continue;
        const NeuronPanelItem *to = panel(id), *from = panel(inputs.front());
        if (!to || !from || !to->showsAllUnits() || !from->showsAllUnits() || from->units() != weights->inputs ||
            to->units() != weights->units)
            continue;
        for (int u = 0; u < weights->units; ++u)
            for (int i = 0; i < weights->inputs; ++i) {
                WeightLink link;
                link.start = from->unitBottom(i);
                link.end = to->unitTop(u);
                link.index = int64_t{u} * weights->inputs + i;
                link.weight = weights->weight[static_cast<size_t>(link.index)];
                link.parameter = weights->parameter;
                link.from = i, link.to = u;
                link.fromNode = QString::fromStdString(graph.node(inputs.front()).name);
                link.toNode = QString::fromStdString(graph.node(id).name);
                all.push_back(std::move(link));
            }
    }
    if (!links_ && all.empty())
        return;
    if (!links_) {
        links_ = new WeightLinksItem([this](const WeightLink &link, QPoint at) { editLink(link, at); });
        scene_->addItem(links_);
    }
    links_->setLinks(std::move(all));
}

void NeuronCanvas::requestMaps()
{
    training_->runProbeNow(probe(), [] {});
}

void NeuronCanvas::setWeight(const WeightLink &link, float value)
{
    lastEdit_ = link;
    const QString name = tr("%1 unit %2 → %3 unit %4").arg(link.fromNode).arg(link.from + 1).arg(link.toNode).arg(link.to + 1);
    scene_->document()->undoStack()->push(new SetWeightCommand(training_, link.parameter, link.index, link.weight, value, name));
}

// A small spin box at the click: Enter sets the weight, Escape or a click elsewhere leaves it.
void NeuronCanvas::editLink(const WeightLink &link, QPoint screenPosition)
{
    if (training_->state() == TrainingController::State::Running) {
        emit statusMessage(tr("Pause or stop training, then click a link to change its weight."));
        return;
    }
    delete editor_;
    auto *box = new QDoubleSpinBox;
    box->setWindowFlags(Qt::Popup);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setRange(-1000.0, 1000.0);
    box->setDecimals(4);
    box->setSingleStep(0.05);
    box->setValue(link.weight);
    const double shown = box->value();  // rounded to 4 decimals: Enter alone changes nothing
    box->setToolTip(tr("%1 unit %2 → %3 unit %4; Enter sets it").arg(link.fromNode).arg(link.from + 1).arg(link.toNode).arg(link.to + 1));
    connect(box, &QDoubleSpinBox::editingFinished, this, [this, box, link, shown] {
        if (box->value() != shown && box->isVisible())
            setWeight(link, static_cast<float>(box->value()));
        box->close();
    });
    editor_ = box;
    box->move(screenPosition + QPoint(8, 8));
    box->show();
    box->selectAll();
    box->setFocus();
}

NodeItem *NeuronCanvas::nodeUnder(QPointF scenePosition) const
{
    for (QGraphicsItem *item : scene_->items(scenePosition))
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            return node;
    return nullptr;
}

bool NeuronCanvas::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == scene_ && event->type() == QEvent::GraphicsSceneMouseDoubleClick) {
        const auto *click = static_cast<QGraphicsSceneMouseEvent *>(event);
        if (NodeItem *node = nodeUnder(click->scenePos()); node && canExpand(node->nodeId())) {
            toggle(node->nodeId());
            return true;
        }
    } else if (event->type() == QEvent::Wheel && !scene_->views().isEmpty()) {
        const auto *wheel = static_cast<QWheelEvent *>(event);
        QGraphicsView *view = scene_->views().front();
        const QPointF at = view->mapToScene(wheel->position().toPoint());
        for (QGraphicsItem *item : scene_->items(at))
            if (item->type() == NeuronPanelItem::Type) {
                auto *shown = static_cast<NeuronPanelItem *>(item);
                if (!shown->scrolls() || wheel->angleDelta().y() == 0)
                    break;
                shown->scrollTo(shown->first() + (wheel->angleDelta().y() < 0 ? 4 : -4));
                return true;  // over a large layer the wheel scrolls its units instead of zooming
            }
    }
    return QObject::eventFilter(watched, event);
}
