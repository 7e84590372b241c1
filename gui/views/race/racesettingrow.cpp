// RaceSettingRow: check box, preset, rate and batch, reading and writing an nn::RaceSetting.
#include "racesettingrow.h"

#include "views/race/racesnapshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>

namespace {

// The batch choices: the project's own, then full, 1 and three mini-batch sizes.
struct BatchChoice {
    const char *text;
    const char *mode;
    int size;
};
constexpr BatchChoice kBatches[] = {{QT_TRANSLATE_NOOP("RaceSettingRow", "project's batch"), "", 0},
                                    {QT_TRANSLATE_NOOP("RaceSettingRow", "full batch (GD)"), "full", 0},
                                    {QT_TRANSLATE_NOOP("RaceSettingRow", "batch 1 (SGD)"), "stochastic", 1},
                                    {QT_TRANSLATE_NOOP("RaceSettingRow", "batch 8"), "minibatch", 8},
                                    {QT_TRANSLATE_NOOP("RaceSettingRow", "batch 32"), "minibatch", 32},
                                    {QT_TRANSLATE_NOOP("RaceSettingRow", "batch 128"), "minibatch", 128}};

} // namespace

RaceSettingRow::RaceSettingRow(int run, bool withBatch, QWidget *parent)
    : QWidget(parent), on_(new QCheckBox), preset_(new QComboBox), rate_(new QDoubleSpinBox)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *swatch = new QLabel;
    swatch->setFixedSize(12, 12);
    swatch->setStyleSheet(QStringLiteral("background: %1; border-radius: 2px;").arg(raceColor(run).name()));
    layout->addWidget(on_);
    layout->addWidget(swatch);
    for (const std::string &preset : nn::RaceSetting::presets())
        preset_->addItem(QString::fromStdString(nn::RaceSetting::presetTitle(preset)), QString::fromStdString(preset));
    preset_->setToolTip(tr("The optimizer: Momentum and Nesterov are SGD with momentum 0.9"));
    layout->addWidget(preset_);
    layout->addWidget(new QLabel(tr("rate")));
    rate_->setDecimals(5);
    rate_->setRange(0.00001, 10.0);
    rate_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    rate_->setToolTip(tr("The learning rate of this run"));
    layout->addWidget(rate_);
    if (withBatch) {
        batch_ = new QComboBox;
        for (const BatchChoice &choice : kBatches)
            batch_->addItem(tr(choice.text));
        batch_->setToolTip(tr("Samples per step. Every run sees the same samples per epoch: full batch takes one "
                              "step an epoch, batch 1 a step per sample"));
        layout->addWidget(batch_);
        connect(batch_, &QComboBox::currentIndexChanged, this, &RaceSettingRow::changed);
    }
    layout->addStretch();
    connect(on_, &QCheckBox::toggled, this, &RaceSettingRow::changed);
    connect(preset_, &QComboBox::currentIndexChanged, this, &RaceSettingRow::changed);
    connect(rate_, &QDoubleSpinBox::valueChanged, this, &RaceSettingRow::changed);
    connect(on_, &QCheckBox::toggled, this, [this](bool on) {
        preset_->setEnabled(on);
        rate_->setEnabled(on);
        if (batch_)
            batch_->setEnabled(on);
    });
    on_->setChecked(true);
}

bool RaceSettingRow::isOn() const { return on_->isChecked(); }

void RaceSettingRow::setOn(bool on) { on_->setChecked(on); }

nn::RaceSetting RaceSettingRow::setting() const
{
    nn::RaceSetting setting;
    setting.preset = preset_->currentData().toString().toStdString();
    setting.learningRate = rate_->value();
    if (batch_) {
        const BatchChoice &choice = kBatches[std::max(0, batch_->currentIndex())];
        setting.batchMode = choice.mode;
        if (choice.size > 0)
            setting.batchSize = choice.size;
    }
    return setting;
}

void RaceSettingRow::setSetting(const nn::RaceSetting &setting)
{
    preset_->setCurrentIndex(std::max(0, preset_->findData(QString::fromStdString(setting.preset))));
    rate_->setValue(setting.learningRate);
    if (!batch_)
        return;
    int index = 0;
    for (int k = 0; k < int(std::size(kBatches)); ++k)
        if (setting.batchMode == kBatches[k].mode && (setting.batchMode != "minibatch" || setting.batchSize == kBatches[k].size))
            index = k;
    batch_->setCurrentIndex(index);
}
