// ProjectSection: the base of the training panel's sections: it checks an edit of the project's
// data or training settings and pushes it as one undo command, and keeps refreshes from echoing.
#pragma once

#include "commands/changeprojectsettingscommand.h"

#include "nn/settings.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <string>

class GraphDocument;
class QLabel;

// A group of editors over one part of the project. Subclasses show the document in refresh()
// and turn finished edits into edit() calls.
class ProjectSection : public QWidget {
    Q_OBJECT

public:
    using Section = ChangeProjectSettingsCommand::Section;
    using Change = std::function<void(nlohmann::json &)>;
    using Merge = ChangeProjectSettingsCommand::Merge;

    explicit ProjectSection(GraphDocument *document, QWidget *parent = nullptr);

    // Shows the document's values; edits the widgets report meanwhile are ignored.
    void refresh();

    // `value` as JSON: whole numbers, reals, flags, names and lists.
    static nlohmann::json toJson(const nn::SettingValue &value);
    // Sets the value at a dotted path ("schedule.kind"), creating objects on the way.
    static void setAt(nlohmann::json &json, const std::string &field, nlohmann::json value);
    // Settings of the old kind that the new kind declares too and accepts (a learning rate carries
    // over from Adam to SGD); the others start at the new kind's defaults.
    static nlohmann::json carriedSettings(const nlohmann::json &old, const nn::ComponentSpec &spec);
    // A red, word-wrapped label for a refused edit, hidden until it has something to say.
    static QLabel *makeProblemLabel();
    static void showProblem(QLabel *label, const QString &problem);
    // Applies `change` to the section's JSON and pushes the result as one undo step named by
    // `field` (merged with the step before when `merge` says so); when fromJson (or a loss's or
    // optimizer's settings) refuses it, nothing changes and the message is returned ("" on success).
    // The lessons' @set edits the project through this too.
    static QString pushEdit(GraphDocument *document, Section section, const std::string &field, Merge merge,
                            const Change &change);
    // One form row of two editors side by side: `wide` takes the spare width, `narrow` its own.
    static QWidget *makeRow(QWidget *wide, QWidget *narrow);

protected:
    GraphDocument *document() const { return document_; }
    bool refreshing() const { return refreshing_; }
    virtual void showDocument() = 0;

    // pushEdit() on this section's document; after a refused edit the editors show the document again.
    QString edit(Section section, const std::string &field, Merge merge, const Change &change);

private:
    GraphDocument *document_;
    bool refreshing_ = false;
};
