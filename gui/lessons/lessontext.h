// A lesson page's Markdown as the Lessons dock shows it: display formulas (a line between $$
// marks) become centred HTML, with {{numerator | denominator}} drawn as a fraction and _{…}, ^{…}
// as sub- and superscripts; the rest is left to QTextDocument's Markdown reader.
#pragma once

#include <QString>

QString lessonMarkdown(const QString &pageText);
// One display formula's inner text as HTML (a one-row table of text and fractions).
QString formulaHtml(const QString &formula);
