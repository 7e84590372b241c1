// PaceControl: the speed of training, from slow motion (one step a second) to as fast as possible,
// as GAN Lab has it. It edits the project's training.steps_per_second and stays usable while a run
// goes, which then follows it at once.
#pragma once

#include "panels/projectsection.h"

class QLabel;
class QSlider;

// A slider over a 1-2-3-5 series of steps a second, its last notch "as fast as possible", and a
// label with the steps a second and the wait between two steps.
class PaceControl : public ProjectSection {
    Q_OBJECT

public:
    explicit PaceControl(GraphDocument *document, QWidget *parent = nullptr);

    QSlider *slider() const { return slider_; }
    QLabel *label() const { return label_; }

    // The pace at a notch of the slider (0 at the last: as fast as possible), and the notch nearest a pace.
    static double paceAt(int notch);
    static int notchOf(double stepsPerSecond);
    static int notchCount();
    // "20 steps/s · 50 ms apart", or "Full speed".
    static QString describe(double stepsPerSecond);

protected:
    void showDocument() override;

private:
    QSlider *slider_;
    QLabel *label_;
};
