// Fitting the restored window and its floating docks to the screens there are now.
#include "app/screenfit.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>

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

void keepDocksOnScreen(QMainWindow *window)
{
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->isFloating() && !screenHolding(dock->geometry()))
            dock->setFloating(false);
    }
}

} // namespace screenfit
