// The Settings dock: one editor per declared setting, applied through undo commands.
#include "inspectorpanel.h"

#include "settingeditor.h"

#include "canvas/canvasstyle.h"
#include "commands/changeprojectsettingscommand.h"
#include "commands/changesettingcommand.h"
#include "commands/renamenodecommand.h"
#include "document/graphdocument.h"
#include "document/shapetext.h"
#include "i18n/enginetext.h"

#include "nn/ganconfig.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

} // namespace

InspectorPanel::InspectorPanel(GraphDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), pages_(new QStackedWidget), hint_(new QLabel), kind_(new QLabel),
      summary_(new QLabel), name_(new QLineEdit), output_(new QLabel), problem_(new QLabel), form_(new QFormLayout)
{
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #6b7280; padding: 16px;"));
    pages_->addWidget(hint_);

    auto *details = new QWidget;
    auto *column = new QVBoxLayout(details);
    column->setContentsMargins(10, 10, 10, 10);
    summary_->setWordWrap(true);
    summary_->setStyleSheet(QStringLiteral("color: #4b5563;"));
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    output_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *identity = new QFormLayout;
    identity->addRow(tr("Name"), name_);
    identity->addRow(tr("Output"), output_);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addWidget(kind_);
    column->addWidget(summary_);
    column->addLayout(identity);
    column->addWidget(problem_);
    column->addSpacing(6);
    column->addLayout(form_);
    column->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // help text wraps instead
    pages_->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);
    setMinimumWidth(240);

    connect(name_, &QLineEdit::editingFinished, this, &InspectorPanel::applyName);
    connect(document_, &GraphDocument::nodeChanged, this, [this](int id) {
        if (id == nodeId_)
            refreshValues();
    });
    connect(document_, &GraphDocument::shapesChanged, this, &InspectorPanel::refreshStatus);
    connect(document_, &GraphDocument::nodeRemoved, this, [this](int id) {
        if (id == nodeId_)
            showNode(-1, 0);
    });
    connect(document_, &GraphDocument::projectReset, this, [this] { showNode(-1, 0); });
    connect(document_, &GraphDocument::ganChanged, this, [this] {
        if (nodeId_ >= 0)
            refreshValues();
    });
    showNode(-1, 0);
}

void InspectorPanel::showNode(int id, int selected)
{
    id = document_->graph().contains(id) ? id : -1;
    if (id >= 0 && id == nodeId_ && pages_->currentIndex() == 1)
        return;  // already shown and kept current by the document's signals
    nodeId_ = id;
    if (nodeId_ < 0) {
        hint_->setText(selected > 1 ? tr("%1 layers selected.\nSelect one layer to edit its settings.").arg(selected)
                                    : tr("Select a layer to edit its settings."));
        pages_->setCurrentIndex(0);
        return;
    }
    buildEditors();
    refreshValues();
    refreshStatus();
    pages_->setCurrentIndex(1);
}

SettingEditor *InspectorPanel::editor(const std::string &setting) const
{
    for (SettingEditor *editor : editors_)
        if (editor->spec().name == setting)
            return editor;
    return nullptr;
}

QString InspectorPanel::hint() const
{
    return pages_->currentIndex() == 0 ? hint_->text() : QString();
}

void InspectorPanel::buildEditors()
{
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    editors_.clear();
    noise_ = nullptr;
    const nn::Node &node = document_->graph().node(nodeId_);
    const nn::LayerSpec &spec = nn::layerRegistry().spec(node.kind);
    const QColor accent = canvasstyle::categoryColor(QString::fromStdString(spec.category));
    kind_->setText(QStringLiteral("<span style='font-size:120%; font-weight:600; color:%1'>%2</span>"
                                  "&nbsp;&nbsp;<span style='color:#6b7280'>%3</span>")
                       .arg(accent.darker(130).name(), QString::fromStdString(node.kind).toHtmlEscaped(),
                            engineText(spec.category).toHtmlEscaped()));
    summary_->setText(engineText(spec.summary));
    if (spec.settings.empty())
        form_->addRow(new QLabel(tr("This layer has no settings.")));
    for (const nn::SettingSpec &setting : spec.settings) {
        auto *editor = new SettingEditor(setting);
        connect(editor, &SettingEditor::edited, this,
                [this, name = setting.name](const nn::SettingValue &value) { applySetting(name, value); });
        form_->addRow(engineSettingLabel(setting.name), editor);
        editors_.push_back(editor);
    }
    addGanRole(node);
}

