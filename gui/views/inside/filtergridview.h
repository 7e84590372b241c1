// FilterGridView: "Filters": the chosen Conv2D layer's filters as a grid of small images, updated
// live from the taps' weights (TapRequest::weightsNode), on a colour scale symmetric around 0.
#pragma once

#include "nn/taps.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;

// A layer chooser over the image; the panel asks the taps for the chosen layer's weights.
class FilterGridView : public QWidget {
    Q_OBJECT

public:
    explicit FilterGridView(QWidget *parent = nullptr);

    // Lists the record's Conv2D layers and draws the chosen one's weights when the record has them.
    void addRecord(const nn::TapRecord &record);
    void clear();
    // The Conv2D layer whose weights it wants ("": none).
    QString selectedLayer() const;
    void selectLayer(const QString &name);
    // The drawn filters, one pixel per weight (filtergrid::render); null before any.
    const QImage &image() const { return image_; }
    // The colour scale s of the drawn filters (filtergrid::colorScale).
    float colorScale() const { return scale_; }

signals:
    void selectedLayerChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showImage();

    QComboBox *layers_;
    QLabel *scaleText_;
    QLabel *picture_;
    QScrollArea *scroll_;
    QImage image_;
    float scale_ = 1.0f;
};
