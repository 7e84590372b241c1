// PythonHighlighter: regular expressions applied in order (later rules win, so a '#' inside a
// string stays a string), then the multi-line docstrings tracked through the block state.
#include "views/code/pythonhighlighter.h"

namespace {

QTextCharFormat textFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

constexpr int kInDocstring = 1;

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), stringFormat_(textFormat(QColor(0x2e, 0x7d, 0x32)))
{
    const QString keywords = QStringLiteral(
        "\\b(False|None|True|and|as|assert|break|class|continue|def|del|elif|else|except|finally|for|from|"
        "global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|self)\\b");
    rules_.push_back({QRegularExpression(keywords), textFormat(QColor(0x1a, 0x4f, 0xa0), true)});
    rules_.push_back({QRegularExpression(QStringLiteral("\\b[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?\\b")),
                      textFormat(QColor(0xa0, 0x52, 0x00))});
    rules_.push_back({QRegularExpression(QStringLiteral("#[^\\n]*")), textFormat(QColor(0x80, 0x80, 0x80), false, true)});
    rules_.push_back({QRegularExpression(QStringLiteral("f?\"([^\"\\\\]|\\\\.)*\"|f?'([^'\\\\]|\\\\.)*'")), stringFormat_});
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : rules_) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    highlightDocstrings(text);
}

void PythonHighlighter::highlightDocstrings(const QString &text)
{
    const QString quotes = QStringLiteral("\"\"\"");
    setCurrentBlockState(0);
    int start = previousBlockState() == kInDocstring ? 0 : int(text.indexOf(quotes));
    int searchFrom = previousBlockState() == kInDocstring ? 0 : start + 3;
    while (start >= 0) {
        const int end = int(text.indexOf(quotes, searchFrom));
        if (end < 0) {
            setCurrentBlockState(kInDocstring);
            setFormat(start, int(text.length()) - start, stringFormat_);
            return;
        }
        setFormat(start, end + 3 - start, stringFormat_);
        start = int(text.indexOf(quotes, end + 3));
        searchFrom = start + 3;
    }
}
