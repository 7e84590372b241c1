// Reading a lesson file: the front matter, the pages, each line's action checked as it is read.
#include "lessons/lesson.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace {

const QStringList kPageVerbs = {QStringLiteral("open"), QStringLiteral("layout"), QStringLiteral("view"),
                                QStringLiteral("highlight"), QStringLiteral("set"), QStringLiteral("reset")};

// The reader's state: the lesson so far and the first problem, with its line.
class Reader {
    Q_DECLARE_TR_FUNCTIONS(LessonReader)

public:
    explicit Reader(Lesson &lesson) : lesson_(lesson) {}

    bool frontMatter(const QStringList &lines, int &at);
    bool body(const QStringList &lines, int at);
    QString problem() const { return problem_; }

private:
    bool fail(int line, const QString &what)
    {
        problem_ = tr("line %1: %2").arg(line).arg(what);
        return false;
    }
    bool action(int line, const QString &verb, const QString &argument);
    bool checkpoint(int line, const QString &verb, const QString &argument);
    bool finishPage();

    Lesson &lesson_;
    QString problem_;
    QSet<QString> runNames_;
    int pageLine_ = 0;
};

bool Reader::frontMatter(const QStringList &lines, int &at)
{
    if (lines.isEmpty() || lines.first().trimmed() != QStringLiteral("---"))
        return fail(1, tr("a lesson starts with its front matter between two --- lines"));
    for (at = 1; at < lines.size(); ++at) {
        const QString line = lines[at].trimmed();
        if (line == QStringLiteral("---")) {
            ++at;
            if (lesson_.title.isEmpty())
                return fail(at, tr("the front matter has no title"));
            return true;
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(at + 1, tr("'%1' is not key: value").arg(line));
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == QStringLiteral("title")) {
            lesson_.title = value;
        } else if (key == QStringLiteral("concept")) {
            bool ok = false;
            lesson_.number = value.toInt(&ok);
            if (!ok)
                return fail(at + 1, tr("concept is a whole number, not '%1'").arg(value));
        } else if (key == QStringLiteral("example")) {
            lesson_.example = value;
        } else if (key == QStringLiteral("summary")) {
            lesson_.summary = value;
        } else {
            return fail(at + 1, tr("unknown key '%1': use title, concept, example or summary").arg(key));
        }
    }
    return fail(lines.size(), tr("the front matter has no closing --- line"));
}

bool Reader::body(const QStringList &lines, int at)
{
    bool fenced = false;
    for (int i = at; i < lines.size(); ++i) {
        const QString &raw = lines[i];
        const int line = i + 1;
        if (raw.trimmed().startsWith(QStringLiteral("```")))
            fenced = !fenced;
        if (!fenced && raw.startsWith(QStringLiteral("## "))) {
            if (!lesson_.pages.isEmpty() && !finishPage())
                return false;
            lesson_.pages.append(LessonPage());
            lesson_.pages.last().title = raw.mid(3).trimmed();
            pageLine_ = line;
            continue;
        }
        if (lesson_.pages.isEmpty()) {
            if (!raw.trimmed().isEmpty())
                return fail(line, tr("text before the first page: start a page with a '## ' heading"));
            continue;
        }
        if (!fenced && raw.startsWith(QLatin1Char('@'))) {
            const QString content = raw.mid(1).trimmed();
            const qsizetype space = content.indexOf(QLatin1Char(' '));
            const QString verb = space < 0 ? content : content.left(space);
            const QString argument = space < 0 ? QString() : content.mid(space + 1).trimmed();
            if (kPageVerbs.contains(verb)) {
                if (!action(line, verb, argument))
                    return false;
            } else if (!checkpoint(line, verb, argument)) {
                return false;
            }
            continue;
        }
        lesson_.pages.last().text += raw + QLatin1Char('\n');
    }
    if (lesson_.pages.isEmpty())
        return fail(lines.size(), tr("the lesson has no pages: start one with a '## ' heading"));
    return finishPage();
}

bool Reader::action(int line, const QString &verb, const QString &argument)
{
    if (verb == QStringLiteral("reset")) {
        if (!argument.isEmpty())
            return fail(line, tr("@reset takes nothing after it"));
    } else if (argument.isEmpty()) {
        return fail(line, tr("@%1 needs an argument").arg(verb));
    }
    if (verb == QStringLiteral("layout") &&
        !QStringList{QStringLiteral("build"), QStringLiteral("train"), QStringLiteral("present")}.contains(argument))
        return fail(line, tr("there is no layout '%1': use build, train or present").arg(argument));
    if (verb == QStringLiteral("set") && argument.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() != 2)
        return fail(line, tr("@set needs a key and a value: @set training.epochs 50"));
    lesson_.pages.last().actions.append({verb, argument, line});
    return true;
}

