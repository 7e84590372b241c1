// ScreenshotRun: the window's pictures for docs/ (scripts/screenshot). It fills the screen, trains
// once the project is prepared, and grabs the whole window (menus, docks, status bar) when the run
// ends, or stops the run after some steps or epochs to grab it mid-training; then it quits, with
// exit code 1 when the picture could not be written.
#pragma once

#include <QObject>
#include <QString>

class MainWindow;

// One picture of a training run; lives as long as the window.
class ScreenshotRun : public QObject {
    Q_OBJECT

public:
    // When to take it: stopped after `steps` steps or `epochs` epochs, or (both 0) at the end.
    struct Moment {
        qint64 steps = 0;
        int epochs = 0;
    };

    ScreenshotRun(MainWindow *window, QString path, Moment when);

private:
    void trainWhenIdle();
    void stopAndGrab();
    void grabSoon();
    void grabNow();

    MainWindow *window_;
    QString path_;
    Moment when_;
    bool started_ = false;
    bool stopping_ = false;
    bool grabbing_ = false;
};
