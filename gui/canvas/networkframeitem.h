// NetworkFrameItem: the tinted, labelled frame a GAN project's canvas draws around one network's
// nodes (the Generator's or the Discriminator's).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include <string>

// Drawn under the nodes and edges; it takes no clicks, so selection and drops pass through it.
class NetworkFrameItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };
    static constexpr double kMargin = 22.0;       // between the nodes and the frame's sides
    static constexpr double kLabelHeight = 46.0;  // the band above the nodes: the name, its role under it

    explicit NetworkFrameItem(std::string network, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const std::string &network() const { return network_; }
    QString label() const { return label_; }
    QColor color() const { return color_; }

    // The frame around `nodes` (the nodes' scene rectangle); an empty one hides the frame.
    void setNodesArea(const QRectF &nodes);
    // The frame's rectangle in scene coordinates (empty when hidden).
    QRectF frameRect() const { return rect_; }
    // The frame around a nodes' area, as setNodesArea draws it.
    static QRectF frameAround(const QRectF &nodes);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::string network_;
    QString label_;
    QString caption_;
    QColor color_;
    QRectF rect_;
};
