// Text and sequences in the window: the data list's sequence sets and their settings (as the CLI
// reads them, undoable), the preview's sample texts, text Try it (the probabilities
// `predict --text` gives, <unk> for unknown characters, a language model's generated text as the
// engine's sampler writes it), and the canvas's N × T × F labels and sequence shape messages.
#include "guitest.h"
#include "textproject.h"

#include "canvas/edgeitem.h"
#include "panels/datasection.h"
#include "panels/sequencesection.h"
#include "panels/settingeditor.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/evaluation/confusionsnapshot.h"
#include "views/plots/datasetpreview.h"
#include "views/plots/sequencepreview.h"
#include "views/tryit/probabilitybars.h"
#include "views/tryit/texttryit.h"
#include "views/tryit/tryitpanel.h"

#include "datasets/datasets.h"
#include "datasets/experiment.h"
#include "datasets/textsampler.h"
#include "datasets/textset.h"
#include "datasets/wordlists.h"
#include "nn/project.h"
#include "nn/trainer.h"
#include "nn/weights.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>
#include <numeric>

namespace {

void writeText(const QString &path, const std::string &bytes)
{
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

// denseProject (textproject.h) as a project.
nn::Project idsProject(int64_t length, int64_t units, const std::string &data, int64_t reshapeClasses = 0)
{
    return nn::projectFromText(denseProject(length, units, data, reshapeClasses), "text-test");
}

// Input [20, 1] → Flatten → Dense(1): a forecast from a window of 20 values.
nn::Project windowProject()
{
    return nn::projectFromText(
        R"({"schema_version": 1, "name": "forecast", "graph": {"nodes": [
            {"id": 1, "name": "input", "kind": "Input", "settings": {"shape": [20, 1]}},
            {"id": 2, "name": "flat", "kind": "Flatten", "settings": {}},
            {"id": 3, "name": "output", "kind": "Dense", "settings": {"units": 1}}],
          "edges": [{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0}]},
          "data": {"source": "sines"}, "training": {"loss": "MSE", "optimizer": "Adam"}})",
        "forecast");
}

// What `layerlab-cli predict --text` computes: the same calls, on the project's fresh weights or
// those saved in `weights`.
std::vector<float> predictTextLikeCli(const nn::Project &project, const std::string &text, const QString &weights = {})
{
    datasets::Experiment experiment(project);
    if (!weights.isEmpty())
        nn::loadWeights(experiment.model(), weights.toStdString());
    const nn::Tensor ids = datasets::TextSet::encode({text}, experiment.data().info);
    const nn::Tensor p = experiment.probabilities(experiment.model().forward(ids, nn::RunContext{}));
    return {p.data(), p.data() + p.size()};
}

void expectSameProbabilities(const std::vector<float> &shown, const std::vector<float> &reference)
{
    QCOMPARE(shown.size(), reference.size());
    for (size_t k = 0; k < shown.size(); ++k)
        QVERIFY2(std::abs(shown[k] - reference[k]) < 1e-5,
                 qPrintable(QStringLiteral("class %1: window %2, predict %3").arg(k).arg(shown[k]).arg(reference[k])));
}

// Picks the source combo box's entry with `data` as a user would.
void activateSource(DataSection *data, const QString &value)
{
    QComboBox *box = data->sourceBox();
    const int index = box->findData(value);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("the data list has no %1").arg(value)));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

bool wordListsInstalled(const std::vector<std::string> &files)
{
    for (const std::string &file : files)
        if (!QFileInfo::exists(QString::fromStdString("/usr/share/dict/" + file)))
            return false;
    return true;
}

} // namespace

class GuiSequencesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void dataListOffersEverySequenceSet();
    void wordSettingsReachTheProjectFileAndUndo();
    void missingWordListNamesItsPackage();
    void textCsvTakesItsColumnsAndPreviewsItsTexts();
    void seriesCsvPreviewsWindows();
    void corpusThatIsNotUtf8NamesTheLine();
    void typedTextGetsThePredictProbabilities();
    void languageModelGeneratesWhatTheSamplerWrites();
    void languageModelIsEvaluatedAtEveryStep();
    void sequenceEdgesCarryTimeSteps();

private:
    QString namesCsv() const { return scratch_.filePath(QStringLiteral("names.csv")); }
    QString helloText() const { return scratch_.filePath(QStringLiteral("hello.txt")); }
    QTemporaryDir scratch_;
};

void GuiSequencesTest::initTestCase()
{
    guitest::useTestSettings();
    QVERIFY(scratch_.isValid());
    std::string rows = "name,kind\n";
    for (int i = 0; i < 40; ++i)
        rows += std::string(i % 2 ? "zzzz" : "aaaa") + std::to_string(i % 3) + "," + (i % 2 ? "zed" : "ay") + "\n";
    writeText(namesCsv(), rows);
    std::string hello;
    for (int i = 0; i < 60; ++i)
        hello += "hello world ";
    writeText(helloText(), hello);
}

void GuiSequencesTest::dataListOffersEverySequenceSet()
{
    auto window = guitest::newWindow();
    QComboBox *box = window->trainingPanel()->dataSection()->sourceBox();
    for (const std::string &name : datasets::sequenceNames())
        QVERIFY2(box->findData(QString::fromStdString(name)) >= 0, name.c_str());
    for (const char *entry : {DataSection::kChooseTextCsv, DataSection::kChooseSeriesCsv})
        QVERIFY2(box->findData(QString::fromLatin1(entry)) >= 0, entry);
    QCOMPARE(box->itemText(box->findData(QStringLiteral("words"))), QStringLiteral("Which language is this word?"));
    QCOMPARE(box->itemText(box->findData(QStringLiteral("fortunes"))), QStringLiteral("Character language model"));
}

// Languages and words per language as the project file holds them, loadable as the CLI loads them.
void GuiSequencesTest::wordSettingsReachTheProjectFileAndUndo()
{
    if (!wordListsInstalled({"american-english", "ngerman", "french"}))
        QSKIP("the English, German and French word lists are not installed (apt-get install wamerican wngerman wfrench)");
    auto window = guitest::newWindow();
    window->document()->setProject(idsProject(16, 3, R"({"source": "spiral"})"), {});
    DataSection *data = window->trainingPanel()->dataSection();
    activateSource(data, QStringLiteral("words"));
    QCOMPARE(window->document()->project().data.source, std::string("words"));
    SequenceSection *sequence = data->sequenceSection();
    QVERIFY(sequence->isVisibleTo(window.get()));
    for (const auto &language : datasets::WordLists::languages()) {
        QCheckBox *check = sequence->languageBox(language.name);
        QVERIFY(check);
        const bool keep = std::string(language.name) == "english" || std::string(language.name) == "german" ||
                          std::string(language.name) == "french";
        if (check->isEnabled() && check->isChecked() != keep)
            check->click();
        if (!check->isEnabled())
            QVERIFY2(check->text().contains(QLatin1String(language.package)), qPrintable(check->text()));  // names its package
    }
    auto *perLanguage = qobject_cast<QSpinBox *>(sequence->editor("words_per_language")->control());
    QVERIFY(perLanguage);
    perLanguage->setValue(60);
    const nlohmann::json saved = window->document()->project().data.toJson();
    QCOMPARE(saved.at("languages"), (nlohmann::json{"english", "german", "french"}));
    QCOMPARE(saved.at("words_per_language").get<int64_t>(), int64_t{60});
    const datasets::LoadedData loaded = datasets::load(nn::DataSpec::fromJson(saved), 1);  // as layerlab-cli reads it
    QCOMPARE(loaded.info.classNames, (std::vector<std::string>{"english", "german", "french"}));

    // The preview shows words with their languages.
    QTRY_VERIFY_WITH_TIMEOUT(window->datasetPreview()->snapshot().rows.size() > 5, 20000);
    const PreviewSnapshot &preview = window->datasetPreview()->snapshot();
    QVERIFY2(preview.rows[0][1].startsWith(QStringLiteral("→ ")), qPrintable(preview.rows[0][1]));
    QVERIFY2(preview.summary.contains(QStringLiteral("T = 16")), qPrintable(preview.summary));

    window->document()->undoStack()->undo();  // the words per language
    QCOMPARE(window->document()->project().data.wordsPerLanguage, int64_t{4000});
    QCOMPARE(perLanguage->value(), 4000);
}

