// Image data: folders of PNG and JPEG files (decoding, fitting to the Input's size, the cache and
// its invalidation, bad files listed, messages that say what to add, training and predicting from
// the CLI) and the generated Shapes set.
#include "errormessage.h"

#include "datasets/datasets.h"
#include "datasets/imagecache.h"
#include "datasets/imagedecoder.h"
#include "datasets/imagefit.h"
#include "datasets/shapesset.h"
#include "nn/random.h"

#include <QtTest>

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <tbb/global_control.h>

#include <array>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <vector>

namespace {

constexpr int kClasses = 4;
constexpr int kImagesPerClass = 500;
const char *const kClassNames[kClasses] = {"blue", "green", "red", "yellow"};  // sorted, as the folder's classes are
const QRgb kClassColours[kClasses] = {qRgb(30, 40, 220), qRgb(40, 200, 50), qRgb(220, 30, 40), qRgb(230, 220, 40)};

// An image of `colour` with noise and a darker square somewhere, of a size between 40 and 119 pixels.
QImage noisyImage(QRgb colour, nn::Rng &rng)
{
    const int width = 40 + static_cast<int>(rng.below(80)), height = 40 + static_cast<int>(rng.below(80));
    QImage image(width, height, QImage::Format_RGB32);
    const int sx = static_cast<int>(rng.below(static_cast<uint64_t>(width / 2))), sy = static_cast<int>(rng.below(static_cast<uint64_t>(height / 2)));
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const float shade = (x >= sx && x < sx + width / 3 && y >= sy && y < sy + height / 3) ? 0.6f : 1.0f;
            const auto channel = [&](int value) { return std::clamp(static_cast<int>(value * shade + rng.normal(0.0f, 20.0f)), 0, 255); };
            line[x] = qRgb(channel(qRed(colour)), channel(qGreen(colour)), channel(qBlue(colour)));
        }
    }
    return image;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// `perClass` images in each of the four colour folders, PNG and JPEG in turn, plus the three bad
