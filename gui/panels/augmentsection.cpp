// The augmentation editors, built from the data section's declarations, and their preview.
#include "augmentsection.h"

#include "augmentpreview.h"
#include "settingeditor.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "nn/dataspec.h"
#include "nn/projectsettings.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace {

constexpr std::string_view kPrefix = "augment.";

// The form's label of each augmentation setting.
QString labelOf(const std::string &key)
{
    if (key == "augment.flip_horizontal")
        return AugmentSection::tr("Flip left–right");
    if (key == "augment.flip_vertical")
        return AugmentSection::tr("Flip upside down");
    if (key == "augment.shift")
        return AugmentSection::tr("Shift (pixels)");
    if (key == "augment.crop_padding")
        return AugmentSection::tr("Random crop (padding)");
    if (key == "augment.rotation")
        return AugmentSection::tr("Rotation (degrees)");
    if (key == "augment.brightness")
        return AugmentSection::tr("Brightness ±");
    return AugmentSection::tr("Contrast ±");
}

// A value of the file's "augment" object as the editor of `spec` shows it; the default when absent.
nn::SettingValue valueOf(const nlohmann::json &augment, const nn::SettingSpec &spec)
{
    const std::string key = spec.name.substr(kPrefix.size());
    if (!augment.contains(key))
        return spec.defaultValue;
    if (spec.type == nn::SettingSpec::Type::Bool)
        return augment[key].get<bool>();
    if (spec.type == nn::SettingSpec::Type::Int)
        return augment[key].get<int64_t>();
    return augment[key].get<double>();
}

} // namespace

AugmentSection::AugmentSection(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), preview_(new AugmentPreview), problem_(makeProblemLabel())
{
    auto *title = new QLabel(tr("<b>Augmentation</b> — random changes to the training images, new every epoch"));
    title->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const nn::SettingSpec &spec : nn::dataSettings().settings) {
        if (!spec.name.starts_with(kPrefix))
            continue;
        auto *editor = new SettingEditor(spec);
        editor->setHelpVisible(false);
        editor->setObjectName(QString::fromStdString(spec.name));
        connect(editor, &SettingEditor::edited, this,
                [this, key = spec.name](const nn::SettingValue &value) { editSetting(key, value); });
        auto *label = new QLabel(labelOf(spec.name));
        label->setToolTip(engineText(spec.help));
        form->addRow(label, editor);
        editors_.push_back(editor);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(preview_);
}

SettingEditor *AugmentSection::editor(const std::string &key) const
{
    for (SettingEditor *editor : editors_)
        if (editor->spec().name == key)
            return editor;
    return nullptr;
}

void AugmentSection::showImages(const std::vector<QImage> &images)
{
    preview_->setSource(images.empty() ? QImage() : images.front());
}

void AugmentSection::showDocument()
{
    const nn::Project &project = document()->project();
    const nlohmann::json augment = project.data.toJson().value("augment", nlohmann::json::object());
    for (SettingEditor *editor : editors_)
        editor->setValue(valueOf(augment, editor->spec()));
    preview_->setAugment(project.data.augment, project.training.seed);
}

void AugmentSection::editSetting(const std::string &key, const nn::SettingValue &value)
{
    const bool number = !std::holds_alternative<bool>(value);
    const QString problem = edit(Section::Data, key, number ? Merge::SameField : Merge::No,
                                 [&](nlohmann::json &json) { setAt(json, key, toJson(value)); });
    showProblem(problem_, problem);
}
