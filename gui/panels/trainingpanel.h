// TrainingPanel: the Training dock: the data (with a place for its preview) and the settings of
// a run, every change undoable; read-only while a run goes.
#pragma once

#include "datasection.h"

#include <QWidget>

class GraphDocument;
class QGroupBox;
class QLabel;
class QScrollArea;
class QTabWidget;
class QVBoxLayout;
class GanSection;
class TrainingSection;

// Two tabs, each scrolling on its own: "Data" (the Data group and the preview the integrator puts
// in) and "Training" (the run's settings), so a short dock shows that both are there. It shows the
// document after every reset, edit, undo and redo.
class TrainingPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrainingPanel(GraphDocument *document, QWidget *parent = nullptr);

    // Puts `preview` (a grid of images, a scatter, a table) under the Data group, replacing and
    // deleting any earlier one; nullptr removes it. The panel takes ownership.
    void setPreviewWidget(QWidget *preview);
    QWidget *previewWidget() const { return preview_; }

    // While a run goes no setting can change: the editors are disabled and a note says why.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }

    // Replaces the file dialog of "CSV or IDX file…" (tests answer without a window).
    void setFileChooser(DataSection::FileChooser chooser);

    DataSection *dataSection() const { return data_; }
    TrainingSection *trainingSection() const { return training_; }
    // The GAN settings, shown above the training settings in a GAN project only.
    GanSection *ganSection() const { return gan_; }
    QTabWidget *tabs() const { return tabs_; }

    QSize sizeHint() const override;

private:
    void refresh();

    GraphDocument *document_;
    QLabel *readOnlyNote_;
    QTabWidget *tabs_;
    QGroupBox *dataGroup_;
    DataSection *data_;
    QVBoxLayout *previewHolder_;
    QWidget *preview_ = nullptr;
    GanSection *gan_;
    TrainingSection *training_;
    bool readOnly_ = false;
};
