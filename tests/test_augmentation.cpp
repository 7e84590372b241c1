// Augmentation of training images: each change does what it says on a tiny image, the batches are
// the same on 1, 2 or 4 threads and differ between epochs, validation is never changed, and with
// everything off the batches are bitwise those of before.
#include "errormessage.h"

#include "datasets/datasets.h"
#include "datasets/imageaugmenter.h"
#include "nn/dataspec.h"
#include "nn/threadarena.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cstring>
#include <numeric>
#include <vector>

namespace {

using Draw = datasets::ImageAugmenter::Draw;

// A 1×3×4 grey image with 255 at (row 0, column 0) and 0 elsewhere, augmented by `draw`.
std::vector<float> augmentedCorner(const Draw &draw, const nn::AugmentSpec &spec = {})
{
    std::vector<float> image(12, 0.0f);
    image[0] = 255.0f;
    datasets::ImageAugmenter(spec, {1, 3, 4}, 255.0f).apply(image.data(), draw);
    return image;
}

nn::DataSpec digitsSpec(const nn::AugmentSpec &augment)
{
    nn::DataSpec spec;
    spec.source = "digits";
    spec.augment = augment;
    return spec;
}

nn::AugmentSpec everythingOn()
{
    nn::AugmentSpec augment;
    augment.flipHorizontal = augment.flipVertical = true;
    augment.shift = 2;
    augment.cropPadding = 2;
    augment.rotation = 15.0;
    augment.brightness = 0.3;
    augment.contrast = 0.3;
    return augment;
}

// The first 64 training samples of `data` as gatherForTraining gives them in `epoch`, on `threads`.
nn::Tensor trainingBatch(const datasets::LoadedData &data, int epoch, int threads = 1)
{
    std::vector<int64_t> indices(64);
    std::iota(indices.begin(), indices.end(), int64_t{0});
    nn::Tensor x, y;
    nn::ThreadArena arena(threads);
    arena.run([&] {
        data.train->gatherForTraining(indices, x, y, 7, epoch);
        return 0;
    });
    return x;
}

bool bitwiseEqual(const nn::Tensor &a, const nn::Tensor &b)
{
    return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), static_cast<size_t>(a.size()) * sizeof(float)) == 0;
}

} // namespace

class AugmentationTest : public QObject {
    Q_OBJECT

private slots:
    void flipsMoveTheCornerPixel_data()
    {
        QTest::addColumn<bool>("horizontal");
        QTest::addColumn<int>("movedTo");
        QTest::newRow("horizontal: to the right end of row 0") << true << 3;
        QTest::newRow("vertical: to the start of the last row") << false << 8;
    }
    void flipsMoveTheCornerPixel()
    {
        QFETCH(bool, horizontal);
        QFETCH(int, movedTo);
        Draw draw;
        (horizontal ? draw.flipHorizontal : draw.flipVertical) = true;
        const auto image = augmentedCorner(draw);
        QCOMPARE(image[size_t(movedTo)], 255.0f);
        QCOMPARE(image[0], 0.0f);
    }

    void shiftMovesThePixelAndRepeatsTheEdge()
    {
        Draw draw;
        draw.shiftX = 1;
        const auto image = augmentedCorner(draw);
        QCOMPARE(image[1], 255.0f);  // moved one to the right
        QCOMPARE(image[0], 255.0f);  // the uncovered column repeats the edge
        QCOMPARE(image[2], 0.0f);
    }

    void cropMovesThePixelAndFillsBlack()
    {
        Draw draw;
        draw.cropX = 1, draw.cropY = 1;
        const auto image = augmentedCorner(draw);
        QCOMPARE(image[5], 255.0f);  // row 1, column 1
        QCOMPARE(std::accumulate(image.begin(), image.end(), 0.0f), 255.0f);
    }

    void rotationTurnsCounterClockwise()
    {
        // 3×3 with the middle of the right edge lit; a quarter turn to the left lights the top middle.
        std::vector<float> image(9, 0.0f);
        image[5] = 100.0f;
        Draw draw;
        draw.angle = 90.0f;
        datasets::ImageAugmenter({}, {1, 3, 3}, 255.0f).apply(image.data(), draw);
        QVERIFY2(std::abs(image[1] - 100.0f) < 1e-3f, qPrintable(QString::number(image[1])));
        QVERIFY2(std::abs(image[5]) < 1e-3f, qPrintable(QString::number(image[5])));
    }

    void brightnessScalesAndContrastPullsToTheMean()
    {
        Draw draw;
        draw.brightness = 0.5f;
        QCOMPARE(augmentedCorner(draw)[0], 127.5f);
        draw.brightness = 1.0f;
        draw.contrast = 0.0f;  // no contrast at all: every pixel is the mean
        const auto flat = augmentedCorner(draw);
        for (float value : flat)
            QCOMPARE(value, 255.0f / 12.0f);
        draw.contrast = 1.0f;
        draw.brightness = 2.0f;  // clipped at the pixel maximum
        QCOMPARE(augmentedCorner(draw)[0], 255.0f);
    }

