// Carrying out a lesson page's actions on the window.
#include "lessons/lessonactions.h"

#include "app/layoutpresets.h"
#include "app/mainwindow.h"
#include "app/projectfiles.h"
#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "canvas/nodeitem.h"
#include "commands/changesettingcommand.h"
#include "document/graphdocument.h"
#include "document/settingtext.h"
#include "lessons/highlightframe.h"
#include "panels/projectsection.h"
#include "training/trainingcontroller.h"
#include "views/inside/insidepanel.h"

#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/jsontext.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace {

// A lesson's panel names and the docks' object names.
const std::pair<const char *, const char *> kPanels[] = {
    {"layers", "layers"},         {"settings", "settings"},     {"training", "training"},
    {"code", "codePanel"},        {"history", "history"},       {"charts", "chartsPanel"},
    {"boundary", "boundary"},     {"evaluation", "evaluation"}, {"inside", "inside"},
    {"gan-images", "ganImages"},  {"try-it", "tryIt"},
};

// `text` as a value of `spec`'s type: on/off, a whole number, a number, a choice or a list.
std::optional<nn::SettingValue> parsedValue(const nn::SettingSpec &spec, const QString &text)
{
    bool ok = false;
    switch (spec.type) {
    case nn::SettingSpec::Type::Bool: {
        const QString word = text.toLower();
        if (word == QStringLiteral("on") || word == QStringLiteral("true") || word == QStringLiteral("yes"))
            return true;
        if (word == QStringLiteral("off") || word == QStringLiteral("false") || word == QStringLiteral("no"))
            return false;
        return std::nullopt;
    }
    case nn::SettingSpec::Type::Int: {
        const qint64 value = text.toLongLong(&ok);
        return ok ? std::optional<nn::SettingValue>(int64_t(value)) : std::nullopt;
    }
    case nn::SettingSpec::Type::Float: {
        const double value = text.toDouble(&ok);
        return ok ? std::optional<nn::SettingValue>(value) : std::nullopt;
    }
    case nn::SettingSpec::Type::Choice:
        return nn::SettingValue(text.toStdString());
    case nn::SettingSpec::Type::IntList:
        if (const auto list = parseIntegers(text))
            return nn::SettingValue(*list);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

LessonActions::LessonActions(MainWindow *window, QObject *parent)
    : QObject(parent), window_(window), frame_(new HighlightFrame(window))
{
}

QStringList LessonActions::panelNames()
{
    QStringList names;
    for (const auto &[name, object] : kPanels)
        names << QString::fromLatin1(name);
    return names;
}

QDockWidget *LessonActions::dock(const QString &panel) const
{
    for (const auto &[name, object] : kPanels)
        if (panel == QLatin1String(name))
            return window_->findChild<QDockWidget *>(QString::fromLatin1(object));
    return nullptr;
}

QString LessonActions::perform(const LessonAction &action)
{
    const QString &argument = action.argument;
    if (action.verb == QStringLiteral("open"))
        return open(argument);
    if (action.verb == QStringLiteral("layout")) {
        const QStringList names = {QStringLiteral("build"), QStringLiteral("train"), QStringLiteral("present")};
        window_->layouts()->apply(static_cast<LayoutPresets::Preset>(names.indexOf(argument)));
        return {};
    }
    if (action.verb == QStringLiteral("view"))
        return view(argument);
    if (action.verb == QStringLiteral("highlight"))
        return highlight(argument);
    if (action.verb == QStringLiteral("set"))
        return set(argument);
    if (action.verb == QStringLiteral("reset"))
        return reset();
    return tr("Unknown action @%1.").arg(action.verb);
}

QString LessonActions::open(const QString &example)
{
    QString path;
    try {
        path = QString::fromStdString(datasets::resolveProjectPath(example.toStdString()));
    } catch (const nn::Error &error) {
        return tr("There is no example '%1': %2").arg(example, QString::fromStdString(error.what()));
    }
    clearHighlight();
    GraphDocument *document = window_->document();
    // An example the lesson opened, changed by its pages and runs, gives way without asking; the
    // student's own project, or an example they opened, asks first about unsaved changes, as File ▸ Open does.
    const QString open = QFileInfo(document->filePath()).canonicalFilePath();
    const bool lessons = !open.isEmpty() && (open == opened_ || open == QFileInfo(path).canonicalFilePath());
    if (lessons) {
        if (const QString problem = window_->files()->read(path); !problem.isEmpty())
            return problem;
    } else if (!window_->files()->openPath(path)) {
        return tr("The example %1 was not opened.").arg(example);
    }
    opened_ = QFileInfo(path).canonicalFilePath();
    return {};
}

QString LessonActions::view(const QString &target)
{
    if (target.startsWith(QStringLiteral("inside/"))) {
        const QString tab = target.mid(7);
        if (!window_->insidePanel()->showView(tab))
            return tr("There is no Inside view '%1': use %2.").arg(tab, InsidePanel::viewNames().join(QStringLiteral(", ")));
        QDockWidget *inside = dock(QStringLiteral("inside"));
        inside->show();
        inside->raise();
        return {};
    }
    QDockWidget *panel = dock(target);
    if (!panel)
        return tr("There is no panel '%1': use %2.").arg(target, panelNames().join(QStringLiteral(", ")));
    panel->show();
    panel->raise();
    return {};
}

LessonActions::Target LessonActions::find(const QString &target)
{
    if (target.startsWith(QStringLiteral("inside/"))) {
        InsidePanel *inside = window_->insidePanel();
        const int index = int(InsidePanel::viewNames().indexOf(target.mid(7)));
        if (index < 0)
            return {};
        QTabBar *bar = inside->tabBar();
        return {bar, [bar, index] { return bar->tabRect(index); }};
    }
    if (target.startsWith(QStringLiteral("action/"))) {
        const QString name = target.mid(7);
        TrainingController *training = window_->training();
        QAction *action = name == QStringLiteral("train")   ? training->trainAction()
                          : name == QStringLiteral("pause") ? training->pauseAction()
                          : name == QStringLiteral("step")  ? training->stepAction()
                          : name == QStringLiteral("stop")  ? training->stopAction()
                          : name == QStringLiteral("reset") ? training->resetAction()
                                                            : nullptr;
        auto *bar = window_->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        if (!action || !bar)
            return {};
        if (QWidget *button = bar->widgetForAction(action))
            return {button, {}};
        // Step is a button of its own, with the menu of step kinds beside it.
        for (auto *button : bar->findChildren<QToolButton *>())
            if (button->defaultAction() == action)
                return {button, {}};
        return {};
    }
    if (target.startsWith(QStringLiteral("node/"))) {
        const nn::Node *node = window_->document()->graph().findByName(target.mid(5).toStdString());
        NodeItem *item = node ? window_->scene()->nodeItem(node->id) : nullptr;
        if (!item)
            return {};
        GraphView *view = window_->view();
        view->ensureVisible(item);
        QWidget *viewport = view->viewport();
        return {viewport, [view, item] { return view->mapFromScene(item->sceneBoundingRect()).boundingRect(); }};
    }
    if (QDockWidget *panel = dock(target))
        return {panel, {}};
    return {};
}

QString LessonActions::highlight(const QString &target)
{
    if (target.startsWith(QStringLiteral("inside/")) || dock(target))
        if (const QString problem = view(target); !problem.isEmpty())
            return problem;
    const Target found = find(target);
    if (!found.widget)
        return tr("There is nothing called '%1' to point at: use a panel, inside/VIEW, action/train, action/step, "
                  "action/pause, action/stop, action/reset or node/NAME with a layer's name.")
            .arg(target);
    frame_->show(found.widget, found.area);
    return {};
}

QWidget *LessonActions::highlighted() const
{
    return frame_->isVisible() ? frame_->target() : nullptr;
}

void LessonActions::clearHighlight()
{
    frame_->clear();
}

QString LessonActions::set(const QString &argument)
{
    using Section = ProjectSection::Section;
    const QStringList parts = argument.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString key = parts.value(0);
    const QString text = parts.value(1);
    GraphDocument *document = window_->document();
    if (window_->training()->isRunActive())
        return tr("Stop the training before the lesson changes %1.").arg(key);
    const auto badValue = [&](const nn::SettingSpec &spec) {
        return tr("'%1' is not a value for %2 (%3).").arg(text, key, QString::fromStdString(spec.help));
    };
    // A setting of the training or data section, by its key in the project file.
    const auto sectionSetting = [&](Section section, const nn::ComponentSpec &settings, const QString &field) {
        const nn::SettingSpec *spec = settings.find(field.toStdString());
        if (!spec)
            return tr("%1 is not a setting: see the project file's \"%2\" section.").arg(key, QString::fromStdString(settings.kind));
        const auto value = parsedValue(*spec, text);
        if (!value)
            return badValue(*spec);
        return ProjectSection::pushEdit(document, section, field.toStdString(), ProjectSection::Merge::No,
                                        [&](nlohmann::json &json) {
                                            ProjectSection::setAt(json, field.toStdString(), ProjectSection::toJson(*value));
                                        });
    };
    // The loss or the optimizer (kind), or one of its settings (kind.setting).
    const auto component = [&](const char *kindKey, const char *settingsKey, const auto &registry, const QString &setting) {
        const nn::TrainingConfig &training = document->project().training;
        if (setting.isEmpty()) {
            const std::string kind = text.toStdString();
            if (!registry.contains(kind))
                return tr("There is no %1 '%2': use %3.").arg(QString::fromLatin1(kindKey), text,
                                                              QString::fromStdString(nn::joined(registry.kinds())));
            return ProjectSection::pushEdit(document, Section::Training, kindKey, ProjectSection::Merge::No,
                                            [&](nlohmann::json &json) {
                                                json[settingsKey] = ProjectSection::carriedSettings(json[settingsKey], registry.spec(kind));
                                                json[kindKey] = kind;
                                            });
        }
        const std::string &kind = std::string(kindKey) == "loss" ? training.loss : training.optimizer;
        const nn::SettingSpec *spec = registry.spec(kind).find(setting.toStdString());
        if (!spec)
            return tr("%1 has no setting '%2'.").arg(QString::fromStdString(kind), setting);
        const auto value = parsedValue(*spec, text);
        if (!value)
            return badValue(*spec);
        return ProjectSection::pushEdit(document, Section::Training, std::string(settingsKey) + "." + setting.toStdString(),
                                        ProjectSection::Merge::No, [&](nlohmann::json &json) {
                                            json[settingsKey][setting.toStdString()] = ProjectSection::toJson(*value);
                                        });
    };

    if (key.startsWith(QStringLiteral("training.")))
        return sectionSetting(Section::Training, nn::trainingSettings(), key.mid(9));
    if (key.startsWith(QStringLiteral("data.")))
        return sectionSetting(Section::Data, nn::dataSettings(), key.mid(5));
    if (key == QStringLiteral("optimizer") || key.startsWith(QStringLiteral("optimizer.")))
        return component("optimizer", "optimizer_settings", nn::optimizerRegistry(), key.mid(10));
    if (key == QStringLiteral("loss") || key.startsWith(QStringLiteral("loss.")))
        return component("loss", "loss_settings", nn::lossRegistry(), key.mid(5));
    if (key.startsWith(QStringLiteral("node/"))) {
        const qsizetype dot = key.lastIndexOf(QLatin1Char('.'));
        const QString name = key.mid(5, dot < 0 ? -1 : dot - 5);
        const nn::Node *node = document->graph().findByName(name.toStdString());
        if (!node || dot < 0)
            return tr("There is no layer '%1' on the canvas (write node/NAME.SETTING).").arg(name);
        const std::string setting = key.mid(dot + 1).toStdString();
        const nn::SettingSpec *spec = nn::layerRegistry().spec(node->kind).find(setting);
        if (!spec)
            return tr("%1 (%2) has no setting '%3'.").arg(name, QString::fromStdString(node->kind), QString::fromStdString(setting));
        const auto value = parsedValue(*spec, text);
        if (!value)
            return badValue(*spec);
        if (const QString problem = document->settingProblem(node->id, setting, *value); !problem.isEmpty())
            return problem;
        if (node->settings.value(setting) != *value)
            document->undoStack()->push(new ChangeSettingCommand(document, node->id, setting, *value));
        return {};
    }
    return tr("%1 is not a setting a lesson can change: use training.KEY, data.KEY, optimizer, optimizer.KEY, loss, "
              "loss.KEY or node/NAME.SETTING.")
        .arg(key);
}

QString LessonActions::reset()
{
    TrainingController *training = window_->training();
    if (training->isRunActive())
        return tr("Stop the training before the lesson resets the weights.");
    training->resetWeights();
    return {};
}
