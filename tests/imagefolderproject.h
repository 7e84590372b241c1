// A tiny image project for the export tests: two classes of PNG pictures of odd sizes, shapes-cnn
// (with two outputs) trained on them for one epoch by layerlab-cli, and what `layerlab-cli predict
// --input FOLDER --json` gives for a folder of pictures that shrink, grow and change proportions.
#pragma once

#include "nn/random.h"

#include <QDir>
#include <QTest>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <vector>

namespace imagefoldertest {

// The pictures predicted on: 64×64 (halved), 20×24 (grown), 50×30 and 33×47 (crop and pad differ).
inline const int kPictureSizes[][2] = {{64, 64}, {20, 24}, {50, 30}, {33, 47}};

// A noisy picture of `colour` with a darker square, `width` × `height`.
inline QImage noisyPicture(int width, int height, QRgb colour, nn::Rng &rng)
{
    QImage image(width, height, QImage::Format_RGB888);
    const int side = std::max(4, std::min(width, height) / 3);
    const int sx = int(rng.below(uint64_t(width - side + 1))), sy = int(rng.below(uint64_t(height - side + 1)));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const bool square = x >= sx && x < sx + side && y >= sy && y < sy + side;
            const auto channel = [&](int value) { return std::clamp(value / (square ? 2 : 1) + int(rng.below(60)) - 30, 0, 255); };
            image.setPixel(x, y, qRgb(channel(qRed(colour)), channel(qGreen(colour)), channel(qBlue(colour))));
        }
    return image;
}

struct ImageProject {
    QString project;   // the trained project file
    QString pictures;  // the folder predicted on
    QString error;     // what went wrong; empty when all is ready
};

inline QString runCli(const QStringList &arguments, QString *out = nullptr)
{
    QProcess process;
    process.start(LAYERLAB_CLI, arguments);
    process.waitForFinished(300000);
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return {};
    return "layerlab-cli " + arguments.join(' ') + " failed: " + QString::fromUtf8(process.readAllStandardError());
}

// Writes the pictures and trains the project in `folder`.
inline ImageProject trainImageProject(const QString &folder)
{
    ImageProject made{folder + "/tiny.layerlab.json", folder + "/pictures", {}};
    nn::Rng rng(11);
    const QRgb colours[] = {qRgb(200, 60, 40), qRgb(40, 70, 210)};
    const char *names[] = {"red", "blue"};
    for (int k = 0; k < 2; ++k) {
        QDir(folder).mkpath(QString("train/") + names[k]);
        for (int i = 0; i < 8; ++i)
            noisyPicture(30 + int(rng.below(40)), 30 + int(rng.below(40)), colours[k], rng)
                .save(QString("%1/train/%2/%3.png").arg(folder).arg(names[k]).arg(i));
    }
    QDir(folder).mkpath("pictures");
    for (int n = 0; n < int(std::size(kPictureSizes)); ++n)
        noisyPicture(kPictureSizes[n][0], kPictureSizes[n][1], colours[n % 2], rng).save(QString("%1/pictures/%2.png").arg(folder).arg(n));
    QFile example(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/shapes-cnn.layerlab.json");
    QFile project(folder + "/cnn.layerlab.json");
    if (!example.open(QIODevice::ReadOnly) || !project.open(QIODevice::WriteOnly))
        return {{}, {}, "cannot copy the shapes-cnn example"};
    project.write(example.readAll().replace("\"units\": 5", "\"units\": 2"));
    project.close();
    made.error = runCli({"train", project.fileName(), "--data", folder + "/train", "--epochs", "1", "--out", made.project});
    return made;
}

// The project's data.image_resize set to `mode` (the weights stay as trained).
inline bool setImageResize(const QString &project, const QString &mode)
{
    QFile file(project);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject data = json["data"].toObject();
    data["image_resize"] = mode;
    json["data"] = data;
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(QJsonDocument(json).toJson()) > 0;
}

// `layerlab-cli predict --input FOLDER --json`: each picture's file and class probabilities.
inline QString cliPredictions(const ImageProject &made, QStringList &files, std::vector<std::vector<double>> &rows)
{
    QString out;
    if (QString error = runCli({"predict", made.project, "--input", made.pictures, "--json"}, &out); !error.isEmpty())
        return error;
    for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
        const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
        files << row["file"].toString();
        std::vector<double> values;
        for (const QJsonValue value : row["probabilities"].toArray())
            values.push_back(value.toDouble());
        rows.push_back(values);
    }
    return {};
}

// The project (trained once per test program), set to read pictures with `resize`, and what
// layerlab-cli predicts for its pictures.
struct PicturePredictions {
    ImageProject made;
    QStringList files;
    std::vector<std::vector<double>> rows;  // class probabilities per file
    QString error;                          // empty when all went well
};

inline PicturePredictions predictPictures(const QString &resize)
{
    static QTemporaryDir folder;
    static const ImageProject made = trainImageProject(folder.path());
    PicturePredictions predicted{made, {}, {}, made.error};
    if (predicted.error.isEmpty() && !setImageResize(made.project, resize))
        predicted.error = "cannot set image_resize in " + made.project;
    if (predicted.error.isEmpty())
        predicted.error = cliPredictions(made, predicted.files, predicted.rows);
    return predicted;
}

// One row per resize mode, for a test's _data function.
inline void addResizeRows()
{
    QTest::addColumn<QString>("resize");
    for (const char *mode : {"stretch", "crop", "pad"})
        QTest::newRow(mode) << mode;
}

} // namespace imagefoldertest
