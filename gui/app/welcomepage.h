// WelcomePage: what a newcomer meets on the first start: the examples, each with its picture and
// one line on what it teaches, and a way to start from an empty network instead.
#pragma once

#include <QDialog>
#include <QString>

class MainWindow;
class QToolButton;

// A dialog over the window; choosing opens the example (or an empty project) in the window.
class WelcomePage : public QDialog {
    Q_OBJECT

public:
    explicit WelcomePage(MainWindow *window);

    // True until a welcome page was shown once (a QSettings flag), so it greets the first start.
    static bool isFirstStart();
    // Shows the page over `window` (not modal: the window stays usable) and remembers it was shown.
    static WelcomePage *showFor(MainWindow *window);

    // The example buttons, in the examples' order, and the empty start.
    const QList<QToolButton *> &exampleButtons() const { return examples_; }
    QToolButton *emptyButton() const { return empty_; }
    // Opens the Lessons dock.
    QToolButton *lessonsButton() const { return lessons_; }

private:
    QWidget *makeExampleGrid();
    void choose(const QString &example);

    MainWindow *window_;
    QList<QToolButton *> examples_;
    QToolButton *empty_;
    QToolButton *lessons_ = nullptr;
};
