// PythonHighlighter: colours for the Code dock's Python: keywords, strings (docstrings across
// lines too), comments and numbers.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

// A small highlighter for the generated PyTorch script; enough to read it, not a Python parser.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    // Colours a """docstring""" that starts in an earlier block or runs past this one.
    void highlightDocstrings(const QString &text);

    std::vector<Rule> rules_;
    QTextCharFormat stringFormat_;
};
