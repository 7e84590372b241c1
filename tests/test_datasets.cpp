// Data sources: IDX and CSV readers and their messages, splits, scaling fitted on the training
// split, the synthetic and bundled sets, Fashion-MNIST, and reading features for predictions.
#include "datasets/datalocator.h"
#include "datasets/datasets.h"
#include "datasets/datasplit.h"
#include "datasets/drawnset.h"
#include "datasets/samplesource.h"

#include "nn/error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

// The message of the `Error` that call() throws, or a line saying what happened instead.
template <typename Error, typename Call>
QString thrownMessage(const Call &call)
{
    try {
        call();
    } catch (const Error &error) {
        return QString::fromStdString(error.what());
    } catch (const std::exception &error) {
        return QString("<a different exception: %1>").arg(error.what());
    }
    return "<nothing was thrown>";
}

void writeFile(const std::string &path, const std::string &bytes, bool gzip = false)
{
    if (gzip) {
        gzFile file = gzopen(path.c_str(), "wb");
        gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(file);
        return;
    }
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An IDX file: magic, big-endian dimensions, then the bytes.
std::string idx(uint32_t magic, const std::vector<uint32_t> &dims, const Bytes &payload)
{
    std::string bytes;
    for (uint32_t word : [&] { std::vector<uint32_t> words{magic}; words.insert(words.end(), dims.begin(), dims.end()); return words; }())
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>((word >> shift) & 0xFF);
    bytes.append(payload.begin(), payload.end());
    return bytes;
}

// Pixels that vary and barely compress: (i · 37 + i² / 7) mod 256.
Bytes pixels(size_t count)
{
    Bytes bytes(count);
    for (size_t i = 0; i < count; ++i)
        bytes[i] = static_cast<uint8_t>((i * 37 + i * i / 7) % 256);
    return bytes;
}

Bytes labels(size_t count, int classes)
{
    Bytes bytes(count);
    for (size_t i = 0; i < count; ++i)
        bytes[i] = static_cast<uint8_t>((i * 3) % static_cast<size_t>(classes));
    return bytes;
}

nn::DataSpec spec(const std::string &source, const std::string &scaling = "none", double validation = 0.0, double test = 0.0)
{
    nn::DataSpec spec;
    spec.source = source;
    spec.scaling = scaling;
    spec.validationSplit = validation;
    spec.testSplit = test;
    return spec;
}

struct Batch {
    nn::Tensor x, y;
};

// `count` points as a student might paint them: along a curve, in the plot's [−4, 4]².
std::vector<std::array<double, 2>> drawing(int count)
{
    std::vector<std::array<double, 2>> points;
    for (int k = 0; k < count; ++k)
        points.push_back({-3.0 + 6.0 * k / std::max(count - 1, 1), 0.25 * k - 1.5});
    return points;
}

Batch gatherAll(const nn::BatchSource &source)
{
    std::vector<int64_t> indices(static_cast<size_t>(source.size()));
    std::iota(indices.begin(), indices.end(), int64_t{0});
    Batch batch;
    source.gather(indices, batch.x, batch.y);
    return batch;
}

int64_t total(const datasets::LoadedData &data)
{
    return data.train->size() + data.validation->size() + data.test->size();
}

QStringList qt(const std::vector<std::string> &strings)
{
    QStringList list;
    for (const auto &s : strings)
        list << QString::fromStdString(s);
    return list;
}

// Mean and population standard deviation of column `f` of a [n, F] batch.
std::pair<double, double> columnStats(const nn::Tensor &x, int64_t f)
{
    const int64_t n = x.dim(0), features = x.size() / n;
    double sum = 0.0, squares = 0.0;
    for (int64_t i = 0; i < n; ++i)
        sum += x[i * features + f];
    const double mean = sum / static_cast<double>(n);
    for (int64_t i = 0; i < n; ++i)
        squares += (x[i * features + f] - mean) * (x[i * features + f] - mean);
    return {mean, std::sqrt(squares / static_cast<double>(n))};
}

// Sets an environment variable for one scope and restores it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const QByteArray &value) : name_(name), old_(qgetenv(name)), had_(qEnvironmentVariableIsSet(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }

private:
    const char *name_;
    QByteArray old_;
    bool had_;
};

} // namespace

// Shapes and strings in QCOMPARE's failure messages.
namespace QTest {
template <>
char *toString(const nn::Shape &shape)
{
    return qstrdup(nn::toString(shape).c_str());
}
template <>
char *toString(const std::string &text)
{
    return qstrdup(("\"" + text + "\"").c_str());
}
} // namespace QTest

