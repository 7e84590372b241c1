// The augmentation preview in the Training panel's data section: with everything off its variants
// are the training image itself; changing a setting is one undoable edit that redraws them.
#include "guitest.h"

#include "panels/augmentpreview.h"
#include "panels/augmentsection.h"
#include "panels/datasection.h"
#include "panels/settingeditor.h"
#include "panels/trainingpanel.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace guitest;

namespace {

// A 16×12 colour picture without any symmetry, so that every flip, shift or turn shows.
QImage lopsidedPicture()
{
    QImage image(16, 12, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(x * 15, y * 20, (x * y * 7) % 256));
    return image;
}

bool samePixels(const QImage &a, const QImage &b)
{
    return a.convertToFormat(QImage::Format_RGB32) == b.convertToFormat(QImage::Format_RGB32);
}

// Two classes of three pictures each and the shapes-cnn network (two outputs) reading them; returns
// the project's path, empty when it could not be written.
QString tinyPictureProject(const QString &folder)
{
    const char *classes[] = {"left", "right"};
    for (int k = 0; k < 2; ++k) {
        QDir(folder).mkpath(classes[k]);
        for (int i = 0; i < 3; ++i) {
            QImage picture = lopsidedPicture();
            if (k == 1)
                picture = picture.mirrored(true, false);
            picture.save(QString("%1/%2/%3.png").arg(folder, classes[k]).arg(i));
        }
    }
    QFile example(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/shapes-cnn.layerlab.json");
    if (!example.open(QIODevice::ReadOnly))
        return {};
    nlohmann::json json = nlohmann::json::parse(example.readAll().replace("\"units\": 5", "\"units\": 2").toStdString());
    json["data"]["source"] = folder.toStdString();
    const QString path = folder + "/tiny.layerlab.json";
    QFile project(path);
    if (!project.open(QIODevice::WriteOnly))
        return {};
    project.write(QByteArray::fromStdString(json.dump(2)));
    return path;
}

int variantsLike(const AugmentPreview &preview, const QImage &image)
{
    int same = 0;
    for (const QImage &variant : preview.variants())
        same += samePixels(variant, image);
    return same;
}

} // namespace

class TestGuiAugment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(); }

    void withEverythingOffTheVariantsAreTheImage()
    {
        AugmentPreview preview;
        const QImage picture = lopsidedPicture();
        preview.setSource(picture);
        preview.setAugment({}, 1);
        QCOMPARE(int(preview.variants().size()), AugmentPreview::kVariants);
        QCOMPARE(variantsLike(preview, picture), AugmentPreview::kVariants);

        nn::AugmentSpec flips;
        flips.flipHorizontal = true;
        preview.setAugment(flips, 1);
        const int unflipped = variantsLike(preview, picture);
        QVERIFY2(unflipped > 0 && unflipped < AugmentPreview::kVariants,
                 qPrintable(QString("%1 of 8 variants unflipped; about half should be").arg(unflipped)));
    }

    // Opening a project on a folder of pictures fills the preview with its first training image; editing a setting
    // in the panel changes the variants, and undo brings back the unchanged image.
    void aSettingChangesThePreviewAndUndoRestoresIt()
    {
        QTemporaryDir folder;
        const QString project = tinyPictureProject(folder.path());
        QVERIFY(!project.isEmpty());
        auto window = newWindow();
        QVERIFY(window->files()->openPath(project));
        AugmentSection *section = window->trainingPanel()->dataSection()->augmentSection();
        AugmentPreview *preview = section->preview();
        QTRY_VERIFY_WITH_TIMEOUT(!preview->source().isNull(), 30000);
        const QImage picture = preview->source();
        QCOMPARE(variantsLike(*preview, picture), AugmentPreview::kVariants);

        auto *shift = qobject_cast<QSpinBox *>(section->editor("augment.shift")->control());
        QVERIFY(shift);
        shift->setValue(3);
        QCOMPARE(window->document()->project().data.augment.shift, int64_t{3});
        QVERIFY2(variantsLike(*preview, picture) < AugmentPreview::kVariants, "a shift of up to 3 pixels moved nothing");
        const std::vector<QImage> shifted = preview->variants();

        auto *flip = qobject_cast<QCheckBox *>(section->editor("augment.flip_vertical")->control());
        QVERIFY(flip);
        flip->setChecked(true);
        QVERIFY(window->document()->project().data.augment.flipVertical);
        bool changed = false;
        for (size_t i = 0; i < shifted.size(); ++i)
            changed = changed || !samePixels(shifted[i], preview->variants()[i]);
        QVERIFY2(changed, "turning on the vertical flip changed no variant");

        window->document()->undoStack()->undo();
        window->document()->undoStack()->undo();
        QVERIFY(!window->document()->project().data.augment.any());
        QCOMPARE(shift->value(), 0);
        QCOMPARE(variantsLike(*preview, picture), AugmentPreview::kVariants);
    }
};

QTEST_MAIN(TestGuiAugment)
#include "test_gui_augment.moc"