// A GAN's Inputs are its noise source (with z's distribution, from the "gan" section) and its
// real-data node.
void InspectorPanel::addGanRole(const nn::Node &node)
{
    if (!document_->isGan() || node.kind != "Input" || node.network.empty())
        return;
    if (node.network == "discriminator") {
        summary_->setText(tr("Real data: the discriminator's input. It takes batches of the data's samples, then the "
                             "generator's fake samples; its shape must be the data's."));
        return;
    }
    summary_->setText(tr("Noise: the generator's input z. Its shape is z's dimension; each value is drawn from the "
                         "distribution below at every step."));
    noise_ = new SettingEditor(nn::ganSetting("noise"));
    noise_->setObjectName(QStringLiteral("noise"));
    connect(noise_, &SettingEditor::edited, this, &InspectorPanel::applyNoise);
    form_->addRow(tr("distribution"), noise_);
}

void InspectorPanel::applyNoise(const nn::SettingValue &value)
{
    if (!document_->isGan())
        return;
    nlohmann::json gan = document_->project().gan->toJson();
    if (gan["noise"] == std::get<std::string>(value))
        return;
    gan["noise"] = std::get<std::string>(value);
    document_->undoStack()->push(new ChangeProjectSettingsCommand(document_, ChangeProjectSettingsCommand::Section::Gan,
                                                                  "noise", gan, ChangeProjectSettingsCommand::Merge::No));
}

void InspectorPanel::refreshValues()
{
    const nn::Node &node = document_->graph().node(nodeId_);
    name_->setText(QString::fromStdString(node.name));
    for (SettingEditor *editor : editors_)
        editor->setValue(node.settings.value(editor->spec().name));
    if (noise_ && document_->isGan())
        noise_->setValue(document_->project().gan->noise);
}

void InspectorPanel::refreshStatus()
{
    if (nodeId_ < 0)
        return;
    const nn::NodeStatus &status = document_->status(nodeId_);
    output_->setText(status.output().empty() ? tr("unknown") : shapeText(status.output()));
    problem_->setText(QString::fromStdString(status.error));
    problem_->setStyleSheet(document_->waitsForInput(nodeId_) ? QStringLiteral("color: #6b7280;")
                                                   : QStringLiteral("color: #d03b3b; font-weight: 600;"));
    problem_->setVisible(!status.ok());
}

void InspectorPanel::applyName()
{
    if (nodeId_ < 0)
        return;
    const std::string name = name_->text().trimmed().toStdString();
    if (name == document_->graph().node(nodeId_).name)
        return;
    if (const QString problem = document_->renameProblem(nodeId_, name); !problem.isEmpty()) {
        emit statusMessage(problem);
        name_->setText(QString::fromStdString(document_->graph().node(nodeId_).name));
        return;
    }
    document_->undoStack()->push(new RenameNodeCommand(document_, nodeId_, name));
}

void InspectorPanel::applySetting(const std::string &setting, const nn::SettingValue &value)
{
    if (nodeId_ < 0)
        return;
    const nn::Node &node = document_->graph().node(nodeId_);
    if (node.settings.value(setting) == value)
        return;
    if (const QString problem = document_->settingProblem(nodeId_, setting, value); !problem.isEmpty()) {
        editor(setting)->setValue(node.settings.value(setting));
        editor(setting)->showProblem(problem);
        emit statusMessage(problem);
        return;
    }
    document_->undoStack()->push(new ChangeSettingCommand(document_, nodeId_, setting, value));
}
