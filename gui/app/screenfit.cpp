// Fitting the restored window and its floating docks to the screens there are now.
#include "app/screenfit.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QPointer>
#include <QRegion>
#include <QScreen>
#include <QTimer>

#include <algorithm>

namespace {

// The screen whose available area holds `area` whole, or nullptr.
QScreen *screenHolding(const QRect &area)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    const auto holds = std::find_if(screens.begin(), screens.end(),
                                    [&](QScreen *screen) { return screen->availableGeometry().contains(area); });
    return holds == screens.end() ? nullptr : *holds;
}

// The minimum that grew the window can stay for a while (a view being filled in): try again every
// quarter second for ten seconds, and again on the next resize.
constexpr int kShrinkTries = 40, kShrinkRetryMs = 250;
constexpr char kGrownProperty[] = "screenfitGrownOffScreen";

// Fits `window` into the screen that holds most of it, as far as its minimum size allows; while that
// minimum is still too large, tries again a little later.
void shrinkToScreen(QWidget *window, int tries)
{
    QTimer::singleShot(tries == kShrinkTries ? 0 : kShrinkRetryMs, window, [window = QPointer<QWidget>(window), tries] {
        if (!window || window->windowState() != Qt::WindowNoState || screenfit::withinScreens(window->geometry())) {
            if (window)
                window->setProperty(kGrownProperty, false);
            return;
        }
        const QRect room = screenfit::availableFor(window);
        const QSize size = window->size().boundedTo(room.size()).expandedTo(window->minimumSizeHint());
        QRect fitted(window->pos(), size);
        if (!room.contains(fitted))
            fitted.moveTopLeft(room.topLeft());
        window->setGeometry(fitted);
        if (screenfit::withinScreens(window->geometry()))
            window->setProperty(kGrownProperty, false);
        else if (tries > 1)
            shrinkToScreen(window, tries - 1);
    });
}

} // namespace

namespace screenfit {

QRect availableFor(const QWidget *window)
{
    QScreen *best = QGuiApplication::primaryScreen();
    int bestArea = 0;
    for (QScreen *screen : QGuiApplication::screens()) {
        const QRect shared = screen->availableGeometry().intersected(window->frameGeometry());
        if (shared.width() * shared.height() > bestArea) {
            best = screen;
            bestArea = shared.width() * shared.height();
        }
    }
    return best ? best->availableGeometry() : QRect(0, 0, 1280, 800);
}

bool restoreGeometry(QWidget *window, const QByteArray &geometry, QSize preferred)
{
    if (!geometry.isEmpty() && window->restoreGeometry(geometry) &&
        (window->isMaximized() || window->isFullScreen() || screenHolding(window->geometry())))
        return true;
    QScreen *primary = QGuiApplication::primaryScreen();
    const QRect available = primary ? primary->availableGeometry() : QRect(QPoint(0, 0), preferred);
    window->setWindowState(Qt::WindowNoState);
    // The frame (title bar and borders) needs room too; a window manager adds about this much.
    const QSize frame(16, 40);
    const QSize size = preferred.boundedTo(available.size() - frame).expandedTo(QSize(320, 240));
    window->setGeometry(QRect(available.center() - QPoint(size.width() / 2, size.height() / 2), size));
    return false;
}

bool withinScreens(const QRect &area)
{
    QRegion screens;
    for (QScreen *screen : QGuiApplication::screens())
        screens += screen->availableGeometry();
    return QRegion(area).subtracted(screens).isEmpty();
}

void shrinkBackIfGrownOffScreen(QWidget *window, QSize previous)
{
    const QRect now = window->geometry();
    if (window->windowState() != Qt::WindowNoState || withinScreens(now))
        return;
    // Only a window that fitted and grew to just its minimum (Qt's doing), or that grew so and has not
    // fitted since: one a user stretched over the screen's edge stays as the user left it.
    const QSize minimum = window->minimumSizeHint();
    const bool grownToMinimum = (now.width() > previous.width() && now.width() == minimum.width()) ||
                                (now.height() > previous.height() && now.height() == minimum.height());
    if (!(grownToMinimum && withinScreens(QRect(now.topLeft(), previous))) && !window->property(kGrownProperty).toBool())
        return;
    window->setProperty(kGrownProperty, true);
    shrinkToScreen(window, kShrinkTries);
}

void keepDocksOnScreen(QMainWindow *window)
{
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->isFloating() && !screenHolding(dock->geometry()))
            dock->setFloating(false);
    }
}

} // namespace screenfit