// files of the issue: a truncated JPEG, a zero-byte PNG and a text file.
void makeImageFolder(const QString &folder, int perClass)
{
    nn::Rng rng(7);
    for (int c = 0; c < kClasses; ++c) {
        QVERIFY(QDir().mkpath(folder + "/" + kClassNames[c]));
        for (int i = 0; i < perClass; ++i) {
            const QString name = QString("%1/%2/%3.%4").arg(folder, kClassNames[c]).arg(i, 4, 10, QChar('0')).arg(i % 2 ? "jpg" : "png");
            QVERIFY(noisyImage(kClassColours[c], rng).save(name, nullptr, 90));
        }
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(noisyImage(kClassColours[0], rng).save(&buffer, "JPEG", 90));
    writeBytes(folder + "/blue/truncated.jpg", jpeg.left(jpeg.size() / 2));
    writeBytes(folder + "/green/empty.png", {});
    writeBytes(folder + "/red/notes.txt", "These are my red pictures.\n");
}

datasets::LoadedData loadFolder(const QString &folder, const std::string &resize = "stretch", const nn::Shape &shape = {3, 32, 32})
{
    nn::DataSpec spec;
    spec.source = folder.toStdString();
    spec.imageResize = resize;
    return datasets::load(spec, 1, {shape, {}});
}

int64_t sampleCount(const datasets::LoadedData &data)
{
    return data.train->size() + data.validation->size() + data.test->size();
}

// The first training sample as the model sees it (scaled to 0..1): [channels, height, width].
nn::Tensor firstSample(const datasets::LoadedData &data)
{
    nn::Tensor x, y;
    const int64_t index = 0;
    data.train->gather({&index, 1}, x, y);
    return x;
}

struct Result {
    int exitCode = -1;
    QString out, err;
};

Result runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(LAYERLAB_CLI, arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// A project that reads [3, 32, 32] images into one Dense layer of four classes.
QByteArray colourProject()
{
    QFile file(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/shapes-mlp.layerlab.json");
    file.open(QIODevice::ReadOnly);
    QByteArray text = file.readAll();
    return text.replace("\"units\": 5", "\"units\": 4");
}

} // namespace

class TestImages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString folder;

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        folder = dir.filePath("pictures");
        makeImageFolder(folder, kImagesPerClass);
    }

    void aFolderLoadsItsImagesAndListsTheBadFiles()
    {
        std::filesystem::remove_all((folder + "/.layerlab-cache").toStdString());
        const auto data = loadFolder(folder);
        QCOMPARE(sampleCount(data), int64_t{kClasses * kImagesPerClass});
        QCOMPARE(data.info.classNames, std::vector<std::string>(std::begin(kClassNames), std::end(kClassNames)));
        QCOMPARE(data.info.sampleShape, (nn::Shape{3, 32, 32}));
        QVERIFY(data.info.isImage);
        QVERIFY(!data.info.fromCache);
        QCOMPARE(data.info.skippedFiles.size(), size_t{3});
        const QString skipped = QString::fromStdString(data.info.skippedFiles[0] + "\n" + data.info.skippedFiles[1] + "\n" +
                                                       data.info.skippedFiles[2]);
        QVERIFY2(skipped.contains("blue/truncated.jpg: truncated JPEG"), qPrintable(skipped));
        QVERIFY2(skipped.contains("green/empty.png: empty file"), qPrintable(skipped));
        QVERIFY2(skipped.contains("red/notes.txt: not a PNG or JPEG image"), qPrintable(skipped));
    }

    void pixelsAreScaledAndLaidOutByChannel()
    {
        const auto data = loadFolder(folder);
        const nn::Tensor x = firstSample(data);
        QCOMPARE(x.shape(), (nn::Shape{1, 3, 32, 32}));
        double mean[3] = {0, 0, 0};
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 32 * 32; ++i)
                mean[c] += x.data()[c * 1024 + i] / 1024.0;
        for (double m : mean)
            QVERIFY2(m >= 0.0 && m <= 1.0, "pixels are scaled to 0..1");
        QVERIFY2(std::max({mean[0], mean[1], mean[2]}) - std::min({mean[0], mean[1], mean[2]}) > 0.3,
                 "each class has one strong colour channel");
    }

    void greyInputsGetOneChannel()
    {
        const auto data = loadFolder(folder, "crop", {1, 20, 24});
        QCOMPARE(data.info.sampleShape, (nn::Shape{1, 20, 24}));
        QCOMPARE(sampleCount(data), int64_t{kClasses * kImagesPerClass});
    }

    // The second open reads the cache and gives every sample and label of the first, bit for bit.
    // How much faster it is, is printed (`ctest -R images -V`), not asserted: it depends on the load.
    void theSecondOpenReadsTheCache()
    {
        std::filesystem::remove_all((folder + "/.layerlab-cache").toStdString());
        QElapsedTimer timer;
        timer.start();
        const auto first = loadFolder(folder);
        const qint64 decodeNs = timer.nsecsElapsed();
        timer.restart();
        const auto second = loadFolder(folder);
        const qint64 cachedNs = timer.nsecsElapsed();
        QVERIFY(!first.info.fromCache);
        QVERIFY(second.info.fromCache);
        QCOMPARE(second.info.skippedFiles, first.info.skippedFiles);
        const auto splits = [](const datasets::LoadedData &data) {
            return std::array{data.train.get(), data.validation.get(), data.test.get()};
        };
        for (size_t s = 0; s < 3; ++s) {
            const auto *a = splits(first)[s], *b = splits(second)[s];
            QCOMPARE(b->size(), a->size());
            std::vector<int64_t> all(size_t(a->size()));
            std::iota(all.begin(), all.end(), int64_t{0});
            nn::Tensor x1, y1, x2, y2;
            a->gather(all, x1, y1);
            b->gather(all, x2, y2);
            QCOMPARE(x2.shape(), x1.shape());
            QVERIFY(std::memcmp(x2.data(), x1.data(), size_t(x1.size()) * sizeof(float)) == 0);
            QVERIFY(std::memcmp(y2.data(), y1.data(), size_t(y1.size()) * sizeof(float)) == 0);
        }
        qInfo("decoding %.0f ms, reading the cache %.0f ms", decodeNs / 1e6, cachedNs / 1e6);
    }

    void changedFilesInvalidateTheCache()
    {
        const QString copy = dir.filePath("changing");
        makeImageFolder(copy, 3);
        QCOMPARE(sampleCount(loadFolder(copy)), int64_t{12});
        QVERIFY(loadFolder(copy).info.fromCache);
        nn::Rng rng(3);
        QVERIFY(noisyImage(kClassColours[2], rng).save(copy + "/red/added.png"));
        auto data = loadFolder(copy);
        QVERIFY2(!data.info.fromCache, "a new file invalidates the cache");
        QCOMPARE(sampleCount(data), int64_t{13});
        QVERIFY(QFile::remove(copy + "/red/0000.png"));
        data = loadFolder(copy);
        QVERIFY2(!data.info.fromCache, "a removed file invalidates the cache");
        QCOMPARE(sampleCount(data), int64_t{12});
        QVERIFY(QFile::remove(copy + "/green/empty.png"));  // the empty file replaced by a good image
        QVERIFY(QFile::copy(copy + "/red/added.png", copy + "/green/empty.png"));
        QVERIFY(QFile::remove(copy + "/blue/truncated.jpg"));
        data = loadFolder(copy);
        QVERIFY(!data.info.fromCache);
        QCOMPARE(sampleCount(data), int64_t{13});
        QCOMPARE(data.info.skippedFiles.size(), size_t{1});
        QVERIFY2(!loadFolder(copy, "pad").info.fromCache, "another resize mode has its own cache");
        QVERIFY(loadFolder(copy, "pad").info.fromCache);
    }

    void aDamagedCacheIsDecodedAfresh()
    {
        const QString copy = dir.filePath("damaged-cache");
        makeImageFolder(copy, 2);
        loadFolder(copy);
        const QString cache = QString::fromStdString(datasets::ImageCache::pathFor(copy.toStdString(), {3, 32, 32}, "stretch"));
        QFile file(cache);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 10));
        file.close();
        const auto data = loadFolder(copy);
        QVERIFY(!data.info.fromCache);
        QCOMPARE(sampleCount(data), int64_t{8});
    }

    // fuzz_imagecache's finding: a cache whose fingerprint is a list threw from the JSON library
    // instead of counting as a stale cache.
    void aCacheWithAFingerprintOfAnotherTypeIsStale()
    {
        const std::string path = LAYERLAB_SOURCE_DIR "/tests/fuzz/crashes/fuzz_imagecache/fingerprint-not-text.bin";
        QVERIFY(QFile::exists(QString::fromStdString(path)));
        QVERIFY(!datasets::ImageCache::read(path, 1).has_value());
    }

    void rewrittenFileOfTheSameSizeInvalidatesTheCache()
    {
        const QString copy = dir.filePath("rewritten");
        makeImageFolder(copy, 2);
        loadFolder(copy);
        const QString file = copy + "/red/notes.txt";
        QFile::remove(file);
        QTest::qSleep(20);  // a later modification time
        writeBytes(file, "These are my red pictures.\n");
        QVERIFY(!loadFolder(copy).info.fromCache);
    }

    void resizeModesKeepOrCutTheProportions_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("centreChannel");  // the strongest channel in the middle column
        QTest::addColumn<int>("edgeChannel");    // … in the leftmost column, -1 for black
        QTest::addColumn<bool>("topRowBlack");
        QTest::newRow("stretch") << "stretch" << 1 << 0 << false;
        QTest::newRow("crop") << "crop" << 1 << 1 << false;
        QTest::newRow("pad") << "pad" << 1 << 0 << true;
    }
    void resizeModesKeepOrCutTheProportions()
    {
        QFETCH(QString, mode);
        QFETCH(int, centreChannel);
        QFETCH(int, edgeChannel);
        QFETCH(bool, topRowBlack);
        // 96×32: a red, a green and a blue third, fitted to 16×16.
        QImage image(96, 32, QImage::Format_RGB32);
        for (int x = 0; x < 96; ++x)
            for (int y = 0; y < 32; ++y)
                image.setPixel(x, y, x < 32 ? qRgb(255, 0, 0) : x < 64 ? qRgb(0, 255, 0) : qRgb(0, 0, 255));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        const datasets::Image decoded = datasets::ImageDecoder::decode(png.toStdString(), 3);
        QCOMPARE(decoded.width, 96);
        QCOMPARE(decoded.pixels[0], uint8_t{255});
        std::vector<uint8_t> out(3 * 16 * 16);
        datasets::ImageFit::fit(decoded, 16, 16, datasets::ImageFit::modeFromName(mode.toStdString()), out.data());
        const auto strongest = [&](int x, int y) {
            int best = -1, value = 20;
            for (int c = 0; c < 3; ++c)
                if (out[static_cast<size_t>(c * 256 + y * 16 + x)] > value)
                    best = c, value = out[static_cast<size_t>(c * 256 + y * 16 + x)];
            return best;
        };
        QCOMPARE(strongest(8, 8), centreChannel);
        QCOMPARE(strongest(0, 8), edgeChannel);
        QCOMPARE(strongest(8, 0) == -1, topRowBlack);
    }

    void aShortJpegClaimingAHugeImageStopsAtItsEnd()
    {
        // fuzz_jpeg's finding: 419 bytes declaring 60945×255 pixels, whose data ends at an EOI marker;
        // decoding it to the end took 24 s under the sanitizers.
        QFile file(LAYERLAB_SOURCE_DIR "/tests/fuzz/crashes/fuzz_jpeg/slow-wide-image-ends-early.jpg");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string bytes = file.readAll().toStdString();
        QElapsedTimer timer;
        timer.start();
        const std::string message = errorMessage([&] { datasets::ImageDecoder::decode(bytes, 3); });
        QVERIFY2(message.starts_with("truncated JPEG"), message.c_str());
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString("took %1 ms").arg(timer.elapsed())));
    }

    void aPngChunkClaimingMoreThanTheFileHasIsRefused()
    {
        // fuzz_png's finding: an 84-byte PNG whose eXIf chunk claims 2 GB, which libpng allocates
        // before reading it.
        QFile file(LAYERLAB_SOURCE_DIR "/tests/fuzz/crashes/fuzz_png/exif-chunk-claims-2gb.png");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string bytes = file.readAll().toStdString();
        const std::string message = errorMessage([&] { datasets::ImageDecoder::decode(bytes, 3); });
        QVERIFY2(message == "damaged or truncated PNG (its eXIf chunk claims 2113929234 bytes, the file has 39 left)",
                 message.c_str());
    }

    void oneClassSaysToAddAnother()
    {
        const QString lonely = dir.filePath("one-class");
        makeImageFolder(lonely, 2);
        for (const char *name : {"green", "red", "yellow"})
            QVERIFY(QDir(lonely + "/" + name).removeRecursively());
        const std::string message = errorMessage([&] { loadFolder(lonely); });
        QVERIFY2(message.find("only one class (blue)") != std::string::npos && message.find("add a subfolder") != std::string::npos,
                 message.c_str());
    }

    void aClassWithOneImageSaysToAddMore()
    {
        const QString few = dir.filePath("few");
        makeImageFolder(few, 2);
        QVERIFY(QFile::remove(few + "/yellow/0001.jpg"));
        const std::string message = errorMessage([&] { loadFolder(few); });
        QVERIFY2(message.find("'yellow'") != std::string::npos && message.find("add at least 1 more") != std::string::npos,
                 message.c_str());
    }

    void aFolderWithoutClassFoldersSaysHowToArrangeIt()
    {
        const QString flat = dir.filePath("flat-only");
        QVERIFY(QDir().mkpath(flat));
        nn::Rng rng(5);
        QVERIFY(noisyImage(kClassColours[0], rng).save(flat + "/a.png"));
        const std::string message = errorMessage([&] { loadFolder(flat); });
        QVERIFY2(message.find("subfolder named after the class") != std::string::npos, message.c_str());
    }

    void aFlatFolderTakesItsLabelsFromACsv()
    {
        const QString flat = dir.filePath("flat");
        QVERIFY(QDir().mkpath(flat));
        nn::Rng rng(9);
        QByteArray csv = "file,label\n";
        for (int i = 0; i < 12; ++i) {
            const int c = i % 3;
            const QString name = QString("img%1.%2").arg(i).arg(i % 2 ? "jpg" : "png");
            QVERIFY(noisyImage(kClassColours[c], rng).save(flat + "/" + name));
            csv += (name + "," + kClassNames[c] + "\n").toUtf8();
        }
        csv += "missing.png,blue\n";
        writeBytes(dir.filePath("labels.csv"), csv);
        nn::DataSpec spec;
        spec.source = flat.toStdString();
        spec.labels = dir.filePath("labels.csv").toStdString();
        const auto data = datasets::load(spec, 1, {{3, 8, 8}, {}});
        QCOMPARE(data.info.classNames, (std::vector<std::string>{"blue", "green", "red"}));
        QCOMPARE(sampleCount(data), int64_t{12});
        QCOMPARE(data.info.skippedFiles.size(), size_t{1});
        QVERIFY(data.info.skippedFiles[0].starts_with("missing.png: "));
    }

    void anInputThatIsNotAnImageShapeIsExplained()
    {
        const std::string message = errorMessage([&] { loadFolder(folder, "stretch", {3072}); });
        QVERIFY2(message.find("[channels, height, width]") != std::string::npos, message.c_str());
    }

    void theCliTrainsOnTheFolderAndPredictsImages()
    {
        const QString project = dir.filePath("colours.layerlab.json");
        writeBytes(project, colourProject());
        const QString trained = dir.filePath("trained.layerlab.json");
        const Result r = runCli({"train", project, "--data", folder, "--epochs", "3", "--json", "--out", trained});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject data, done;
        for (const QString &line : r.out.split('\n', Qt::SkipEmptyParts)) {
            const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
            if (object["event"] == "data")
                data = object;
            if (object["event"] == "done")
                done = object;
        }
        QCOMPARE(data["skipped"].toArray().size(), 3);
        QVERIFY2(done["test_accuracy"].toDouble() > 0.9, qPrintable(r.out.right(400)));

        const Result one = runCli({"predict", trained, "--input", folder + "/red/0002.png"});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QVERIFY2(one.out.startsWith("file,predicted,p_blue,p_green,p_red,p_yellow\n"), qPrintable(one.out));
        QVERIFY2(one.out.contains("red/0002.png,red,"), qPrintable(one.out));

        const Result many = runCli({"predict", trained, "--input", folder + "/yellow", "--json"});
        QVERIFY2(many.exitCode == 0, qPrintable(many.err));
        const QStringList lines = many.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), kImagesPerClass);  // the text file is not an image name; the bad ones are in other folders
        int yellow = 0;
        for (const QString &line : lines)
            yellow += QJsonDocument::fromJson(line.toUtf8()).object()["predicted"] == "yellow";
        QVERIFY2(yellow > kImagesPerClass * 9 / 10, qPrintable(QString::number(yellow)));

        const Result bad = runCli({"predict", trained, "--input", folder + "/blue/truncated.jpg"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("truncated.jpg cannot be read as an image: truncated JPEG"), qPrintable(bad.err));
    }

    void shapesAreTheSameOnAnyNumberOfThreads()
    {
        const auto many = datasets::ShapesSet::generate(200, datasets::ShapesSet::kSeed);
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        const auto single = datasets::ShapesSet::generate(200, datasets::ShapesSet::kSeed);
        QVERIFY(many.samples->inputs == single.samples->inputs);
        QVERIFY(many.samples->targets == single.samples->targets);
        QVERIFY(datasets::ShapesSet::generate(200, 99).samples->inputs != many.samples->inputs);
    }

    void shapesHaveFiveBalancedClassesInColour()
    {
        nn::DataSpec spec;
        spec.source = "shapes";
        const auto data = datasets::load(spec, 1);
        QCOMPARE(sampleCount(data), datasets::ShapesSet::kDefaultCount);
        QVERIFY(datasets::ShapesSet::kDefaultCount >= 10'000);
        QCOMPARE(data.info.sampleShape, (nn::Shape{3, 32, 32}));
        QCOMPARE(data.info.classNames, (std::vector<std::string>{"circle", "square", "triangle", "star", "cross"}));
        const auto raw = datasets::ShapesSet::generate(10, datasets::ShapesSet::kSeed);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(raw.samples->targets[static_cast<size_t>(i)], static_cast<float>(i % 5));
        const uint8_t *image = raw.samples->inputs.data();
        QVERIFY2(!std::equal(image, image + 1024, image + 1024), "the channels differ: a colour image");
    }
};

QTEST_MAIN(TestImages)
#include "test_images.moc"
