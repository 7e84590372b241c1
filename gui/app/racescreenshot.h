// screenshotRace: main's --race-screenshot: the Optimizer Race window over the whole screen, its race
// run to the end, one tab in front, saved as a picture of the screen (docs/race.md's pictures).
#pragma once

#include <QString>

class MainWindow;

// "race", "surface" or "classic": the tab to show.
bool isRaceTab(const QString &tab);
// Opens the race window on the window's project, races its four default settings to the end (the
// classic tab: the Rosenbrock race to its last step), saves the screen to `path` and quits
// (exit code 1 when the picture could not be written).
void screenshotRace(MainWindow &window, const QString &path, const QString &tab);
