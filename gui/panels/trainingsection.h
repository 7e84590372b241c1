// TrainingSection: the training panel's settings of a run: loss and optimizer with their
// declared settings, batch mode, epochs, learning-rate schedule, regularization, seed, threads.
#pragma once

#include "projectsection.h"

#include <map>
#include <string>

class ComponentEditor;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QSpinBox;
class SettingEditor;

// Every finished edit is one ChangeProjectSettingsCommand on the training settings.
class TrainingSection : public ProjectSection {
    Q_OBJECT

public:
    // What the data is known to be, for marking the losses that fit it.
    enum class DataTask { Unknown, Classification, Regression };

    explicit TrainingSection(GraphDocument *document, QWidget *parent = nullptr);

    void setDataTask(DataTask task);

    ComponentEditor *lossEditor() const { return loss_; }
    ComponentEditor *optimizerEditor() const { return optimizer_; }
    QComboBox *batchModeBox() const { return batchMode_; }
    QSpinBox *batchSizeBox() const { return batchSize_; }
    QComboBox *scheduleBox() const { return schedule_; }
    QLabel *lossWarning() const { return lossWarning_; }
    // The editor of a plain number by its JSON field: "epochs", "l2", "schedule.gamma", "threads", …
    SettingEditor *numberEditor(const std::string &field) const;
    // Whether the row of `field`'s editor is shown (the schedule shows only its own fields).
    bool isRowShown(const std::string &field) const;

protected:
    void showDocument() override;

private:
    QGroupBox *makeComponentGroup();
    QGroupBox *makeBatchGroup();
    QGroupBox *makeScheduleGroup();
    QGroupBox *makeRegularizationGroup();
    // The editor of the declared training setting `key` (nn/projectsettings.h), its help as tooltip.
    SettingEditor *addNumber(QFormLayout *form, const QString &label, const std::string &key);
    void editKind(const char *kindKey, const char *settingsKey, const std::string &kind);
    void editComponentSetting(ComponentEditor *editor, const char *settingsKey, const std::string &setting,
                              const nn::SettingValue &value);
    void editNumber(const std::string &field, const nn::SettingValue &value);
    void editChoice(const std::string &field, const QString &value);
    void showScheduleRows(const std::string &kind);
    void showLossFit();

    DataTask task_ = DataTask::Unknown;
    ComponentEditor *loss_;
    QLabel *lossWarning_;
    ComponentEditor *optimizer_;
    QComboBox *batchMode_;
    QSpinBox *batchSize_;
    QComboBox *schedule_;
    QLabel *problem_;
    std::map<std::string, SettingEditor *> numbers_;
    std::map<std::string, QFormLayout *> formOf_;
};
