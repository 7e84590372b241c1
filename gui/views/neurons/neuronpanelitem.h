// NeuronPanelItem: an expanded node's neurons beside its card on the canvas: one small heat map per
// unit (its activation over the input plane), the first units of a large layer, scrolling.
#pragma once

#include "views/neurons/neuronsnapshot.h"

#include <QGraphicsItem>
#include <QImage>
#include <QString>

#include <optional>
#include <vector>

// A child of the NodeItem it shows, so it moves with the card; it only paints what it was given.
class NeuronPanelItem : public QGraphicsItem {
public:
    enum { Type = UserType + 41 };
    static constexpr int kMaxVisible = 16;  // tiles in the row; a larger layer scrolls

    NeuronPanelItem(int nodeId, QGraphicsItem *parent);

    int type() const override { return Type; }
    int nodeId() const { return nodeId_; }

    // The node's units (from its shape, before any maps arrive).
    void setUnits(int units);
    int units() const { return units_; }
    // The snapshot's maps of this node (nullptr: none yet), or the reason there are none.
    void setMaps(const NeuronMaps *maps, const QString &message);
    const std::vector<QImage> &images() const { return images_; }
    bool hasMaps() const { return !images_.empty(); }

    int first() const { return first_; }
    int visibleCount() const;
    bool scrolls() const { return units_ > kMaxVisible; }
    // Shows units from `first` on (clamped); false when nothing moved.
    bool scrollTo(int first);
    // Every unit is on screen: links can be drawn to and from this panel.
    bool showsAllUnits() const { return units_ <= kMaxVisible && message_.isEmpty(); }

    // Scene points where links leave (the panel's bottom edge) and arrive (its top edge), under and
    // over a unit's tile.
    QPointF unitBottom(int unit) const;
    QPointF unitTop(int unit) const;
    // The unit whose tile is at `local`, or -1.
    int unitAt(QPointF local) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QRectF tileRect(int slot) const;  // slot 0 is unit first_
    QRectF leftArrow() const;
    QRectF rightArrow() const;
    QString headline() const;

    int nodeId_;
    int units_ = 0;
    int first_ = 0;
    float scale_ = 0.0f;
    int grid_ = 0;
    std::vector<float> values_;  // as NeuronMaps::values
    std::vector<QImage> images_;
    QString message_;
};
