// Turning a project into a GAN as one undo step.
#include "makegan.h"

#include "changeprojectsettingscommand.h"
#include "pastecommand.h"
#include "removeselectioncommand.h"

#include "document/ganstarter.h"
#include "document/graphdocument.h"

#include "nn/ganconfig.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <vector>

namespace makegan {

void push(GraphDocument *document)
{
    if (document->isGan())
        return;
    const nn::Graph &graph = document->graph();
    std::map<int, nn::NodeStatus> status;
    std::vector<int> ids;
    for (const nn::Node &node : graph.nodes()) {
        ids.push_back(node.id);
        status[node.id] = document->status(node.id);
    }
    const nlohmann::json starter = ganstarter::fragmentFor(ganstarter::dataSampleShape(graph, status));
    QUndoStack *stack = document->undoStack();
    stack->beginMacro(QCoreApplication::translate("makegan", "Make this a GAN"));
    if (!ids.empty())
        stack->push(new RemoveSelectionCommand(document, ids, {}));
    stack->push(new PasteCommand(document, starter, QPointF()));
    stack->push(new ChangeProjectSettingsCommand(document, ChangeProjectSettingsCommand::Section::Gan, "gan",
                                                 nn::GanConfig().toJson(), ChangeProjectSettingsCommand::Merge::No));
    stack->endMacro();
}

} // namespace makegan
