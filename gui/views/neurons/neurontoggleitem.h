// NeuronToggleItem: the small ▸ button in a node card's header that shows (▾) or hides the
// node's neurons beside it.
#pragma once

#include <QGraphicsItem>

#include <functional>

// A child of the NodeItem it toggles; a click calls back with the node's id.
class NeuronToggleItem : public QGraphicsItem {
public:
    enum { Type = UserType + 43 };

    NeuronToggleItem(int nodeId, std::function<void(int nodeId)> onToggle, QGraphicsItem *parent);

    int type() const override { return Type; }
    int nodeId() const { return nodeId_; }
    void setExpanded(bool expanded);
    bool isExpanded() const { return expanded_; }
    // What the neurons show, for the tooltip and the Inside dock.
    static QString explanation();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    int nodeId_;
    std::function<void(int)> onToggle_;
    bool expanded_ = false;
    bool hovered_ = false;
};
