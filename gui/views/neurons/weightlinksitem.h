// WeightLinksItem: the weights between two expanded layers of at most 16 units, drawn unit to
// unit as in TensorFlow Playground: blue for a positive weight, orange for a negative one, thicker
// for a larger magnitude. Hovering one shows its value; clicking one asks to edit it.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include <functional>
#include <string>
#include <vector>

// One weight of a Dense node: from unit `from` of its input to its unit `to`.
struct WeightLink {
    QPointF start, end;  // scene points: under the input unit's tile, over the unit's tile
    float weight = 0.0f;
    std::string parameter;  // "hidden2.weight"
    int64_t index = 0;      // into the parameter, row-major (units, inputs): to·inputs + from
    int from = 0, to = 0;
    QString fromNode, toNode;
};

// One item for all links on the canvas, under the nodes; it only paints what it was given.
class WeightLinksItem : public QGraphicsItem {
public:
    enum { Type = UserType + 42 };
    using ClickHandler = std::function<void(const WeightLink &link, QPoint screenPosition)>;

    explicit WeightLinksItem(ClickHandler onClick);

    int type() const override { return Type; }
    void setLinks(std::vector<WeightLink> links);
    const std::vector<WeightLink> &links() const { return links_; }
    // The link nearest to `scenePoint` within a few pixels, or -1.
    int linkAt(QPointF scenePoint) const;
    QString toolTipOf(const WeightLink &link) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    std::vector<WeightLink> links_;
    float largest_ = 0.0f;  // the largest |weight|: the thickest line
    QPainterPath hitArea_;
    int hovered_ = -1;
    ClickHandler onClick_;
};
