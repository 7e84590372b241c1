// layerlab: the LayerLab window. `layerlab` opens the bundled spiral example, `layerlab PATH`
// opens a project file or a bundled example by name.
#include "app/language.h"
#include "app/layoutpresets.h"
#include "app/mainwindow.h"
#include "app/racescreenshot.h"
#include "app/screenshotrun.h"
#include "app/welcomepage.h"
#include "canvas/graphview.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonspanel.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/inside/insidepanel.h"
#include "views/inside/stepper/backpropstepperview.h"
#include "views/neurons/neuroncanvas.h"
#include "views/plots/datasetpreview.h"
#include "views/tryit/tryitpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QPixmap>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace {

// `layerlab --version` answers before the QApplication exists, so it works without a display.
bool printedVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("LayerLab %s\n", LAYERLAB_VERSION);
            return true;
        }
    return false;
}

// Fills the screen with the window, shows the welcome page over it and, once both are drawn, saves
// the whole screen to `path` and quits (exit code 1 when the picture could not be written).
// Puts the Inside dock's `view` in front with half the window's height, now and after each layout
// (the project's comes once it is prepared).
void showInside(MainWindow &window, const QString &view)
{
    window.insidePanel()->showView(view);
    const auto front = [&window] {
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("inside"));
        dock->show();
        dock->raise();
        window.resizeDocks({dock}, {window.height() / 2}, Qt::Vertical);
    };
    front();
    QObject::connect(window.layouts(), &LayoutPresets::applied, &window, front);
}

// Puts the Training dock's Data tab in front, scrolled to the data preview.
void showDataPreview(MainWindow &window)
{
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("training"));
    dock->show();
    dock->raise();
    window.trainingPanel()->tabs()->setCurrentIndex(0);
    QTimer::singleShot(300, &window, [&window] {  // once the Data tab is laid out with the preview's data
        QWidget *preview = window.datasetPreview();
        for (QWidget *ancestor = preview->parentWidget(); ancestor; ancestor = ancestor->parentWidget())
            if (auto *scroll = qobject_cast<QScrollArea *>(ancestor)) {
                scroll->verticalScrollBar()->setValue(preview->mapTo(scroll->widget(), QPoint()).y());
                return;
            }
    });
}

void screenshotWelcome(MainWindow &window, const QString &path)
{
    window.setGeometry(window.screen()->availableGeometry());
    WelcomePage::showFor(&window);
    QTimer::singleShot(1500, &window, [&window, path] {
        const bool saved = window.screen()->grabWindow(0).save(path);
        if (!saved)
            std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "Could not write %1.").arg(path)));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

// "build", "train" or "present".
std::optional<LayoutPresets::Preset> presetNamed(const QString &name)
{
    const QString names[] = {QStringLiteral("build"), QStringLiteral("train"), QStringLiteral("present")};
    for (int i = 0; i < 3; ++i)
        if (name.compare(names[i], Qt::CaseInsensitive) == 0)
            return static_cast<LayoutPresets::Preset>(i);
    return std::nullopt;
}

// A count option's value, or exits with a message naming the option.
qint64 countOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return 0;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < 1) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "--%1 needs a whole number of at least 1, not '%2'.")
                                                     .arg(option.names().constFirst(), parser.value(option))));
        std::exit(2);
    }
    return value;
}

// Opens the Lessons dock at page `page` (0-based) of lesson `id`, once the window has its project; with a
// `path`, predicts the page's first option and runs it when it has a run, then saves a picture of the
// screen there and quits.
void showLesson(MainWindow &window, const QString &id, int page, const QString &path)
{
    QTimer::singleShot(0, &window, [&window, id, page, path] {
        window.setGeometry(window.screen()->availableGeometry());
        window.showLessons();
        lessonprogress::setPage(id, page);
        if (!window.lessons()->startLesson(id)) {
            QCoreApplication::exit(1);
            return;
        }
        if (path.isEmpty())
            return;
        const auto grab = [&window, path] {
            QTimer::singleShot(1500, &window, [&window, path] {
                const bool saved = window.screen()->grabWindow(0).save(path);
                if (!saved)
                    std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "Could not write %1.").arg(path)));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        const LessonPage &shown = window.lessons()->lesson()->pages[window.lessons()->pageIndex()];
        if (!shown.run) {
            grab();
            return;
        }
        QObject::connect(window.lessons(), &LessonsPanel::finishedRun, &window, grab);
        window.lessons()->choose(0);
        window.lessons()->run();
    });
}

} // namespace