bool Reader::checkpoint(int line, const QString &verb, const QString &argument)
{
    LessonPage &page = lesson_.pages.last();
    if (verb == QStringLiteral("ask")) {
        if (!page.question.isEmpty())
            return fail(line, tr("a page asks one question"));
        if (argument.isEmpty())
            return fail(line, tr("@ask needs its question"));
        page.question = argument;
    } else if (verb == QStringLiteral("option")) {
        if (page.question.isEmpty())
            return fail(line, tr("@option comes after its @ask"));
        const qsizetype bar = argument.lastIndexOf(QLatin1Char('|'));
        if (bar < 0)
            return fail(line, tr("@option needs its text, '|' and a condition"));
        QString problem;
        const auto condition = LessonCondition::parse(argument.mid(bar + 1), &problem);
        if (!condition)
            return fail(line, problem);
        for (const LessonCondition::Term &term : {condition->left, condition->right})
            if (!term.run.isEmpty() && !runNames_.contains(term.run))
                return fail(line, tr("no earlier @run is named '%1' (name one with 'as %1')").arg(term.run));
        page.options.append({argument.left(bar).trimmed(), *condition});
    } else if (verb == QStringLiteral("run")) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s+(steps?|epochs?)(?:\\s+as\\s+([A-Za-z_][\\w-]*))?$"));
        const QRegularExpressionMatch match = pattern.match(argument);
        if (!match.hasMatch() || match.captured(1).toLongLong() < 1)
            return fail(line, tr("@run needs a count and steps or epochs: @run 50 epochs, @run 100 steps as before"));
        if (page.run)
            return fail(line, tr("a page has one @run"));
        page.run = LessonRun{match.captured(1).toLongLong(),
                             match.captured(2).startsWith(QStringLiteral("step")) ? LessonRun::Unit::Steps
                                                                                   : LessonRun::Unit::Epochs,
                             match.captured(3)};
    } else if (verb == QStringLiteral("explain")) {
        if (argument.isEmpty())
            return fail(line, tr("@explain needs its text"));
        page.explanation = argument;
    } else {
        return fail(line, tr("unknown action @%1: use open, layout, view, highlight, set, reset, ask, "
                                         "option, run or explain")
                              .arg(verb));
    }
    return true;
}

bool Reader::finishPage()
{
    LessonPage &page = lesson_.pages.last();
    if (!page.question.isEmpty()) {
        if (page.options.size() < 2)
            return fail(pageLine_, tr("the page's question needs at least two @option lines"));
        if (!page.run)
            return fail(pageLine_, tr("the page asks a question but has no @run to answer it"));
    }
    if (!page.explanation.isEmpty() && !page.run)
        return fail(pageLine_, tr("@explain belongs to a page with a @run"));
    if (page.run && !page.run->name.isEmpty())
        runNames_.insert(page.run->name);
    page.text = page.text.trimmed();
    return true;
}

} // namespace

std::optional<Lesson> parseLesson(const QString &text, const QString &id, QString *problem)
{
    Lesson lesson;
    lesson.id = id;
    Reader reader(lesson);
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    int at = 0;
    if (!reader.frontMatter(lines, at) || !reader.body(lines, at)) {
        if (problem)
            *problem = reader.problem();
        return std::nullopt;
    }
    return lesson;
}

QString lessonIdOf(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(QStringLiteral(".md")))
        name.chop(3);
    static const QRegularExpression language(QStringLiteral("\\.[a-z]{2}(_[A-Z]{2})?$"));
    return name.remove(language);
}

std::optional<Lesson> readLesson(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problem)
            *problem = QCoreApplication::translate("LessonReader", "%1 could not be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString inner;
    auto lesson = parseLesson(QString::fromUtf8(file.readAll()), lessonIdOf(path), &inner);
    if (!lesson) {
        if (problem)
            *problem = QStringLiteral("%1, %2").arg(QFileInfo(path).fileName(), inner);
        return std::nullopt;
    }
    lesson->path = path;
    return lesson;
}
