// ChangeProjectSettingsCommand: one edit of the project's data or training settings, from the
// training panel; consecutive edits of the same number (a slider drag) fold into one undo step.
#pragma once

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>

class GraphDocument;

// Holds the section's JSON (DataSpec's, TrainingConfig's or GanConfig's toJson; null for a project
// without a "gan" section) before and after the edit, so undo gives back exactly what was there.
// `after` must be valid: fromJson accepts it.
class ChangeProjectSettingsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ChangeProjectSettingsCommand)

public:
    enum class Section { Data, Training, Gan };
    static constexpr int kId = 1002;

    // Whether the next edit of the same field folds into this one: yes for numbers (slider drags,
    // spin box clicks), no for choices (picking SGD, then Adam, is two steps).
    enum class Merge { No, SameField };

    // `field` names what changed as a dotted path into the section ("noise",
    // "optimizer_settings.lr"); it is the merge key and names the step in the Edit menu.
    ChangeProjectSettingsCommand(GraphDocument *document, Section section, std::string field, nlohmann::json after,
                                 Merge merge, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return merge_ == Merge::SameField ? kId : -1; }
    // Folds a later edit of the same section and field into this one; an edit that brings the
    // value back to where it started makes the step obsolete, so it leaves the history.
    bool mergeWith(const QUndoCommand *other) override;

    Section section() const { return section_; }
    // The section's JSON as the document holds it now (null: no "gan" section).
    static nlohmann::json sectionJson(const GraphDocument *document, Section section);
    const std::string &field() const { return field_; }

private:
    void apply(const nlohmann::json &json);
    void updateText();

    GraphDocument *document_;
    Section section_;
    std::string field_;
    Merge merge_;
    nlohmann::json before_;
    nlohmann::json after_;
};