// With no word lists installed ($LAYERLAB_DICT is an empty folder), each language names the
// package to install, and the project's preparation says which one it needs.
void GuiSequencesTest::missingWordListNamesItsPackage()
{
    const QTemporaryDir emptyDict;
    qputenv("LAYERLAB_DICT", emptyDict.path().toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("LAYERLAB_DICT"); });
    auto window = guitest::newWindow();
    window->document()->setProject(idsProject(16, 3, R"({"source": "words", "languages": ["german", "french"]})"), {});
    SequenceSection *sequence = window->trainingPanel()->dataSection()->sequenceSection();
    QCheckBox *german = sequence->languageBox("german");
    QVERIFY(!german->isEnabled());
    QVERIFY2(german->text().contains(QStringLiteral("apt install wngerman")), qPrintable(german->text()));
    QTRY_VERIFY_WITH_TIMEOUT(window->training()->preparationProblem().contains(QStringLiteral("wngerman")), 20000);
}

void GuiSequencesTest::textCsvTakesItsColumnsAndPreviewsItsTexts()
{
    auto window = guitest::newWindow();
    window->document()->setProject(idsProject(5, 2, R"({"source": "spiral"})"), {});
    DataSection *data = window->trainingPanel()->dataSection();
    data->setFileChooser([this](const QString &, const QString &) { return namesCsv(); });
    activateSource(data, QString::fromLatin1(DataSection::kChooseTextCsv));
    const nn::DataSpec &spec = window->document()->project().data;
    QCOMPARE(spec.source, namesCsv().toStdString());
    QCOMPARE(spec.textColumn, std::string("name"));
    QCOMPARE(spec.labelColumn, std::string("kind"));
    QCOMPARE(data->sequenceSection()->columnBox()->currentText(), QStringLiteral("name"));
    QTRY_VERIFY_WITH_TIMEOUT(window->datasetPreview()->snapshot().rows.size() > 5, 20000);
    const PreviewSnapshot &preview = window->datasetPreview()->snapshot();
    QCOMPARE(preview.columns, (QStringList{QStringLiteral("text"), QStringLiteral("label")}));
    for (const QStringList &row : preview.rows)
        QVERIFY2((row[0].startsWith(QLatin1String("zzzz")) && row[1] == QStringLiteral("→ zed")) ||
                     (row[0].startsWith(QLatin1String("aaaa")) && row[1] == QStringLiteral("→ ay")),
                 qPrintable(row.join(QLatin1Char('|'))));
    QVERIFY2(window->datasetPreview()->isVisibleTo(window.get()), "the preview shows under the data settings");
    QVERIFY(window->datasetPreview()->currentPage() == window->datasetPreview()->table());
    QCOMPARE(window->datasetPreview()->table()->item(0, 0)->text(), preview.rows[0][0]);
}

