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

// Puts each floating dock of `window` that lies outside every screen back into the window.
void keepDocksOnScreen(QMainWindow *window);

} // namespace screenfit
