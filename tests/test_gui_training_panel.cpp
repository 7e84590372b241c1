// The Training panel as a specification: every widget edits the project's data or training
// settings through one undo step, undo and redo restore the JSON exactly, slider drags merge,
// refused values never reach the document, and the panel locks while a run goes.
#include "guitest.h"

#include "panels/componenteditor.h"
#include "panels/datasection.h"
#include "panels/settingeditor.h"
#include "panels/trainingpanel.h"
#include "panels/trainingsection.h"

#include "nn/projectsettings.h"
#include "nn/schedule.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QWheelEvent>

#include <climits>
#include <deque>

using namespace guitest;

namespace {

std::unique_ptr<MainWindow> spiralWindow()
{
    auto window = newWindow();
    if (!window->files()->openPath(QStringLiteral("spiral")))
        qWarning("the spiral example did not open");
    return window;
}

std::string dataJson(const MainWindow &window)
{
    return window.document()->project().data.toJson().dump();
}

std::string trainingJson(const MainWindow &window)
{
    return window.document()->project().training.toJson().dump();
}

// Picks the entry whose data is `value` as a user does: the current index, then activated().
void choose(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("%1 has no entry %2").arg(box->objectName(), value)));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

template <typename Control>
Control *controlOf(SettingEditor *editor)
{
    return editor ? qobject_cast<Control *>(editor->control()) : nullptr;
}

} // namespace

class TestGuiTrainingPanel : public QObject {
    Q_OBJECT

private:
    // Runs `edit` and checks it made exactly one undo step that undo and redo take back and forth.
    void checkOneUndoableStep(MainWindow &window, const std::function<void()> &edit)
    {
        QUndoStack *stack = window.document()->undoStack();
        const int steps = stack->count();
        const std::string dataBefore = dataJson(window), trainingBefore = trainingJson(window);
        edit();
        const std::string dataAfter = dataJson(window), trainingAfter = trainingJson(window);
        QVERIFY2(dataAfter != dataBefore || trainingAfter != trainingBefore, "the edit did not change the project");
        QCOMPARE(stack->count(), steps + 1);
        stack->undo();
        QCOMPARE(dataJson(window), dataBefore);
        QCOMPARE(trainingJson(window), trainingBefore);
        stack->redo();
        QCOMPARE(dataJson(window), dataAfter);
        QCOMPARE(trainingJson(window), trainingAfter);
    }

private slots:
    void initTestCase() { useTestSettings(); }

    void itIsDockedAndShowsTheProject()
    {
        auto window = spiralWindow();
        TrainingPanel *panel = window->trainingPanel();
        QVERIFY(panel);
        QCOMPARE(panel->dataSection()->sourceBox()->currentData().toString(), QStringLiteral("spiral"));
        QVERIFY2(panel->dataSection()->descriptionLabel()->text().contains(QStringLiteral("Spiral")),
                 qPrintable(panel->dataSection()->descriptionLabel()->text()));
        QCOMPARE(panel->trainingSection()->optimizerEditor()->kindBox()->currentText(), QStringLiteral("Adam"));
        auto *lr = controlOf<QDoubleSpinBox>(panel->trainingSection()->optimizerEditor()->editor("lr"));
        QVERIFY2(lr, "Adam's lr has no spin box");
        QCOMPARE(lr->value(), 0.01);
        QCOMPARE(controlOf<QSpinBox>(panel->trainingSection()->numberEditor("epochs"))->value(), 300);
        auto *threads = controlOf<QSpinBox>(panel->trainingSection()->numberEditor("threads"));
        QVERIFY2(threads->text().startsWith(QStringLiteral("all ")), qPrintable(threads->text()));
    }

    void changingTheOptimizerKeepsTheLearningRate()
    {
        auto window = spiralWindow();
        ComponentEditor *optimizer = window->trainingPanel()->trainingSection()->optimizerEditor();
        checkOneUndoableStep(*window, [&] { choose(optimizer->kindBox(), QStringLiteral("SGD")); });
        const nn::TrainingConfig &training = window->document()->project().training;
        QCOMPARE(training.optimizer, std::string("SGD"));
        QCOMPARE(training.optimizerSettings.dump(), std::string(R"({"lr":0.01})"));
        QVERIFY2(optimizer->editor("momentum"), "SGD's momentum has no editor");
        window->document()->undoStack()->undo();
        QVERIFY2(!optimizer->editor("momentum"), "the editors still show SGD after undo");
        QCOMPARE(optimizer->kindBox()->currentText(), QStringLiteral("Adam"));
    }

