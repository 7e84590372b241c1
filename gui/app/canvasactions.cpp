// Edit and View actions on the canvas.
#include "canvasactions.h"

#include "canvas/canvasstyle.h"
#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "commands/addnodecommand.h"
#include "commands/autolayoutcommand.h"
#include "commands/pastecommand.h"
#include "commands/removeselectioncommand.h"
#include "document/graphdocument.h"
#include "document/graphfragment.h"
#include "document/mimetypes.h"

#include "nn/error.h"
#include "nn/jsontext.h"

#include <QAction>
#include <QClipboard>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace {
constexpr double kPasteOffset = 40.0;
} // namespace

CanvasActions::CanvasActions(GraphScene *scene, GraphView *view, QObject *parent)
    : QObject(parent), scene_(scene), view_(view)
{
    QUndoStack *stack = scene_->document()->undoStack();
    undo_ = stack->createUndoAction(this, tr("&Undo"));
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = stack->createRedoAction(this, tr("&Redo"));
    redo_->setShortcut(QKeySequence::Redo);
    cut_ = makeAction(tr("Cu&t"), QKeySequence::Cut, &CanvasActions::cutSelection);
    copy_ = makeAction(tr("&Copy"), QKeySequence::Copy, &CanvasActions::copySelection);
    paste_ = makeAction(tr("&Paste"), QKeySequence::Paste, &CanvasActions::pasteClipboard);
    delete_ = makeAction(tr("&Delete"), QKeySequence::Delete, &CanvasActions::deleteSelection);
    delete_->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    selectAll_ = makeAction(tr("Select &All"), QKeySequence::SelectAll, &CanvasActions::selectEverything);

    zoomIn_ = new QAction(tr("Zoom &In"), this);
    zoomIn_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn_, &QAction::triggered, view_, &GraphView::zoomIn);
    zoomOut_ = new QAction(tr("Zoom &Out"), this);
    zoomOut_->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut_, &QAction::triggered, view_, &GraphView::zoomOut);
    actualSize_ = new QAction(tr("&Actual Size"), this);
    actualSize_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(actualSize_, &QAction::triggered, view_, &GraphView::resetZoom);
    fit_ = new QAction(tr("&Fit to View"), this);
    fit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit_, &QAction::triggered, view_, &GraphView::fitToContents);
    layout_ = makeAction(tr("Auto &Layout"), QKeySequence(Qt::CTRL | Qt::Key_L), &CanvasActions::layoutGraph);
    layout_->setStatusTip(tr("Arrange the layers in rows, inputs at the top"));

    connect(scene_, &QGraphicsScene::selectionChanged, this, &CanvasActions::updateEnabled);
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &CanvasActions::updateEnabled);
    // After the undo actions' own connections, so that read-only wins.
    connect(stack, &QUndoStack::canUndoChanged, this, &CanvasActions::updateEnabled);
    connect(stack, &QUndoStack::canRedoChanged, this, &CanvasActions::updateEnabled);
    updateEnabled();
}

