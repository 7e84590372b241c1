// The reading under the mouse on a chart: a vertical guide at the point read, a dot on it and a
// box with its values beside the cursor, kept inside the plot area.
#pragma once

#include <QGraphicsItem>
#include <QString>

class QChart;

// Drawn over a chart's plot area, in the chart's own coordinates.
class HoverCallout : public QGraphicsItem {
public:
    explicit HoverCallout(QChart *chart);

    // Shows `text` for the point at `anchor`, with the box near `cursor` (chart coordinates).
    void showReading(QPointF anchor, QPointF cursor, const QString &text);
    void hideReading();
    QString text() const { return isVisible() ? text_ : QString(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF textBox() const;

    QChart *chart_;
    QPointF anchor_;
    QPointF cursor_;
    QString text_;
};
