// EdgeItem: a connection drawn as a curve from an output port down to an input port, labelled
// with the shape of the tensor it carries ("N × 32").
#pragma once

#include "nn/graph.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

class NodeItem;

// Follows its two nodes; the scene calls updateGeometry() when either moves or changes ports.
class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(const nn::Edge &edge, NodeItem *source, NodeItem *target, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const nn::Edge &edge() const { return edge_; }
    QString label() const { return label_; }

    void updateGeometry();
    void setLabel(const QString &label);

    // The curve between two points, as the connection preview draws it too.
    static QPainterPath curve(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF labelRect() const;

    nn::Edge edge_;
    NodeItem *source_;
    NodeItem *target_;
    QPainterPath path_;
    QString label_;
};
