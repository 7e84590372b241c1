#include "lessons/lessontext.h"

#include <QStringList>

namespace {

// The index of the second "}" of the "}}" that closes the "{{" just before `from`: braces count one
// by one, so that {{1 | e^{−z}}} closes after the superscript's own brace; -1 when unclosed.
qsizetype closingBraces(const QString &text, qsizetype from)
{
    int depth = 2;
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('{'))
            ++depth;
        else if (text[i] == QLatin1Char('}') && --depth == 0)
            return i;
    }
    return -1;
}

// The "|" of a fraction's body outside any braces; -1 when none.
qsizetype fractionBar(const QString &body)
{
    int depth = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == QLatin1Char('{'))
            ++depth;
        else if (body[i] == QLatin1Char('}'))
            --depth;
        else if (body[i] == QLatin1Char('|') && depth == 0)
            return i;
    }
    return -1;
}

// _{…} and ^{…} as <sub> and <sup>; the text is otherwise kept (it may hold HTML).
QString scripts(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if ((c == QLatin1Char('_') || c == QLatin1Char('^')) && i + 1 < text.size() && text[i + 1] == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close > 0) {
                const QString tag = c == QLatin1Char('_') ? QStringLiteral("sub") : QStringLiteral("sup");
                out += QStringLiteral("<%1>%2</%1>").arg(tag, text.mid(i + 2, close - i - 2));
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString cell(const QString &content, const QString &style = {})
{
    return QStringLiteral("<td valign=\"middle\" align=\"center\"%1>%2</td>")
        .arg(style.isEmpty() ? QString() : QStringLiteral(" style=\"%1\"").arg(style), content);
}

// The cells of `formula`: runs of text, and a nested two-row table for each fraction.
QString cells(const QString &formula)
{
    QString out;
    QString run;
    for (qsizetype i = 0; i < formula.size(); ++i) {
        if (formula.mid(i, 2) == QStringLiteral("{{")) {
            const qsizetype close = closingBraces(formula, i + 2);
            const QString body = close < 0 ? QString() : formula.mid(i + 2, close - 1 - (i + 2));
            const qsizetype bar = fractionBar(body);
            if (close >= 0 && bar >= 0) {
                if (!run.trimmed().isEmpty())
                    out += cell(scripts(run.trimmed()));
                run.clear();
                const QString top = QStringLiteral("<table style=\"border-collapse: collapse\">%1</table>")
                                        .arg(QStringLiteral("<tr><td align=\"center\" style=\"border-bottom: 1px solid\">"
                                                            "<table><tr>%1</tr></table></td></tr>"
                                                            "<tr><td align=\"center\"><table><tr>%2</tr></table></td></tr>")
                                                 .arg(cells(body.left(bar)), cells(body.mid(bar + 1))));
                out += cell(top);
                i = close;
                continue;
            }
        }
        run += formula[i];
    }
    if (!run.trimmed().isEmpty())
        out += cell(scripts(run.trimmed()));
    return out;
}

} // namespace

QString formulaHtml(const QString &formula)
{
    return QStringLiteral("<table align=\"center\" style=\"border-collapse: collapse\"><tr>%1</tr></table>").arg(cells(formula.trimmed()));
}

QString lessonMarkdown(const QString &pageText)
{
    QStringList lines = pageText.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.size() > 4 && trimmed.startsWith(QStringLiteral("$$")) && trimmed.endsWith(QStringLiteral("$$")))
            // An HTML block of its own: blank lines around it end the paragraphs on either side.
            line = QStringLiteral("\n") + formulaHtml(trimmed.mid(2, trimmed.size() - 4)) + QStringLiteral("\n");
    }
    return lines.join(QLatin1Char('\n'));
}