    void theLearningRateIsOneStepAndUndoShowsItAgain()
    {
        auto window = spiralWindow();
        auto *lr = controlOf<QDoubleSpinBox>(window->trainingPanel()->trainingSection()->optimizerEditor()->editor("lr"));
        checkOneUndoableStep(*window, [&] { lr->setValue(0.05); });
        QCOMPARE(window->document()->project().training.optimizerSettings.at("lr").get<double>(), 0.05);
        const int steps = window->document()->undoStack()->count();
        window->document()->undoStack()->undo();
        QCOMPARE(lr->value(), 0.01);
        QCOMPARE(window->document()->undoStack()->count(), steps);  // showing the undone value made no new edit
    }

    void batchModeEnablesTheSizeOnlyForMiniBatches()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        QVERIFY(training->batchSizeBox()->isEnabled());
        checkOneUndoableStep(*window, [&] { choose(training->batchModeBox(), QStringLiteral("full")); });
        QCOMPARE(window->document()->project().training.batchMode, std::string("full"));
        QVERIFY2(!training->batchSizeBox()->isEnabled(), "the batch size is editable in full-batch mode");
        checkOneUndoableStep(*window, [&] { choose(training->batchModeBox(), QStringLiteral("minibatch")); });
        checkOneUndoableStep(*window, [&] { training->batchSizeBox()->setValue(64); });
        QCOMPARE(window->document()->project().training.batchSize, 64);
    }

    void epochsSeedAndRegularizationAreEdits()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        checkOneUndoableStep(*window, [&] { controlOf<QSpinBox>(training->numberEditor("epochs"))->setValue(50); });
        QCOMPARE(window->document()->project().training.epochs, 50);
        checkOneUndoableStep(*window, [&] { controlOf<QSpinBox>(training->numberEditor("seed"))->setValue(7); });
        QCOMPARE(window->document()->project().training.seed, uint64_t{7});
        auto *l2 = controlOf<QLineEdit>(training->numberEditor("l2"));
        QVERIFY2(l2, "L2 has no line edit for small numbers");
        checkOneUndoableStep(*window, [&] {
            l2->setText(QStringLiteral("1e-4"));
            emit l2->editingFinished();
        });
        QCOMPARE(window->document()->project().training.l2, 1e-4);
    }

    void editsOfOneNumberMergeButChoicesDoNot()
    {
        auto window = spiralWindow();
        QUndoStack *stack = window->document()->undoStack();
        auto *epochs = controlOf<QSpinBox>(window->trainingPanel()->trainingSection()->numberEditor("epochs"));
        epochs->setValue(50);
        epochs->setValue(60);
        QCOMPARE(stack->count(), 1);
        QCOMPARE(window->document()->project().training.epochs, 60);
        epochs->setValue(300);  // back where it started: the step leaves the history
        QCOMPARE(stack->count(), 0);
        QVERIFY(!window->isWindowModified());

        QComboBox *optimizer = window->trainingPanel()->trainingSection()->optimizerEditor()->kindBox();
        choose(optimizer, QStringLiteral("SGD"));
        choose(optimizer, QStringLiteral("RMSprop"));
        QCOMPARE(stack->count(), 2);
        stack->undo();
        QCOMPARE(window->document()->project().training.optimizer, std::string("SGD"));
    }

    // Issue 14, problem 5: scrolling over the panel changed Scaling three times. A combo box, a spin
    // box or a slider takes the wheel only once clicked (focused); until then the panel scrolls.
    void theWheelChangesASettingOnlyWhenItsControlHasTheFocus()
    {
        auto window = spiralWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QUndoStack *stack = window->document()->undoStack();
        QComboBox *optimizer = window->trainingPanel()->trainingSection()->optimizerEditor()->kindBox();
        auto *epochs = controlOf<QSpinBox>(window->trainingPanel()->trainingSection()->numberEditor("epochs"));
        const auto wheel = [](QWidget *widget) {
            const QPointF centre = QRectF(widget->rect()).center();
            QWheelEvent event(centre, widget->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(widget, &event);
        };
        const QString chosen = optimizer->currentText();
        const int epochCount = epochs->value();
        window->view()->setFocus();
        for (int turn = 0; turn < 3; ++turn) {
            wheel(optimizer);
            wheel(epochs);
        }
        QCOMPARE(optimizer->currentText(), chosen);
        QCOMPARE(epochs->value(), epochCount);
        QCOMPARE(stack->count(), 0);
        QCOMPARE(epochs->focusPolicy(), Qt::StrongFocus);

        epochs->setFocus();
        QTRY_VERIFY(epochs->hasFocus());
        wheel(epochs);
        QVERIFY(epochs->value() < epochCount);  // focused, it takes the wheel as it should
    }

    void theScheduleShowsOnlyItsOwnFields()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        QVERIFY(!training->isRowShown("schedule.gamma"));
        checkOneUndoableStep(*window, [&] { choose(training->scheduleBox(), QStringLiteral("step")); });
        QVERIFY(training->isRowShown("schedule.step_size"));
        QVERIFY(training->isRowShown("schedule.gamma"));
        QVERIFY(!training->isRowShown("schedule.min_lr"));
        checkOneUndoableStep(*window, [&] { controlOf<QDoubleSpinBox>(training->numberEditor("schedule.gamma"))->setValue(0.5); });
        QCOMPARE(window->document()->project().training.schedule.gamma, 0.5);
        checkOneUndoableStep(*window, [&] { choose(training->scheduleBox(), QStringLiteral("cosine")); });
        QVERIFY(!training->isRowShown("schedule.gamma"));
        QVERIFY(training->isRowShown("schedule.min_lr"));
    }

    // The editors offer what the project file declares: each number's range, each schedule kind.
    void theEditorsFollowTheDeclaredSettings()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        int numbers = 0;
        for (const nn::SettingSpec &spec : nn::trainingSettings().settings) {
            SettingEditor *editor = training->numberEditor(spec.name);
            if (!editor)
                continue;
            ++numbers;
            const QString name = QString::fromStdString(spec.name);
            QCOMPARE(editor->spec().min, spec.min);
            QCOMPARE(editor->spec().max, spec.max);
            QVERIFY2(!editor->toolTip().isEmpty() && editor->toolTip() == QString::fromStdString(spec.help), qPrintable(name));
            if (auto *box = controlOf<QSpinBox>(editor)) {
                QCOMPARE(double(box->minimum()), spec.min);
                QCOMPARE(double(box->maximum()), std::min(spec.max, double(INT_MAX)));
            } else if (auto *box = controlOf<QDoubleSpinBox>(editor)) {
                QCOMPARE(box->minimum(), spec.min);
                QCOMPARE(box->maximum(), spec.max);
            }
        }
        QCOMPARE(numbers, 10);  // epochs, step size, gamma, minimum rate, L1, L2, clip, early stop, seed, threads
        const nn::SettingSpec &batchSize = nn::trainingSetting("batch_size");
        QCOMPARE(double(training->batchSizeBox()->minimum()), batchSize.min);
        QCOMPARE(double(training->batchSizeBox()->maximum()), batchSize.max);
        QCOMPARE(training->scheduleBox()->count(), int(nn::scheduleKinds().size()));
        for (int i = 0; i < training->scheduleBox()->count(); ++i)
            QCOMPARE(training->scheduleBox()->itemData(i).toString().toStdString(), nn::scheduleKinds()[size_t(i)].name);
    }

    void aRefusedValueNeverReachesTheDocument()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        choose(training->scheduleBox(), QStringLiteral("step"));
        const int steps = window->document()->undoStack()->count();
        const std::string before = trainingJson(*window);
        SettingEditor *gamma = training->numberEditor("schedule.gamma");
        controlOf<QDoubleSpinBox>(gamma)->setValue(0.0);  // the spin box allows 0, the trainer does not
        QCOMPARE(trainingJson(*window), before);
        QCOMPARE(window->document()->undoStack()->count(), steps);
        QVERIFY2(gamma->problem().contains(QStringLiteral("gamma")), qPrintable(gamma->problem()));
        QCOMPARE(controlOf<QDoubleSpinBox>(gamma)->value(), 0.1);
    }

    void aNoiseSliderDragIsOneUndoStep()
    {
        auto window = spiralWindow();
        QSlider *noise = window->trainingPanel()->dataSection()->noiseSlider();
        QVERIFY2(noise->isVisibleTo(window->trainingPanel()), "the spiral set shows no noise slider");
        checkOneUndoableStep(*window, [&] {
            noise->setSliderDown(true);
            for (int steps : {12, 18, 25, 31})
                noise->setValue(steps);
            noise->setSliderDown(false);
        });
        QCOMPARE(window->document()->project().data.noise, 0.31);
        checkOneUndoableStep(*window, [&] { window->trainingPanel()->dataSection()->samplesBox()->setValue(1000); });
        QCOMPARE(window->document()->project().data.samples, int64_t{1000});
    }

    void theDataSourceSplitsTaskAndScalingAreEdits()
    {
        auto window = spiralWindow();
        DataSection *data = window->trainingPanel()->dataSection();
        checkOneUndoableStep(*window, [&] { choose(data->sourceBox(), QStringLiteral("moons")); });
        QCOMPARE(window->document()->project().data.source, std::string("moons"));
        QVERIFY2(data->descriptionLabel()->text().contains(QStringLiteral("Moons")), qPrintable(data->descriptionLabel()->text()));
        checkOneUndoableStep(*window, [&] { choose(data->sourceBox(), QStringLiteral("iris")); });
        QVERIFY2(!data->noiseSlider()->isVisibleTo(window->trainingPanel()), "iris shows a noise slider");
        checkOneUndoableStep(*window, [&] { choose(data->taskBox(), QStringLiteral("classification")); });
        checkOneUndoableStep(*window, [&] { choose(data->scalingBox(), QStringLiteral("minmax")); });
        checkOneUndoableStep(*window, [&] { data->validationBox()->setValue(25); });
        QCOMPARE(window->document()->project().data.validationSplit, 0.25);
        checkOneUndoableStep(*window, [&] { data->testBox()->setValue(0); });
        QCOMPARE(window->document()->project().data.testSplit, 0.0);
    }

    void aCsvFileOffersItsColumnsAsLabels()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("flowers.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("length,width,species\n1.0,2.0,a\n1.5,2.5,b\n");
        file.close();
        auto window = spiralWindow();
        DataSection *data = window->trainingPanel()->dataSection();
        window->trainingPanel()->setFileChooser([&](const QString &, const QString &) { return path; });
        checkOneUndoableStep(*window, [&] { choose(data->sourceBox(), QString::fromLatin1(DataSection::kChooseFile)); });
        QCOMPARE(window->document()->project().data.source, path.toStdString());
        QCOMPARE(data->sourceBox()->currentText(), QStringLiteral("flowers.csv"));
        QVERIFY(data->labelColumnBox()->isVisibleTo(window->trainingPanel()));
        QCOMPARE(data->labelColumnBox()->count(), 4);  // the last column (default), then each column
        checkOneUndoableStep(*window, [&] { choose(data->labelColumnBox(), QStringLiteral("species")); });
        QCOMPARE(window->document()->project().data.labelColumn, std::string("species"));
    }

    void anIdxFileAsksForItsLabelsAndACancelChangesNothing()
    {
        auto window = spiralWindow();
        DataSection *data = window->trainingPanel()->dataSection();
        std::deque<QString> answers = {QStringLiteral("/data/pictures-idx3-ubyte"), QStringLiteral("/data/classes-idx1-ubyte")};
        window->trainingPanel()->setFileChooser([&](const QString &, const QString &) {
            const QString answer = answers.empty() ? QString() : answers.front();
            if (!answers.empty())
                answers.pop_front();
            return answer;
        });
        checkOneUndoableStep(*window, [&] { choose(data->sourceBox(), QString::fromLatin1(DataSection::kChooseFile)); });
        QCOMPARE(window->document()->project().data.source, std::string("/data/pictures-idx3-ubyte"));
        QCOMPARE(window->document()->project().data.labels, std::string("/data/classes-idx1-ubyte"));
        QCOMPARE(data->labelsField()->text(), QStringLiteral("/data/classes-idx1-ubyte"));

        const std::string before = dataJson(*window);
        choose(data->sourceBox(), QString::fromLatin1(DataSection::kChooseFile));  // the dialog is cancelled
        QCOMPARE(dataJson(*window), before);
        QCOMPARE(data->sourceBox()->currentData().toString(), QStringLiteral("/data/pictures-idx3-ubyte"));
    }

    void aRegressionSetMarksTheLossesThatFit()
    {
        auto window = spiralWindow();
        TrainingSection *training = window->trainingPanel()->trainingSection();
        QVERIFY(training->lossWarning()->isHidden());
        choose(window->trainingPanel()->dataSection()->sourceBox(), QStringLiteral("sine"));
        QVERIFY2(!training->lossWarning()->isHidden(), "CrossEntropy on sine gives no warning");
        QVERIFY2(training->lossWarning()->text().contains(QStringLiteral("MSE")), qPrintable(training->lossWarning()->text()));
        QComboBox *loss = training->lossEditor()->kindBox();
        auto *model = qobject_cast<QStandardItemModel *>(loss->model());
        const QColor crossEntropy = model->item(loss->findData(QStringLiteral("CrossEntropy")))->foreground().color();
        const QColor mse = model->item(loss->findData(QStringLiteral("MSE")))->foreground().color();
        QVERIFY2(crossEntropy != mse, "the classification losses are not marked for a regression set");
        checkOneUndoableStep(*window, [&] { choose(loss, QStringLiteral("MSE")); });
        QVERIFY(training->lossWarning()->isHidden());
    }

    void theModifiedFlagFollowsUndo()
    {
        auto window = spiralWindow();
        QVERIFY(!window->isWindowModified());
        choose(window->trainingPanel()->dataSection()->sourceBox(), QStringLiteral("xor"));
        QVERIFY(window->document()->isModified());
        QVERIFY(window->isWindowModified());
        window->document()->undoStack()->undo();
        QVERIFY(!window->isWindowModified());
    }

    void saveAndReopenKeepTheSettings()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("mine.layerlab.json"));
        auto window = spiralWindow();
        TrainingPanel *panel = window->trainingPanel();
        choose(panel->trainingSection()->optimizerEditor()->kindBox(), QStringLiteral("SGD"));
        controlOf<QDoubleSpinBox>(panel->trainingSection()->optimizerEditor()->editor("momentum"))->setValue(0.9);
        choose(panel->trainingSection()->scheduleBox(), QStringLiteral("cosine"));
        choose(panel->dataSection()->sourceBox(), QStringLiteral("circle"));
        const std::string data = dataJson(*window), training = trainingJson(*window);
        QCOMPARE(window->files()->write(path), QString());
        QVERIFY(!window->isWindowModified());

        auto reopened = newWindow();
        QCOMPARE(reopened->files()->read(path), QString());
        QCOMPARE(dataJson(*reopened), data);
        QCOMPARE(trainingJson(*reopened), training);
        TrainingPanel *shown = reopened->trainingPanel();
        QCOMPARE(shown->trainingSection()->optimizerEditor()->kindBox()->currentText(), QStringLiteral("SGD"));
        QCOMPARE(controlOf<QDoubleSpinBox>(shown->trainingSection()->optimizerEditor()->editor("momentum"))->value(), 0.9);
        QCOMPARE(shown->dataSection()->sourceBox()->currentData().toString(), QStringLiteral("circle"));
    }

    void readOnlyDisablesEveryEditor()
    {
        auto window = spiralWindow();
        TrainingPanel *panel = window->trainingPanel();
        choose(panel->trainingSection()->batchModeBox(), QStringLiteral("full"));
        panel->setReadOnly(true);
        QVERIFY(panel->isReadOnly());
        QVERIFY(!panel->dataSection()->sourceBox()->isEnabled());
        QVERIFY(!panel->dataSection()->noiseSlider()->isEnabled());
        QVERIFY(!panel->trainingSection()->optimizerEditor()->kindBox()->isEnabled());
        QVERIFY(!panel->trainingSection()->numberEditor("epochs")->control()->isEnabled());
        panel->setReadOnly(false);
        QVERIFY(panel->dataSection()->sourceBox()->isEnabled());
        QVERIFY(panel->trainingSection()->numberEditor("epochs")->control()->isEnabled());
        QVERIFY2(!panel->trainingSection()->batchSizeBox()->isEnabled(), "read-write mode re-enabled the full-batch size");
    }

    void fashionMnistIsDisabledWhenItIsNotInstalled()
    {
        QTemporaryDir empty;
        const QByteArray data = qgetenv("LAYERLAB_DATA"), system = qgetenv("LAYERLAB_SYSTEM_DATA");
        qunsetenv("LAYERLAB_DATA");
        qputenv("LAYERLAB_SYSTEM_DATA", empty.path().toUtf8());
        auto window = spiralWindow();
        QComboBox *source = window->trainingPanel()->dataSection()->sourceBox();
        const int row = source->findData(QStringLiteral("fashion-mnist"));
        QVERIFY(row >= 0);
        QVERIFY2(source->itemText(row).contains(QStringLiteral("apt install dataset-fashion-mnist")), qPrintable(source->itemText(row)));
        QVERIFY(!qobject_cast<QStandardItemModel *>(source->model())->item(row)->isEnabled());
        qputenv("LAYERLAB_SYSTEM_DATA", system);
        if (!data.isEmpty())
            qputenv("LAYERLAB_DATA", data);
    }

    void thePreviewGoesUnderTheData()
    {
        auto window = spiralWindow();
        auto *preview = new QLabel(QStringLiteral("preview"));
        window->trainingPanel()->setPreviewWidget(preview);
        QCOMPARE(window->trainingPanel()->previewWidget(), preview);
        QVERIFY(window->trainingPanel()->tabs()->widget(0)->isAncestorOf(preview));  // on the Data tab
        QPointer<QLabel> old(preview);
        window->trainingPanel()->setPreviewWidget(new QLabel(QStringLiteral("another")));
        QVERIFY2(old.isNull(), "the earlier preview was not deleted");
    }
};

QTEST_MAIN(TestGuiTrainingPanel)
#include "test_gui_training_panel.moc"
