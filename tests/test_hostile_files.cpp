// Files made to break the loaders (issue 10's findings, and what fuzzing found after): each one is
// refused by layerlab-cli with exit code 1 and a message naming the problem, never a signal, never
// a raw library message, and never an allocation beyond what the file's size explains.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

namespace {

// Sanitizers reserve terabytes of address space: no limit fits under them.
constexpr bool kSanitized = LAYERLAB_SANITIZED;

// Address space the CLI may use: a few hundred MB for the program, its threads and a file of up to
// a few MB. Each allocation the issue found (40 GB for a CSV, 6 GB for a Dense layer) is far beyond.
constexpr rlim_t kAddressSpaceLimit = rlim_t{1536} << 20;

struct Result {
    int exitCode = -1;
    bool crashed = false;
    QString err;
};

Result runCli(const QStringList &arguments)
{
    QProcess process;
    if (!kSanitized)
        process.setChildProcessModifier([] {
            const rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
            setrlimit(RLIMIT_AS, &limit);
        });
    process.start(LAYERLAB_CLI, arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), process.exitStatus() != QProcess::NormalExit,
            QString::fromUtf8(process.readAllStandardError())};
}

QByteArray example(const QString &name)
{
    QFile file(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/" + name + ".layerlab.json");
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// `depth` nested lists around a number: [[[…1…]]].
QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
}

// The iris example with `marker` ("\"@\"") in place of one value, then `value` put in its place:
// the value goes in as raw text, so it can be what no JSON library would write (1e400, 60,000 levels).
QByteArray irisWithRaw(const QString &section, const QString &key, const QByteArray &value)
{
    QJsonObject project = QJsonDocument::fromJson(example("iris")).object();
    if (section.isEmpty()) {
        project[key] = "@";
    } else {
        QJsonObject part = project[section].toObject();
        part[key] = "@";
        project[section] = part;
    }
    return QJsonDocument(project).toJson().replace("\"@\"", value);
}

// A graph of raw node and edge JSON in place of the iris example's.
QByteArray irisWithGraph(const QByteArray &nodes, const QByteArray &edges = "[]")
{
    return irisWithRaw("", "graph", "{\"nodes\": " + nodes + ", \"edges\": " + edges + "}");
}

// A safetensors file: the 8-byte little-endian header length, the header, then `data`.
QByteArray safetensors(const QByteArray &header, const QByteArray &data = {})
{
    QByteArray bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[i] = char((quint64(header.size()) >> (8 * i)) & 0xFF);
    return bytes + header + data;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

// What no message a student reads may contain: library internals.
const QStringList kRawLibraryText = {"json.exception", "std::", "bad_alloc", "basic_string", "what():"};

void checkRefused(const Result &r, const QStringList &expected)
{
    QVERIFY2(!r.crashed, qPrintable("the CLI crashed; stderr: " + r.err));
    QVERIFY2(r.exitCode == 1, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.size() < 2000, qPrintable("a message of " + QString::number(r.err.size()) + " characters"));
    for (const QString &raw : kRawLibraryText)
        QVERIFY2(!r.err.contains(raw), qPrintable(QString("'%1' in: %2").arg(raw, r.err)));
    for (const QString &word : expected)
        QVERIFY2(r.err.contains(word), qPrintable(QString("'%1' not in: %2").arg(word, r.err)));
}

} // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

    QString project(const QByteArray &content)
    {
        const QString path = dir.filePath(QString(QTest::currentDataTag()).replace(' ', '-') + ".layerlab.json");
        write(path, content);
        return path;
    }

private slots:
    void projectFilesAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        // 1. Numbers beyond a double: nlohmann's out_of_range escaped the parser (SIGABRT in the window).
        QTest::newRow("1e400 as a setting") << irisWithRaw("training", "epochs", "1e400")
                                             << QStringList{"line", "column", "1e400"};
        QTest::newRow("1e400 as a position") << irisWithGraph("[{\"kind\": \"Input\", \"position\": [1e400, 0]}]")
                                              << QStringList{"line", "1e400"};
        // 2. Deep nesting: recursive copies and dumps overflowed the stack (SIGSEGV).
        QTest::newRow("deep description") << irisWithRaw("", "description", nested(60000))
                                           << QStringList{"line", "column", "deep"};
        QTest::newRow("deep settings")
            << irisWithGraph("[{\"kind\": \"Dense\", \"settings\": " + nested(60000) + "}]") << QStringList{"deep"};
        QTest::newRow("deep training") << irisWithRaw("", "training", nested(60000)) << QStringList{"deep"};
        QTest::newRow("deep nodes") << irisWithGraph(nested(60000)) << QStringList{"deep"};
        QTest::newRow("nesting within the limit, in the wrong place")
            << irisWithRaw("", "description", nested(90)) << QStringList{"description", "text"};
        // 3. Floats converted to integers (undefined behaviour; "got -9223372036854775808").
        QTest::newRow("samples 1e300") << irisWithRaw("data", "samples", "1e300") << QStringList{"samples", "1e+300"};
        QTest::newRow("id 1e300") << irisWithGraph("[{\"kind\": \"Input\", \"id\": 1e300}]") << QStringList{"id", "1e+300"};
        QTest::newRow("port 1e300")
            << irisWithGraph("[{\"kind\": \"Input\", \"id\": 1}, {\"kind\": \"Dense\", \"id\": 2}]",
                             "[{\"from\": 1, \"to\": 2, \"port\": 1e300}]")
            << QStringList{"port"};
        QTest::newRow("epochs 1e300") << irisWithRaw("training", "epochs", "1e300") << QStringList{"epochs"};
        QTest::newRow("units 1e300") << irisWithGraph("[{\"kind\": \"Dense\", \"settings\": {\"units\": 1e300}}]")
                                     << QStringList{"units"};
        QTest::newRow("a huge unsigned id") << irisWithGraph("[{\"kind\": \"Input\", \"id\": 18446744073709551615}]")
                                            << QStringList{"id"};
        QTest::newRow("a long text value is cut in the message")
            << irisWithRaw("data", "samples", "\"" + QByteArray(100000, 'x') + "\"") << QStringList{"samples", "…"};
    }
    void projectFilesAreRefusedWithAMessage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        checkRefused(runCli({"info", project(content)}), expected);
    }

    // 4. Shape products overflowed: [65536, 65536, 65536, 65536] flattened to [N, 0] and info exited 0.
    void shapesTooLargeToCountAreRefused_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::newRow("product past 2^63") << QByteArray("[65536, 65536, 65536, 65536]");
        QTest::newRow("product past 2^28") << QByteArray("[65536, 65536]");
    }
    void shapesTooLargeToCountAreRefused()
    {
        QFETCH(QByteArray, shape);
        const QByteArray nodes = "[{\"id\": 1, \"kind\": \"Input\", \"settings\": {\"shape\": " + shape +
                                 "}}, {\"id\": 2, \"kind\": \"Flatten\"}]";
        const QString path = project(irisWithGraph(nodes, "[{\"from\": 1, \"to\": 2}]"));
        checkRefused(runCli({"info", path}), {"input", "smaller"});
        checkRefused(runCli({"train", path, "--epochs", "1"}), {"smaller"});
    }

    // 6. Counting parameters built the layers: Input [784] → Dense 1,000,000 allocated 6 GB.
    void parametersAreCountedWithoutAllocating()
    {
        const QByteArray nodes = "[{\"id\": 1, \"kind\": \"Input\", \"settings\": {\"shape\": [784]}}, "
                                 "{\"id\": 2, \"name\": \"huge\", \"kind\": \"Dense\", \"settings\": {\"units\": 1000000}}]";
        const QString path = project(irisWithGraph(nodes, "[{\"from\": 1, \"to\": 2}]"));
        QElapsedTimer timer;
        timer.start();
        const Result info = runCli({"info", path});
        checkRefused(info, {"785000000", "parameters"});
        // Iris has 4 features: the simpler fix is named first, before anything is allocated.
        checkRefused(runCli({"train", path, "--epochs", "1"}), {"Input's shape", "[4]"});
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    void theLargestLayerIsNamedWhenTheNetworkIsTooLarge()
    {
        const QByteArray nodes = "[{\"id\": 1, \"kind\": \"Input\", \"settings\": {\"shape\": [4]}}, "
                                 "{\"id\": 2, \"name\": \"wide\", \"kind\": \"Dense\", \"settings\": {\"units\": 100000}}, "
                                 "{\"id\": 3, \"name\": \"huge\", \"kind\": \"Dense\", \"settings\": {\"units\": 3000}}]";
        const QString path = project(irisWithGraph(nodes, "[{\"from\": 1, \"to\": 2}, {\"from\": 2, \"to\": 3}]"));
        checkRefused(runCli({"train", path, "--epochs", "1"}), {"'huge'", "300003000", "fewer units"});
    }

    // 5. A 789 KB CSV (a 100,000-column header and 100,000 blank lines) reserved 40 GB.
    void aWideCsvOfBlankLinesIsRefusedWithoutAllocating()
    {
        QByteArray csv;
        for (int column = 0; column < 100000; ++column)
            csv += "c" + QByteArray::number(column) + ",";
        csv += "label\n" + QByteArray(100000, '\n');
        write(dir.filePath("wide.csv"), csv);
        const QString path = project(irisWithRaw("data", "source", "\"" + dir.filePath("wide.csv").toUtf8() + "\""));
        checkRefused(runCli({"train", path, "--epochs", "1"}), {"wide.csv", "no data rows"});
    }

    // Found by fuzz_csv: a file starting with zero bytes gave an empty message (the zeros cut it short).
    void aCsvHoldingAZeroByteIsRefusedByName()
    {
        const QString reproducer =
            QStringLiteral(LAYERLAB_SOURCE_DIR "/tests/fuzz/crashes/fuzz_csv/empty-message-nul-header.csv");
        QVERIFY(QFile::copy(reproducer, dir.filePath("binary.csv")));
        const QString path = project(irisWithRaw("data", "source", "\"" + dir.filePath("binary.csv").toUtf8() + "\""));
        checkRefused(runCli({"train", path, "--epochs", "1"}), {"binary.csv", "zero byte", "byte 1"});
    }

    // The same problems in a safetensors header, reached by opening a project's trained weights.
    void weightsFilesAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("1e400 in data_offsets")
            << QByteArray("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 1e400]}}")
            << QStringList{"safetensors", "1e400", "column"};
        QTest::newRow("deep dtype")
            << "{\"a\": {\"dtype\": " + nested(60000) + ", \"shape\": [1], \"data_offsets\": [0, 4]}}"
            << QStringList{"safetensors", "deep"};
        QTest::newRow("deep metadata") << "{\"__metadata__\": " + nested(60000) + "}" << QStringList{"safetensors", "deep"};
        QTest::newRow("metadata within the limit, not text")
            << "{\"__metadata__\": {\"k\": " + nested(50) + "}}" << QStringList{"metadata", "string"};
    }
    void weightsFilesAreRefusedWithAMessage()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, expected);
        const QString path = project(example("iris"));
        write(path.chopped(int(strlen(".layerlab.json"))) + ".safetensors", safetensors(header, QByteArray(4, '\0')));
        checkRefused(runCli({"eval", path}), expected);
    }
};

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "test_hostile_files.moc"
