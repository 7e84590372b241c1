// The stepper's path, drawn by the nodes themselves (NodeItem::setStepMark).
#include "canvas/steppath.h"

#include "canvas/graphscene.h"
#include "canvas/nodeitem.h"

void showStepPath(GraphScene *scene, int current, const QList<int> &walked)
{
    for (QGraphicsItem *item : scene->items()) {
        auto *node = qgraphicsitem_cast<NodeItem *>(item);
        if (!node)
            continue;
        node->setStepMark(node->nodeId() == current    ? NodeItem::StepMark::Current
                          : walked.contains(node->nodeId()) ? NodeItem::StepMark::Walked
                                                            : NodeItem::StepMark::None);
    }
}
