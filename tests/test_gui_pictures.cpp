// Your own pictures in the window: "Folder of images…" in the data section (classes, thumbnails,
// skipped files, undo) and Try it (a dropped or pasted picture and the model's probabilities,
// the same numbers predict gives).
#include "digitsproject.h"
#include "guitest.h"

#include "app/canvasactions.h"
#include "panels/datasection.h"
#include "panels/imagefoldersummary.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/tryit/probabilitybars.h"
#include "views/tryit/tryitpanel.h"

#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/weights.h"

#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>

#include <cmath>
#include <numeric>

namespace {

const QStringList kClasses = {QStringLiteral("blue"), QStringLiteral("green"), QStringLiteral("red")};
constexpr int kPerClass = 4;

// A 12×10 picture of one colour with a little texture, so that a class has a look of its own.
QImage colourPicture(QColor colour, int seed)
{
    QImage image(12, 10, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const int jitter = ((x * 7 + y * 13 + seed * 5) % 9) * 4;
            image.setPixel(x, y, qRgb(std::min(255, colour.red() + jitter), std::min(255, colour.green() + jitter),
                                      std::min(255, colour.blue() + jitter)));
        }
    return image;
}

QColor colourOf(const QString &name)
{
    return name == QLatin1String("red") ? QColor(200, 20, 20) : name == QLatin1String("green") ? QColor(20, 180, 30) : QColor(20, 30, 200);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

// blue/, green/ and red/ with four PNGs each, and one bad file of each kind: a truncated JPEG, an
// empty PNG and a text file.
void makeFolder(const QString &root)
{
    for (const QString &name : kClasses) {
        QDir(root).mkpath(name);
        for (int i = 0; i < kPerClass; ++i)
            QVERIFY(colourPicture(colourOf(name), i).save(QStringLiteral("%1/%2/%2%3.png").arg(root, name).arg(i)));
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(colourPicture(colourOf(QStringLiteral("red")), 9).save(&buffer, "JPEG"));
    writeFile(root + QStringLiteral("/red/truncated.jpg"), jpeg.left(jpeg.size() / 2));
    writeFile(root + QStringLiteral("/green/empty.png"), {});
    writeFile(root + QStringLiteral("/blue/notes.txt"), "not an image\n");
}

// The digits network made for these pictures: Input [3, 8, 8] → Flatten → Dense(3), on `source`.
nn::Project pictureProject(const std::string &source)
{
    nn::Project project = digitsProject(2);
    project.name = "pictures";
    project.data.source = source;
    project.graph.node(project.graph.findByName("input")->id).settings.set("shape", std::vector<int64_t>{3, 8, 8});
    project.graph.node(project.graph.findByName("output")->id).settings.set("units", int64_t{3});
    return project;
}

// What `layerlab-cli predict` computes for one file: the same calls, on an experiment with the
// weights saved in `weights` (none: the seed's fresh weights).
std::vector<float> predictLikeCli(const nn::Project &project, const QString &file, const QString &weights = {})
{
    datasets::Experiment experiment(project);
    if (!weights.isEmpty())
        nn::loadWeights(experiment.model(), weights.toStdString());
    const nn::Tensor x = datasets::readImages({file.toStdString()}, experiment.data().info, project.data.imageResize);
    const nn::Tensor p = experiment.probabilities(experiment.model().forward(x, nn::RunContext{}));
    return {p.data(), p.data() + p.size()};
}

void expectSame(const std::vector<float> &shown, const std::vector<float> &reference)
{
    QCOMPARE(shown.size(), reference.size());
    QVERIFY(std::abs(std::accumulate(shown.begin(), shown.end(), 0.0) - 1.0) < 1e-5);
    for (size_t k = 0; k < shown.size(); ++k)
        QVERIFY2(std::abs(shown[k] - reference[k]) < 1e-5,
                 qPrintable(QStringLiteral("class %1: window %2, predict %3").arg(k).arg(shown[k]).arg(reference[k])));
}

void dropOnCanvas(MainWindow &window, const QString &file)
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(file)});
    QWidget *viewport = window.view()->viewport();
    const QPoint at = viewport->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY2(enter.isAccepted(), "the window takes an image file dragged over the canvas");
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
}

} // namespace

class GuiPicturesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void folderOfImagesShowsClassesThumbnailsAndSkippedFiles();
    void oneClassFolderShowsWhatToAdd();
    void droppedPictureGetsThePredictProbabilities();
    void unreadableDropSaysWhy();
    void colourPicturesKeepTheirLevels();
    void pastedImageIsTried();

