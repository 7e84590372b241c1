// Changing the data or training settings, and changing them back, through their JSON form.
#include "changeprojectsettingscommand.h"

#include "document/graphdocument.h"

#include "nn/dataspec.h"
#include "nn/ganconfig.h"
#include "nn/trainingconfig.h"

#include <algorithm>

namespace {

// The value at a dotted path ("schedule.kind"), or null when the path is not there.
nlohmann::json valueAt(const nlohmann::json &json, const std::string &field)
{
    const nlohmann::json *at = &json;
    size_t begin = 0;
    while (begin <= field.size()) {
        const size_t end = std::min(field.find('.', begin), field.size());
        const std::string key = field.substr(begin, end - begin);
        if (!at->is_object() || !at->contains(key))
            return nullptr;
        at = &at->at(key);
        begin = end + 1;
    }
    return *at;
}

// "optimizer_settings.lr" → "lr", "batch_mode" → "batch mode": the field as the menu names it.
QString fieldLabel(const std::string &field)
{
    const size_t dot = field.rfind('.');
    return QString::fromStdString(dot == std::string::npos ? field : field.substr(dot + 1)).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

ChangeProjectSettingsCommand::ChangeProjectSettingsCommand(GraphDocument *document, Section section, std::string field,
                                                           nlohmann::json after, Merge merge, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), section_(section), field_(std::move(field)), merge_(merge),
      before_(sectionJson(document, section)),
      after_(std::move(after))
{
    updateText();
}

void ChangeProjectSettingsCommand::redo()
{
    apply(after_);
}

void ChangeProjectSettingsCommand::undo()
{
    apply(before_);
}

bool ChangeProjectSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const ChangeProjectSettingsCommand *>(other);  // same id: same class
    if (edit->section_ != section_ || edit->field_ != field_)
        return false;
    after_ = edit->after_;
    setObsolete(after_ == before_);
    updateText();
    return true;
}

nlohmann::json ChangeProjectSettingsCommand::sectionJson(const GraphDocument *document, Section section)
{
    const nn::Project &project = document->project();
    switch (section) {
    case Section::Data:
        return project.data.toJson();
    case Section::Training:
        return project.training.toJson();
    case Section::Gan:
        return project.gan ? project.gan->toJson() : nlohmann::json();
    }
    return {};
}

void ChangeProjectSettingsCommand::apply(const nlohmann::json &json)
{
    if (section_ == Section::Data)
        document_->setData(nn::DataSpec::fromJson(json));
    else if (section_ == Section::Training)
        document_->setTraining(nn::TrainingConfig::fromJson(json));
    else
        document_->setGan(json.is_null() ? std::nullopt : std::optional(nn::GanConfig::fromJson(json)));
}

void ChangeProjectSettingsCommand::updateText()
{
    const nlohmann::json value = valueAt(after_, field_);
    QString text;
    if (value.is_string())
        text = QString::fromStdString(value.get<std::string>());
    else if (!value.is_null() && !value.is_object())
        text = QString::fromStdString(value.dump());
    setText(text.isEmpty() || text.size() > 40 ? tr("Change %1").arg(fieldLabel(field_))
                                               : tr("Set %1 to %2").arg(fieldLabel(field_), text));
}