int main(int argc, char *argv[])
{
    if (printedVersion(argc, argv))
        return 0;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LayerLab"));
    QApplication::setOrganizationName(QStringLiteral("LayerLab"));
    QApplication::setApplicationVersion(QStringLiteral(LAYERLAB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("layerlab"));  // packaging/layerlab.desktop
    // One light look everywhere, whatever the desktop's theme: the canvas is drawn light.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A desktop neural-network playground for teaching."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A project file or a bundled example (default: spiral)."),
                                 QStringLiteral("[project]"));
    const QCommandLineOption screenshot(
        QStringLiteral("train-and-screenshot"),
        QApplication::translate("main", "Train the project to the end, save a picture of the window to <png> and quit (scripts/screenshot)."),
        QStringLiteral("png"));
    const QCommandLineOption welcome(QStringLiteral("welcome"),
                                     QApplication::translate("main", "Show the welcome page, as on the first start."));
    const QCommandLineOption afterSteps(
        QStringLiteral("screenshot-after-steps"),
        QApplication::translate("main", "With --train-and-screenshot: stop after <n> steps and take the picture then."),
        QStringLiteral("n"));
    const QCommandLineOption afterEpochs(
        QStringLiteral("screenshot-after-epochs"),
        QApplication::translate("main", "With --train-and-screenshot: stop after <n> epochs and take the picture then."),
        QStringLiteral("n"));
    const QCommandLineOption layout(
        QStringLiteral("layout"), QApplication::translate("main", "Open in the <name> layout: build, train or present."),
        QStringLiteral("name"));
    const QCommandLineOption welcomeShot(
        QStringLiteral("welcome-screenshot"),
        QApplication::translate("main", "Show the welcome page over the window, save a picture of the screen to <png> and quit (scripts/screenshot)."),
        QStringLiteral("png"));
    const QCommandLineOption inside(
        QStringLiteral("inside"),
        QApplication::translate("main", "Show the Inside dock's <view> in front: %1.").arg(InsidePanel::viewNames().join(QStringLiteral(", "))),
        QStringLiteral("view"));
    const QCommandLineOption stepperStep(
        QStringLiteral("stepper-step"),
        QApplication::translate("main", "With --inside stepper: open the backprop stepper's walk at step <n> (1 is the first)."),
        QStringLiteral("n"));
    const QCommandLineOption tryImage(
        QStringLiteral("try-image"),
        QApplication::translate("main", "Open the Try it panel on the image <file>, as if it had been dropped on the window."),
        QStringLiteral("file"));
    const QCommandLineOption tryText(
        QStringLiteral("try-text"),
        QApplication::translate("main", "Type <text> into the Try it panel of a project on text (a language model also generates)."),
        QStringLiteral("text"));
    const QCommandLineOption dataPreview(
        QStringLiteral("data-preview"),
        QApplication::translate("main", "Show the Training dock's data preview in front, once the project is prepared."));
    const QCommandLineOption showNeurons(
        QStringLiteral("show-neurons"),
        QApplication::translate("main", "Show the neurons of every layer that has them on the canvas, once the project is prepared."));
    const QCommandLineOption raceShot(
        QStringLiteral("race-screenshot"),
        QApplication::translate("main", "Race the project in the Optimizer Race window over the screen, save a picture of the screen to <png> and quit."),
        QStringLiteral("png"));
    const QCommandLineOption raceTab(QStringLiteral("race-tab"),
                                     QApplication::translate("main", "With --race-screenshot: the tab in front: race, surface or classic."),
                                     QStringLiteral("tab"), QStringLiteral("race"));
    parser.addOptions({screenshot, afterSteps, afterEpochs, layout, welcome, welcomeShot, inside, stepperStep, tryImage, tryText, dataPreview});
    const QCommandLineOption language(
        QStringLiteral("language"),
        QApplication::translate("main", "Use the interface in <language> this time: %1 (View ▸ Language chooses for good).")
            .arg(Language::available().join(QStringLiteral(", "))),
        QStringLiteral("language"));
    const QCommandLineOption lesson(
        QStringLiteral("lesson"), QApplication::translate("main", "Open the Lessons dock at the bundled lesson <id> (%1).")
                                      .arg(lessonlibrary::bundledIds().join(QStringLiteral(", "))),
        QStringLiteral("id"));
    const QCommandLineOption lessonPage(QStringLiteral("lesson-page"),
                                        QApplication::translate("main", "With --lesson: open it at page <n> (1 is the first)."),
                                        QStringLiteral("n"));
    const QCommandLineOption lessonShot(
        QStringLiteral("lesson-screenshot"),
        QApplication::translate("main", "With --lesson: run the page's checkpoint (predicting its first answer) when it has one, "
                                        "save a picture of the screen to <png> and quit."),
        QStringLiteral("png"));
    parser.addOptions({raceShot, raceTab, showNeurons, language, lesson, lessonPage, lessonShot});
    parser.process(app);
    const std::optional<LayoutPresets::Preset> preset = presetNamed(parser.value(layout));
    if (parser.isSet(layout) && !preset) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "There is no layout '%1': use build, train or present.")
                                                     .arg(parser.value(layout))));
        return 2;
    }
    if (parser.isSet(inside) && !InsidePanel::viewNames().contains(parser.value(inside))) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "There is no view '%1' in the Inside dock: use %2.")
                                                     .arg(parser.value(inside), InsidePanel::viewNames().join(QStringLiteral(", ")))));
        return 2;
    }
    if (!isRaceTab(parser.value(raceTab))) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "There is no race tab '%1': use race, surface or classic.")
                                                     .arg(parser.value(raceTab))));
        return 2;
    }
    if (parser.isSet(language) && !Language::available().contains(parser.value(language))) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "There is no %1 interface: use %2.")
                                                     .arg(parser.value(language), Language::available().join(QStringLiteral(", ")))));
        return 2;
    }
    if (parser.isSet(lesson) && !lessonlibrary::bundledIds().contains(parser.value(lesson))) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "There is no lesson '%1': use %2.")
                                                     .arg(parser.value(lesson), lessonlibrary::bundledIds().join(QStringLiteral(", ")))));
        return 2;
    }
    if (QString problem; !Language::apply(parser.value(language), &problem) || !problem.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(problem));  // the window opens in English, or without a CJK font
    const ScreenshotRun::Moment moment{countOption(parser, afterSteps), static_cast<int>(countOption(parser, afterEpochs))};

    MainWindow window;
    window.show();
    if (preset)
        window.layouts()->apply(*preset);
    if (parser.isSet(inside))
        showInside(window, parser.value(inside));
    if (parser.isSet(stepperStep))
        window.insidePanel()->stepper()->setOpeningStep(int(countOption(parser, stepperStep)) - 1);
    window.openStartupProject(parser.positionalArguments().value(0));
    if (parser.isSet(tryImage))  // once the project is prepared and laid out, so that Try it stays in front
        QObject::connect(window.training(), &TrainingController::prepared, window.tryIt(),
                         [&window, file = parser.value(tryImage)] { window.tryIt()->tryFile(file); },
                         Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (parser.isSet(dataPreview))  // after the layout, which the first preparation applies
        QObject::connect(window.training(), &TrainingController::prepared, &window, [&window] { showDataPreview(window); },
                         Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (parser.isSet(tryText))  // once the project is prepared and laid out, and Try it knows that it reads text
        QObject::connect(window.training(), &TrainingController::prepared, window.tryIt(),
                         [&window, text = parser.value(tryText)] { window.tryIt()->tryText(text); },
                         Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (parser.isSet(showNeurons))  // after the layout, then the canvas fits the neurons too
        QObject::connect(window.training(), &TrainingController::prepared, &window, [&window] {
            window.neurons()->expandAll();
            window.view()->fitToContents();
        }, Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (parser.isSet(lesson))
        showLesson(window, parser.value(lesson), std::max(0, int(countOption(parser, lessonPage)) - 1),
                   parser.value(lessonShot));
    else if (parser.isSet(raceShot))
        screenshotRace(window, parser.value(raceShot), parser.value(raceTab));
    else if (parser.isSet(screenshot))
        new ScreenshotRun(&window, parser.value(screenshot), moment);
    else if (parser.isSet(welcomeShot))
        screenshotWelcome(window, parser.value(welcomeShot));
    else if (parser.isSet(welcome) || (parser.positionalArguments().isEmpty() && WelcomePage::isFirstStart()))
        WelcomePage::showFor(&window);  // over the spiral, which stays open when the page is closed
    return app.exec();
}