void GuiSequencesTest::seriesCsvPreviewsWindows()
{
    const QString csv = scratch_.filePath(QStringLiteral("series.csv"));
    std::string rows = "day,value\n";
    for (int i = 0; i < 120; ++i)
        rows += std::to_string(i) + "," + std::to_string(std::sin(i * 0.3)) + "\n";
    writeText(csv, rows);
    auto window = guitest::newWindow();
    window->document()->setProject(windowProject(), {});
    DataSection *data = window->trainingPanel()->dataSection();
    data->setFileChooser([csv](const QString &, const QString &) { return csv; });
    activateSource(data, QString::fromLatin1(DataSection::kChooseSeriesCsv));
    QCOMPARE(window->document()->project().data.seriesColumn, std::string("day"));
    QComboBox *column = data->sequenceSection()->columnBox();
    column->setCurrentIndex(column->findData(QStringLiteral("value")));
    emit column->activated(column->currentIndex());
    QCOMPARE(window->document()->project().data.seriesColumn, std::string("value"));
    // The window of 20 values and the one after it: 21 points per window, the last hollow.
    QTRY_VERIFY_WITH_TIMEOUT(window->datasetPreview()->snapshot().kind == PreviewSnapshot::Kind::Scatter, 20000);
    const PlotData &plot = window->datasetPreview()->snapshot().plot;
    QCOMPARE(plot.points.size(), size_t(kPreviewWindows * 21));
    QVERIFY(!plot.points[19].validation && plot.points[20].validation);
    QVERIFY2(std::abs(plot.points[1].y - float(std::sin(0.3))) < 1e-4, "the window's values in the data's own units");
}

void GuiSequencesTest::corpusThatIsNotUtf8NamesTheLine()
{
    const QString bad = scratch_.filePath(QStringLiteral("latin1.txt"));
    writeText(bad, "first line\nsecond line\nna\xefve\n");
    auto window = guitest::newWindow();
    window->document()->setProject(idsProject(6, 60, R"({"source": ")" + helloText().toStdString() + R"(", "sequence_length": 6})", 10), {});
    SequenceSection *sequence = window->trainingPanel()->dataSection()->sequenceSection();
    QTRY_VERIFY(sequence->corpusBox()->isVisibleTo(window.get()));
    QCOMPARE(sequence->corpusBox()->currentText(), QStringLiteral("hello.txt"));
    sequence->setFileChooser([bad](const QString &, const QString &) { return bad; });
    QComboBox *corpus = sequence->corpusBox();
    const int choose = corpus->findData(QString::fromLatin1(SequenceSection::kChooseText));
    corpus->setCurrentIndex(choose);
    emit corpus->activated(choose);
    QCOMPARE(window->document()->project().data.source, bad.toStdString());
    QTRY_VERIFY_WITH_TIMEOUT(window->training()->preparationProblem().contains(QStringLiteral("line 3")), 20000);
}

