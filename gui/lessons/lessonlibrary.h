// The bundled lessons (resources/lessons, built in as :/lessons) and each lesson's progress.
#pragma once

#include "lessons/lesson.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace lessonlibrary {

// The bundled lessons' ids in the course's order: "01-forward-pass", …
QStringList bundledIds();
// The file of lesson `id` in `language` ("zh_CN"), or its English one when there is no such
// translation; "" when there is no such lesson.
QString bundledPath(const QString &id, const QString &language);
// The lesson `id` in `language`, read and checked.
std::optional<Lesson> bundled(const QString &id, const QString &language, QString *problem);

} // namespace lessonlibrary

// What a student has done of each lesson, remembered in QSettings under lessons/ID/.
namespace lessonprogress {

// The page reached (0-based; 0 for a lesson not begun).
int page(const QString &id);
void setPage(const QString &id, int page);
bool finished(const QString &id);
void setFinished(const QString &id);
// The option the student predicted on page `page` (-1: none yet).
int prediction(const QString &id, int page);
void setPrediction(const QString &id, int page, int option);
// Forgets the lesson's page, predictions and finish.
void restart(const QString &id);

} // namespace lessonprogress
