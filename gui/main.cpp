// layerlab: the LayerLab window. `layerlab` opens the bundled spiral example, `layerlab PATH`
// opens a project file or a bundled example by name.
#include "app/mainwindow.h"
#include "app/welcomepage.h"
#include "training/trainingcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QTimer>
#include <QStyle>
#include <QStyleFactory>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// For docs/screenshot.png: fills the screen, trains once the project is prepared, and when the run
// ends grabs the whole window (menus, docks, status bar) and quits; exit code 1 when it cannot.
void trainAndScreenshot(MainWindow &window, const QString &path)
{
    window.setGeometry(window.screen()->availableGeometry());
    TrainingController *training = window.training();
    auto started = std::make_shared<bool>(false);
    QObject::connect(training, &TrainingController::stateChanged, &window, [&window, training, path, started](TrainingController::State state) {
        if (state == TrainingController::State::Idle && !*started) {
            *started = true;
            training->trainAction()->trigger();
        } else if (state == TrainingController::State::Finished && *started) {
            QTimer::singleShot(500, &window, [&window, path] {  // the views' last snapshots arrive
                const bool saved = window.grab().save(path);
                QApplication::exit(saved ? 0 : 1);
            });
        }
    });
    if (training->state() == TrainingController::State::Idle) {
        *started = true;
        training->trainAction()->trigger();
    }
}

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
    parser.addOption(screenshot);
    const QCommandLineOption welcome(QStringLiteral("welcome"),
                                     QApplication::translate("main", "Show the welcome page, as on the first start."));
    parser.addOption(welcome);
    parser.process(app);

    MainWindow window;
    window.show();
    window.openStartupProject(parser.positionalArguments().value(0));
    if (parser.isSet(screenshot))
        trainAndScreenshot(window, parser.value(screenshot));
    else if (parser.isSet(welcome) || (parser.positionalArguments().isEmpty() && WelcomePage::isFirstStart()))
        WelcomePage::showFor(&window);  // over the spiral, which stays open when the page is closed
    return app.exec();
}
