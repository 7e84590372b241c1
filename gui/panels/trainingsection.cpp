// The run's settings: editors built from the loss and optimizer registries and from the declared
// training settings (nn/projectsettings.h), so ranges, decimals, help and red messages work as in
// the inspector; the schedule box lists the declared schedule kinds.
#include "trainingsection.h"

#include "componenteditor.h"
#include "settingeditor.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "nn/loss.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"
#include "nn/schedule.h"
#include "nn/trainingconfig.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

using nn::SettingSpec;

// The declared help of a training setting, as the window shows it.
QString helpOf(const std::string &key)
{
    return engineText(nn::trainingSetting(key).help);
}

// The value at a dotted path of a JSON object, as the editor of `spec` shows it.
nn::SettingValue valueAt(const nlohmann::json &json, const std::string &field, const SettingSpec &spec)
{
    const nlohmann::json *at = &json;
    for (size_t begin = 0, dot = 0; dot != std::string::npos; begin = dot + 1) {
        dot = field.find('.', begin);
        at = &at->at(field.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
    }
    if (spec.type == SettingSpec::Type::Float)
        return at->get<double>();
    return std::min<int64_t>(at->get<int64_t>(), INT_MAX);
}

bool isRegressionLoss(const nn::ComponentSpec &spec)
{
    return nn::lossRegistry().spec(spec.kind).targets == nn::TargetKind::Values;
}

// The loss declarations as the component editor lists them.
std::vector<const nn::ComponentSpec *> lossSpecs()
{
    const auto specs = nn::lossRegistry().specs();
    return {specs.begin(), specs.end()};
}

void setSpecialText(SettingEditor *editor, const QString &text)
{
    if (auto *box = qobject_cast<QSpinBox *>(editor->control()))
        box->setSpecialValueText(text);
    else if (auto *real = qobject_cast<QDoubleSpinBox *>(editor->control()))
        real->setSpecialValueText(text);
}

QFormLayout *makeForm(QGroupBox *group)
{
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

} // namespace

TrainingSection::TrainingSection(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), loss_(new ComponentEditor(lossSpecs())), lossWarning_(new QLabel),
      optimizer_(new ComponentEditor(nn::optimizerRegistry().specs())), batchMode_(new QComboBox), batchSize_(new QSpinBox),
      schedule_(new QComboBox), problem_(makeProblemLabel())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeComponentGroup());
    layout->addWidget(makeBatchGroup());
    layout->addWidget(makeScheduleGroup());
    layout->addWidget(makeRegularizationGroup());
    layout->addWidget(problem_);
}

QGroupBox *TrainingSection::makeComponentGroup()
{
    auto *group = new QGroupBox(tr("Loss and optimizer"));
    QFormLayout *form = makeForm(group);
    loss_->kindBox()->setObjectName(QStringLiteral("loss"));
    optimizer_->kindBox()->setObjectName(QStringLiteral("optimizer"));
    lossWarning_->setWordWrap(true);
    lossWarning_->setStyleSheet(QStringLiteral("color: #b45309;"));
    lossWarning_->hide();
    form->addRow(tr("Loss"), loss_);
    form->addRow(lossWarning_);
    form->addRow(tr("Optimizer"), optimizer_);
    connect(loss_, &ComponentEditor::kindEdited, this,
            [this](const std::string &kind) { editKind("loss", "loss_settings", kind); });
    connect(loss_, &ComponentEditor::settingEdited, this, [this](const std::string &setting, const nn::SettingValue &value) {
        editComponentSetting(loss_, "loss_settings", setting, value);
    });
    connect(optimizer_, &ComponentEditor::kindEdited, this,
            [this](const std::string &kind) { editKind("optimizer", "optimizer_settings", kind); });
    connect(optimizer_, &ComponentEditor::settingEdited, this,
            [this](const std::string &setting, const nn::SettingValue &value) {
                editComponentSetting(optimizer_, "optimizer_settings", setting, value);
            });
    return group;
}

