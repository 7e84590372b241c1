// FakeSamplesItem: the dashed arrow of a GAN project's canvas from the generator's output to the
// discriminator's real-data node: G's samples, which the trainer hands to D (no wire in the file).
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>

// Not an edge: it cannot be selected, picked up or deleted; the scene moves its ends.
class FakeSamplesItem : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };

    explicit FakeSamplesItem(QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    // From the generator's output (a side of its card) to the real-data node's facing side.
    void setEnds(QPointF from, QPointF to);
    QPointF from() const { return from_; }
    QPointF to() const { return to_; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF labelRect() const;

    QPointF from_, to_;
    QPainterPath path_;
};
