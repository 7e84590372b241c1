// Lesson: one lesson file (docs/lessons.md): front matter, then pages of Markdown text and
// actions. parseLesson() reads one and names the line of the first mistake.
#pragma once

#include "lessons/lessoncondition.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// A line such as `@set node/hidden1.activation relu`: its verb and what follows it.
struct LessonAction {
    QString verb;      // open, layout, view, highlight, set, reset
    QString argument;  // the rest of the line, trimmed
    int line = 0;      // in the file, for messages
};

// A page's Run button: N steps or N epochs, its results kept under `name` when it has one.
struct LessonRun {
    enum class Unit { Steps, Epochs };
    qint64 count = 0;
    Unit unit = Unit::Epochs;
    QString name;
};

// A "predict, then run" answer: its text and when it is what happened.
struct LessonOption {
    QString text;
    LessonCondition condition;
};

struct LessonPage {
    QString title;
    QVector<LessonAction> actions;  // run when the page opens, in order
    QString text;                   // Markdown
    QString question;               // "" when the page asks nothing
    QVector<LessonOption> options;
    std::optional<LessonRun> run;
    QString explanation;            // shown once the run has ended
};

struct Lesson {
    QString id;       // the file's name without its language and ".md": "01-forward-pass"
    QString title;
    int number = 0;   // the concept's place in the course (front matter "concept")
    QString example;  // opened when the lesson starts
    QString summary;
    QVector<LessonPage> pages;
    QString path;     // where it was read from
};

// The lesson in `text`; nullopt with `problem` ("line 12: …") when the file breaks the format.
std::optional<Lesson> parseLesson(const QString &text, const QString &id, QString *problem);
// The file at `path` (a resource or a file on disk), its id from its name.
std::optional<Lesson> readLesson(const QString &path, QString *problem);
// "01-forward-pass.zh_CN.md" → "01-forward-pass".
QString lessonIdOf(const QString &path);