    // The same image gives the same bytes wherever it lies in memory (vectorized sums start where
    // the alignment allows, so a reduction that relied on them would vary from batch to batch).
    void resultsDoNotDependOnTheImagesAddress()
    {
        const datasets::ImageAugmenter augmenter(everythingOn(), {3, 13, 11}, 255.0f);
        std::vector<float> image(3 * 13 * 11);
        for (size_t i = 0; i < image.size(); ++i)
            image[i] = float((i * 37) % 256);
        std::vector<float> first(image.size() + 16);
        std::copy(image.begin(), image.end(), first.begin());
        augmenter.apply(first.data(), 5, 2, 9);
        for (size_t offset = 1; offset < 16; ++offset) {
            std::vector<float> moved(image.size() + 16);
            std::copy(image.begin(), image.end(), moved.begin() + offset);
            augmenter.apply(moved.data() + offset, 5, 2, 9);
            QVERIFY2(std::memcmp(first.data(), moved.data() + offset, image.size() * sizeof(float)) == 0,
                     qPrintable(QString("the image %1 floats further on came out different").arg(offset)));
        }
    }

    void drawsStayWithinTheSettings()
    {
        nn::AugmentSpec spec;
        spec.shift = 2;
        spec.rotation = 10.0;
        const datasets::ImageAugmenter augmenter(spec, {1, 8, 8}, 255.0f);
        for (int64_t index = 0; index < 200; ++index) {
            const Draw d = augmenter.draw(3, 1, index);
            QVERIFY(!d.flipHorizontal && !d.flipVertical && d.cropX == 0 && d.brightness == 1.0f);
            QVERIFY(std::abs(d.shiftX) <= 2 && std::abs(d.shiftY) <= 2 && std::abs(d.angle) <= 10.0f);
        }
    }

    void batchesAreTheSameOnAnyThreadCount()
    {
        const auto data = datasets::load(digitsSpec(everythingOn()), 1);
        const nn::Tensor one = trainingBatch(data, 1, 1);
        QVERIFY(bitwiseEqual(one, trainingBatch(data, 1, 2)));
        QVERIFY(bitwiseEqual(one, trainingBatch(data, 1, 4)));
    }

    void differentEpochsDiffer()
    {
        const auto data = datasets::load(digitsSpec(everythingOn()), 1);
        QVERIFY(!bitwiseEqual(trainingBatch(data, 1), trainingBatch(data, 2)));
        QVERIFY(bitwiseEqual(trainingBatch(data, 2), trainingBatch(data, 2)));
    }

    void augmentationChangesTrainingSamples()
    {
        const auto data = datasets::load(digitsSpec(everythingOn()), 1);
        std::vector<int64_t> indices(64);
        std::iota(indices.begin(), indices.end(), int64_t{0});
        nn::Tensor plain, y;
        data.train->gather(indices, plain, y);
        QVERIFY(!bitwiseEqual(plain, trainingBatch(data, 1)));
    }

    void offGivesBitwiseTheOldBatches()
    {
        const auto data = datasets::load(digitsSpec({}), 1);
        std::vector<int64_t> indices(64);
        std::iota(indices.begin(), indices.end(), int64_t{0});
        nn::Tensor plain, y;
        data.train->gather(indices, plain, y);
        QVERIFY(bitwiseEqual(plain, trainingBatch(data, 1)));
    }

    void validationAndTestAreNeverAugmented()
    {
        const auto on = datasets::load(digitsSpec(everythingOn()), 1);
        const auto off = datasets::load(digitsSpec({}), 1);
        for (auto split : {&datasets::LoadedData::validation, &datasets::LoadedData::test}) {
            std::vector<int64_t> indices(static_cast<size_t>((on.*split)->size()));
            std::iota(indices.begin(), indices.end(), int64_t{0});
            nn::Tensor a, b, y;
            (on.*split)->gatherForTraining(indices, a, y, 7, 3);
            (off.*split)->gather(indices, b, y);
            QVERIFY(bitwiseEqual(a, b));
        }
    }

    void tablesRefuseAugmentationWithAMessage()
    {
        nn::DataSpec spec = digitsSpec(everythingOn());
        spec.source = "iris";
        const std::string message = errorMessage([&] { datasets::load(spec, 1); });
        QVERIFY2(message.find("'iris'") != std::string::npos && message.find("augment") != std::string::npos, message.c_str());
    }

    void settingsRoundTripThroughTheFile()
    {
        nn::DataSpec spec = digitsSpec(everythingOn());
        QCOMPARE(nn::DataSpec::fromJson(spec.toJson()).augment, spec.augment);
        QVERIFY2(!digitsSpec({}).toJson().contains("augment"), "a file without augmentation stays as it was");
        nlohmann::json json = spec.toJson();
        json["augment"]["rotation"] = 90;
        const std::string message = errorMessage([&] { nn::DataSpec::fromJson(json); });
        QVERIFY2(message.find("rotation") != std::string::npos && message.find("30") != std::string::npos, message.c_str());
        json["augment"] = {{"rotate", 5}};
        QVERIFY(errorMessage([&] { nn::DataSpec::fromJson(json); }).find("rotate") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(AugmentationTest)
#include "test_augmentation.moc"