QGroupBox *TrainingSection::makeBatchGroup()
{
    auto *group = new QGroupBox(tr("Batches and epochs"));
    QFormLayout *form = makeForm(group);
    batchMode_->setObjectName(QStringLiteral("batch_mode"));
    batchMode_->addItem(tr("Full batch"), QStringLiteral("full"));
    batchMode_->addItem(tr("Mini-batch"), QStringLiteral("minibatch"));
    batchMode_->addItem(tr("Stochastic (1)"), QStringLiteral("stochastic"));
    batchMode_->setToolTip(helpOf("batch_mode"));
    const SettingSpec &batchSize = nn::trainingSetting("batch_size");
    batchSize_->setObjectName(QStringLiteral("batch_size"));
    batchSize_->setRange(static_cast<int>(batchSize.min), static_cast<int>(batchSize.max));
    batchSize_->setKeyboardTracking(false);
    batchSize_->setToolTip(helpOf("batch_size"));
    form->addRow(tr("Batch"), makeRow(batchMode_, batchSize_));
    addNumber(form, tr("Epochs"), "epochs");
    connect(batchMode_, &QComboBox::activated, this, [this](int index) { editChoice("batch_mode", batchMode_->itemData(index).toString()); });
    connect(batchSize_, &QSpinBox::valueChanged, this, [this](int size) { editNumber("batch_size", int64_t{size}); });
    return group;
}

QGroupBox *TrainingSection::makeScheduleGroup()
{
    auto *group = new QGroupBox(tr("Learning-rate schedule"));
    QFormLayout *form = makeForm(group);
    schedule_->setObjectName(QStringLiteral("schedule"));
    for (const nn::ScheduleKind &kind : nn::scheduleKinds())
        schedule_->addItem(tr(kind.label.c_str()), QString::fromStdString(kind.name));
    schedule_->setToolTip(helpOf("schedule.kind"));
    form->addRow(tr("Schedule"), schedule_);
    addNumber(form, tr("Every"), "schedule.step_size");
    addNumber(form, tr("Gamma"), "schedule.gamma");
    addNumber(form, tr("Minimum rate"), "schedule.min_lr");
    connect(schedule_, &QComboBox::activated, this, [this](int index) { editChoice("schedule.kind", schedule_->itemData(index).toString()); });
    return group;
}

QGroupBox *TrainingSection::makeRegularizationGroup()
{
    auto *group = new QGroupBox(tr("Regularization and run"));
    QFormLayout *form = makeForm(group);
    addNumber(form, tr("L1"), "l1");
    addNumber(form, tr("L2"), "l2");
    SettingEditor *clip = addNumber(form, tr("Clip norm"), "clip_norm");
    setSpecialText(clip, tr("off"));
    SettingEditor *patience = addNumber(form, tr("Early stop"), "early_stopping_patience");
    setSpecialText(patience, tr("off"));
    if (auto *box = qobject_cast<QSpinBox *>(patience->control()))
        box->setSuffix(tr(" epochs"));
    addNumber(form, tr("Seed"), "seed");  // the spin box holds seeds up to INT_MAX
    SettingEditor *threads = addNumber(form, tr("Threads"), "threads");
    setSpecialText(threads, tr("all %1 cores").arg(QThread::idealThreadCount()));
    return group;
}

SettingEditor *TrainingSection::addNumber(QFormLayout *form, const QString &label, const std::string &key)
{
    const SettingSpec &spec = nn::trainingSetting(key);
    const QString tip = helpOf(key);
    auto *editor = new SettingEditor(spec);
    editor->setHelpVisible(false);  // compact: the help is the tooltip
    editor->setObjectName(QString::fromStdString(spec.name));
    editor->setToolTip(tip);
    editor->control()->setToolTip(tip);
    auto *labelWidget = new QLabel(label);
    labelWidget->setToolTip(tip);
    form->addRow(labelWidget, editor);
    numbers_[spec.name] = editor;
    formOf_[spec.name] = form;
    connect(editor, &SettingEditor::edited, this, [this, field = spec.name](const nn::SettingValue &value) { editNumber(field, value); });
    return editor;
}

SettingEditor *TrainingSection::numberEditor(const std::string &field) const
{
    const auto found = numbers_.find(field);
    return found == numbers_.end() ? nullptr : found->second;
}

bool TrainingSection::isRowShown(const std::string &field) const
{
    const auto found = formOf_.find(field);
    return found != formOf_.end() && found->second->isRowVisible(numbers_.at(field));
}

void TrainingSection::setDataTask(DataTask task)
{
    task_ = task;
    showLossFit();
}

