// HistoryFile: the charts' history kept beside a project as NAME.history.csv, the same table that
// "Save CSV" writes, so that reopening a project shows the curves it was trained with.
#pragma once

#include "views/charts/metricshistory.h"

#include <QString>

#include <optional>

// Reads and writes MetricsHistory::toCsv()'s table; writes are atomic (nn/atomicfile).
class HistoryFile {
public:
    // NAME.history.csv beside NAME.layerlab.json.
    static QString pathBeside(const QString &projectPath);
    // Writes `history` beside the project, or removes an old file when the history is empty (the
    // weights it went with are gone). The message on failure, else empty.
    static QString save(const MetricsHistory &history, const QString &projectPath);
    // The history beside the project; none when there is no file. A file that cannot be read
    // gives none and the reason in `problem`.
    static std::optional<MetricsHistory> load(const QString &projectPath, QString *problem = nullptr);
    // The history in a CSV table as toCsv() writes it; throws nn::FileError naming the bad line.
    static MetricsHistory fromCsv(const QByteArray &csv);
};
