// layerlab-cli end to end: train, eval, predict and info on real projects, and a clear message
// with a non-zero exit for every kind of bad input a student can give it.
#include "nn/projectsettings.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

namespace {

struct Result {
    int exitCode = -1;
    QString out, err;
};

Result runCli(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(LAYERLAB_CLI, arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString exampleJson(const QString &name)
{
    QFile file(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/" + name + ".layerlab.json");
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// The iris example with one JSON value replaced: "graph", "data" or "training" sections.
QByteArray irisWith(const QString &section, const QJsonObject &changes)
{
    QJsonObject project = QJsonDocument::fromJson(exampleJson("iris").toUtf8()).object();
    QJsonObject part = project[section].toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        part[it.key()] = it.value();
    project[section] = part;
    return QJsonDocument(project).toJson();
}

QList<QJsonObject> jsonLines(const QString &text)
{
    QList<QJsonObject> lines;
    for (const QString &line : text.split('\n', Qt::SkipEmptyParts))
        lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return lines;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

private slots:
    void trainPrintsOneJsonObjectPerEpochAndADoneObject()
    {
        const Result r = runCli({"train", "iris", "--epochs", "3", "--json", "--out", dir.filePath("iris.layerlab.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(lines[i]["event"].toString(), QString("epoch"));
            QCOMPARE(lines[i]["epoch"].toInt(), i + 1);
            for (const char *key : {"train_loss", "val_loss", "val_accuracy", "samples_per_sec"})
                QVERIFY2(lines[i][key].isDouble(), key);
        }
        QCOMPARE(lines[3]["event"].toString(), QString("done"));
        QVERIFY(lines[3]["test_accuracy"].toDouble() > 0.5);
        QVERIFY(lines[3]["test_loss"].isDouble());
        QVERIFY(QFile::exists(dir.filePath("iris.safetensors")));
    }

    // Issue 11's example: six epochs straight, or three and then three more with --resume, give the
    // same weights file, byte for byte.
    void resumingContinuesTheRunBitwise()
    {
        const QString straight = dir.filePath("straight.layerlab.json"), first = dir.filePath("first.layerlab.json"),
                      second = dir.filePath("second.layerlab.json");
        QCOMPARE(runCli({"train", "iris", "--epochs", "6", "--seed", "3", "--out", straight}).exitCode, 0);
        QCOMPARE(runCli({"train", "iris", "--epochs", "3", "--seed", "3", "--out", first}).exitCode, 0);
        QVERIFY(QFile::exists(dir.filePath("first.run.safetensors")));
        const Result resumed = runCli({"train", first, "--resume", "--epochs", "3", "--out", second});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(!resumed.out.contains("Continuing, but"), qPrintable(resumed.out));
        QFile a(dir.filePath("straight.safetensors")), b(dir.filePath("second.safetensors"));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY2(a.readAll() == b.readAll(), "3 + 3 resumed epochs differ from 6 straight");

        // A changed setting is allowed, and said.
        const Result changed = runCli({"train", first, "--resume", "--epochs", "1", "--lr", "0.5", "--out", second});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY2(changed.out.contains("Continuing, but optimizer_settings changed"), qPrintable(changed.out));
    }

    // A GAN trains from the CLI: each epoch names d_loss, g_loss, D's verdicts, the spread and the
    // energy distance; the done object measures mode coverage; 2 + 2 resumed epochs of both models
    // give the weights of 4 straight; generate writes the samples as CSV.
    void aGanTrainsResumesAndGenerates()
    {
        const QString straight = dir.filePath("ganA.layerlab.json"), first = dir.filePath("ganB.layerlab.json"),
                      second = dir.filePath("ganC.layerlab.json");
        // A constant rate: gan-ring's cosine schedule spans the --epochs of each run.
        const Result r = runCli({"train", "gan-ring", "--epochs", "4", "--schedule", "constant", "--json", "--out", straight});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 5);
        for (const char *key : {"d_loss", "g_loss", "d_real", "d_fake", "spread", "energy_distance"})
            QVERIFY2(lines[0][key].isDouble(), key);
        QCOMPARE(lines[4]["modes"].toInt(), 8);
        QVERIFY(lines[4]["near_mode"].isDouble());
        QCOMPARE(runCli({"train", "gan-ring", "--epochs", "2", "--schedule", "constant", "--out", first}).exitCode, 0);
        const Result resumed = runCli({"train", first, "--resume", "--epochs", "2", "--out", second});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QFile a(dir.filePath("ganA.safetensors")), b(dir.filePath("ganC.safetensors"));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY2(a.readAll() == b.readAll(), "2 + 2 resumed GAN epochs differ from 4 straight");

        const Result generated = runCli({"generate", straight, "--count", "7", "--out", dir.filePath("ring.csv")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QFile csv(dir.filePath("ring.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows.front(), QString("x1,x2"));
        QCOMPARE(runCli({"train", "iris", "--epochs", "1", "--out", dir.filePath("notgan.layerlab.json")}).exitCode, 0);
        const Result notGan = runCli({"generate", dir.filePath("notgan.layerlab.json")});
        QVERIFY2(notGan.exitCode != 0 && notGan.err.contains("not a GAN project"), qPrintable(notGan.err));
    }

    // A GAN on drawn points ("draw your own") trains from its file; a drawing of too few points is
    // refused with the minimum and how to paint more.
    void aGanTrainsOnDrawnPoints()
    {
        QJsonObject project = QJsonDocument::fromJson(exampleJson("gan-ring").toUtf8()).object();
        QJsonObject data = project["data"].toObject();
        data["source"] = "drawn";
        data["samples"] = 256;
        QJsonArray points;
        for (int k = 0; k < 30; ++k)  // an S drawn on the plot
            points.append(QJsonArray{-2.0 + 4.0 * k / 29.0, 1.5 * std::sin(0.2 * k)});
        data["points"] = points;
        project["data"] = data;
        const QString path = dir.filePath("drawn.layerlab.json");
        write(path, QJsonDocument(project).toJson());
        const Result r = runCli({"train", path, "--epochs", "3", "--json", "--out", dir.filePath("drawnout.layerlab.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 4);
        for (const char *key : {"d_loss", "g_loss", "energy_distance"})
            QVERIFY2(lines[2][key].isDouble(), key);
        QFile saved(dir.filePath("drawnout.layerlab.json"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(saved.readAll()).object()["data"].toObject()["points"].toArray(), points);

        data["points"] = QJsonArray{QJsonArray{0.0, 0.0}, QJsonArray{1.0, 1.0}, QJsonArray{2.0, 0.5}};
        project["data"] = data;
        write(path, QJsonDocument(project).toJson());
        const Result few = runCli({"train", path, "--epochs", "1"});
        QVERIFY2(few.exitCode != 0 && few.err.contains("has 3 points; it needs at least 10") &&
                     few.err.contains("Drag on the GAN plot to paint more"),
                 qPrintable(few.err));
    }

    // generate --classifier judges a GAN's samples with a trained classifier and says how sure it is
    // of them and of which classes; a classifier of other data is refused with both shapes named.
    void generateJudgesSamplesWithAClassifier()
    {
        const QString classifier = QString(LAYERLAB_FIXTURES_DIR) + "/digits-classifier.layerlab.json";
        const QString digits = dir.filePath("digitsgan.layerlab.json");
        QCOMPARE(runCli({"train", "gan-digits", "--epochs", "1", "--out", digits}).exitCode, 0);
        const Result judged = runCli({"generate", digits, "--count", "50", "--out", dir.filePath("digits.png"),
                                      "--classifier", classifier, "--json"});
        QVERIFY2(judged.exitCode == 0, qPrintable(judged.err));
        const QJsonObject verdict = jsonLines(judged.out).last();
        QCOMPARE(verdict["samples"].toInt(), 50);
        QCOMPARE(verdict["confident_per_class"].toArray().size(), 10);
        int confident = 0;
        for (const QJsonValue n : verdict["confident_per_class"].toArray())
            confident += n.toInt();
        QCOMPARE(verdict["confident"].toInt(), confident);
        QCOMPARE(verdict["confident_share"].toDouble(), confident / 50.0);

        const QString ring = dir.filePath("ringgan.layerlab.json");
        QCOMPARE(runCli({"train", "gan-ring", "--epochs", "1", "--out", ring}).exitCode, 0);
        const Result refused = runCli({"generate", ring, "--out", dir.filePath("r.csv"), "--classifier", classifier});
        QVERIFY2(refused.exitCode != 0 && refused.err.contains("[1, 8, 8]") && refused.err.contains("[64, 2]"),
                 qPrintable(refused.err));
    }

    // generate --classifier checks the classifier (it opens, classifies, takes the samples' shape)
    // before it writes anything: a bad classifier leaves no samples file behind.
    void generateWritesNothingWhenTheClassifierCannotJudge()
    {
        const QString ring = dir.filePath("ringcheck.layerlab.json");
        QCOMPARE(runCli({"train", "gan-ring", "--epochs", "1", "--out", ring}).exitCode, 0);
        const QString digitsClassifier = QString(LAYERLAB_FIXTURES_DIR) + "/digits-classifier.layerlab.json";
        const QString otherShape = dir.filePath("othershape.csv"), missing = dir.filePath("missing.csv");
        const Result refused = runCli({"generate", ring, "--out", otherShape, "--classifier", digitsClassifier});
        QVERIFY2(refused.exitCode != 0 && refused.err.contains("[1, 8, 8]") && refused.err.contains("[64, 2]"),
                 qPrintable(refused.err));
        QVERIFY2(!QFile::exists(otherShape), "the samples were written before the classifier was refused");
        const Result absent = runCli({"generate", ring, "--out", missing, "--classifier", dir.filePath("nothing.layerlab.json")});
        QVERIFY2(absent.exitCode != 0 && absent.err.contains("nothing.layerlab.json"), qPrintable(absent.err));
        QVERIFY2(!QFile::exists(missing), "the samples were written before the classifier was found missing");
        QCOMPARE(runCli({"generate", ring, "--out", missing}).exitCode, 0);  // without a classifier: written
        QVERIFY(QFile::exists(missing));
    }

    void evalReproducesTheTestResultOfTraining()
    {
        const Result trained = runCli({"train", "iris", "--epochs", "5", "--json", "--out", dir.filePath("eval.layerlab.json")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const double accuracy = jsonLines(trained.out).last()["test_accuracy"].toDouble();
        const Result evaluated = runCli({"eval", dir.filePath("eval.layerlab.json"), "--split", "test", "--json"});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        QCOMPARE(jsonLines(evaluated.out).first()["test_accuracy"].toDouble(), accuracy);
    }

    void predictReadsAFeatureCsv()
    {
        const Result trained = runCli({"train", "iris", "--epochs", "20", "--out", dir.filePath("predict.layerlab.json")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        write(dir.filePath("flowers.csv"),
              "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        const Result r = runCli({"predict", dir.filePath("predict.layerlab.json"), "--input", dir.filePath("flowers.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList rows = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY2(rows[1].startsWith("setosa"), qPrintable(r.out));
        QVERIFY2(rows[2].startsWith("virginica"), qPrintable(r.out));
    }

    void infoCountsTheParameters()
    {
        const Result r = runCli({"info", "fashion-mnist-mlp"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 784·256+256 + 256·128+128 + 128·10+10
        QVERIFY2(r.out.contains("total parameters: 235146"), qPrintable(r.out));
        QVERIFY2(r.out.contains("[N, 256]"), qPrintable(r.out));
    }

    void badInputGetsAClearMessageAndNonZeroExit_data()
    {
        QTest::addColumn<QByteArray>("project");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("malformed JSON")
            << QByteArray("{\n  \"schema_version\": 1,\n  \"graph\": {\"nodes\": [}\n}\n") << QStringList{"line 3", "column"};
        QTest::newRow("truncated JSON") << exampleJson("iris").left(200).toUtf8() << QStringList{"line", "column"};
        QTest::newRow("unknown layer kind")
            << irisWith("graph", {{"nodes", QJsonArray{QJsonObject{{"id", 1}, {"name", "x"}, {"kind", "Dense2"}}}}})
            << QStringList{"Dense2", "Dense", "Flatten"};
        QTest::newRow("shapes that do not fit")
            << irisWith("graph", {{"nodes", QJsonArray{QJsonObject{{"id", 1}, {"name", "input"}, {"kind", "Input"},
                                                                   {"settings", QJsonObject{{"shape", QJsonArray{1, 2, 2}}}}},
                                                       QJsonObject{{"id", 2}, {"name", "dense"}, {"kind", "Dense"}}}},
                                  {"edges", QJsonArray{QJsonObject{{"from", 1}, {"to", 2}}}}})
            << QStringList{"dense", "[N, 1, 2, 2]", "Flatten"};
        QTest::newRow("setting out of range")
            << irisWith("graph", {{"nodes", QJsonArray{QJsonObject{{"id", 1}, {"name", "d"}, {"kind", "Dense"},
                                                                   {"settings", QJsonObject{{"units", 0}}}}}}})
            << QStringList{"units", "between 1"};
        QTest::newRow("training setting out of range") << irisWith("training", {{"epochs", -3}}) << QStringList{"epochs"};
        QTest::newRow("unknown optimizer") << irisWith("training", {{"optimizer", "Adamm"}}) << QStringList{"Adamm", "Adam", "SGD"};
        QTest::newRow("unknown data set") << irisWith("data", {{"source", "irises"}}) << QStringList{"irises"};
    }
    void badInputGetsAClearMessageAndNonZeroExit()
    {
        QFETCH(QByteArray, project);
        QFETCH(QStringList, expected);
        const QString path = dir.filePath(QString(QTest::currentDataTag()).replace(' ', '-') + ".layerlab.json");
        write(path, project);
        const Result r = runCli({"train", path, "--epochs", "1"});
        QVERIFY2(r.exitCode == 1, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.startsWith("error: "), qPrintable(r.err));
        for (const QString &word : expected)
            QVERIFY2(r.err.contains(word), qPrintable(QString("'%1' not in: %2").arg(word, r.err)));
    }

    void badDataFilesAreNamedWithRowAndColumn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ragged CSV") << "ragged.csv" << QByteArray("a,b,label\n1,2,x\n3,4\n5,6,y\n") << QStringList{"line 3"};
        QTest::newRow("text in a number column")
            << "text.csv" << QByteArray("a,b,label\n1,2,x\n3,oops,y\n5,6,y\n") << QStringList{"line 3", "b", "oops"};
        QTest::newRow("truncated IDX") << "images-idx3-ubyte"
                                      << QByteArray::fromHex("00000803000000640000001c0000001c") + QByteArray(100, '\0')
                                      << QStringList{"truncated"};
    }
    void badDataFilesAreNamedWithRowAndColumn()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        write(dir.filePath(file), content);
        const QString project = dir.filePath("data-" + file + ".layerlab.json");
        write(project, irisWith("data", {{"source", dir.filePath(file)}, {"labels", dir.filePath(file)}}));
        const Result r = runCli({"train", project, "--epochs", "1"});
        QVERIFY2(r.exitCode == 1, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        for (const QString &word : expected)
            QVERIFY2(r.err.contains(word), qPrintable(QString("'%1' not in: %2").arg(word, r.err)));
    }

    void missingDataSetSaysHowToInstallIt()
    {
        QTemporaryDir empty;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LAYERLAB_DATA", empty.path());
        environment.insert("LAYERLAB_SYSTEM_DATA", empty.path());
        const Result r = runCli({"train", "fashion-mnist-mlp", "--epochs", "1", "--out", dir.filePath("f.layerlab.json")},
                                environment);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("apt-get install dataset-fashion-mnist"), qPrintable(r.err));
    }

    void divergingRunExitsWithItsOwnCodeAndKeepsItsWeights()
    {
        // A huge learning rate on a regression: the loss overflows within a few batches.
        const QString path = dir.filePath("diverge.layerlab.json");
        const Result r = runCli({"train", "sine-regression", "--optimizer", "SGD", "--lr", "10", "--out", path});
        QVERIFY2(r.exitCode == 3, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains("learning rate"), qPrintable(r.err));
        QVERIFY2(QFile::exists(dir.filePath("diverge.safetensors")), "the last good weights are saved");
    }

    // The options' ranges and choices are the project file's declared ones, checked before anything loads.
    void optionsOutsideTheDeclaredSettingsAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("option");
        const auto above = [](const char *key) { return QString::number(nn::trainingSetting(key).max + 1, 'f', 0); };
        QTest::newRow("epochs") << QStringList{"--epochs", above("epochs")} << "--epochs";
        QTest::newRow("batch") << QStringList{"--batch", "0"} << "--batch";
        QTest::newRow("threads") << QStringList{"--threads", above("threads")} << "--threads";
        QTest::newRow("lr") << QStringList{"--lr", "-1"} << "--lr";
        QTest::newRow("schedule") << QStringList{"--schedule", "linear"} << "--schedule";
    }
    void optionsOutsideTheDeclaredSettingsAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, option);
        const Result r = runCli(QStringList{"train", "iris", "--out", dir.filePath("refused.layerlab.json")} + arguments);
        QVERIFY2(r.exitCode != 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(option), qPrintable(r.err));
        QVERIFY2(!QFile::exists(dir.filePath("refused.layerlab.json")), "a refused option trained anyway");
    }

    void scheduleOptionReplacesTheProjectsSchedule()
    {
        const QString path = dir.filePath("cosine.layerlab.json");
        const Result r = runCli({"train", "iris", "--epochs", "1", "--schedule", "cosine", "--out", path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject training = QJsonDocument::fromJson(file.readAll()).object()["training"].toObject();
        QCOMPARE(training["schedule"].toObject()["kind"].toString(), QString("cosine"));
    }

    void unknownExampleListsTheExamples()
    {
        const Result r = runCli({"info", "spirall"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("spiral") && r.err.contains("iris"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
