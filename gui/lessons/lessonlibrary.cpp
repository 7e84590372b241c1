#include "lessons/lessonlibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>

namespace {

const QString kBundled = QStringLiteral(":/lessons");

QString key(const QString &id, const QString &what)
{
    return QStringLiteral("lessons/%1/%2").arg(id, what);
}

} // namespace

QStringList lessonlibrary::bundledIds()
{
    QStringList ids;
    for (const QString &name : QDir(kBundled).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        if (const QString id = lessonIdOf(name); !ids.contains(id))
            ids << id;
    return ids;
}

QString lessonlibrary::bundledPath(const QString &id, const QString &language)
{
    const QString translated = QStringLiteral("%1/%2.%3.md").arg(kBundled, id, language);
    if (language != QStringLiteral("en") && QFile::exists(translated))
        return translated;
    const QString english = QStringLiteral("%1/%2.md").arg(kBundled, id);
    return QFile::exists(english) ? english : QString();
}

std::optional<Lesson> lessonlibrary::bundled(const QString &id, const QString &language, QString *problem)
{
    const QString path = bundledPath(id, language);
    if (path.isEmpty()) {
        if (problem)
            *problem = QCoreApplication::translate("LessonReader", "There is no lesson %1.").arg(id);
        return std::nullopt;
    }
    return readLesson(path, problem);
}

int lessonprogress::page(const QString &id)
{
    return QSettings().value(key(id, QStringLiteral("page")), 0).toInt();
}

void lessonprogress::setPage(const QString &id, int page)
{
    QSettings().setValue(key(id, QStringLiteral("page")), page);
}

bool lessonprogress::finished(const QString &id)
{
    return QSettings().value(key(id, QStringLiteral("finished")), false).toBool();
}

void lessonprogress::setFinished(const QString &id)
{
    QSettings().setValue(key(id, QStringLiteral("finished")), true);
}

int lessonprogress::prediction(const QString &id, int page)
{
    return QSettings().value(key(id, QStringLiteral("predictions/%1").arg(page)), -1).toInt();
}

void lessonprogress::setPrediction(const QString &id, int page, int option)
{
    QSettings().setValue(key(id, QStringLiteral("predictions/%1").arg(page)), option);
}

void lessonprogress::restart(const QString &id)
{
    QSettings().remove(QStringLiteral("lessons/%1").arg(id));
}