QAction *CanvasActions::makeAction(const QString &text, const QKeySequence &shortcut, void (CanvasActions::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

namespace {

// The first place at or below `wanted`, one node height and a gap at a time, where a node overlaps
// no other, so that nodes added one after another stack up instead of hiding each other.
QPointF freeSpotNear(const nn::Graph &graph, QPointF wanted)
{
    constexpr double kGap = 2.0 * canvasstyle::kGridStep;
    const auto overlaps = [&graph](QPointF spot) {
        return std::any_of(graph.nodes().begin(), graph.nodes().end(), [spot](const nn::Node &node) {
            return std::abs(node.x - spot.x()) < canvasstyle::kNodeWidth &&
                   std::abs(node.y - spot.y()) < canvasstyle::kNodeHeight + kGap;
        });
    };
    QPointF spot = wanted;
    for (size_t tries = 0; tries <= graph.nodes().size() && overlaps(spot); ++tries)
        spot.ry() += canvasstyle::kNodeHeight + kGap;
    return spot;
}

} // namespace

void CanvasActions::addNodeAtCentre(const QString &kind)
{
    const QPointF spot = freeSpotNear(scene_->document()->graph(), view_->visibleCentre());
    auto *command = new AddNodeCommand(scene_->document(), kind.toStdString(), spot, scene_->networkAt(spot));
    scene_->document()->undoStack()->push(command);
    scene_->selectNodes({command->nodeId()});
}

void CanvasActions::copySelection()
{
    const std::vector<int> ids = scene_->selectedNodeIds();
    if (ids.empty())
        return;
    const nlohmann::json fragment =
        graphfragment::of(scene_->document()->graph(), ids, graphfragment::Edges::Inside);
    auto *data = new QMimeData;
    const QByteArray text = QByteArray::fromStdString(fragment.dump(2));
    data->setData(kGraphFragmentMimeType, text);
    data->setText(QString::fromUtf8(text));
    QGuiApplication::clipboard()->setMimeData(data);
    pasteCount_ = 0;
    emit statusMessage(ids.size() == 1 ? tr("Copied 1 layer") : tr("Copied %1 layers").arg(ids.size()));
}

void CanvasActions::cutSelection()
{
    if (scene_->selectedNodeIds().empty())
        return;
    copySelection();
    auto *command = new RemoveSelectionCommand(scene_->document(), scene_->selectedNodeIds(), scene_->selectedEdges());
    command->setText(tr("Cut"));
    scene_->document()->undoStack()->push(command);
}

void CanvasActions::pasteClipboard()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data)
        return;
    if (!data->hasFormat(kGraphFragmentMimeType) && (data->hasImage() || data->hasUrls())) {
        emit pictureToPaste();
        return;
    }
    const QByteArray text = data->hasFormat(kGraphFragmentMimeType) ? data->data(kGraphFragmentMimeType)
                                                                    : data->text().toUtf8();
    nlohmann::json fragment;
    try {
        fragment = nn::parseJsonText(text.toStdString(), "the clipboard");
    } catch (const nn::Error &) {
        emit statusMessage(tr("Nothing to paste: the clipboard holds no LayerLab layers."));
        return;
    }
    try {
        const double offset = kPasteOffset * (pasteCount_ + 1);
        auto *command = new PasteCommand(scene_->document(), fragment, QPointF(offset, offset));
        scene_->document()->undoStack()->push(command);
        ++pasteCount_;
        scene_->selectNodes(command->pastedIds());
    } catch (const nn::Error &error) {
        emit statusMessage(tr("Nothing to paste: %1").arg(QString::fromStdString(error.what())));
    } catch (const nlohmann::json::exception &) {
        emit statusMessage(tr("Nothing to paste: the clipboard holds no LayerLab layers."));
    }
}

void CanvasActions::deleteSelection()
{
    const std::vector<int> ids = scene_->selectedNodeIds();
    const std::vector<nn::Edge> edges = scene_->selectedEdges();
    if (ids.empty() && edges.empty())
        return;
    scene_->document()->undoStack()->push(new RemoveSelectionCommand(scene_->document(), ids, edges));
}

void CanvasActions::selectEverything()
{
    for (QGraphicsItem *item : scene_->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable)
            item->setSelected(true);
}

void CanvasActions::layoutGraph()
{
    auto *command = new AutoLayoutCommand(scene_->document());
    if (command->movesAnything())
        scene_->document()->undoStack()->push(command);
    else
        delete command;
    view_->fitToContents();
}

void CanvasActions::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    updateEnabled();
}

void CanvasActions::updateEnabled()
{
    const bool nodes = !scene_->selectedNodeIds().empty();
    const bool editable = !readOnly_;
    cut_->setEnabled(editable && nodes);
    copy_->setEnabled(nodes);
    delete_->setEnabled(editable && (nodes || !scene_->selectedEdges().empty()));
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    paste_->setEnabled(editable && data && (data->hasFormat(kGraphFragmentMimeType) || data->hasText() || data->hasImage()));
    layout_->setEnabled(editable);
    const QUndoStack *stack = scene_->document()->undoStack();
    undo_->setEnabled(editable && stack->canUndo());
    redo_->setEnabled(editable && stack->canRedo());
}
