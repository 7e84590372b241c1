// screenfit: the window opens on the screen it is on, whatever screen it was closed on: a saved
// geometry comes back only when it fits, and no dock is left where the mouse cannot reach it.
#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>

class QMainWindow;
class QWidget;

namespace screenfit {

// The room a window has on the screen that holds most of it (the primary screen when none does).
QRect availableFor(const QWidget *window);

// Restores `geometry` (from saveGeometry) when the window it gives lies within one screen's
// available area; otherwise sizes the window to `preferred`, shrunk to fit, and centres it there.
// Returns whether the saved geometry was used.
bool restoreGeometry(QWidget *window, const QByteArray &geometry, QSize preferred);

// Whether `area` lies within the screens' available areas together (a window may span two screens).
bool withinScreens(const QRect &area);

// Qt grows a window whose docks are being re-arranged to the largest minimum it passes through
// (seen: 1342 px wide on a 1280 px screen after a dock was raised). Called on a resize from
// `previous` to the window's current size: a window that fitted the screens and no longer does is
// shrunk back to fit, as far as its minimum size allows, once the layout has settled.
void shrinkBackIfGrownOffScreen(QWidget *window, QSize previous);

// Puts each floating dock of `window` that lies outside every screen back into the window.
void keepDocksOnScreen(QMainWindow *window);

} // namespace screenfit
