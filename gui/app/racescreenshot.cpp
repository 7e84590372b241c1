// screenshotRace: waits for the race (or the classic animation) to end, then grabs the screen.
#include "racescreenshot.h"

#include "mainwindow.h"

#include "views/race/classicfunctionsview.h"
#include "views/race/optimizerracedialog.h"

#include <QApplication>
#include <QScreen>
#include <QSlider>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

const QStringList kTabs = {QStringLiteral("race"), QStringLiteral("surface"), QStringLiteral("classic")};

void grabAndQuit(QWidget *widget, const QString &path)
{
    QTimer::singleShot(800, widget, [widget, path] {
        const bool saved = widget->screen()->grabWindow(0).save(path);
        if (!saved)
            std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "Could not write %1.").arg(path)));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

bool isRaceTab(const QString &tab) { return kTabs.contains(tab); }

void screenshotRace(MainWindow &window, const QString &path, const QString &tab)
{
    OptimizerRaceDialog *race = window.showOptimizerRace();
    race->setGeometry(race->screen()->availableGeometry());
    race->tabs()->setCurrentIndex(int(kTabs.indexOf(tab)));
    if (tab == QStringLiteral("classic")) {
        QSlider *steps = race->classic()->stepSlider();
        QObject::connect(race->classic(), &ClassicFunctionsView::raced, race, [race, steps, path] {
            QObject::connect(steps, &QSlider::valueChanged, race, [race, steps, path](int value) {
                if (value == steps->maximum())
                    grabAndQuit(race, path);
            });
        });
        race->classic()->race();
        return;
    }
    QObject::connect(race, &OptimizerRaceDialog::raceFinished, race, [race, path] { grabAndQuit(race, path); });
    QTimer::singleShot(0, race, &OptimizerRaceDialog::start);
}