class TestDatasets : public QObject {
    Q_OBJECT

private:
    std::string path(const QString &name) const { return dir_.filePath(name).toStdString(); }
    std::string csv(const QString &name, const std::string &text) const
    {
        writeFile(path(name), text);
        return path(name);
    }

    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY2(dir_.isValid(), "cannot create a temporary folder"); }

    // ---- IDX -------------------------------------------------------------------------------

    void idxRoundTrip_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }

    void idxRoundTrip()
    {
        QFETCH(bool, gzip);
        const QString suffix = gzip ? ".gz" : "";
        const Bytes image = pixels(12 * 2 * 3), label = labels(12, 4);
        writeFile(path("round-images-idx3-ubyte" + suffix), idx(0x803, {12, 2, 3}, image), gzip);
        writeFile(path("round-labels-idx1-ubyte" + suffix), idx(0x801, {12}, label), gzip);
        nn::DataSpec s = spec(path("round-images-idx3-ubyte" + suffix));
        s.labels = path("round-labels-idx1-ubyte" + suffix);

        const auto data = datasets::load(s, 1);
        QVERIFY2(data.info.isImage, "an IDX images file is an image set");
        QCOMPARE(data.info.sampleShape, (nn::Shape{1, 2, 3}));
        QCOMPARE(data.info.numClasses, 4);
        QCOMPARE(qt(data.info.classNames), (QStringList{"0", "1", "2", "3"}));
        QCOMPARE(data.train->size(), 12);
        const Batch batch = gatherAll(*data.train);
        QCOMPARE(batch.x.shape(), (nn::Shape{12, 1, 2, 3}));
        QCOMPARE(batch.y.shape(), (nn::Shape{12}));
        for (size_t i = 0; i < image.size(); ++i)
            QVERIFY2(batch.x[static_cast<int64_t>(i)] == image[i], qPrintable(QString("pixel %1: %2, expected %3").arg(i).arg(batch.x[static_cast<int64_t>(i)]).arg(image[i])));
        for (size_t i = 0; i < label.size(); ++i)
            QCOMPARE(batch.y[static_cast<int64_t>(i)], static_cast<float>(label[i]));
    }

    void idxAutoScalingDividesBy255()
    {
        writeFile(path("scaled-images-idx3-ubyte"), idx(0x803, {12, 2, 3}, pixels(72)));
        writeFile(path("scaled-labels-idx1-ubyte"), idx(0x801, {12}, labels(12, 2)));
        nn::DataSpec s = spec(path("scaled-images-idx3-ubyte"), "auto");
        s.labels = path("scaled-labels-idx1-ubyte");
        const auto data = datasets::load(s, 1);
        QCOMPARE(data.info.scale.size(), size_t{6});
        for (size_t f = 0; f < 6; ++f) {
            QCOMPARE(data.info.scale[f], 1.0f / 255.0f);
            QCOMPARE(data.info.offset[f], 0.0f);
        }
        const Batch batch = gatherAll(*data.train);
        QVERIFY2(batch.x.array().maxCoeff() <= 1.0f && batch.x.array().minCoeff() >= 0.0f, "pixels scale to [0, 1]");
    }

    void idxErrors_data()
    {
        QTest::addColumn<QString>("images");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QStringList>("expected");

        const Bytes image = pixels(100 * 28 * 28);
        writeFile(path("good-labels-idx1-ubyte"), idx(0x801, {100}, labels(100, 10)));
        writeFile(path("good-images-idx3-ubyte"), idx(0x803, {100, 28, 28}, image));

        writeFile(path("short-images-idx3-ubyte"), idx(0x803, {100, 28, 28}, Bytes(image.begin(), image.begin() + 1200)));
        QTest::newRow("truncated plain") << "short-images-idx3-ubyte" << "good-labels-idx1-ubyte"
                                         << QStringList{"short-images-idx3-ubyte", "expected 78400 pixel bytes, found 1200", "truncated"};

        writeFile(path("whole-images-idx3-ubyte.gz"), idx(0x803, {100, 28, 28}, image), true);
        const std::string compressed = readFile(path("whole-images-idx3-ubyte.gz"));
        writeFile(path("cut-images-idx3-ubyte.gz"), compressed.substr(0, compressed.size() / 3));
        QTest::newRow("truncated gzip") << "cut-images-idx3-ubyte.gz" << "good-labels-idx1-ubyte"
                                        << QStringList{"cut-images-idx3-ubyte.gz", "expected 78400 pixel bytes, found", "ends early", "truncated"};

        writeFile(path("short-labels-idx1-ubyte"), idx(0x801, {100}, labels(40, 10)));
        QTest::newRow("truncated labels") << "good-images-idx3-ubyte" << "short-labels-idx1-ubyte"
                                          << QStringList{"short-labels-idx1-ubyte", "expected 100 label bytes, found 40"};

        writeFile(path("header-images-idx3-ubyte"), idx(0x803, {100}, {}));
        QTest::newRow("truncated header") << "header-images-idx3-ubyte" << "good-labels-idx1-ubyte"
                                          << QStringList{"header-images-idx3-ubyte", "ends inside its header"};

        QTest::newRow("swapped files") << "good-labels-idx1-ubyte" << "good-images-idx3-ubyte"
                                       << QStringList{"magic number is 0x00000801", "expected 0x00000803", "swap"};

        writeFile(path("text-idx3-ubyte"), "This is not an IDX file at all.\n");
        QTest::newRow("not idx") << "text-idx3-ubyte" << "good-labels-idx1-ubyte"
                                 << QStringList{"text-idx3-ubyte", "not an IDX file", "0x54686973"};

        writeFile(path("float-images-idx3-ubyte"), idx(0x00000D03, {1, 1, 1}, {0, 0, 0, 0}));
        QTest::newRow("float idx") << "float-images-idx3-ubyte" << "good-labels-idx1-ubyte"
                                   << QStringList{"0x00000D03", "unsigned-byte"};

        writeFile(path("few-labels-idx1-ubyte"), idx(0x801, {60}, labels(60, 10)));
        QTest::newRow("count mismatch") << "good-images-idx3-ubyte" << "few-labels-idx1-ubyte"
                                        << QStringList{"100 images", "60 labels"};
    }

    void idxErrors()
    {
        QFETCH(QString, images);
        QFETCH(QString, labels);
        QFETCH(QStringList, expected);
        nn::DataSpec s = spec(path(images));
        s.labels = path(labels);
        const QString message = thrownMessage<nn::FileError>([&] { datasets::load(s, 1); });
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
    }

    void idxWithoutLabelsAsksForThem()
    {
        writeFile(path("lonely-images-idx3-ubyte"), idx(0x803, {2, 1, 1}, {1, 2}));
        const QString message = thrownMessage<nn::SettingError>([&] { datasets::load(spec(path("lonely-images-idx3-ubyte")), 1); });
        QVERIFY2(message.contains("labels file"), qPrintable(message));
    }

    // ---- CSV -------------------------------------------------------------------------------

    void csvLabelColumn_data()
    {
        QTest::addColumn<QString>("labelColumn");
        QTest::newRow("by name") << "species";
        QTest::newRow("by number") << "2";
        QTest::newRow("last by default") << "";
    }

    void csvLabelColumn()
    {
        QFETCH(QString, labelColumn);
        const std::string file = csv("flowers.csv", "length,width,species\n1,10,rose\n2,20,daisy\n3,30,rose\n4,40,tulip\n");
        nn::DataSpec s = spec(file);
        s.labelColumn = labelColumn.toStdString();
        const auto data = datasets::load(s, 1);
        QVERIFY2(data.info.classification, "text labels are classes");
        QCOMPARE(qt(data.info.classNames), (QStringList{"daisy", "rose", "tulip"}));  // sorted unique names
        QCOMPARE(qt(data.info.featureNames), (QStringList{"length", "width"}));
        QCOMPARE(data.info.name, std::string("flowers.csv"));
        const Batch batch = gatherAll(*data.train);
        QCOMPARE(batch.x.shape(), (nn::Shape{4, 2}));
        const std::vector<float> expectedY{1, 0, 1, 2}, expectedX{1, 10, 2, 20, 3, 30, 4, 40};
        for (int64_t i = 0; i < 4; ++i)
            QVERIFY2(batch.y[i] == expectedY[static_cast<size_t>(i)], qPrintable(QString("row %1 has class %2").arg(i).arg(batch.y[i])));
        for (int64_t i = 0; i < 8; ++i)
            QCOMPARE(batch.x[i], expectedX[static_cast<size_t>(i)]);
    }

    void csvLabelInTheMiddleByNumber()
    {
        const std::string file = csv("middle.csv", "a,label,b\n1,0,2\n3,1,4\n5,1,6\n");
        nn::DataSpec s = spec(file);
        s.labelColumn = "1";
        const auto data = datasets::load(s, 1);
        QCOMPARE(qt(data.info.featureNames), (QStringList{"a", "b"}));
        QCOMPARE(qt(data.info.classNames), (QStringList{"0", "1"}));
        const Batch batch = gatherAll(*data.train);
        QCOMPARE(batch.x[2], 3.0f);
        QCOMPARE(batch.y[1], 1.0f);
    }

    void csvFeatureSelection_data()
    {
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<float>>("firstRow");
        QTest::newRow("by name, reordered") << QStringList{"c", "a"} << QStringList{"c", "a"} << QList<float>{3, 1};
        QTest::newRow("by number") << QStringList{"1"} << QStringList{"b"} << QList<float>{2};
        QTest::newRow("mixed") << QStringList{"a", "2"} << QStringList{"a", "c"} << QList<float>{1, 3};
    }

    void csvFeatureSelection()
    {
        QFETCH(QStringList, features);
        QFETCH(QStringList, names);
        QFETCH(QList<float>, firstRow);
        nn::DataSpec s = spec(csv("select.csv", "a,b,c,y\n1,2,3,yes\n4,5,6,no\n"));
        for (const QString &f : features)
            s.featureColumns.push_back(f.toStdString());
        const auto data = datasets::load(s, 1);
        QCOMPARE(qt(data.info.featureNames), names);
        QCOMPARE(data.info.sampleShape, (nn::Shape{names.size()}));
        const Batch batch = gatherAll(*data.train);
        for (qsizetype f = 0; f < firstRow.size(); ++f)
            QCOMPARE(batch.x[f], firstRow[f]);
    }

    void csvColumnErrors_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown label") << "colour" << QStringList{} << QStringList{"label column 'colour'", "a, b, c, y"};
        QTest::newRow("label number too big") << "9" << QStringList{} << QStringList{"number 9", "0 up to 3"};
        QTest::newRow("unknown feature") << "" << QStringList{"a", "z"} << QStringList{"feature column 'z'"};
        QTest::newRow("label as feature") << "" << QStringList{"a", "y"} << QStringList{"'y' is the label column"};
        QTest::newRow("feature twice") << "" << QStringList{"a", "0"} << QStringList{"'a' is listed twice"};
    }

    void csvColumnErrors()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, features);
        QFETCH(QStringList, expected);
        nn::DataSpec s = spec(csv("columns.csv", "a,b,c,y\n1,2,3,yes\n4,5,6,no\n"));
        s.labelColumn = label.toStdString();
        for (const QString &f : features)
            s.featureColumns.push_back(f.toStdString());
        const QString message = thrownMessage<nn::SettingError>([&] { datasets::load(s, 1); });
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
    }

    void csvRegressionTargets()
    {
        nn::DataSpec s = spec(csv("prices.csv", "rooms,area,price\n1,30,100.5\n2,50,200.25\n3,70,310\n"));
        s.task = "regression";
        const auto data = datasets::load(s, 1);
        QVERIFY2(!data.info.classification, "task regression gives a regression set");
        QCOMPARE(data.info.numClasses, 0);
        QCOMPARE(qt(data.info.targetNames), QStringList{"price"});
        QCOMPARE(data.train->targetShape(), (nn::Shape{1}));
        const Batch batch = gatherAll(*data.train);
        QCOMPARE(batch.y.shape(), (nn::Shape{3, 1}));
        QCOMPARE(batch.y[0], 100.5f);
        QCOMPARE(batch.y[1], 200.25f);
        QCOMPARE(batch.y[2], 310.0f);
    }

    void csvAutoTask_data()
    {
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("classification");
        QTest::addColumn<QStringList>("classNames");
        QTest::newRow("text") << "cat dog cat" << true << QStringList{"cat", "dog"};
        QTest::newRow("few integers") << "0 2 1 2" << true << QStringList{"0", "1", "2"};
        QTest::newRow("integers from 1") << "3 1 2" << true << QStringList{"1", "2", "3"};
        QTest::newRow("negative integers") << "-1 1 -1" << true << QStringList{"-1", "1"};
        QTest::newRow("fractions") << "0.5 1.25 2" << false << QStringList{};
        QStringList many;
        for (int i = 0; i < 25; ++i)
            many << QString::number(i);
        QTest::newRow("25 distinct integers") << many.join(' ') << false << QStringList{};
    }

    void csvAutoTask()
    {
        QFETCH(QString, labels);
        QFETCH(bool, classification);
        QFETCH(QStringList, classNames);
        std::string text = "x,label\n";
        int row = 0;
        for (const QString &label : labels.split(' '))
            text += std::to_string(row++) + "," + label.toStdString() + "\n";
        const auto data = datasets::load(spec(csv("auto.csv", text)), 1);
        QCOMPARE(data.info.classification, classification);
        QCOMPARE(qt(data.info.classNames), classNames);
        QCOMPARE(data.info.numClasses, static_cast<int>(classNames.size()));
    }

    void csvRegressionOnTextLabelsSaysWhere()
    {
        nn::DataSpec s = spec(csv("textreg.csv", "x,y\n1,2\n2,high\n"));
        s.task = "regression";
        const QString message = thrownMessage<nn::FileError>([&] { datasets::load(s, 1); });
        for (const QString part : {"line 3", "'y'", "'high'", "classification"})
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
    }

    void csvMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ragged short") << "a,b,c\n1,2,x\n3,4,y\n5,6\n" << QStringList{"line 4", "expected 3", "found 2"};
        QTest::newRow("ragged long") << "a,b,c\n1,2,x\n3,4,5,y\n" << QStringList{"line 3", "expected 3", "found 4"};
        QTest::newRow("text in a number column") << "a,b,c\n1,2,x\n3,abc,y\n" << QStringList{"line 3", "column 'b'", "'abc'"};
        QTest::newRow("empty number") << "a,b,c\n1,,x\n" << QStringList{"line 2", "column 'b'", "empty"};
        QTest::newRow("line after blank lines") << "a,b,c\n\n1,2,x\n\n3,4\n" << QStringList{"line 5", "expected 3", "found 2"};
        QTest::newRow("empty file") << "" << QStringList{"is empty", "header row"};
        QTest::newRow("only blank lines") << "\n\n  \n" << QStringList{"is empty"};
        QTest::newRow("no data rows") << "a,b,c\n" << QStringList{"no data rows"};
        QTest::newRow("no header") << "1,2,3\n4,5,6\n" << QStringList{"numbers, not column names", "header row"};
        QTest::newRow("one column") << "a\n1\n" << QStringList{"only column", "at least one feature column"};
        QTest::newRow("unclosed quote") << "a,b,c\n1,2,\"x\n" << QStringList{"line 2", "never closed"};
        QTest::newRow("text after quote") << "a,b,c\n1,2,\"x\"y\n" << QStringList{"line 2", "after the closing quote"};
        QTest::newRow("empty label") << "a,b,c\n1,2,\n" << QStringList{"line 2", "label column 'c' is empty"};
    }

    void csvMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const std::string file = csv("malformed.csv", text.toStdString());
        const QString message = thrownMessage<nn::FileError>([&] { datasets::load(spec(file), 1); });
        QVERIFY2(message.contains("malformed.csv"), qPrintable("the message names the file: " + message));
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
    }

    void csvQuotedFields()
    {
        const std::string text = "id,\"width, cm\",\"say \"\"what\"\"\",kind\n"
                                 "1,\"2.5\",3,\"rose, red\"\n"
                                 "2, 4 ,\"5\",\"line\nbreak\"\n"
                                 "3,6,7,\"rose, red\"\n";
        nn::DataSpec s = spec(csv("quoted.csv", text));
        const auto data = datasets::load(s, 1);
        QCOMPARE(qt(data.info.featureNames), (QStringList{"id", "width, cm", "say \"what\""}));
        QCOMPARE(qt(data.info.classNames), (QStringList{"line\nbreak", "rose, red"}));
        const Batch batch = gatherAll(*data.train);
        const std::vector<float> expectedX{1, 2.5f, 3, 2, 4, 5, 3, 6, 7}, expectedY{1, 0, 1};
        for (int64_t i = 0; i < 9; ++i)
            QCOMPARE(batch.x[i], expectedX[static_cast<size_t>(i)]);
        for (int64_t i = 0; i < 3; ++i)
            QCOMPARE(batch.y[i], expectedY[static_cast<size_t>(i)]);
        // A record spanning two lines: the next record's line numbers count both.
        const std::string broken = text + "4,x,8,rose\n";
        const QString message = thrownMessage<nn::FileError>([&] { datasets::load(spec(csv("quoted2.csv", broken)), 1); });
        QVERIFY2(message.contains("line 6"), qPrintable(message));
    }

    void csvDialects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("CRLF") << "a,b,y\r\n1,2,p\r\n3,4,q\r\n";
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" "a,b,y\n1,2,p\n3,4,q\n";
        QTest::newRow("semicolons") << "a;b;y\n1;2;p\n3;4;q\n";
        QTest::newRow("no final newline") << "a,b,y\n1,2,p\n3,4,q";
        QTest::newRow("spaces and plus signs") << " a , b ,y\n +1 , 2 ,p\n3,4e0,q\n";
    }

    void csvDialects()
    {
        QFETCH(QString, text);
        const auto data = datasets::load(spec(csv("dialect.csv", text.toStdString())), 1);
        QCOMPARE(qt(data.info.featureNames), (QStringList{"a", "b"}));
        QCOMPARE(qt(data.info.classNames), (QStringList{"p", "q"}));
        const Batch batch = gatherAll(*data.train);
        QCOMPARE(batch.x.shape(), (nn::Shape{2, 2}));
        for (int64_t i = 0; i < 4; ++i)
            QCOMPARE(batch.x[i], static_cast<float>(i + 1));
    }

    void csvGzipped()
    {
        writeFile(path("packed.csv.gz"), "a,y\n1,p\n2,q\n", true);
        const auto data = datasets::load(spec(path("packed.csv.gz")), 1);
        QCOMPARE(data.train->size(), 2);
    }

    // ---- splits and scaling ----------------------------------------------------------------

    void splits_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<double>("validation");
        QTest::addColumn<double>("test");
        QTest::addColumn<qint64>("validations");
        QTest::addColumn<qint64>("tests");
        QTest::newRow("iris-like") << qint64{150} << 0.1 << 0.2 << qint64{12} << qint64{30};
        QTest::newRow("fashion-like") << qint64{60000} << 0.1 << 0.0 << qint64{6000} << qint64{0};
        QTest::newRow("rounds half away from zero") << qint64{99} << 0.25 << 0.25 << qint64{19} << qint64{25};
        QTest::newRow("tiny fractions keep one") << qint64{10} << 0.01 << 0.01 << qint64{1} << qint64{1};
        QTest::newRow("huge fractions leave training one") << qint64{10} << 0.9 << 0.9 << qint64{1} << qint64{8};
        QTest::newRow("no holdout") << qint64{50} << 0.0 << 0.0 << qint64{0} << qint64{0};
        QTest::newRow("fewer than 10 may round to none") << qint64{4} << 0.1 << 0.1 << qint64{0} << qint64{0};
    }

    void splits()
    {
        QFETCH(qint64, count);
        QFETCH(double, validation);
        QFETCH(double, test);
        QFETCH(qint64, validations);
        QFETCH(qint64, tests);
        const auto split = datasets::DataSplit::make(count, validation, test, 7);
        QCOMPARE(static_cast<qint64>(split.validation.size()), validations);
        QCOMPARE(static_cast<qint64>(split.test.size()), tests);
        QCOMPARE(static_cast<qint64>(split.train.size()), count - validations - tests);

        std::vector<int64_t> all;
        for (const auto *part : {&split.train, &split.validation, &split.test}) {
            QVERIFY2(std::is_sorted(part->begin(), part->end()), "each split lists its rows in order");
            all.insert(all.end(), part->begin(), part->end());
        }
        std::sort(all.begin(), all.end());
        std::vector<int64_t> expected(static_cast<size_t>(count));
        std::iota(expected.begin(), expected.end(), int64_t{0});
        QVERIFY2(all == expected, "the splits are disjoint and cover every row exactly once");

        const auto again = datasets::DataSplit::make(count, validation, test, 7);
        QVERIFY2(again.train == split.train && again.validation == split.validation && again.test == split.test,
                 "the same seed gives the same split");
        if (validations + tests > 0 && count >= 50) {
            const auto other = datasets::DataSplit::make(count, validation, test, 8);
            QVERIFY2(other.train != split.train, "another seed gives another split");
        }
    }

    void splitsOfLoadedData()
    {
        nn::DataSpec s = spec("iris", "none", 0.1, 0.2);
        const auto first = datasets::load(s, 3), second = datasets::load(s, 3);
        const auto rows = [](const std::shared_ptr<nn::BatchSource> &source) {
            return dynamic_cast<const datasets::SampleSource<float> &>(*source).rows();
        };
        QCOMPARE(first.train->size(), 108);
        QCOMPARE(first.validation->size(), 12);
        QCOMPARE(first.test->size(), 30);
        QVERIFY2(rows(first.train) == rows(second.train), "loading twice with one seed splits alike");
        QVERIFY2(rows(first.test) == rows(second.test), "loading twice with one seed splits alike");
        const Batch a = gatherAll(*first.validation), b = gatherAll(*second.validation);
        QVERIFY2(std::equal(a.x.data(), a.x.data() + a.x.size(), b.x.data()), "the same rows give the same values");
    }

    void scalingFittedOnTrainOnly_data()
    {
        QTest::addColumn<QString>("scaling");
        QTest::newRow("standardize") << "standardize";
        QTest::newRow("minmax") << "minmax";
    }

    void scalingFittedOnTrainOnly()
    {
        QFETCH(QString, scaling);
        // Skewed values (i³) and a constant column: train, validation and test statistics all differ.
        std::string text = "cube,constant,label\n";
        for (int i = 0; i < 200; ++i)
            text += std::to_string(i * i * i) + ",7," + (i % 2 ? "odd" : "even") + "\n";
        const auto data = datasets::load(spec(csv("skewed.csv", text), scaling.toStdString(), 0.2, 0.2), 11);
        const auto &rows = dynamic_cast<const datasets::SampleSource<float> &>(*data.train).rows();
        const Batch train = gatherAll(*data.train);

        // The raw training values, and the statistics of train and of all rows.
        std::vector<double> raw;
        for (int64_t row : rows)
            raw.push_back(static_cast<double>(row * row * row));
        const auto [low, high] = std::minmax_element(raw.begin(), raw.end());
        const double mean = std::accumulate(raw.begin(), raw.end(), 0.0) / static_cast<double>(raw.size());
        double squares = 0.0;
        for (double v : raw)
            squares += (v - mean) * (v - mean);
        const double stddev = std::sqrt(squares / static_cast<double>(raw.size()));

        const double scale = data.info.scale[0], offset = data.info.offset[0];
        const auto [trainMean, trainStd] = columnStats(train.x, 0);
        if (scaling == "standardize") {
            QVERIFY2(std::abs(scale * stddev - 1.0) < 1e-5, qPrintable(QString("scale %1, training std %2").arg(scale).arg(stddev)));
            QVERIFY2(std::abs(offset + mean * scale) < 1e-4, qPrintable(QString("offset %1, training mean %2").arg(offset).arg(mean)));
            QVERIFY2(std::abs(trainMean) < 1e-4 && std::abs(trainStd - 1.0) < 1e-4,
                     qPrintable(QString("scaled training mean %1, std %2").arg(trainMean).arg(trainStd)));
            const double allMean = 199.0 * 199.0 * 200.0 * 200.0 / 4.0 / 200.0;  // Σi³ / n
            QVERIFY2(std::abs(-offset / scale - allMean) > 0.01 * allMean, "the mean of all rows is not the one used");
        } else {
            QVERIFY2(std::abs(*low * scale + offset) < 1e-5 && std::abs(*high * scale + offset - 1.0) < 1e-5,
                     qPrintable(QString("training min %1 and max %2 map to %3 and %4").arg(*low).arg(*high).arg(*low * scale + offset).arg(*high * scale + offset)));
            QVERIFY2(*low != 0.0 || *high != 199.0 * 199.0 * 199.0, "the seed should hold out an extreme row (test set-up)");
        }
        const auto [validationMean, validationStd] = columnStats(gatherAll(*data.validation).x, 0);
        QVERIFY2(std::abs(validationMean - trainMean) > 1e-3 || std::abs(validationStd - trainStd) > 1e-3,
                 "validation values are scaled with the training statistics, not their own");
        QCOMPARE(data.info.scale[1], 1.0f);  // a constant column keeps scale 1 …
        QCOMPARE(train.x[1], 0.0f);          // … and becomes 0
    }

    void autoScaling_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("kind");
        QTest::newRow("csv standardizes") << "iris" << "standardize";
        QTest::newRow("digits divide by 16") << "digits" << "1/16";
        QTest::newRow("synthetic stays") << "spiral" << "none";
    }

    void autoScaling()
    {
        QFETCH(QString, source);
        QFETCH(QString, kind);
        const auto data = datasets::load(spec(source.toStdString(), "auto", 0.1, 0.2), 5);
        const auto features = static_cast<size_t>(nn::elementCount(data.info.sampleShape));
        QCOMPARE(data.info.scale.size(), features);
        QCOMPARE(data.info.offset.size(), features);
        if (kind == "standardize") {
            const Batch train = gatherAll(*data.train);
            for (int64_t f = 0; f < static_cast<int64_t>(features); ++f) {
                const auto [mean, stddev] = columnStats(train.x, f);
                QVERIFY2(std::abs(mean) < 1e-4 && std::abs(stddev - 1.0) < 1e-3,
                         qPrintable(QString("feature %1: mean %2, std %3").arg(f).arg(mean).arg(stddev)));
            }
            return;
        }
        const float expected = kind == "1/16" ? 1.0f / 16.0f : 1.0f;
        for (size_t f = 0; f < features; ++f)
            QVERIFY2(data.info.scale[f] == expected && data.info.offset[f] == 0.0f,
                     qPrintable(QString("feature %1: scale %2, offset %3").arg(f).arg(data.info.scale[f]).arg(data.info.offset[f])));
    }

    void gatherIsThreadSafe()
    {
        const auto data = datasets::load(spec("digits", "auto", 0.1, 0.2), 2);
        const Batch expected = gatherAll(*data.train);
        std::vector<std::thread> threads;
        std::vector<int> same(8, 0);
        for (size_t t = 0; t < same.size(); ++t)
            threads.emplace_back([&, t] {
                for (int repeat = 0; repeat < 20; ++repeat) {
                    const Batch batch = gatherAll(*data.train);
                    same[t] += std::equal(batch.x.data(), batch.x.data() + batch.x.size(), expected.x.data());
                }
            });
        for (auto &thread : threads)
            thread.join();
        for (size_t t = 0; t < same.size(); ++t)
            QVERIFY2(same[t] == 20, qPrintable(QString("thread %1 gathered different values %2 times").arg(t).arg(20 - same[t])));
    }

    // ---- synthetic and bundled sets --------------------------------------------------------

    void syntheticSets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("classes");
        QTest::addColumn<double>("bound");
        for (const auto &name : datasets::syntheticNames()) {
            const bool regression = name == "plane" || name == "sine" || name == "line";
            const int classes = regression ? 0 : name == "ring" ? 8 : name == "grid" ? 25 : name == "drawn" ? 1 : 2;
            QTest::newRow(name.c_str()) << QString::fromStdString(name) << (name == "sine" ? 1 : 2) << classes
                                        << (name == "sine" ? 3.0 : 7.0);
        }
    }

    void syntheticSets()
    {
        QFETCH(QString, name);
        QFETCH(int, features);
        QFETCH(int, classes);
        QFETCH(double, bound);
        nn::DataSpec s = spec(name.toStdString(), "auto", 0.1, 0.2);
        s.samples = 401;
        s.points = drawing(12);  // the drawn set's own points; every other set ignores them
        const auto data = datasets::load(s, 42);
        QCOMPARE(total(data), 401);
        QCOMPARE(data.info.sampleShape, (nn::Shape{features}));
        QCOMPARE(data.info.numClasses, classes);
        QCOMPARE(data.info.classification, classes > 0);
        QCOMPARE(static_cast<int>(data.info.featureNames.size()), features);
        QVERIFY2(!data.info.description.empty(), "every set has a description");
        QCOMPARE(datasets::describe(name.toStdString()), data.info.description);  // the same line, unloaded
        QCOMPARE(datasets::isRegressionSet(name.toStdString()), classes == 0);
        QCOMPARE(data.train->targetShape(), classes > 0 ? nn::Shape{} : nn::Shape{1});

        const Batch train = gatherAll(*data.train);
        QVERIFY2(train.x.allFinite() && train.y.allFinite(), "finite values");
        const float largest = train.x.array().abs().maxCoeff();
        QVERIFY2(largest <= bound, qPrintable(QString("a point lies at %1, beyond ±%2").arg(largest).arg(bound)));
        for (int c = 0; c < classes; ++c)
            QVERIFY2((train.y.array() == float(c)).any(), qPrintable(QString("no training sample of class %1").arg(c)));
        if (classes == 2) {
            const auto ones = static_cast<int64_t>(train.y.array().sum());
            QVERIFY2(std::abs(2 * ones - train.y.size()) < train.y.size() / 5,
                     qPrintable(QString("%1 of %2 training samples in class 1").arg(ones).arg(train.y.size())));
        }

        const Batch again = gatherAll(*datasets::load(s, 42).train);
        QVERIFY2(std::equal(train.x.data(), train.x.data() + train.x.size(), again.x.data()), "the same seed gives the same points");
        QVERIFY2(std::equal(train.y.data(), train.y.data() + train.y.size(), again.y.data()), "the same seed gives the same targets");
        const Batch other = gatherAll(*datasets::load(s, 43).train);
        QVERIFY2(!std::equal(train.x.data(), train.x.data() + std::min(train.x.size(), other.x.size()), other.x.data()),
                 "another seed gives other points");
    }

    // ---- the drawn set ("draw your own") -----------------------------------------------------

    void drawnPointsRoundTripThroughTheFile()
    {
        nn::DataSpec s = spec("drawn");
        s.points = {{0.5, -1.25}, {2.0, 0.0}, {-3.999, 3.125}};
        const nlohmann::json json = s.toJson();
        QVERIFY2(json.at("points") == nlohmann::json::parse("[[0.5, -1.25], [2.0, 0.0], [-3.999, 3.125]]"), json.dump().c_str());
        const nn::DataSpec read = nn::DataSpec::fromJson(json);
        QVERIFY2(read.points == s.points, "the points read back differ");
        QCOMPARE(read.toJson().dump(), json.dump());
        // A file of another set is written as before, and an old file (no "points") reads with none.
        const nlohmann::json ring = spec("ring").toJson();
        QVERIFY2(!ring.contains("points"), ring.dump().c_str());
        QVERIFY(nn::DataSpec::fromJson(ring).points.empty());
    }

    void drawnPointsRejectBadValues_data()
    {
        QTest::addColumn<QString>("points");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a list") << "7" << "must be a list of points, got 7";
        QTest::newRow("one number") << "[[1, 2], [3]]" << "point 2 must be a pair [x, y] of numbers, got [3]";
        QTest::newRow("three numbers") << "[[1, 2, 3]]" << "point 1 must be a pair [x, y] of numbers, got [1,2,3]";
        QTest::newRow("text") << "[[1, \"2\"]]" << "point 1 must be a pair [x, y] of numbers";
        QTest::newRow("null") << "[[1, 2], null]" << "point 2 must be a pair [x, y] of numbers, got null";
        QTest::newRow("far away") << "[[0, 0], [1e9, 0]]" << "point 2 is [1000000000.0,0]; x and y must lie between -10000 and 10000";
    }

    void drawnPointsRejectBadValues()
    {
        QFETCH(QString, points);
        QFETCH(QString, expected);
        nlohmann::json json = spec("drawn").toJson();
        json["points"] = nlohmann::json::parse(points.toStdString());
        const QString message = thrownMessage<nn::SettingError>([&] { nn::DataSpec::fromJson(json); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains("data setting 'points'"), qPrintable(message));
    }

    void drawnPointsAreBounded()
    {
        nlohmann::json json = spec("drawn").toJson();
        json["points"] = nlohmann::json::array();
        for (size_t k = 0; k <= nn::DataSpec::kMaxPoints; ++k)
            json["points"].push_back({0.0, 0.0});
        const QString message = thrownMessage<nn::SettingError>([&] { nn::DataSpec::fromJson(json); });
        QVERIFY2(message.contains("holds 20001 points; a drawing may hold at most 20000"), qPrintable(message));
    }

    void drawnSetNeedsEnoughPoints_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("one short") << int(datasets::DrawnSet::kMinPoints) - 1;
    }

    void drawnSetNeedsEnoughPoints()
    {
        QFETCH(int, count);
        nn::DataSpec s = spec("drawn");
        s.points = drawing(count);
        const QString message = thrownMessage<nn::SettingError>([&] { datasets::load(s, 1); });
        QVERIFY2(message.contains(QString("has %1 point").arg(count)) && message.contains("needs at least 10") &&
                     message.contains("Drag on the GAN plot to paint more") && message.contains("\"points\""),
                 qPrintable(message));
        s.points = drawing(int(datasets::DrawnSet::kMinPoints));
        QCOMPARE(total(datasets::load(s, 1)), s.samples);
    }

    // Sample i is drawn point i mod P plus jitter of standard deviation `noise`: without noise the
    // set is the drawing repeated, with it the points spread by about that much.
    void drawnSetRepeatsThePointsWithJitter()
    {
        nn::DataSpec s = spec("drawn");
        s.points = drawing(12);
        s.samples = 1200;
        s.noise = 0.0;
        const Batch clean = gatherAll(*datasets::load(s, 5).train);
        std::map<std::pair<float, float>, int> seen;
        for (int64_t i = 0; i < clean.x.dim(0); ++i)
            ++seen[{clean.x[2 * i], clean.x[2 * i + 1]}];
        QCOMPARE(seen.size(), s.points.size());
        for (const auto &[x, y] : s.points) {
            const int times = seen[std::make_pair(float(x), float(y))];
            QVERIFY2(times == 100, qPrintable(QString("(%1, %2) appears %3 times").arg(x).arg(y).arg(times)));
        }
        s.noise = 0.2;
        const Batch noisy = gatherAll(*datasets::load(s, 5).train);
        double squares = 0.0;
        for (int64_t i = 0; i < noisy.x.size(); ++i)
            squares += std::pow(noisy.x[i] - clean.x[i], 2);  // the same split: sample for sample, its point
        const double stddev = std::sqrt(squares / double(noisy.x.size()));
        QVERIFY2(stddev > 0.18 && stddev < 0.22, qPrintable(QString("noise 0.2 gives a spread of %1").arg(stddev)));
    }

    void syntheticNoiseMatters()
    {
        nn::DataSpec s = spec("sine", "none", 0.0, 0.0);
        s.noise = 0.0;
        const Batch clean = gatherAll(*datasets::load(s, 1).train);
        for (int64_t i = 0; i < clean.x.size(); ++i)
            QVERIFY2(std::abs(clean.y[i] - std::sin(clean.x[i])) < 1e-6, qPrintable(QString("sample %1 is off the sine").arg(i)));
        s.noise = 0.5;
        const Batch noisy = gatherAll(*datasets::load(s, 1).train);
        double squares = 0.0;
        for (int64_t i = 0; i < noisy.x.size(); ++i)
            squares += std::pow(noisy.y[i] - std::sin(noisy.x[i]), 2);
        const double stddev = std::sqrt(squares / static_cast<double>(noisy.x.size()));
        QVERIFY2(stddev > 0.4 && stddev < 0.6, qPrintable(QString("noise 0.5 gives a spread of %1").arg(stddev)));
    }

    void bundledSets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("samples");
        QTest::addColumn<int>("features");
        QTest::addColumn<QStringList>("classNames");
        QTest::addColumn<QString>("firstFeature");
        QTest::newRow("iris") << "iris" << qint64{150} << 4 << QStringList{"setosa", "versicolor", "virginica"} << "sepal_length";
        QTest::newRow("wine") << "wine" << qint64{178} << 13 << QStringList{"class_0", "class_1", "class_2"} << "alcohol";
        QTest::newRow("breast-cancer") << "breast-cancer" << qint64{569} << 30 << QStringList{"benign", "malignant"} << "mean_radius";
        QStringList digits;
        for (int d = 0; d < 10; ++d)
            digits << QString::number(d);
        QTest::newRow("digits") << "digits" << qint64{1797} << 64 << digits << "pixel_0_0";
    }

    void bundledSets()
    {
        QFETCH(QString, name);
        QFETCH(qint64, samples);
        QFETCH(int, features);
        QFETCH(QStringList, classNames);
        QFETCH(QString, firstFeature);
        const auto names = datasets::bundledNames();
        QVERIFY2(std::find(names.begin(), names.end(), name.toStdString()) != names.end(), "listed among the bundled sets");
        const auto data = datasets::load(spec(name.toStdString(), "auto", 0.1, 0.2), 1);
        QCOMPARE(total(data), samples);
        QCOMPARE(nn::elementCount(data.info.sampleShape), features);
        QCOMPARE(qt(data.info.classNames), classNames);
        QCOMPARE(data.info.numClasses, static_cast<int>(classNames.size()));
        QCOMPARE(static_cast<int>(data.info.featureNames.size()), features);
        QCOMPARE(QString::fromStdString(data.info.featureNames.front()), firstFeature);
        QCOMPARE(data.info.name, name.toStdString());
        QCOMPARE(datasets::describe(name.toStdString()), data.info.description);
        QVERIFY(!datasets::isRegressionSet(name.toStdString()));
        QVERIFY2(datasets::describe("my/data.csv").empty(), "a file has no built-in description");
        QVERIFY2(!data.info.hasOwnTestSet && data.test->size() > 0, "bundled CSV sets hold out a test split");
        const bool image = name == "digits";
        QCOMPARE(data.info.isImage, image);
        if (image)
            QCOMPARE(data.info.sampleShape, (nn::Shape{1, 8, 8}));
        const Batch batch = gatherAll(*data.train);
        QVERIFY2(batch.x.allFinite(), "finite inputs");
        QVERIFY2(batch.y.array().maxCoeff() < static_cast<float>(classNames.size()) && batch.y.array().minCoeff() >= 0.0f,
                 "class numbers within range");
    }

    void bundledFeatureSelectionIsNotAnImage()
    {
        nn::DataSpec s = spec("digits", "auto");
        s.featureColumns = {"pixel_3_3", "pixel_3_4"};
        const auto data = datasets::load(s, 1);
        QVERIFY2(!data.info.isImage, "two pixels are no longer an image");
        QCOMPARE(data.info.sampleShape, (nn::Shape{2}));
    }

    void unknownSources_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("fileError");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown name") << "irsi" << false << "Choose one of iris, wine";
        QTest::newRow("missing file") << "no/such/file.csv" << true << "does not exist";
    }

    void unknownSources()
    {
        QFETCH(QString, source);
        QFETCH(bool, fileError);
        QFETCH(QString, expected);
        const auto call = [&] { datasets::load(spec(source.toStdString()), 1); };
        const QString message = fileError ? thrownMessage<nn::FileError>(call) : thrownMessage<nn::SettingError>(call);
        QVERIFY2(message.contains(expected) && message.contains(source), qPrintable(message));
    }

    void invalidSpecIsRefused()
    {
        nn::DataSpec s = spec("iris");
        s.validationSplit = 1.5;
        const QString message = thrownMessage<nn::SettingError>([&] { datasets::load(s, 1); });
        QVERIFY2(message.contains("validation_split"), qPrintable(message));
    }

    // ---- Fashion-MNIST ---------------------------------------------------------------------

    void fashionMnist()
    {
        std::string folder;
        try {
            folder = datasets::DataLocator::fashionMnistFolder();
        } catch (const nn::FileError &error) {
            QSKIP(qPrintable(QString("Fashion-MNIST is not installed here (%1)").arg(error.what())));
        }
        const auto started = std::chrono::steady_clock::now();
        const auto data = datasets::load(spec("fashion-mnist", "auto", 0.1, 0.2), 1);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        qInfo("Fashion-MNIST from %s loads in %.2f s", folder.c_str(), seconds);
        QCOMPARE(data.train->size(), 54000);
        QCOMPARE(data.validation->size(), 6000);
        QCOMPARE(data.test->size(), 10000);
        QVERIFY2(data.info.hasOwnTestSet && data.info.isImage, "Fashion-MNIST is an image set with its own test set");
        QCOMPARE(data.info.sampleShape, (nn::Shape{1, 28, 28}));
        QCOMPARE(data.info.numClasses, 10);
        QCOMPARE(QString::fromStdString(data.info.classNames.front()), QString("T-shirt/top"));
        QCOMPARE(QString::fromStdString(data.info.classNames.back()), QString("Ankle boot"));

        // An epoch's worth of batches of 64, gathered the way the trainer does.
        std::vector<int64_t> indices(64);
        nn::Tensor x, y;
        const auto gatherStarted = std::chrono::steady_clock::now();
        for (int64_t batch = 0; batch < 54000 / 64; ++batch) {
            std::iota(indices.begin(), indices.end(), batch * 64);
            data.train->gather(indices, x, y);
        }
        const double gatherSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - gatherStarted).count();
        qInfo("843 batches of 64 gathered in %.1f ms", 1000.0 * gatherSeconds);
        QCOMPARE(x.shape(), (nn::Shape{64, 1, 28, 28}));
        QVERIFY2(x.array().minCoeff() >= 0.0f && x.array().maxCoeff() <= 1.0f, "pixels scaled to [0, 1]");
        QVERIFY2(y.array().maxCoeff() <= 9.0f, "labels 0 to 9");
