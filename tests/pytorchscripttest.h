// Helpers for the PyTorch export tests: run the generated script with Debian's python3 or torchrun,
// write data in raw units (as in the data file) to CSV, and read the script's predictions back.
#pragma once

#include "nn/batchsource.h"
#include "nn/tensor.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <string>
#include <vector>

namespace pytorchtest {

struct Run {
    int exitCode = -1;
    QString output;          // stdout, then stderr
    QString standardOutput;  // stdout alone: what a user pipes on (no warnings of torch's)
};

// Runs `program` with one thread per process (the machine is small), waiting at most `seconds`.
inline Run run(const QString &program, const QStringList &arguments, int seconds = 180)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("OMP_NUM_THREADS", "1");
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(seconds * 1000))
        process.kill();
    process.waitForFinished();
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            out + QString::fromUtf8(process.readAllStandardError()), out};
}

inline std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

// Scaled inputs x back to raw units: raw = (x − offset) / scale per feature.
inline std::vector<float> rawRow(const float *x, int64_t features, const std::vector<float> &scale,
                                 const std::vector<float> &offset)
{
    std::vector<float> raw(x, x + features);
    if (!scale.empty())
        for (int64_t f = 0; f < features; ++f)
            raw[size_t(f)] = scale[size_t(f)] == 0.0f ? 0.0f : (x[f] - offset[size_t(f)]) / scale[size_t(f)];
    return raw;
}

// A CSV of the first `count` samples of `source` in raw units: the feature columns (named
// `names`, or f0, f1, … when empty) and, when `labels` is not null, a last column "label" holding
// the class name or the regression value.
inline std::string rawCsv(const nn::BatchSource &source, int64_t count, const std::vector<std::string> &names,
                          const std::vector<float> &scale, const std::vector<float> &offset,
                          const std::vector<std::string> *labels)
{
    std::vector<int64_t> indices;
    for (int64_t i = 0; i < count && i < source.size(); ++i)
        indices.push_back(i);
    nn::Tensor x, y;
    source.gather(indices, x, y);
    const int64_t features = x.size() / x.dim(0);
    std::string text;
    for (int64_t f = 0; f < features; ++f)
        text += (f ? "," : "") + (names.empty() ? "f" + std::to_string(f) : names[size_t(f)]);
    text += labels ? ",label\n" : "\n";
    for (int64_t i = 0; i < x.dim(0); ++i) {
        const auto raw = rawRow(x.data() + i * features, features, scale, offset);
        for (int64_t f = 0; f < features; ++f)
            text += (f ? "," : "") + number(raw[size_t(f)]);
        if (labels)
            text += "," + (labels->empty() ? number(y.data()[i]) : (*labels)[size_t(y.data()[i])]);
        text += "\n";
    }
    return text;
}

// The last `columns` numbers of each row of the script's prediction CSV (the header skipped).
inline std::vector<std::vector<double>> predictions(const QString &output, int columns)
{
    std::vector<std::vector<double>> rows;
    const QStringList lines = output.split('\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(',');
        std::vector<double> row;
        for (qsizetype c = cells.size() - columns; c >= 0 && c < cells.size(); ++c)
            row.push_back(cells[c].toDouble());
        rows.push_back(row);
    }
    return rows;
}

// "loss before: 0.123" → 0.123; NaN when the line is missing.
inline double printedValue(const QString &output, const QString &label)
{
    for (const QString &line : output.split('\n'))
        if (line.startsWith(label))
            return line.mid(label.size()).trimmed().toDouble();
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace pytorchtest
