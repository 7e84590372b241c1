// RaceCurves: the race's loss curves overlaid, one colour per run: the mean training loss per
// epoch, and the loss on the probe samples against samples seen (equal compute) or against updates.
#pragma once

#include "views/race/racesnapshot.h"

#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QValueAxis;

class RaceCurves : public QWidget {
    Q_OBJECT

public:
    explicit RaceCurves(QWidget *parent = nullptr);

    void setSnapshot(const RaceSnapshot &snapshot);
    void clear();

    // For tests: run k's points (epoch, loss) and (samples or updates, loss); nullptr before its first snapshot.
    const QLineSeries *epochSeries(int run) const { return size_t(run) < epochSeries_.size() ? epochSeries_[size_t(run)] : nullptr; }
    const QLineSeries *progressSeries(int run) const
    {
        return size_t(run) < progressSeries_.size() ? progressSeries_[size_t(run)] : nullptr;
    }
    // The second chart's x axis: 0 samples seen, 1 updates (optimizer steps).
    void setProgressAxis(int index);

private:
    void rebuild(size_t runs);
    void fill();

    QChart *epochChart_, *progressChart_;
    QValueAxis *epochX_, *progressX_;
    QValueAxis *epochY_, *progressY_;
    QComboBox *progressAxis_;
    std::vector<QLineSeries *> epochSeries_, progressSeries_;
    RaceSnapshot snapshot_;
};