#ifdef NDEBUG  // about 40 ms in an optimized build; debug and sanitizer builds only report it
        QVERIFY2(gatherSeconds < 2.0, qPrintable(QString("gathering an epoch took %1 s").arg(gatherSeconds)));
#endif
    }

    void fashionMnistFromLayerlabData()
    {
        const QString folder = dir_.filePath("mirror/fashion-mnist");
        QVERIFY(QDir().mkpath(folder));
        const auto put = [&](const char *name, const std::string &bytes) { writeFile((folder + "/" + name).toStdString(), bytes, true); };
        put("train-images-idx3-ubyte.gz", idx(0x803, {20, 28, 28}, pixels(20 * 784)));
        put("train-labels-idx1-ubyte.gz", idx(0x801, {20}, labels(20, 10)));
        put("t10k-images-idx3-ubyte.gz", idx(0x803, {5, 28, 28}, pixels(5 * 784)));
        put("t10k-labels-idx1-ubyte.gz", idx(0x801, {5}, labels(5, 10)));
        ScopedEnv data("LAYERLAB_DATA", dir_.filePath("mirror").toUtf8());
        const auto loaded = datasets::load(spec("fashion-mnist", "auto", 0.1, 0.2), 1);
        QCOMPARE(loaded.train->size() + loaded.validation->size(), 20);
        QCOMPARE(loaded.validation->size(), 2);
        QCOMPARE(loaded.test->size(), 5);
        const Batch test = gatherAll(*loaded.test);
        QCOMPARE(test.x[1], pixels(2)[1] / 255.0f);
    }

    void fashionMnistMissingMessage()
    {
        const QString empty = dir_.filePath("empty");
        QVERIFY(QDir().mkpath(empty));
        ScopedEnv data("LAYERLAB_DATA", empty.toUtf8());
        ScopedEnv system("LAYERLAB_SYSTEM_DATA", empty.toUtf8());
        const QString message = thrownMessage<nn::FileError>([] { datasets::load(spec("fashion-mnist"), 1); });
        for (const QString part : {"Fashion-MNIST is not installed", "sudo apt-get install dataset-fashion-mnist", "LAYERLAB_DATA",
                                   "train-images-idx3-ubyte.gz"})
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
        QVERIFY2(message.contains(empty), qPrintable("the message lists where it looked: " + message));
    }

    void fashionMnistIncompleteMessage()
    {
        const QString folder = dir_.filePath("partial");
        QVERIFY(QDir().mkpath(folder));
        writeFile((folder + "/train-images-idx3-ubyte.gz").toStdString(), idx(0x803, {1, 28, 28}, pixels(784)), true);
        ScopedEnv data("LAYERLAB_DATA", folder.toUtf8());
        const QString message = thrownMessage<nn::FileError>([] { datasets::load(spec("fashion-mnist"), 1); });
        QVERIFY2(message.contains("incomplete") && message.contains("train-labels-idx1-ubyte"), qPrintable(message));
    }

    // ---- predict -------------------------------------------------------------------------

    void readFeaturesScalesNamedColumns()
    {
        const auto data = datasets::load(spec("iris", "auto", 0.1, 0.2), 1);
        // Columns in another order, with the label column and an extra one that are ignored.
        const std::string file = csv("predict.csv", "species,petal_width,note,petal_length,sepal_width,sepal_length\n"
                                                    "?,0.2,a,1.4,3.5,5.1\n"
                                                    "?,2.3,b,5.4,3.0,6.2\n");
        const nn::Tensor x = datasets::readFeatures(file, data.info);
        QCOMPARE(x.shape(), (nn::Shape{2, 4}));
        const std::vector<float> raw{5.1f, 3.5f, 1.4f, 0.2f, 6.2f, 3.0f, 5.4f, 2.3f};
        for (int64_t i = 0; i < 8; ++i) {
            const auto f = static_cast<size_t>(i % 4);
            const float expected = raw[static_cast<size_t>(i)] * data.info.scale[f] + data.info.offset[f];
            QVERIFY2(std::abs(x[i] - expected) < 1e-5f, qPrintable(QString("value %1: %2, expected %3").arg(i).arg(x[i]).arg(expected)));
        }
    }

    void readFeaturesErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("missing columns") << "sepal_length,petal_length\n1,2\n"
                                         << QStringList{"no column 'sepal_width', 'petal_width'", "trained on", "sepal_length, petal_length"};
        QTest::newRow("text") << "sepal_length,sepal_width,petal_length,petal_width\n1,2,3,4\n1,x,3,4\n"
                              << QStringList{"line 3", "column 'sepal_width'", "'x'"};
        QTest::newRow("ragged") << "sepal_length,sepal_width,petal_length,petal_width\n1,2,3\n" << QStringList{"line 2", "expected 4", "found 3"};
        QTest::newRow("no rows") << "sepal_length,sepal_width,petal_length,petal_width\n" << QStringList{"no data rows"};
    }

    void readFeaturesErrors()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const auto data = datasets::load(spec("iris", "auto", 0.1, 0.2), 1);
        const std::string file = csv("predict-bad.csv", text.toStdString());
        const QString message = thrownMessage<nn::FileError>([&] { datasets::readFeatures(file, data.info); });
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(QString("'%1' missing from: %2").arg(part, message)));
    }

    void readFeaturesOfImages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fits");
        QTest::newRow("one column per pixel") << "p0,p1,p2,p3,p4,p5\n0,51,102,153,204,255\n" << true;
        QTest::newRow("with a label column") << "label,p0,p1,p2,p3,p4,p5\n3,0,51,102,153,204,255\n" << true;
        QTest::newRow("too few") << "p0,p1,p2,p3,p4\n0,51,102,153,204\n" << false;
    }

    void readFeaturesOfImages()
    {
        QFETCH(QString, text);
        QFETCH(bool, fits);
        datasets::DataInfo info;
        info.sampleShape = {1, 2, 3};
        info.isImage = true;
        info.scale.assign(6, 1.0f / 255.0f);
        info.offset.assign(6, 0.0f);
        const std::string file = csv("pixels.csv", text.toStdString());
        if (!fits) {
            const QString message = thrownMessage<nn::FileError>([&] { datasets::readFeatures(file, info); });
            QVERIFY2(message.contains("6 values per sample"), qPrintable(message));
            return;
        }
        const nn::Tensor x = datasets::readFeatures(file, info);
        QCOMPARE(x.shape(), (nn::Shape{1, 1, 2, 3}));
        for (int64_t i = 0; i < 6; ++i)
            QVERIFY2(std::abs(x[i] - 0.2f * static_cast<float>(i)) < 1e-6f, qPrintable(QString("pixel %1 is %2").arg(i).arg(x[i])));
    }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "test_datasets.moc"