// Typed text gets what predict --text gives, before and after training; unknown characters are <unk>.
void GuiSequencesTest::typedTextGetsThePredictProbabilities()
{
    const nn::Project project = idsProject(5, 2, R"({"source": ")" + namesCsv().toStdString() + R"(", "text_column": "name", "test_split": 0.2})");
    auto window = guitest::newWindow();
    window->document()->setProject(project, {});
    TryItPanel *tryIt = window->tryIt();
    QTRY_VERIFY_WITH_TIMEOUT(tryIt->isTextMode(), 20000);
    QVERIFY2(window->findChild<QDockWidget *>(QStringLiteral("tryIt"))->isVisibleTo(window.get()), "a text project offers Try it");
    TextTryIt *text = tryIt->textTryIt();
    QVERIFY(!text->isLanguageModel() && !text->generateButton()->isVisibleTo(tryIt));
    QTest::keyClicks(text->textField(), QStringLiteral("zzzz1"));
    QTRY_VERIFY_WITH_TIMEOUT(text->result().text == QStringLiteral("zzzz1") && !text->result().values.empty(), 20000);
    QVERIFY2(text->result().problem.isEmpty(), qPrintable(text->result().problem));
    const std::vector<float> untrained = text->result().values;
    expectSameProbabilities(untrained, predictTextLikeCli(project, "zzzz1"));
    QCOMPARE(text->bars()->rowTexts().size(), 2);
    QVERIFY(text->unknownLabel()->isHidden());

    TrainingController *training = window->training();
    QSignalSpy finished(training, &TrainingController::finished);
    training->trainAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QTRY_VERIFY(text->result().values != untrained);
    const QString projectPath = scratch_.filePath(QStringLiteral("names.layerlab.json"));
    QSignalSpy saved(training, &TrainingController::weightsSaved);
    training->saveWeightsBeside(projectPath);
    QVERIFY(saved.wait(20000));
    const QString weights = QString::fromStdString(nn::weightsPathFor(projectPath.toStdString()));
    expectSameProbabilities(text->result().values, predictTextLikeCli(project, "zzzz1", weights));

    // A snowman is in no name: it is read as <unk>, and says so.
    text->textField()->setText(QStringLiteral("a☃"));
    QTRY_VERIFY_WITH_TIMEOUT(text->result().text == QStringLiteral("a☃") && !text->result().values.empty(), 20000);
    QCOMPARE(text->result().unknown, QStringList{QStringLiteral("☃")});
    QVERIFY(!text->unknownLabel()->isHidden());
    QVERIFY2(text->unknownLabel()->text().contains(QStringLiteral("<unk>")), qPrintable(text->unknownLabel()->text()));
    expectSameProbabilities(text->result().values, predictTextLikeCli(project, "a☃", weights));
}

void GuiSequencesTest::languageModelGeneratesWhatTheSamplerWrites()
{
    const nn::Project project = idsProject(6, 60, R"({"source": ")" + helloText().toStdString() + R"(", "sequence_length": 6})", 10);
    auto window = guitest::newWindow();
    window->document()->setProject(project, {});
    TryItPanel *tryIt = window->tryIt();
    QTRY_VERIFY_WITH_TIMEOUT(tryIt->isTextMode() && tryIt->textTryIt()->isLanguageModel(), 20000);
    TextTryIt *text = tryIt->textTryIt();
    QVERIFY(text->generateButton()->isVisibleTo(tryIt));
    text->lengthBox()->setValue(25);
    text->temperatureSlider()->setValue(70);
    QTest::keyClicks(text->textField(), QStringLiteral("he"));
    text->generateButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(text->result().generated, 20000);
    QVERIFY2(text->result().problem.isEmpty(), qPrintable(text->result().problem));
    const TextTryItResult shown = text->result();
    QCOMPARE(shown.text, QStringLiteral("he"));

    datasets::Experiment experiment(project);  // the seed's fresh weights, as in the window before training
    const datasets::TextSampler sampler(experiment.model(), experiment.data().info);
    QCOMPARE(shown.continuation.toStdString(), sampler.sample("he", 25, 0.7, shown.seed));
    QVERIFY(text->continuationLabel()->isVisibleTo(tryIt));
    QVERIFY2(text->continuationLabel()->text().contains(shown.continuation.toHtmlEscaped()), qPrintable(text->continuationLabel()->text()));
    QCOMPARE(text->bars()->rowTexts().size(), 8);  // the 8 characters of "hello world" (no <pad>, <unk>)

    // Trained weights write the shown continuation anew, with the same seed.
    TrainingController *training = window->training();
    QSignalSpy finished(training, &TrainingController::finished);
    training->trainAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(text->result().generated && text->result().continuation != shown.continuation, 20000);
    const QString projectPath = scratch_.filePath(QStringLiteral("hello.layerlab.json"));
    QSignalSpy saved(training, &TrainingController::weightsSaved);
    training->saveWeightsBeside(projectPath);
    QVERIFY(saved.wait(20000));
    datasets::Experiment trained(project);
    nn::loadWeights(trained.model(), nn::weightsPathFor(projectPath.toStdString()));
    QCOMPARE(text->result().continuation.toStdString(),
             datasets::TextSampler(trained.model(), trained.data().info).sample("he", 25, 0.7, shown.seed));

    // An unknown character in the prompt is <unk>, not a crash.
    text->textField()->setText(QStringLiteral("h☃"));
    text->generateButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(text->result().generated && text->result().text == QStringLiteral("h☃"), 20000);
    QCOMPARE(text->result().unknown, QStringList{QStringLiteral("☃")});
    QCOMPARE(text->result().continuation.toStdString(),
             datasets::TextSampler(trained.model(), trained.data().info).sample("h☃", 25, 0.7, text->result().seed));
}

