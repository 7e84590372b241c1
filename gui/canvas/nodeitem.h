// NodeItem: one layer on the canvas: a rounded card with its kind, name and output shape,
// input ports along the top and the output ports (most kinds have one) along the bottom.
#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace nn {
struct Node;
struct NodeStatus;
struct LayerSpec;
} // namespace nn

// Shows what the document says about one node; it never changes the document itself.
class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    explicit NodeItem(int nodeId, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    int nodeId() const { return nodeId_; }

    void setNode(const nn::Node &node, const nn::LayerSpec &spec);
    // Replaces the header's kind line: a GAN's Inputs read "Noise · uniform" and "Real data · ring".
    void setRoleText(const QString &text, const QString &help);
    QString kindText() const { return kind_; }
    // `waiting`: the problem lies upstream or an input is missing; drawn muted, not red.
    void setStatus(const nn::NodeStatus &status, bool waiting);
    bool showsError() const { return !error_.isEmpty() && !waiting_; }
    bool isMuted() const { return waiting_; }
    void setInputPorts(int count);
    int inputPorts() const { return inputPorts_; }
    void setConnectedInputs(const std::vector<bool> &connected);
    // The output ports' names ("output"; Split: "part1", "part2", …).
    void setOutputPorts(const std::vector<std::string> &names);
    int outputPorts() const { return static_cast<int>(outputNames_.size()); }
    // The port drawn larger while a connection is dragged over it; -1 for none.
    void setHighlightedInput(int port);
    // The backprop stepper's path: the node it stands at, or one it walked through on the way there.
    enum class StepMark { None, Walked, Current };
    void setStepMark(StepMark mark);
    StepMark stepMark() const { return stepMark_; }

    // Port centres in scene coordinates, and which port (if any) a scene point is on.
    QPointF inputPortPosition(int port) const;
    QPointF outputPortPosition(int port = 0) const;
    int inputPortAt(QPointF scenePosition) const;
    int outputPortAt(QPointF scenePosition) const;  // -1 when on none

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QPointF inputPortLocal(int port) const;
    QPointF outputPortLocal(int port) const;
    void updateToolTip();
    void paintBody(QPainter *painter) const;
    void paintText(QPainter *painter) const;
    void paintPorts(QPainter *painter) const;

    int nodeId_;
    QString name_;
    QString kind_;      // with non-default choices: "Dense · tanh"
    QString summary_;
    QString category_;
    QString shape_;     // "N × 32", empty when unknown; "2 × (N × 4)" for equal output ports
    QStringList portShapes_;  // per output port, for the tooltips
    QString error_;
    bool waiting_ = false;  // waits for an input: missing, or with an error of its own
    int inputPorts_ = 0;
    std::vector<bool> connected_;
    QStringList outputNames_{QStringLiteral("output")};
    int highlighted_ = -1;
    StepMark stepMark_ = StepMark::None;
};
