// OptimizerRaceDialog: Training ▸ Optimizer Race…: the open project's network trained under up
// to four optimizer settings from the same start, with overlaid loss curves, each run's decision
// boundary, the paths on a slice of the loss surface, and the classic-functions race.
#pragma once

#include "views/race/racesnapshot.h"

#include "nn/losssurface.h"
#include "nn/project.h"

#include <QDialog>

#include <functional>
#include <vector>

class ClassicFunctionsView;
class ContourPlot;
class PlotCanvas;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class RaceCurves;
class RaceRunner;
class RaceSettingRow;

class OptimizerRaceDialog : public QDialog {
    Q_OBJECT

public:
    // `project` gives the project as it is when Start is pressed.
    explicit OptimizerRaceDialog(std::function<nn::Project()> project, QWidget *parent = nullptr);
    ~OptimizerRaceDialog() override;

    void start();
    void stop();
    bool racing() const;

    // For tests and screenshots.
    QTabWidget *tabs() const { return tabs_; }
    RaceCurves *curves() const { return curves_; }
    ContourPlot *surface() const { return surface_; }
    ClassicFunctionsView *classic() const { return classic_; }
    RaceSettingRow *row(int run) const { return rows_.at(size_t(run)); }
    QSpinBox *epochs() const { return epochs_; }
    const RaceSnapshot &snapshot() const { return snapshot_; }
    const nn::SurfaceGrid &surfaceGrid() const { return grid_; }
    QLabel *status() const { return status_; }

signals:
    void raceFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *makeRaceTab();
    QWidget *makeSurfaceTab();
    void setSnapshot(const RaceSnapshot &snapshot);
    void setSurface(const nn::SurfaceGrid &grid);
    void showPaths();
    void showStatus();
    void setRacing(bool racing);

    std::function<nn::Project()> project_;
    RaceRunner *runner_;
    std::vector<RaceSettingRow *> rows_;
    QSpinBox *epochs_;
    QPushButton *start_, *stop_;
    QLabel *status_;
    QTabWidget *tabs_;
    RaceCurves *curves_;
    QWidget *boundaries_;
    QLabel *boundaryProblem_;
    std::vector<PlotCanvas *> boundaryPlots_;
    std::vector<QLabel *> boundaryLabels_;
    ContourPlot *surface_;
    ClassicFunctionsView *classic_;
    RaceSnapshot snapshot_;
    nn::SurfaceGrid grid_;
    QString error_;
};