private:
    QTemporaryDir scratch_;
    QString folder_;
};

void GuiPicturesTest::initTestCase()
{
    guitest::useTestSettings();
    QVERIFY(scratch_.isValid());
    folder_ = scratch_.filePath(QStringLiteral("colours"));
    makeFolder(folder_);
}

void GuiPicturesTest::folderOfImagesShowsClassesThumbnailsAndSkippedFiles()
{
    auto window = guitest::newWindow();
    window->document()->setProject(pictureProject("spiral"), {});
    DataSection *data = window->trainingPanel()->dataSection();
    data->setFolderChooser([this](const QString &) { return folder_; });
    QSignalSpy progress(window->training(), &TrainingController::dataLoadProgress);
    QComboBox *source = data->sourceBox();
    const int entry = source->findData(QString::fromLatin1(DataSection::kChooseFolder));
    QVERIFY2(entry >= 0, "the source list offers Folder of images…");
    source->setCurrentIndex(entry);
    emit source->activated(entry);
    QCOMPARE(QString::fromStdString(window->document()->project().data.source), folder_);

    ImageFolderSummary *summary = data->folderSummary();
    QTRY_VERIFY_WITH_TIMEOUT(!summary->snapshot().folder.isEmpty(), 20000);
    QVERIFY2(!progress.isEmpty(), "decoding reports its progress to the window");
    const ImageFolderSnapshot &shown = summary->snapshot();
    QCOMPARE(shown.classNames, kClasses);
    QCOMPARE(shown.counts, std::vector<int64_t>(3, kPerClass));
    QCOMPARE(summary->thumbnailLabels().size(), 3 * kPerClass);
    // Colour thumbnails: the red class's first picture is red, not grey.
    const QImage red = shown.thumbnails[2].front();
    QVERIFY2(red.format() != QImage::Format_Grayscale8 && qRed(red.pixel(0, 0)) > 2 * qGreen(red.pixel(0, 0)),
             "thumbnails keep the images' colours");
    QStringList skipped;
    for (int i = 0; i < summary->skippedList()->count(); ++i)
        skipped << summary->skippedList()->item(i)->text();
    QCOMPARE(skipped.size(), 3);
    for (const QString &bad : {QStringLiteral("red/truncated.jpg"), QStringLiteral("green/empty.png"), QStringLiteral("blue/notes.txt")})
        QVERIFY2(skipped.filter(bad).size() == 1, qPrintable(bad + QStringLiteral(" is listed as skipped: ") + skipped.join(u'|')));

    // The choice is one undo step.
    window->document()->undoStack()->undo();
    QCOMPARE(window->document()->project().data.source, std::string("spiral"));
}

