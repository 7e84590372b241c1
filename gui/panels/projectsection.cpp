// Checking and pushing the training panel's edits.
#include "projectsection.h"

#include "document/graphdocument.h"

#include "nn/dataspec.h"
#include "nn/error.h"
#include "nn/ganconfig.h"
#include "nn/registry.h"
#include "nn/trainingconfig.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QUndoStack>

#include <variant>

namespace {

// The loss's and optimizer's settings are checked against their declarations (TrainingConfig
// leaves that to the trainer, as the registries may grow). Throws nn::SettingError.
void checkComponents(const nn::TrainingConfig &config)
{
    if (nn::lossRegistry().contains(config.loss))
        nn::Settings::fromJson(nn::lossRegistry().spec(config.loss), config.lossSettings);
    if (nn::optimizerRegistry().contains(config.optimizer))
        nn::Settings::fromJson(nn::optimizerRegistry().spec(config.optimizer), config.optimizerSettings);
}

// G's own optimizer, when the "gan" section names one, is checked like D's.
void checkGeneratorOptimizer(const nn::GanConfig &gan)
{
    if (gan.generatorOptimizer.empty())
        return;
    if (!nn::optimizerRegistry().contains(gan.generatorOptimizer))
        throw nn::SettingError("Unknown optimizer '" + gan.generatorOptimizer + "' for the generator.");
    nn::Settings::fromJson(nn::optimizerRegistry().spec(gan.generatorOptimizer), gan.generatorOptimizerSettings);
}

} // namespace

ProjectSection::ProjectSection(GraphDocument *document, QWidget *parent) : QWidget(parent), document_(document) {}

void ProjectSection::refresh()
{
    const bool wasRefreshing = refreshing_;
    refreshing_ = true;
    showDocument();
    refreshing_ = wasRefreshing;
}

nlohmann::json ProjectSection::toJson(const nn::SettingValue &value)
{
    return std::visit([](const auto &v) { return nlohmann::json(v); }, value);
}

void ProjectSection::setAt(nlohmann::json &json, const std::string &field, nlohmann::json value)
{
    nlohmann::json *at = &json;
    size_t begin = 0;
    for (size_t dot = field.find('.'); dot != std::string::npos; begin = dot + 1, dot = field.find('.', begin))
        at = &(*at)[field.substr(begin, dot - begin)];
    (*at)[field.substr(begin)] = std::move(value);
}

nlohmann::json ProjectSection::carriedSettings(const nlohmann::json &old, const nn::ComponentSpec &spec)
{
    nlohmann::json kept = nlohmann::json::object();
    for (const auto &[name, value] : old.items()) {
        try {
            nn::Settings::fromJson(spec, {{name, value}});
            kept[name] = value;
        } catch (const std::exception &) {
            // not declared by the new kind, or out of its range: its default applies
        }
    }
    return kept;
}

QWidget *ProjectSection::makeRow(QWidget *wide, QWidget *narrow)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(wide, 1);
    layout->addWidget(narrow);
    return row;
}

QLabel *ProjectSection::makeProblemLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void ProjectSection::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

QString ProjectSection::edit(Section section, const std::string &field, Merge merge, const Change &change)
{
    if (refreshing_)
        return {};
    const QString problem = pushEdit(document_, section, field, merge, change);
    if (!problem.isEmpty())
        refresh();
    return problem;
}

QString ProjectSection::pushEdit(GraphDocument *document, Section section, const std::string &field, Merge merge,
                                 const Change &change)
{
    const nlohmann::json before = ChangeProjectSettingsCommand::sectionJson(document, section);
    nlohmann::json after = before;
    try {
        change(after);
        // Stored as the reader gives it back, so undo, redo and the file agree exactly.
        if (section == Section::Data) {
            after = nn::DataSpec::fromJson(after).toJson();
        } else if (section == Section::Gan) {
            const nn::GanConfig gan = nn::GanConfig::fromJson(after);
            checkGeneratorOptimizer(gan);
            after = gan.toJson();
        } else {
            const nn::TrainingConfig config = nn::TrainingConfig::fromJson(after);
            checkComponents(config);
            after = config.toJson();
        }
    } catch (const nn::Error &error) {
        return QString::fromStdString(error.what());
    } catch (const nlohmann::json::exception &error) {
        return QString::fromStdString(error.what());
    }
    if (after != before)
        document->undoStack()->push(new ChangeProjectSettingsCommand(document, section, field, after, merge));
    return {};
}
