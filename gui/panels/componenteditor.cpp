// The loss and optimizer choosers: a kind, its one-line summary and its declared settings.
#include "componenteditor.h"

#include "i18n/enginetext.h"

#include "settingeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A value given in the project's JSON, or the declared default when the JSON leaves it out or
// holds something the editor cannot show.
nn::SettingValue valueFor(const nn::ComponentSpec &spec, const nn::SettingSpec &setting, const nlohmann::json &settings)
{
    try {
        return nn::Settings::fromJson(spec, settings).value(setting.name);
    } catch (const std::exception &) {
        return setting.defaultValue;  // the trainer reports the bad value when a run starts
    }
}

} // namespace

ComponentEditor::ComponentEditor(std::vector<const nn::ComponentSpec *> specs, QWidget *parent)
    : QWidget(parent), specs_(std::move(specs)), kinds_(new QComboBox), summary_(new QLabel), form_(new QFormLayout)
{
    for (const nn::ComponentSpec *spec : specs_) {
        kinds_->addItem(QString::fromStdString(spec->kind), QString::fromStdString(spec->kind));
        kinds_->setItemData(kinds_->count() - 1, engineText(spec->summary), Qt::ToolTipRole);
    }
    summary_->setWordWrap(true);
    summary_->setStyleSheet(QStringLiteral("color: #4b5563; font-size: 90%;"));
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(kinds_);
    layout->addWidget(summary_);
    layout->addLayout(form_);

    connect(kinds_, &QComboBox::activated, this, [this](int index) {
        const std::string kind = kinds_->itemData(index).toString().toStdString();
        if (kind != kind_)
            emit kindEdited(kind);
    });
}

void ComponentEditor::showKind(const std::string &kind, const nlohmann::json &settings)
{
    const auto found = std::find_if(specs_.begin(), specs_.end(), [&](const auto *spec) { return spec->kind == kind; });
    {
        const QSignalBlocker blocker(kinds_);
        kinds_->setCurrentIndex(found == specs_.end() ? -1 : int(found - specs_.begin()));
    }
    if (found == specs_.end()) {
        kind_ = kind;
        summary_->setText(tr("%1 is not a known kind; choose one of the list.").arg(QString::fromStdString(kind)));
        buildEditors(nn::ComponentSpec{});
        return;
    }
    if (kind != kind_) {
        kind_ = kind;
        summary_->setText(QString::fromStdString((*found)->summary));
        buildEditors(**found);
    }
    for (SettingEditor *editor : editors_)
        editor->setValue(valueFor(**found, editor->spec(), settings));
}

void ComponentEditor::markFitting(const std::function<bool(const nn::ComponentSpec &)> &fits)
{
    auto *model = qobject_cast<QStandardItemModel *>(kinds_->model());
    for (int row = 0; row < int(specs_.size()); ++row) {
        QStandardItem *item = model->item(row);
        item->setForeground(fits(*specs_[size_t(row)]) ? QBrush() : QBrush(QColor(0x9c, 0xa3, 0xaf)));
    }
}

SettingEditor *ComponentEditor::editor(const std::string &setting) const
{
    for (SettingEditor *editor : editors_)
        if (editor->spec().name == setting)
            return editor;
    return nullptr;
}

void ComponentEditor::buildEditors(const nn::ComponentSpec &spec)
{
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    editors_.clear();
    for (const nn::SettingSpec &setting : spec.settings) {
        auto *editor = new SettingEditor(setting);
        editor->setHelpVisible(false);
        editor->setToolTip(engineText(setting.help));
        editor->setObjectName(QString::fromStdString(spec.kind + "." + setting.name));
        connect(editor, &SettingEditor::edited, this,
                [this, name = setting.name](const nn::SettingValue &value) { emit settingEdited(name, value); });
        auto *label = new QLabel(engineSettingLabel(setting.name));
        label->setToolTip(engineText(setting.help));
        form_->addRow(label, editor);
        editors_.push_back(editor);
    }
}
