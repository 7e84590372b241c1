// A view's "What am I looking at?" paragraph. Its heading folds it away with one click (and
// unfolds it again); the choice is remembered per view, so a student who has read it gets the
// space back for the picture.
#pragma once

#include <QLabel>

class Explanation : public QLabel
{
    Q_OBJECT

public:
    // `key` names the view in the settings ("explanations/<key>/folded"); `text` is the
    // paragraph after the heading, rich text; `foldedByDefault` holds until the user folds or unfolds it.
    Explanation(const QString &key, const QString &text, bool foldedByDefault = false, QWidget *parent = nullptr);

    void setParagraph(const QString &text);
    QString paragraph() const { return paragraph_; }

    bool isFolded() const { return folded_; }
    void setFolded(bool folded);

private:
    void render();

    QString key_;
    QString paragraph_;
    bool folded_ = false;
};
