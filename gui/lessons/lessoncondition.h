// LessonCondition: "val_loss > dropout:val_loss", what a lesson's option says happened, and the
// measures of a run it is judged on (docs/lessons.md, "Conditions").
#pragma once

#include <QHash>
#include <QString>

#include <optional>

// What one run of a lesson measured, by name: loss, first_loss, val_loss, grad/hidden1, …
using RunMeasures = QHash<QString, double>;

struct LessonCondition {
    // One side: factor × measure, or a number alone when `measure` is empty.
    struct Term {
        double factor = 1.0;
        QString run;      // "" for the page's own run, or the name given with `as NAME`
        QString measure;  // "" for a number
    };
    Term left, right;
    QString op;  // <, <=, >, >=

    // The condition in `text`; nullopt with `problem` when it is not one.
    static std::optional<LessonCondition> parse(const QString &text, QString *problem);

    // Whether it held for `current` and the named earlier runs; nullopt with `missing` naming the
    // measure no run produced.
    std::optional<bool> holds(const RunMeasures &current, const QHash<QString, RunMeasures> &named,
                              QString *missing) const;
};

// The measures a condition may name (the grad/, dead/ and saturated/ ones take a layer's name).
bool isKnownMeasure(const QString &measure);
