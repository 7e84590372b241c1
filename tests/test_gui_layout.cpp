// The window's layout: the presets in View, the layout a project opens in (its main picture big,
// the canvas just big enough for its network), a canvas that refits on resize, and a window that
// fits the screen it opens on.
#include "digitsproject.h"
#include "guitest.h"

#include "app/layoutpresets.h"
#include "app/screenfit.h"
#include "panels/trainingpanel.h"
#include "panels/trainingsection.h"
#include "training/trainingcontroller.h"
#include "views/evaluation/confusionview.h"
#include "views/plots/decisionboundaryview.h"
#include "views/plots/plotcanvas.h"

#include "datasets/experiment.h"
#include "nn/project.h"

#include <QDockWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QScreen>
#include <QVBoxLayout>
#include <QResizeEvent>
#include <QSettings>
#include <QSignalSpy>

namespace {

constexpr int kPrepareTimeoutMs = 60000;
const QSize kSmallScreen(1280, 800);

QDockWidget *dock(const MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QString::fromLatin1(name));
}

// Opens `project` and waits until the window has laid itself out for its data.
void openLaidOut(MainWindow &window, const nn::Project &project)
{
    QSignalSpy applied(window.layouts(), &LayoutPresets::applied);
    window.document()->setProject(project, {});
    QVERIFY2(applied.wait(kPrepareTimeoutMs), "the window was not laid out for the project");
    QTest::qWait(50);  // the canvas refits once the layout has run
}

nn::Project example(const std::string &name)
{
    return nn::loadProject(datasets::resolveProjectPath(name));
}

// A window that, as MainWindow does, hands each resize to screenfit.
class FittingWindow : public QWidget {
public:
    QWidget *content = new QWidget(this);
    FittingWindow()
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(content);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QWidget::resizeEvent(event);
        if (event->oldSize().isValid())
            screenfit::shrinkBackIfGrownOffScreen(this, event->oldSize());
    }
};

std::unique_ptr<MainWindow> windowOfSize(QSize size)
{
    auto window = guitest::newWindow();
    window->resize(size);
    QTest::qWait(20);
    return window;
}

bool shown(const MainWindow &window, const char *name)
{
    QDockWidget *d = dock(window, name);
    return d && d->isVisible();
}

} // namespace

class TestGuiLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        guitest::useTestSettings();
    }

    void eachPresetShowsItsDocks()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        LayoutPresets *layouts = window->layouts();

        layouts->action(LayoutPresets::Preset::Build)->trigger();
        for (const char *name : {"layers", "settings", "chartsPanel"})
            QVERIFY2(shown(*window, name), name);
        for (const char *name : {"boundary", "evaluation"})
            QVERIFY2(!shown(*window, name), name);

        layouts->action(LayoutPresets::Preset::Train)->trigger();
        for (const char *name : {"layers", "training", "boundary", "chartsPanel", "evaluation"})
            QVERIFY2(shown(*window, name), name);

        layouts->action(LayoutPresets::Preset::Present)->trigger();
        for (const char *name : {"layers", "settings", "training", "codePanel", "history"})
            QVERIFY2(!shown(*window, name), name);
        for (const char *name : {"boundary", "chartsPanel", "evaluation"})
            QVERIFY2(shown(*window, name), name);
        QCOMPARE(layouts->current(), LayoutPresets::Preset::Present);
        // Its large fonts still fit a 1280×800 projector, the evaluation's table included.
        QTRY_VERIFY(window->confusionView()->snapshot().kind == ConfusionSnapshot::Kind::Classification);
        QCoreApplication::processEvents();
        QVERIFY2(window->minimumSizeHint().width() <= kSmallScreen.width() && window->minimumSizeHint().height() <= kSmallScreen.height(),
                 qPrintable(QStringLiteral("the window needs %1×%2 px").arg(window->minimumSizeHint().width()).arg(window->minimumSizeHint().height())));
        layouts->action(LayoutPresets::Preset::Train)->trigger();
    }

    void presentEnlargesTheFontsAndLeavingRestoresThem()
    {
        auto window = windowOfSize(kSmallScreen);
        const double before = QApplication::font().pointSizeF();
        window->layouts()->action(LayoutPresets::Preset::Present)->trigger();
        QCOMPARE(QApplication::font().pointSizeF(), before * LayoutPresets::kPresentFontScale);
        QTRY_VERIFY2(window->boundaryView()->canvas()->font().pointSizeF() > before,
                     qPrintable(QStringLiteral("the views' fonts follow: %1 pt, the application's %2 pt")
                                    .arg(window->boundaryView()->canvas()->font().pointSizeF()).arg(QApplication::font().pointSizeF())));
        window->layouts()->action(LayoutPresets::Preset::Build)->trigger();
        QCOMPARE(QApplication::font().pointSizeF(), before);
    }

    // The spiral at 1280×800: the decision boundary is the big picture, the 4-node chain gets a
    // small canvas, and the legend sits beside the points instead of on them.
    void theBoundaryIsTheBigPictureFor2DData()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        QTRY_VERIFY(window->boundaryView()->snapshot().kind == BoundarySnapshot::Kind::Classes);
        PlotCanvas *plot = window->boundaryView()->canvas();
        const QRectF area = plot->plotRect();
        QVERIFY2(std::min(area.width(), area.height()) >= 280,
                 qPrintable(QStringLiteral("the boundary is drawn %1×%2 px").arg(area.width()).arg(area.height())));
        QVERIFY2(!plot->legendRect().isEmpty() && !plot->legendRect().intersects(area), "the legend covers the plot");
        const int canvas = window->view()->width();
        QVERIFY2(canvas < window->width() / 3, qPrintable(QStringLiteral("the canvas takes %1 of %2 px").arg(canvas).arg(window->width())));
        const QRect network = window->view()->mapFromScene(window->scene()->nodesBoundingRect()).boundingRect();
        QVERIFY2(window->view()->viewport()->rect().contains(network), "the network does not fit its canvas");
    }

    // A new project's lone Input does not build, so no data says what it is: it keeps the last
    // project's kind of layout rather than whatever the window had before.
    void aNewProjectIsLaidOutToo()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        QSignalSpy applied(window->layouts(), &LayoutPresets::applied);
        window->files()->newProject();
        QVERIFY2(applied.wait(kPrepareTimeoutMs), "File ▸ New was not laid out");
        QVERIFY(window->layouts()->planarData());
        QVERIFY(shown(*window, "boundary") && shown(*window, "layers"));
    }

    void imageDataGivesTheChartsAndEvaluationTheRoom()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, digitsProject(0));
        QVERIFY(!window->layouts()->planarData());
        QVERIFY2(!shown(*window, "boundary"), "image data has no decision boundary to show");
        QVERIFY(shown(*window, "evaluation") && shown(*window, "chartsPanel"));
        const int evaluation = dock(*window, "evaluation")->height();
        QVERIFY2(evaluation >= window->height() * 2 / 5,
                 qPrintable(QStringLiteral("the evaluation is %1 of %2 px high").arg(evaluation).arg(window->height())));
    }

    // At 1280×800 the Training dock shows that it holds the run's settings as well as the data:
    // one tab each, and the Training tab shows them from the top.
    void trainingDockShowsTheRunsSettings()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        QTabWidget *tabs = window->trainingPanel()->tabs();
        QVERIFY(tabs->isVisible());
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Data"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Training"));
        for (int i = 0; i < 2; ++i)
            QVERIFY2(tabs->tabBar()->rect().contains(tabs->tabBar()->tabRect(i)), qPrintable(tabs->tabText(i)));
        tabs->setCurrentIndex(1);
        QWidget *page = tabs->currentWidget();
        const QPoint top = window->trainingPanel()->trainingSection()->mapTo(page, QPoint(0, 0));
        QVERIFY2(top.y() + 100 <= page->height(),
                 qPrintable(QStringLiteral("the training settings start at %1 of %2 px").arg(top.y()).arg(page->height())));
    }

    // At 1280×800 every category of the palette is in view, Merge included.
    void everyPaletteCategoryIsInView()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        PaletteTree *tree = window->palette()->tree();
        QVERIFY(tree->isVisible());
        QStringList categories;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QTreeWidgetItem *group = tree->topLevelItem(g);
            categories << group->text(0);
            QVERIFY2(tree->viewport()->rect().contains(tree->visualItemRect(group)), qPrintable(group->text(0)));
        }
        QVERIFY2(categories.contains(QStringLiteral("Merge")), qPrintable(categories.join(QLatin1Char(','))));
        QVERIFY2(tree->topLevelItem(0)->isExpanded(), "the first category is open");
    }

    void canvasRefitsWhenResized()
    {
        auto window = windowOfSize(kSmallScreen);
        openLaidOut(*window, example("spiral"));
        GraphView view(window->scene());
        view.resize(900, 700);
        view.show();
        view.fitToContents();
        view.resize(220, 160);
        QCoreApplication::processEvents();
        const QRect network = view.mapFromScene(window->scene()->nodesBoundingRect()).boundingRect();
        QVERIFY2(view.viewport()->rect().contains(network), "after a resize the network does not fit");
        view.zoomIn();  // the user's own zoom stays
        const double zoom = view.zoom();
        view.resize(400, 300);
        QCOMPARE(view.zoom(), zoom);
    }

    void geometryLargerThanTheScreenIsNotRestored()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QWidget large;
        large.setGeometry(QRect(available.topLeft() + QPoint(400, 300), available.size() + QSize(900, 700)));
        QSettings().setValue(QStringLiteral("window/geometry"), large.saveGeometry());
        MainWindow window;
        QVERIFY2(available.contains(window.geometry()),
                 qPrintable(QStringLiteral("the window opens at %1,%2 %3×%4 on a %5×%6 screen")
                                .arg(window.x()).arg(window.y()).arg(window.width()).arg(window.height())
                                .arg(available.width()).arg(available.height())));
        QSettings().remove(QStringLiteral("window/geometry"));
    }

    void geometryThatFitsIsRestored()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QWidget small;
        const QRect wanted(available.topLeft() + QPoint(20, 30), available.size() / 2);
        small.setGeometry(wanted);
        QVERIFY(screenfit::restoreGeometry(&small, small.saveGeometry(), {1280, 800}));
        QCOMPARE(small.geometry(), wanted);
    }

    // Qt grows a window to a minimum its docks pass through while they are re-arranged; once that
    // minimum is gone the window fits its screen again. One the user stretched past it stays.
    void aWindowGrownPastTheScreenShrinksBack()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        FittingWindow window;
        window.setGeometry(QRect(available.topLeft() + QPoint(10, 10), available.size() / 2));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.content->setMinimumWidth(available.width() + 200);  // a view's minimum, for a moment
        QTRY_VERIFY(window.width() > available.width());
        QTest::qWait(300);
        QVERIFY(window.width() > available.width());  // while the minimum holds, the window cannot fit
        window.content->setMinimumWidth(0);
        QTRY_VERIFY_WITH_TIMEOUT(available.contains(window.geometry()), 5000);

        const QRect stretched(available.topLeft(), available.size() + QSize(300, 0));
        window.setGeometry(stretched);  // wider than its minimum: the user's own doing
        QTest::qWait(600);
        QCOMPARE(window.geometry(), stretched);
    }

    void floatingDockOffTheScreenComesBack()
    {
        auto window = windowOfSize(kSmallScreen);
        QDockWidget *history = dock(*window, "history");
        history->setFloating(true);
        history->move(20000, 20000);
        screenfit::keepDocksOnScreen(window.get());
        QVERIFY(!history->isFloating());
    }
};

QTEST_MAIN(TestGuiLayout)
#include "test_gui_layout.moc"
