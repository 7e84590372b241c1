// GanImagesView: the "GAN images" dock for an image GAN (gan-digits, gan-fashion): 64 samples of the
// generator from fixed noise, updated live, and a slider that walks between two noise vectors.
#pragma once

#include "views/ganimages/ganimagessnapshot.h"

#include "training/modelprobe.h"

#include <QWidget>

#include <memory>
#include <mutex>

class PixelImage;
class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;
class QTimer;
class TrainingController;

// Paints what its probe computed on the worker thread; the slider and the end-point buttons ask
// the worker for a new walk at once (runProbeNow), also while no run goes.
class GanImagesView : public QWidget {
    Q_OBJECT

public:
    explicit GanImagesView(TrainingController *training, QWidget *parent = nullptr);

    // Runs at every probe moment for a GAN project; posts setSnapshot.
    ModelProbe probe();
    void setSnapshot(GanImagesSnapshot snapshot);
    const GanImagesSnapshot &snapshot() const { return snapshot_; }
    // Whether the project is an image GAN (the last snapshot had images).
    bool showsImages() const { return snapshot_.kind == GanImagesSnapshot::Kind::Images; }

    InterpolationRequest request() const;
    QSlider *slider() const { return slider_; }
    QPushButton *newStartButton() const { return newStart_; }
    QPushButton *newEndButton() const { return newEnd_; }
    PixelImage *gridImage() const { return grid_; }
    PixelImage *currentImage() const { return current_; }

protected:
    void resizeEvent(QResizeEvent *event) override;

signals:
    // The project became an image GAN (true) or stopped being one.
    void imagesAvailableChanged(bool available);

private:
    // What the probe reads on the worker thread while the window changes it.
    struct SharedRequest {
        std::mutex mutex;
        InterpolationRequest request;
    };
    QWidget *createSamples();
    QWidget *createWalk();
    void setRequest(const InterpolationRequest &request);
    void refreshSoon();

    TrainingController *training_;
    std::shared_ptr<SharedRequest> shared_;
    QTimer *refresh_;
    uint64_t nextSeed_;
    GanImagesSnapshot snapshot_;
    QStackedWidget *pages_;
    QLabel *message_;
    PixelImage *grid_, *current_, *path_;
    QSlider *slider_;
    QLabel *position_;
    QPushButton *newStart_, *newEnd_;
};