void TrainingSection::editKind(const char *kindKey, const char *settingsKey, const std::string &kind)
{
    const nn::ComponentSpec &spec =
        std::string(kindKey) == "loss" ? nn::lossRegistry().spec(kind) : nn::optimizerRegistry().spec(kind);
    const QString problem = edit(Section::Training, kindKey, Merge::No, [&](nlohmann::json &json) {
        json[settingsKey] = carriedSettings(json[settingsKey], spec);
        json[kindKey] = kind;
    });
    ProjectSection::showProblem(problem_, problem);
}

void TrainingSection::editComponentSetting(ComponentEditor *editor, const char *settingsKey, const std::string &setting,
                                           const nn::SettingValue &value)
{
    const bool number = std::holds_alternative<double>(value) || std::holds_alternative<int64_t>(value);
    const QString problem = edit(Section::Training, std::string(settingsKey) + "." + setting, number ? Merge::SameField : Merge::No,
                                 [&](nlohmann::json &json) { json[settingsKey][setting] = toJson(value); });
    if (!problem.isEmpty() && editor->editor(setting))
        editor->editor(setting)->showProblem(problem);
}

void TrainingSection::editNumber(const std::string &field, const nn::SettingValue &value)
{
    nlohmann::json number = toJson(value);
    if (field == "seed")
        number = static_cast<uint64_t>(std::get<int64_t>(value));  // the file holds seeds as unsigned
    const QString problem = edit(Section::Training, field, Merge::SameField, [&](nlohmann::json &json) { setAt(json, field, number); });
    if (!problem.isEmpty()) {
        if (SettingEditor *editor = numberEditor(field))
            editor->showProblem(problem);
        else
            ProjectSection::showProblem(problem_, problem);
    }
}

void TrainingSection::editChoice(const std::string &field, const QString &value)
{
    const QString problem = edit(Section::Training, field, Merge::No, [&](nlohmann::json &json) { setAt(json, field, value.toStdString()); });
    ProjectSection::showProblem(problem_, problem);
}

void TrainingSection::showDocument()
{
    const nn::TrainingConfig &config = document()->project().training;
    const nlohmann::json json = config.toJson();
    loss_->showKind(config.loss, config.lossSettings);
    optimizer_->showKind(config.optimizer, config.optimizerSettings);
    {
        const QSignalBlocker modeBlocker(batchMode_), sizeBlocker(batchSize_), scheduleBlocker(schedule_);
        batchMode_->setCurrentIndex(batchMode_->findData(QString::fromStdString(config.batchMode)));
        batchSize_->setValue(config.batchSize);
        batchSize_->setEnabled(config.batchMode == "minibatch");
        schedule_->setCurrentIndex(schedule_->findData(QString::fromStdString(config.schedule.kind)));
    }
    for (const auto &[field, editor] : numbers_)
        editor->setValue(valueAt(json, field, editor->spec()));
    showScheduleRows(config.schedule.kind);
    showLossFit();
    ProjectSection::showProblem(problem_, {});
}

// Each schedule shows the rows of the settings it declares it reads.
void TrainingSection::showScheduleRows(const std::string &kind)
{
    const nn::ScheduleKind *schedule = nn::findScheduleKind(kind);
    for (const auto &[field, editor] : numbers_) {
        if (!field.starts_with("schedule."))
            continue;
        const bool reads = schedule && std::find(schedule->settings.begin(), schedule->settings.end(), field) !=
                                           schedule->settings.end();
        formOf_.at(field)->setRowVisible(editor, reads);
    }
}

// Greys out the losses that do not fit the data and says what to choose when the current one does not.
void TrainingSection::showLossFit()
{
    if (task_ == DataTask::Unknown) {
        loss_->markFitting([](const nn::ComponentSpec &) { return true; });
        lossWarning_->hide();
        return;
    }
    const bool regression = task_ == DataTask::Regression;
    loss_->markFitting([regression](const nn::ComponentSpec &spec) { return isRegressionLoss(spec) == regression; });
    const std::string &loss = document()->project().training.loss;
    const bool fits = !nn::lossRegistry().contains(loss) || isRegressionLoss(nn::lossRegistry().spec(loss)) == regression;
    lossWarning_->setText(regression ? tr("This data holds numbers to predict (regression): choose MSE, MAE or SmoothL1.")
                                     : tr("This data holds classes: choose CrossEntropy (or BinaryCrossEntropy for two classes)."));
    lossWarning_->setVisible(!fits);
}
