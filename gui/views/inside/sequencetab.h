// SequenceTab: what the Inside dock's sequence views share: the "what am I looking at" paragraph,
// a chooser of the layer (for views of one layer kind) and of the batch's sample, and a scroll
// area for the pictures, redrawn from each tap record of the chosen sample.
#pragma once

#include "views/inside/tokendecoder.h"

#include "nn/taps.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;

// A view of the taps' sequence internals; subclasses draw one record into their own widgets.
class SequenceTab : public QWidget {
    Q_OBJECT

public:
    // `about` is the tab's paragraph, remembered folded or not under `key`; `kinds` the layer kinds it lists (none: no layer chooser);
    // `waiting` what it says before the first record.
    SequenceTab(const QString &key, const QString &about, QStringList kinds, const QString &waiting,
                QWidget *parent = nullptr);

    // Whether the record's model has what this view shows.
    virtual bool shows(const nn::TapRecord &record) const;
    // Lists the layers, follows the batch size, and draws a record of the chosen sample.
    void addRecord(const nn::TapRecord &record);
    virtual void clear();
    void setDecoder(TokenDecoder decoder) { decoder_ = std::move(decoder); }
    const TokenDecoder &decoder() const { return decoder_; }

    // The sample of each batch it shows (0-based), and the chosen layer ("" when it lists none).
    int sample() const;
    void setSample(int sample);
    QString selectedLayer() const;
    void selectLayer(const QString &name);
    // The step of the record drawn last; 0 before any.
    int64_t drawnStep() const { return drawnStep_; }

signals:
    void sampleChanged(int sample);

protected:
    // Draws the record (of the chosen sample); false when it holds nothing to draw.
    virtual bool draw(const nn::TapRecord &record) = 0;
    // Fits the pictures to availableWidth(); called after each resize.
    virtual void arrange() {}
    void resizeEvent(QResizeEvent *event) override;
    // The box the subclass puts its pictures in, inside the scroll area.
    QVBoxLayout *content() const { return content_; }
    // Lays `pictures` out in the content's grid, `perRow` side by side, top left first.
    void placeInGrid(const std::vector<QWidget *> &pictures, int perRow);
    // Width of the scroll area's viewport: the space the pictures may use before they scroll.
    int availableWidth() const;
    int availableHeight() const;
    // The chosen layer's tap in the record; nullptr when absent.
    const nn::NodeTap *chosenNode(const nn::TapRecord &record) const;

private:
    void listLayers(const nn::TapRecord &record);

    QStringList kinds_;
    QComboBox *layers_ = nullptr;
    QSpinBox *sample_;
    QLabel *waiting_;
    QScrollArea *scroll_;
    QVBoxLayout *content_;
    QGridLayout *grid_;
    TokenDecoder decoder_;
    int64_t drawnStep_ = 0;
};
