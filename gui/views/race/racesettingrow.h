// RaceSettingRow: one contestant's choice in the optimizer race: on or off, the optimizer preset,
// its learning rate and, for a network race, its batch mode; a swatch of the run's colour.
#pragma once

#include "nn/racesetting.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

class RaceSettingRow : public QWidget {
    Q_OBJECT

public:
    // `withBatch`: offer the batch mode (a network race; a classic function has no data).
    RaceSettingRow(int run, bool withBatch, QWidget *parent = nullptr);

    bool isOn() const;
    void setOn(bool on);
    nn::RaceSetting setting() const;
    void setSetting(const nn::RaceSetting &setting);

signals:
    void changed();

private:
    QCheckBox *on_;
    QComboBox *preset_;
    QDoubleSpinBox *rate_;
    QComboBox *batch_ = nullptr;
};