void GuiPicturesTest::oneClassFolderShowsWhatToAdd()
{
    const QString lonely = scratch_.filePath(QStringLiteral("lonely"));
    QDir().mkpath(lonely + QStringLiteral("/cats"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(colourPicture(Qt::gray, i).save(QStringLiteral("%1/cats/cat%2.png").arg(lonely).arg(i)));
    QString expected;
    try {
        datasets::Experiment experiment(pictureProject(lonely.toStdString()));
    } catch (const nn::Error &error) {
        expected = QString::fromStdString(error.what());
    }
    QVERIFY2(expected.contains(QStringLiteral("one class")), qPrintable(expected));

    auto window = guitest::newWindow();
    window->document()->setProject(pictureProject(lonely.toStdString()), {});
    QLabel *problem = window->trainingPanel()->dataSection()->folderSummary()->problemLabel();
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(expected), 20000);
    QVERIFY(!problem->isHidden());
}

void GuiPicturesTest::droppedPictureGetsThePredictProbabilities()
{
    const nn::Project project = pictureProject(folder_.toStdString());
    auto window = guitest::newWindow();
    window->document()->setProject(project, {});
    QTRY_VERIFY_WITH_TIMEOUT(!window->trainingPanel()->dataSection()->folderSummary()->snapshot().folder.isEmpty(), 20000);
    // A picture of another size than the Input's: it is fitted as the data was.
    const QString file = scratch_.filePath(QStringLiteral("try.png"));
    QVERIFY(colourPicture(QColor(190, 40, 30), 3).scaled(30, 17).save(file));

    TryItPanel *tryIt = window->tryIt();
    dropOnCanvas(*window, file);
    QTRY_VERIFY_WITH_TIMEOUT(!tryIt->result().values.empty() || !tryIt->result().problem.isEmpty(), 20000);
    QVERIFY2(tryIt->result().problem.isEmpty(), qPrintable(tryIt->result().problem));
    QVERIFY2(window->findChild<QDockWidget *>(QStringLiteral("tryIt"))->isVisible(), "a drop brings Try it to the front");
    const std::vector<float> untrained = tryIt->result().values;
    expectSame(untrained, predictLikeCli(project, file));
    QCOMPARE(tryIt->bars()->rowTexts().size(), 3);
    QVERIFY2(!tryIt->noteLabel()->isHidden(), "before training, Try it says the weights are random");
    QCOMPARE(tryIt->result().seen.size(), QSize(8, 8));

    // After training, the weights in memory answer: the same numbers as predict with them saved.
    TrainingController *training = window->training();
    QSignalSpy finished(training, &TrainingController::finished);
    training->trainAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QTRY_VERIFY(tryIt->noteLabel()->isHidden());
    QTRY_VERIFY(tryIt->result().values != untrained);
    const QString projectPath = scratch_.filePath(QStringLiteral("pictures.layerlab.json"));
    QSignalSpy saved(training, &TrainingController::weightsSaved);
    training->saveWeightsBeside(projectPath);
    QVERIFY(saved.wait(20000));
    expectSame(tryIt->result().values, predictLikeCli(project, file, QString::fromStdString(nn::weightsPathFor(projectPath.toStdString()))));
}

void GuiPicturesTest::unreadableDropSaysWhy()
{
    auto window = guitest::newWindow();
    window->document()->setProject(pictureProject(folder_.toStdString()), {});
    dropOnCanvas(*window, folder_ + QStringLiteral("/red/truncated.jpg"));
    TryItPanel *tryIt = window->tryIt();
    QTRY_VERIFY(!tryIt->result().problem.isEmpty());
    QVERIFY2(tryIt->problemLabel()->text().contains(QStringLiteral("truncated.jpg")), qPrintable(tryIt->problemLabel()->text()));
    QVERIFY(tryIt->result().values.empty());
}

// A dark picture stays dark in Try it and in the thumbnails: colours are not stretched per image.
void GuiPicturesTest::colourPicturesKeepTheirLevels()
{
    auto window = guitest::newWindow();
    window->document()->setProject(pictureProject(folder_.toStdString()), {});
    QImage dark(8, 8, QImage::Format_RGB32);
    dark.fill(qRgb(60, 20, 10));
    const QString file = scratch_.filePath(QStringLiteral("dark.png"));
    QVERIFY(dark.save(file));
    dropOnCanvas(*window, file);
    TryItPanel *tryIt = window->tryIt();
    QTRY_VERIFY_WITH_TIMEOUT(!tryIt->result().values.empty(), 20000);
    const QRgb seen = tryIt->result().seen.pixel(4, 4);
    QVERIFY2(std::abs(qRed(seen) - 60) <= 1 && std::abs(qGreen(seen) - 20) <= 1 && std::abs(qBlue(seen) - 10) <= 1,
             qPrintable(QStringLiteral("the network sees (60, 20, 10), the panel shows (%1, %2, %3)")
                            .arg(qRed(seen)).arg(qGreen(seen)).arg(qBlue(seen))));
}

void GuiPicturesTest::pastedImageIsTried()
{
    auto window = guitest::newWindow();
    window->document()->setProject(pictureProject(folder_.toStdString()), {});
    QTRY_VERIFY_WITH_TIMEOUT(!window->trainingPanel()->dataSection()->folderSummary()->snapshot().folder.isEmpty(), 20000);
    QGuiApplication::clipboard()->setImage(colourPicture(QColor(20, 30, 200), 1));
    const std::string graph = guitest::graphJson(*window);
    window->canvasActions()->paste()->trigger();  // Ctrl+V: no layers in the clipboard, but a picture
    TryItPanel *tryIt = window->tryIt();
    QTRY_VERIFY_WITH_TIMEOUT(!tryIt->result().values.empty(), 20000);
    QCOMPARE(guitest::graphJson(*window), graph);  // no layers were pasted
    QVERIFY(std::abs(std::accumulate(tryIt->result().values.begin(), tryIt->result().values.end(), 0.0) - 1.0) < 1e-5);
}

QTEST_MAIN(GuiPicturesTest)
#include "test_gui_pictures.moc"