// Embedding → GRU → Dense: the edges carry N × T × F; a GRU given [N, F] names what to add.
void GuiSequencesTest::sequenceEdgesCarryTimeSteps()
{
    const nn::Project project = nn::projectFromText(
        R"({"schema_version": 1, "name": "gru", "graph": {"nodes": [
            {"id": 1, "name": "input", "kind": "Input", "settings": {"shape": [16]}},
            {"id": 2, "name": "embed", "kind": "Embedding", "settings": {"vocabulary_size": 30, "dimension": 8}},
            {"id": 3, "name": "gru", "kind": "GRU", "settings": {"hidden_size": 12, "return_sequences": true}},
            {"id": 4, "name": "dense", "kind": "Dense", "settings": {"units": 5}},
            {"id": 5, "name": "flat", "kind": "Input", "settings": {"shape": [16]}},
            {"id": 6, "name": "gru2", "kind": "GRU", "settings": {"hidden_size": 4}}],
          "edges": [{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0}, {"from": 3, "to": 4, "port": 0},
                    {"from": 5, "to": 6, "port": 0}]},
          "data": {"source": "spiral"}, "training": {"loss": "CrossEntropy", "optimizer": "Adam"}})",
        "gru");
    auto window = guitest::newWindow();
    window->document()->setProject(project, {});
    GraphScene *scene = window->scene();
    QCOMPARE(scene->edgeItem(3, 0)->label(), QStringLiteral("N × 16 × 8"));
    QCOMPARE(scene->edgeItem(4, 0)->label(), QStringLiteral("N × 16 × 12"));
    NodeItem *gru = scene->nodeItem(6);
    QVERIFY(gru->showsError());
    QVERIFY2(gru->toolTip().contains(QStringLiteral("GRU expects [N, T, F] but got [N, 16]; add an Embedding or a Reshape before it")),
             qPrintable(gru->toolTip()));
}

QTEST_MAIN(GuiSequencesTest)
// A language model predicts a token at every step: the Evaluation dock scores each of them, as
// `layerlab-cli eval` does, not a whole sample's T × K scores as one row.
void GuiSequencesTest::languageModelIsEvaluatedAtEveryStep()
{
    const nn::Project project = idsProject(6, 60, R"({"source": ")" + helloText().toStdString() + R"(", "sequence_length": 6})", 10);
    datasets::Experiment experiment(project);
    const nn::BatchSource &validation = *experiment.data().validation;
    QVERIFY(validation.size() > 0);
    const ConfusionSnapshot shown = computeConfusion(experiment.model(), experiment);
    const nn::Evaluation engine = experiment.makeTrainer()->evaluate(validation);
    QVERIFY(engine.classification);
    QCOMPARE(shown.kind, ConfusionSnapshot::Kind::Classification);
    QCOMPARE(shown.steps, int64_t{6});
    QCOMPARE(shown.samples, validation.size() * 6);
    QCOMPARE(shown.metrics.accuracy, engine.classification->accuracy);
    QCOMPARE(shown.metrics.confusion, engine.classification->confusion);
    QCOMPARE(shown.misclassifiedCount, shown.samples - static_cast<int64_t>(std::llround(shown.metrics.accuracy * double(shown.samples))));
    QVERIFY(shown.misclassified.empty());  // the gallery shows samples, not positions
}

#include "test_gui_sequences.moc"
