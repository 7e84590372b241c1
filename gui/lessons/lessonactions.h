// LessonActions: what a lesson page's actions do to the window (docs/lessons.md, "Actions"):
// open an example, apply a layout, show a panel or an Inside tab, point at a control, change a
// setting (an undoable edit, as by hand), forget the trained weights.
#pragma once

#include "lessons/lesson.h"

#include <QObject>
#include <QPointer>
#include <QRect>
#include <QString>

#include <functional>

class HighlightFrame;
class MainWindow;
class QDockWidget;
class QWidget;

class LessonActions : public QObject {
    Q_OBJECT

public:
    explicit LessonActions(MainWindow *window, QObject *parent = nullptr);

    // Performs one action; returns what went wrong ("" when it worked).
    QString perform(const LessonAction &action);

    // The widget and the rectangle in it (empty: all of it) that `target` names: a panel,
    // inside/TAB, action/NAME or node/NAME; nullptr when there is none.
    struct Target {
        QPointer<QWidget> widget;
        std::function<QRect()> area;  // in the widget's coordinates; unset: the whole widget
    };
    Target find(const QString &target);
    // The framed control's widget, while a highlight is on show (tests look at it).
    QWidget *highlighted() const;
    void clearHighlight();

    // The panels' names in lessons and their docks' object names.
    static QStringList panelNames();
    QDockWidget *dock(const QString &panel) const;

private:
    QString open(const QString &example);
    QString view(const QString &target);
    QString set(const QString &argument);
    QString highlight(const QString &target);
    QString reset();

    MainWindow *window_;
    HighlightFrame *frame_;
    QString opened_;  // the example this lesson opened last, as a canonical path
};
