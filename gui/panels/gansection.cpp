// The GAN settings: editors built from the declared "gan" settings (nn/projectsettings.h) and the
// optimizer registry, each edit one undo step on the "gan" section.
#include "gansection.h"

#include "componenteditor.h"
#include "settingeditor.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "nn/ganconfig.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {

struct GanRow {
    const char *key;
    const char *label;
};

// The rows in the order the form shows them, with their labels.
const GanRow kGanRows[] = {{"noise", QT_TRANSLATE_NOOP("GanSection", "Noise")},
                           {"loss", QT_TRANSLATE_NOOP("GanSection", "GAN loss")},
                           {"d_steps", QT_TRANSLATE_NOOP("GanSection", "D steps per G step")},
                           {"label_smoothing", QT_TRANSLATE_NOOP("GanSection", "Label smoothing")},
                           {"gradient_penalty", QT_TRANSLATE_NOOP("GanSection", "Gradient penalty")}};

bool isNumber(const nn::SettingValue &value)
{
    return std::holds_alternative<double>(value) || std::holds_alternative<int64_t>(value);
}

nn::SettingValue ganValue(const nn::GanConfig &gan, const std::string &key)
{
    if (key == "noise")
        return gan.noise;
    if (key == "loss")
        return gan.loss;
    if (key == "d_steps")
        return int64_t{gan.discriminatorSteps};
    if (key == "label_smoothing")
        return gan.labelSmoothing;
    return gan.gradientPenalty;
}

} // namespace

GanSection::GanSection(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), ownOptimizer_(new QCheckBox(tr("G has its own optimizer"))),
      optimizer_(new ComponentEditor(nn::optimizerRegistry().specs())), problem_(makeProblemLabel())
{
    auto *group = new QGroupBox(tr("GAN: generator against discriminator"));
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const GanRow &row : kGanRows) {
        const nn::SettingSpec &spec = nn::ganSetting(row.key);
        auto *editor = new SettingEditor(spec);
        editor->setHelpVisible(false);  // compact: the help is the tooltip
        editor->setObjectName(QStringLiteral("gan.") + QString::fromLatin1(row.key));
        const QString tip = engineText(spec.help);
        editor->setToolTip(tip);
        editor->control()->setToolTip(tip);
        auto *label = new QLabel(tr(row.label));
        label->setToolTip(tip);
        form->addRow(label, editor);
        editors_[row.key] = editor;
        connect(editor, &SettingEditor::edited, this,
                [this, key = std::string(row.key)](const nn::SettingValue &value) { editSetting(key, value); });
    }
    ownOptimizer_->setObjectName(QStringLiteral("gan.own_optimizer"));
    ownOptimizer_->setToolTip(tr("Unchecked, G trains with a copy of the optimizer under \"Loss and optimizer\", "
                                 "which trains D. Checked, G has its own kind and learning rate, set here."));
    optimizer_->kindBox()->setObjectName(QStringLiteral("gan.generator_optimizer"));
    form->addRow(ownOptimizer_);
    form->addRow(tr("G's optimizer"), optimizer_);
    auto *note = new QLabel(tr("D trains with the optimizer under \"Loss and optimizer\"; the GAN loss above "
                               "replaces the loss there."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #6b7280;"));
    form->addRow(note);
    form->addRow(problem_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(group);

    connect(ownOptimizer_, &QCheckBox::toggled, this, &GanSection::editOwnOptimizer);
    connect(optimizer_, &ComponentEditor::kindEdited, this, &GanSection::editOptimizerKind);
    connect(optimizer_, &ComponentEditor::settingEdited, this, &GanSection::editOptimizerSetting);
}

SettingEditor *GanSection::editor(const std::string &key) const
{
    const auto at = editors_.find(key);
    return at == editors_.end() ? nullptr : at->second;
}

void GanSection::showDocument()
{
    const nn::Project &project = document()->project();
    if (!project.gan)
        return;
    const nn::GanConfig &gan = *project.gan;
    for (const auto &[key, editor] : editors_)
        editor->setValue(ganValue(gan, key));
    const bool own = !gan.generatorOptimizer.empty();
    {
        const QSignalBlocker blocker(ownOptimizer_);
        ownOptimizer_->setChecked(own);
    }
    optimizer_->showKind(own ? gan.generatorOptimizer : project.training.optimizer,
                         own ? gan.generatorOptimizerSettings : project.training.optimizerSettings);
    optimizer_->setEnabled(own);
    showProblem({});
}

void GanSection::showProblem(const QString &problem)
{
    ProjectSection::showProblem(problem_, problem);
}

void GanSection::editSetting(const std::string &key, const nn::SettingValue &value)
{
    const QString problem = edit(Section::Gan, key, isNumber(value) ? Merge::SameField : Merge::No,
                                 [&](nlohmann::json &json) { json[key] = toJson(value); });
    if (!problem.isEmpty())
        editors_.at(key)->showProblem(problem);
}

// Checking starts G with a copy of D's optimizer and settings; unchecking drops G's own.
void GanSection::editOwnOptimizer(bool own)
{
    const nn::TrainingConfig &training = document()->project().training;
    showProblem(edit(Section::Gan, "generator_optimizer", Merge::No, [&](nlohmann::json &json) {
        json.erase("generator_optimizer");
        json.erase("generator_optimizer_settings");
        if (own) {
            json["generator_optimizer"] = training.optimizer;
            json["generator_optimizer_settings"] = training.optimizerSettings;
        }
    }));
}

void GanSection::editOptimizerKind(const std::string &kind)
{
    const nn::ComponentSpec &spec = nn::optimizerRegistry().spec(kind);
    showProblem(edit(Section::Gan, "generator_optimizer", Merge::No, [&](nlohmann::json &json) {
        json["generator_optimizer_settings"] = carriedSettings(json.value("generator_optimizer_settings", nlohmann::json::object()), spec);
        json["generator_optimizer"] = kind;
    }));
}

void GanSection::editOptimizerSetting(const std::string &setting, const nn::SettingValue &value)
{
    const QString problem = edit(Section::Gan, "generator_optimizer_settings." + setting,
                                 isNumber(value) ? Merge::SameField : Merge::No,
                                 [&](nlohmann::json &json) { json["generator_optimizer_settings"][setting] = toJson(value); });
    if (!problem.isEmpty() && optimizer_->editor(setting))
        optimizer_->editor(setting)->showProblem(problem);
}
