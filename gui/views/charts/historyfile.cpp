// The history file: toCsv()'s table read back row by row, checked column by column.
#include "views/charts/historyfile.h"

#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/project.h"

#include <QFileInfo>
#include <QList>

#include <algorithm>
#include <climits>
#include <cmath>
#include <filesystem>
#include <string>

namespace {

const QByteArray kColumns = "kind,step,epoch,loss,smoothed_loss,learning_rate,train_loss,train_accuracy,"
                            "validation_loss,validation_accuracy,seconds";
constexpr qsizetype kFixedColumns = 11;

[[noreturn]] void refuse(qsizetype line, const QString &why)
{
    throw nn::FileError(QStringLiteral("The chart history cannot be read: line %1 %2.").arg(line).arg(why).toStdString());
}

// A cell as a number; an empty cell is NaN (a value that does not exist).
double cellValue(const QByteArray &cell, qsizetype line)
{
    if (cell.isEmpty())
        return std::nan("");
    bool ok = false;
    const double value = cell.toDouble(&ok);
    if (!ok)
        refuse(line, QStringLiteral("holds '%1' where a number belongs").arg(QString::fromUtf8(cell.left(40))));
    return value;
}

// A step or epoch number: a whole number from 0 up.
qint64 cellCount(const QByteArray &cell, qsizetype line)
{
    const double value = cellValue(cell, line);
    if (!(value >= 0.0 && value <= 1e15) || value != std::floor(value))
        refuse(line, QStringLiteral("holds '%1' where a step or epoch number belongs").arg(QString::fromUtf8(cell.left(40))));
    return qint64(value);
}

QVector<double> namedValues(const QList<QByteArray> &cells, qsizetype line)
{
    QVector<double> values;
    for (qsizetype i = kFixedColumns; i < cells.size(); ++i)
        values.append(cellValue(cells[i], line));
    return values;
}

} // namespace

QString HistoryFile::pathBeside(const QString &projectPath)
{
    QString path = QString::fromStdString(nn::weightsPathFor(projectPath.toStdString()));
    path.chop(QStringLiteral(".safetensors").size());
    return path + QStringLiteral(".history.csv");
}

QString HistoryFile::save(const MetricsHistory &history, const QString &projectPath)
{
    const QString path = pathBeside(projectPath);
    try {
        if (history.isEmpty()) {
            std::error_code none;  // no file is fine too
            std::filesystem::remove(path.toStdString(), none);
            return {};
        }
        const QByteArray csv = history.toCsv();
        nn::writeFileAtomically(path.toStdString(), std::string_view(csv.constData(), size_t(csv.size())));
    } catch (const nn::Error &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

std::optional<MetricsHistory> HistoryFile::load(const QString &projectPath, QString *problem)
{
    const QString path = pathBeside(projectPath);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    try {
        const std::string bytes = nn::readFile(path.toStdString());
        return fromCsv(QByteArray(bytes.data(), qsizetype(bytes.size())));
    } catch (const nn::Error &error) {
        if (problem)
            *problem = QString::fromStdString(error.what());
        return std::nullopt;
    }
}

MetricsHistory HistoryFile::fromCsv(const QByteArray &csv)
{
    const QList<QByteArray> lines = csv.split('\n');
    const QList<QByteArray> header = lines.value(0).split(',');
    if (!lines.value(0).startsWith(kColumns))
        refuse(1, QStringLiteral("is not the header of a LayerLab metrics table"));
    QStringList names;
    for (qsizetype i = kFixedColumns; i < header.size(); ++i)
        names << QString::fromUtf8(header[i]);
    MetricsHistory history;
    for (qsizetype at = 1; at < lines.size(); ++at) {
        const qsizetype line = at + 1;
        if (lines[at].isEmpty())
            continue;
        const QList<QByteArray> cells = lines[at].split(',');
        if (cells.size() != header.size())
            refuse(line, QStringLiteral("has %1 cells, the header %2").arg(cells.size()).arg(header.size()));
        const qint64 step = cellCount(cells[1], line);
        const int epoch = int(std::min<qint64>(cellCount(cells[2], line), INT_MAX));
        if (cells[0] == "step") {
            StepPoint point{step, epoch, cellValue(cells[3], line), cellValue(cells[5], line)};
            if (!names.isEmpty()) {
                point.lossNames = names;
                point.losses = namedValues(cells, line);
            }
            history.appendSteps({point});
        } else if (cells[0] == "epoch") {
            EpochPoint point;
            point.step = step;
            point.epoch = epoch;
            point.learningRate = cellValue(cells[5], line);
            point.trainLoss = cellValue(cells[6], line);
            point.trainAccuracy = cellValue(cells[7], line);
            point.validationLoss = cellValue(cells[8], line);
            point.validationAccuracy = cellValue(cells[9], line);
            point.seconds = cellValue(cells[10], line);
            if (!names.isEmpty()) {
                point.lossNames = names;
                point.trainLosses = namedValues(cells, line);
            }
            history.appendEpoch(point);
        } else {
            refuse(line, QStringLiteral("is neither a step nor an epoch"));
        }
    }
    return history;
}
