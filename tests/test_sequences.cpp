// Text and sequence data: the vocabulary (training split only, <pad> and <unk>, limits, saved and
// read back), the word lists, your own text, the language-model windows and sampling, the
// sequence tasks and time series, and their messages for bad input; predict --text and sample.
#include "datasets/datasets.h"
#include "datasets/experiment.h"
#include "datasets/samplesource.h"
#include "datasets/sequencetasks.h"
#include "datasets/textcorpus.h"
#include "datasets/textcsv.h"
#include "datasets/textsampler.h"
#include "datasets/textset.h"
#include "datasets/utf8text.h"
#include "datasets/vocabulary.h"
#include "datasets/wordlists.h"

#include "nn/error.h"
#include "errormessage.h"
#include "textproject.h"
#include "nn/project.h"

#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace {

// The message of the nn::Error that call() throws, as a QString for QVERIFY2.
template <typename Call>
QString messageOf(const Call &call)
{
    return QString::fromStdString(errorMessage(call));
}

void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

// "hello world " a hundred times in DIR/hello.txt; returns a data section that reads it in windows
// of 6 characters (a vocabulary of <pad>, <unk>, l, o, space, d, e, h, r, w: K = 10).
std::string helloCorpus(const QTemporaryDir &dir)
{
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "hello world ";
    const std::string corpus = dir.filePath("hello.txt").toStdString();
    writeFile(corpus, text);
    return R"({"source": ")" + corpus + R"(", "sequence_length": 6})";
}

// Every sample of a split: its inputs and targets, in split order.
struct Gathered {
    nn::Tensor x, y;
};

Gathered gatherAll(const nn::BatchSource &source)
{
    std::vector<int64_t> all(static_cast<size_t>(source.size()));
    std::iota(all.begin(), all.end(), int64_t{0});
    Gathered g;
    source.gather(all, g.x, g.y);
    return g;
}

// A code point below U+0800 as UTF-8.
std::string utf8(char32_t c)
{
    return {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
}

bool wordListsInstalled()
{
    for (const auto &language : datasets::WordLists::languages())
        if (!std::filesystem::exists(std::string("/usr/share/dict/") + language.file))
            return false;
    return true;
}

bool fortunesInstalled()
{
    return std::filesystem::exists("/usr/share/games/fortunes/fortunes");
}

} // namespace

class SequencesTest : public QObject {
    Q_OBJECT

private slots:
    void utf8CharactersAreCodePoints();
    void utf8CheckNamesTheFirstBadLine();
    void corpusFileLimits();
    void vocabularyOrdersByCountAndKeepsPadAndUnknownFirst();
    void vocabularyHonoursMinCountAndMaxSize();
    void encodePadsAndTruncates();
    void vocabularyComesFromTheTrainingSplitOnly();
    void unknownCharactersBecomeUnk();
    void savedVocabularyRoundTrips();
    void damagedVocabularyIsRefused();
    void keepWordFiltersTheWordLists();
    void wordsAreBalancedAndDeterministicPerSeed();
    void wordsLanguagesAreADataSetting();
    void missingWordListNamesThePackage();
    void textCsvClassifiesItsTextColumn();
    void textCsvBadInputMessages_data();
    void textCsvBadInputMessages();
    void languageModelTargetsAreTheNextCharacter();
    void fortunesAreTheDefaultCorpus();
    void samplerIsSeededAndHonoursTemperature();
    void samplerRefusesAModelWithoutStepLogits();
    void cliPredictsRawTextAndSamples();
    void addingProblemMarksTwoValues();
    void copyAndReverseTargets();
    void sinesForecastTheSeriesContinuation();
    void sequenceTasksAreDeterministicPerSeed_data();
    void sequenceTasksAreDeterministicPerSeed();
    void sequenceTaskSizeIsChecked();
    void seriesCsvWindowsKeepTimeOrder();
    void seriesCsvBadInputMessages();
};

void SequencesTest::utf8CharactersAreCodePoints()
{
    const auto characters = datasets::Utf8Text::characters("aé☃\xF0\x9F\x98\x80\xFFz");
    const std::vector<std::string> expected = {"a", "é", "☃", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "z"};
    QCOMPARE(characters, expected);
    const std::vector<std::string> words = {"hello", "wörld", "x"};
    QCOMPARE(datasets::Utf8Text::words("  hello\twörld \n x "), words);
    QCOMPARE(datasets::Utf8Text::codePoint("ł"), char32_t{0x142});
}

void SequencesTest::utf8CheckNamesTheFirstBadLine()
{
    QCOMPARE(datasets::Utf8Text::firstBadLine("fine\nstill fine ☃\n"), int64_t{0});
    QCOMPARE(datasets::Utf8Text::firstBadLine("one\ntwo\ncaf\xE9\n"), int64_t{3});       // Latin-1 é
    QCOMPARE(datasets::Utf8Text::firstBadLine("\xC0\xAF"), int64_t{1});                 // overlong '/'
    QCOMPARE(datasets::Utf8Text::firstBadLine("a\n\xED\xA0\x80"), int64_t{2});          // a surrogate
    const QTemporaryDir dir;
    const std::string path = dir.filePath("latin1.txt").toStdString();
    writeFile(path, "first line\nsecond\nna\xEFve\n");
    const QString message = messageOf([&] { datasets::TextCorpus::file(path); });
    QVERIFY2(message.contains("latin1.txt, line 3") && message.contains("UTF-8"), qPrintable(message));
}

void SequencesTest::corpusFileLimits()
{
    const QTemporaryDir dir;
    const std::string path = dir.filePath("big.txt").toStdString();
    writeFile(path, "");
    QVERIFY2(messageOf([&] { datasets::TextCorpus::file(path); }).contains("is empty"), "an empty corpus");
    std::filesystem::resize_file(path, datasets::TextCorpus::kMaxBytes + 1);  // sparse: nothing is written
    const QString message = messageOf([&] { datasets::TextCorpus::file(path); });
    QVERIFY2(message.contains("at most 32 MB") && message.contains("head -c"), qPrintable(message));
}

void SequencesTest::vocabularyOrdersByCountAndKeepsPadAndUnknownFirst()
{
    const std::vector<std::vector<std::string>> texts = {{"b", "a", "b"}, {"c", "b", "a"}};
    const std::vector<int64_t> rows = {0, 1};
    const auto vocabulary = datasets::Vocabulary::build(texts, rows, datasets::Vocabulary::Tokens::Characters, 1, 0);
    const std::vector<std::string> expected = {"<pad>", "<unk>", "b", "a", "c"};
    QCOMPARE(vocabulary.entries(), expected);
    QCOMPARE(vocabulary.id("b"), int64_t{2});
    QCOMPARE(vocabulary.id("<pad>"), datasets::Vocabulary::kUnknown);  // text that spells <pad> is not padding
}

void SequencesTest::vocabularyHonoursMinCountAndMaxSize()
{
    const std::vector<std::vector<std::string>> texts = {{"a", "a", "a", "b", "b", "c"}};
    const std::vector<int64_t> rows = {0};
    using T = datasets::Vocabulary::Tokens;
    QCOMPARE(datasets::Vocabulary::build(texts, rows, T::Characters, 2, 0).size(), int64_t{4});  // c is rare
    const auto capped = datasets::Vocabulary::build(texts, rows, T::Characters, 1, 3);
    QCOMPARE(capped.size(), int64_t{3});
    QCOMPARE(capped.token(2), std::string("a"));
    QCOMPARE(capped.id("b"), datasets::Vocabulary::kUnknown);
}

void SequencesTest::encodePadsAndTruncates()
{
    const datasets::Vocabulary vocabulary({"<pad>", "<unk>", "a", "b"}, datasets::Vocabulary::Tokens::Characters);
    std::vector<float> ids(5, -1.0f);
    vocabulary.encode(vocabulary.split("ab"), 5, ids.data());
    QCOMPARE(ids, (std::vector<float>{2, 3, 0, 0, 0}));
    vocabulary.encode(vocabulary.split("bbbaaaa"), 3, ids.data());
    QCOMPARE(std::vector<float>(ids.begin(), ids.begin() + 3), (std::vector<float>{3, 3, 3}));
    QCOMPARE(ids[3], 0.0f);  // nothing written past the length
}

void SequencesTest::vocabularyComesFromTheTrainingSplitOnly()
{
    // Every text is one character of its own, so a character can only be known from its own row.
    datasets::LabelledTexts texts;
    texts.name = "unique";
    texts.classNames = {"even", "odd"};
    for (int i = 0; i < 200; ++i) {
        texts.texts.push_back(utf8(0x100 + static_cast<char32_t>(i)) + "x");
        texts.labels.push_back(static_cast<float>(i % 2));
    }
    nn::DataSpec spec;
    spec.validationSplit = 0.1;
    spec.testSplit = 0.2;
    const auto data = datasets::TextSet::classification(texts, spec, 5, 0);
    const int64_t train = data.train->size();
    QCOMPARE(static_cast<int64_t>(data.info.vocabulary.size()), train + 3);  // <pad>, <unk>, x and one per training text
    QCOMPARE(data.info.sequenceLength, int64_t{2});                          // the longest training text
    const Gathered trainIds = gatherAll(*data.train);
    for (int64_t i = 0; i < train; ++i)
        QVERIFY2(trainIds.x[i * 2] >= 2.0f, "a training text's own character is known");
    for (const nn::BatchSource *held : {data.validation.get(), data.test.get()}) {
        const Gathered ids = gatherAll(*held);
        for (int64_t i = 0; i < held->size(); ++i) {
            QCOMPARE(ids.x[i * 2], static_cast<float>(datasets::Vocabulary::kUnknown));
            QVERIFY2(ids.x[i * 2 + 1] >= 2.0f, "x is known from the training split");
        }
    }
    QCOMPARE(data.info.scale, std::vector<float>(2, 1.0f));  // ids are never rescaled
    QCOMPARE(data.info.offset, std::vector<float>(2, 0.0f));
}

void SequencesTest::unknownCharactersBecomeUnk()
{
    datasets::DataInfo info;
    info.name = "toy";
    info.vocabulary = {"<pad>", "<unk>", "a", "b"};
    info.tokens = "characters";
    info.sequenceLength = 4;
    const nn::Tensor ids = datasets::TextSet::encode({"a☃b", "ZZZZZZ"}, info);
    QCOMPARE(ids.shape(), (nn::Shape{2, 4}));
    QCOMPARE(std::vector<float>(ids.data(), ids.data() + 8), (std::vector<float>{2, 1, 3, 0, 1, 1, 1, 1}));
    info.vocabulary.clear();
    const QString message = messageOf([&] { datasets::TextSet::encode({"a"}, info); });
    QVERIFY2(message.contains("not text"), qPrintable(message));
}

void SequencesTest::savedVocabularyRoundTrips()
{
    const QTemporaryDir dir;
    const std::string csv = dir.filePath("moods.csv").toStdString();
    writeFile(csv, "text,mood\n\"happy day, sunny\",good\nsad rain,bad\nbright sun,good\ngrey cloud,bad\nwarm smile,good\n"
                   "cold wind,bad\nkind word,good\ndark night,bad\nfresh air,good\nlost key,bad\nfine tea,good\nlate bus,bad\n");
    const std::string data = R"({"source": ")" + csv + R"(", "text_column": "text", "tokens": "words", "validation_split": 0, "test_split": 0.25})";
    const nn::Project project = nn::projectFromText(denseProject(3, 2, data), "t");
    const datasets::Experiment experiment(project);
    const auto &saved = experiment.project().data;
    QCOMPARE(saved.vocabulary, experiment.data().info.vocabulary);
    QCOMPARE(saved.sequenceLength, int64_t{3});  // "happy day, sunny" is the longest training text
    QCOMPARE(saved.tokens, std::string("words"));

    // Written and read back, the project loads the same ids even with another seed's split.
    nn::Project reread = nn::projectFromText(nn::projectToText(experiment.project()), "reread");
    QCOMPARE(reread.data.vocabulary, saved.vocabulary);
    reread.training.seed = 99;
    const datasets::Experiment again(reread);
    QCOMPARE(again.data().info.vocabulary, saved.vocabulary);
    const nn::Tensor before = datasets::TextSet::encode({"sunny day", "unheard words"}, experiment.data().info);
    const nn::Tensor after = datasets::TextSet::encode({"sunny day", "unheard words"}, again.data().info);
    QCOMPARE(std::vector<float>(after.data(), after.data() + after.size()), std::vector<float>(before.data(), before.data() + before.size()));
    QCOMPARE(after[3], static_cast<float>(datasets::Vocabulary::kUnknown));
}

void SequencesTest::damagedVocabularyIsRefused()
{
    const QString message = messageOf(
        [] { datasets::Vocabulary({"a", "<unk>"}, datasets::Vocabulary::Tokens::Characters); });
    QVERIFY2(message.contains("<pad>") && message.contains("train again"), qPrintable(message));
    const QString twice = messageOf(
        [] { datasets::Vocabulary({"<pad>", "<unk>", "a", "a"}, datasets::Vocabulary::Tokens::Characters); });
    QVERIFY2(twice.contains("twice"), qPrintable(twice));
}

void SequencesTest::keepWordFiltersTheWordLists()
{
    using datasets::WordLists;
    for (const char *kept : {"apple", "straße", "łódź", "café", "niño", "sixteencharacter"})
        QVERIFY2(WordLists::keepWord(kept), kept);
    for (const char *dropped : {"Apple", "don't", "apple's", "ab", "seventeencharacte", "Łódź", "x-ray", "über2", "naïvE", "ἀγάπη"})
        QVERIFY2(!WordLists::keepWord(dropped), dropped);
}

void SequencesTest::wordsAreBalancedAndDeterministicPerSeed()
{
    if (!wordListsInstalled())
        QSKIP("the word lists are not installed (apt-get install wamerican wngerman wfrench wspanish witalian wportuguese wdutch wpolish)");
    nn::DataSpec spec;
    spec.source = "words";
    spec.wordsPerLanguage = 500;
    const auto first = datasets::WordLists::load(spec, 7);
    const auto same = datasets::WordLists::load(spec, 7);
    const auto other = datasets::WordLists::load(spec, 8);
    QCOMPARE(first.texts, same.texts);
    QVERIFY2(first.texts != other.texts, "another seed draws other words");
    QCOMPARE(first.classNames.size(), size_t{8});
    std::map<float, int> perClass;
    for (size_t i = 0; i < first.texts.size(); ++i) {
        ++perClass[first.labels[i]];
        QVERIFY2(datasets::WordLists::keepWord(first.texts[i]), first.texts[i].c_str());
    }
    for (const auto &[label, count] : perClass)
        QCOMPARE(count, 500);

    const auto data = datasets::load(spec, 7);
    QCOMPARE(data.info.sampleShape, (nn::Shape{16}));
    QCOMPARE(data.info.numClasses, 8);
    QCOMPARE(data.train->size() + data.validation->size() + data.test->size(), int64_t{4000});
    QVERIFY2(data.info.vocabulary.size() > 26 + 2, "accented letters are tokens too");
}

void SequencesTest::wordsLanguagesAreADataSetting()
{
    if (!wordListsInstalled())
        QSKIP("the word lists are not installed");
    nn::DataSpec spec;
    spec.source = "words";
    spec.wordsPerLanguage = 50;
    spec.languages = {"polish", "english"};
    const auto texts = datasets::WordLists::load(spec, 1);
    QCOMPARE(texts.classNames, (std::vector<std::string>{"polish", "english"}));
    QCOMPARE(texts.texts.size(), size_t{100});
    spec.languages = {"english", "klingon"};
    QString message = messageOf([&] { datasets::WordLists::load(spec, 1); });
    QVERIFY2(message.contains("'klingon'") && message.contains("portuguese"), qPrintable(message));
    spec.languages = {"english", "english"};
    message = messageOf([&] { datasets::WordLists::load(spec, 1); });
    QVERIFY2(message.contains("twice"), qPrintable(message));
}

void SequencesTest::missingWordListNamesThePackage()
{
    const QTemporaryDir dir;
    qputenv("LAYERLAB_DICT", dir.path().toUtf8());
    nn::DataSpec spec;
    spec.source = "words";
    spec.languages = {"english", "german"};
    const QString message = messageOf([&] { datasets::load(spec, 1); });
    qunsetenv("LAYERLAB_DICT");
    QVERIFY2(message.contains("apt-get install wamerican"), qPrintable(message));

    qputenv("LAYERLAB_FORTUNES", dir.path().toUtf8());
    spec.source = "fortunes";
    const QString fortunes = messageOf([&] { datasets::load(spec, 1); });
    qunsetenv("LAYERLAB_FORTUNES");
    QVERIFY2(fortunes.contains("apt-get install fortunes-min"), qPrintable(fortunes));
}

void SequencesTest::textCsvClassifiesItsTextColumn()
{
    const QTemporaryDir dir;
    const std::string csv = dir.filePath("reviews.csv").toStdString();
    std::string text = "id;stars;review\n";
    for (int i = 0; i < 40; ++i)
        text += std::to_string(i) + ";" + (i % 2 ? "5" : "1") + ";" + (i % 2 ? "great ☺ film" : "dull plot") + "\n";
    writeFile(csv, text);
    nn::DataSpec spec;
    spec.source = csv;
    spec.textColumn = "review";
    spec.labelColumn = "stars";
    const auto data = datasets::load(spec, 2);
    QCOMPARE(data.info.classNames, (std::vector<std::string>{"1", "5"}));
    QCOMPARE(data.info.sequenceLength, int64_t{12});  // "great ☺ film" in characters
    QVERIFY2(std::find(data.info.vocabulary.begin(), data.info.vocabulary.end(), "☺") != data.info.vocabulary.end(),
             "a character outside ASCII is one token");
    const Gathered g = gatherAll(*data.train);
    for (int64_t i = 0; i < data.train->size(); ++i)
        QCOMPARE(g.x[i * 12 + 11] == 0.0f, g.y[i] == 0.0f);  // "dull plot" is padded, "great ☺ film" fills T
}

void SequencesTest::textCsvBadInputMessages_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty text cell") << QByteArray("text,label\nfine,a\n ,b\n") << "line 3: the text column 'text' is empty";
    QTest::newRow("empty label cell") << QByteArray("text,label\nfine,\n") << "line 2: the label column 'label' is empty";
    QTest::newRow("no rows") << QByteArray("text,label\n") << "the text column 'text' is empty";
    QTest::newRow("Latin-1 text") << QByteArray("text,label\nfine,a\ncaf\xe9,b\n") << "line 3: the text column 'text' is not UTF-8";
    QTest::newRow("Latin-1 in a quoted multi-line cell")
        << QByteArray("text,label\n\"two\nlines caf\xe9\",b\n") << "line 3: the text column 'text' is not UTF-8";
    QTest::newRow("missing text column") << QByteArray("words,label\nfine,a\n") << "text column";
}

void SequencesTest::textCsvBadInputMessages()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const QTemporaryDir dir;
    const std::string path = dir.filePath("own.csv").toStdString();
    writeFile(path, csv.toStdString());
    nn::DataSpec spec;
    spec.source = path;
    spec.textColumn = "text";
    const QString message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void SequencesTest::languageModelTargetsAreTheNextCharacter()
{
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "abcab ";
    nn::DataSpec spec;
    spec.sequenceLength = 8;
    const auto data = datasets::TextSet::languageModel(text, "toy", spec, 4);
    QVERIFY(data.info.languageModel);
    QCOMPARE(data.train->size() + data.validation->size() + data.test->size(), int64_t{(360 - 1) / 8});
    QCOMPARE(data.train->targetShape(), (nn::Shape{8}));
    QCOMPARE(data.info.numClasses, 2 + 4);  // <pad>, <unk>, a, b, c, space
    const Gathered g = gatherAll(*data.train);
    for (int64_t i = 0; i < data.train->size(); ++i)
        for (int64_t t = 0; t + 1 < 8; ++t)
            QCOMPARE(g.y[i * 8 + t], g.x[i * 8 + t + 1]);
    QCOMPARE(gatherAll(*datasets::TextSet::languageModel(text, "toy", spec, 4).train).x.size(), g.x.size());
    spec.sequenceLength = 64;
    const QString message = messageOf([&] { datasets::TextSet::languageModel(text, "toy", spec, 4); });
    QVERIFY2(message.contains("smaller sequence_length"), qPrintable(message));
}

void SequencesTest::fortunesAreTheDefaultCorpus()
{
    if (!fortunesInstalled())
        QSKIP("fortunes-min is not installed (apt-get install fortunes-min)");
    const std::string corpus = datasets::TextCorpus::fortunes();
    QVERIFY2(corpus.size() > 90'000, "all three fortune files");
    QVERIFY2(corpus.find('\b') == std::string::npos, "no overstriking left");
    QVERIFY2(corpus.find("\n%\n") == std::string::npos, "no separator lines left");
    nn::DataSpec spec;
    spec.source = "fortunes";
    const auto data = datasets::load(spec, 1);
    QCOMPARE(data.info.sequenceLength, datasets::TextSet::kLanguageModelLength);
    QVERIFY(data.info.languageModel);
}

void SequencesTest::samplerIsSeededAndHonoursTemperature()
{
    const QTemporaryDir dir;
    const std::string data = helloCorpus(dir);
    datasets::Experiment experiment(nn::projectFromText(denseProject(6, 60, data, 10), "lm"));
    QCOMPARE(experiment.data().info.numClasses, 10);
    experiment.makeTrainer()->run();
    const datasets::TextSampler sampler(experiment.model(), experiment.data().info);
    const std::string a = sampler.sample("hel", 40, 0.8, 1);
    QCOMPARE(sampler.sample("hel", 40, 0.8, 1), a);
    QVERIFY2(sampler.sample("hel", 40, 0.8, 2) != a || sampler.sample("hel", 40, 0.8, 3) != a, "other seeds, other text");
    QCOMPARE(static_cast<int64_t>(datasets::Utf8Text::characters(a).size()), int64_t{40});
    QVERIFY2(a.find("<pad>") == std::string::npos && a.find("<unk>") == std::string::npos, a.c_str());
    const std::string greedy = sampler.sample("hel", 20, 0.0, 1);
    QCOMPARE(sampler.sample("hel", 20, 0.0, 99), greedy);  // temperature 0 draws nothing
    const auto p = sampler.nextProbabilities(datasets::Utf8Text::characters("hel"), 1.0);
    const auto cold = sampler.nextProbabilities(datasets::Utf8Text::characters("hel"), 0.1);
    const auto top = std::max_element(p.begin(), p.end()) - p.begin();
    QCOMPARE(std::max_element(cold.begin(), cold.end()) - cold.begin(), top);
    QVERIFY2(cold[static_cast<size_t>(top)] >= p[static_cast<size_t>(top)], "a low temperature sharpens");
    QCOMPARE(p[0] + p[1], 0.0);
    QVERIFY(std::abs(std::accumulate(p.begin(), p.end(), 0.0) - 1.0) < 1e-9);
}

void SequencesTest::samplerRefusesAModelWithoutStepLogits()
{
    const QTemporaryDir dir;
    const std::string data = helloCorpus(dir);
    datasets::Experiment experiment(nn::projectFromText(denseProject(6, 60, data, 0), "flat"));
    const QString message = messageOf([&] { datasets::TextSampler(experiment.model(), experiment.data().info); });
    QVERIFY2(message.contains("[N, 6, 10]") && message.contains("[N, 60]"), qPrintable(message));
}

void SequencesTest::cliPredictsRawTextAndSamples()
{
    const QTemporaryDir dir;
    const std::string csv = dir.filePath("names.csv").toStdString();
    std::string rows = "name,kind\n";
    for (int i = 0; i < 30; ++i)
        rows += std::string(i % 2 ? "zzzz" : "aaaa") + std::to_string(i % 3) + "," + (i % 2 ? "zed" : "ay") + "\n";
    writeFile(csv, rows);
    const std::string project = dir.filePath("names.layerlab.json").toStdString();
    const std::string data = R"({"source": ")" + csv + R"(", "text_column": "name", "test_split": 0.2})";
    writeFile(project, denseProject(5, 2, data));
    const auto run = [](const QStringList &arguments) {
        QProcess process;
        process.start(LAYERLAB_CLI, arguments);
        process.waitForFinished(120000);
        return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
    };
    auto [code, out] = run({"train", QString::fromStdString(project), "--epochs", "30"});
    QVERIFY2(code == 0, qPrintable(out));
    std::tie(code, out) = run({"predict", QString::fromStdString(project), "--text", "zzzz1", "--text", "aaaa0", "--text", "a☃,\""});
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(out.startsWith("text,predicted,p_ay,p_zed\nzzzz1,zed,0.") && out.contains("\naaaa0,ay,0."), qPrintable(out));
    QVERIFY2(out.contains("\n\"a☃,\"\"\","), qPrintable(out));  // unknown characters are <unk>; the text is quoted
    const std::string texts = dir.filePath("texts.csv").toStdString();
    writeFile(texts, "id,name\n1,zzzz1\n2,aaaa0\n");
    std::tie(code, out) = run({"predict", QString::fromStdString(project), "--input", QString::fromStdString(texts)});
    QVERIFY2(code == 0 && out.contains("\nzzzz1,zed,0.") && out.contains("\naaaa0,ay,0."), qPrintable(out));  // the text_column
        std::tie(code, out) = run({"sample", QString::fromStdString(project)});
    QVERIFY2(code == 1 && out.contains("needs a language model"), qPrintable(out));
    std::tie(code, out) = run({"predict", QString::fromStdString(project)});
    QVERIFY2(code == 1 && out.contains("--text"), qPrintable(out));

    const std::string lm = dir.filePath("hello.layerlab.json").toStdString();
    writeFile(lm, denseProject(6, 60, helloCorpus(dir), 10));
    std::tie(code, out) = run({"train", QString::fromStdString(lm)});
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(!out.contains("confusion matrix"), "no table of every character");
    std::tie(code, out) = run({"sample", QString::fromStdString(lm), "--prompt", "he", "--temperature", "0.8", "--length", "30"});
    QVERIFY2(code == 0 && out.startsWith("he") && datasets::Utf8Text::characters(out.toStdString()).size() == 2 + 30 + 1,
             qPrintable(out));
    std::tie(code, out) = run({"predict", QString::fromStdString(lm), "--text", "hello"});
    QVERIFY2(code == 1 && out.contains("layerlab-cli sample"), qPrintable(out));
}

void SequencesTest::addingProblemMarksTwoValues()
{
    nn::DataSpec spec;
    spec.source = "adding";
    spec.samples = 300;
    const auto data = datasets::load(spec, 1);
    QCOMPARE(data.train->sampleShape(), (nn::Shape{50, 2}));  // T = 50 by default
    QCOMPARE(data.info.sequenceLength, int64_t{50});
    QVERIFY(!data.info.classification);
    const Gathered g = gatherAll(*data.train);
    double meanSquare = 0.0;
    for (int64_t i = 0; i < data.train->size(); ++i) {
        const float *x = g.x.data() + i * 100;
        std::vector<int64_t> marked;
        float sum = 0.0f;
        for (int64_t t = 0; t < 50; ++t) {
            QVERIFY(x[2 * t] >= 0.0f && x[2 * t] < 1.0f);
            if (x[2 * t + 1] == 1.0f) {
                marked.push_back(t);
                sum += x[2 * t];
            }
        }
        QCOMPARE(marked.size(), size_t{2});
        QVERIFY2(marked[0] < 25 && marked[1] >= 25, "one marker in each half");
        QCOMPARE(g.y[i], sum);
        meanSquare += (g.y[i] - 1.0) * (g.y[i] - 1.0) / static_cast<double>(data.train->size());
    }
    QVERIFY2(meanSquare > 0.1 && meanSquare < 0.25, "always answering 1 scores about 1/6");
    spec.sequenceLength = 7;
    QCOMPARE(datasets::load(spec, 1).train->sampleShape(), (nn::Shape{7, 2}));
}

void SequencesTest::copyAndReverseTargets()
{
    nn::DataSpec spec;
    spec.samples = 50;
    spec.sequenceLength = 6;
    for (const std::string name : {"copy", "reverse"}) {
        spec.source = name;
        const auto data = datasets::load(spec, 3);
        QCOMPARE(data.info.numClasses, 2 + 8);
        QCOMPARE(data.info.vocabulary.size(), size_t{10});
        QCOMPARE(data.train->targetShape(), (nn::Shape{6}));
        const Gathered g = gatherAll(*data.train);
        for (int64_t i = 0; i < data.train->size(); ++i)
            for (int64_t t = 0; t < 6; ++t) {
                QVERIFY(g.x[i * 6 + t] >= 2.0f && g.x[i * 6 + t] <= 9.0f);
                QCOMPARE(g.y[i * 6 + t], g.x[i * 6 + (name == "copy" ? t : 5 - t)]);
            }
    }
}

void SequencesTest::sinesForecastTheSeriesContinuation()
{
    nn::DataSpec spec;
    spec.source = "sines";
    spec.samples = 40;
    spec.noise = 0.0;
    spec.horizon = 3;
    spec.sequenceLength = 30;
    const auto data = datasets::load(spec, 2);
    QCOMPARE(data.train->sampleShape(), (nn::Shape{30, 1}));
    QCOMPARE(data.train->targetShape(), (nn::Shape{3}));
    QCOMPARE(data.info.targetNames, (std::vector<std::string>{"t+1", "t+2", "t+3"}));
    const Gathered g = gatherAll(*data.train);
    for (int64_t i = 0; i < data.train->size(); ++i) {
        const float *x = g.x.data() + i * 30;
        // Without noise the series is smooth: the first target continues the window's last step.
        QVERIFY2(std::abs(g.y[i * 3] - x[29]) <= std::abs(x[29] - x[28]) + 0.6f, "the target follows the window");
        QVERIFY(std::abs(x[0]) <= 3.0f);
    }
}

void SequencesTest::sequenceTasksAreDeterministicPerSeed_data()
{
    QTest::addColumn<QString>("name");
    for (const auto &name : datasets::SequenceTasks::names())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void SequencesTest::sequenceTasksAreDeterministicPerSeed()
{
    QFETCH(QString, name);
    nn::DataSpec spec;
    spec.source = name.toStdString();
    spec.samples = 60;
    const auto values = [&](uint64_t seed) { return gatherAll(*datasets::load(spec, seed).train).x; };
    const nn::Tensor a = values(4), b = values(4), c = values(5);
    QCOMPARE(std::vector<float>(a.data(), a.data() + a.size()), std::vector<float>(b.data(), b.data() + b.size()));
    QVERIFY2(std::vector<float>(a.data(), a.data() + a.size()) != std::vector<float>(c.data(), c.data() + c.size()),
             "another seed, other samples");
    QVERIFY2(!datasets::describe(spec.source).empty(), "the GUI can describe it");
}

void SequencesTest::sequenceTaskSizeIsChecked()
{
    nn::DataSpec spec;
    spec.source = "adding";
    spec.samples = 10'000'000;
    spec.sequenceLength = 1000;
    QString message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains("lower samples or sequence_length"), qPrintable(message));
    spec.source = "addding";
    spec.samples = 10;
    message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains("adding") && message.contains("reverse") && message.contains("words"), qPrintable(message));
}

void SequencesTest::seriesCsvWindowsKeepTimeOrder()
{
    const QTemporaryDir dir;
    const std::string csv = dir.filePath("temperature.csv").toStdString();
    std::string text = "day,celsius\n";
    for (int i = 0; i < 100; ++i)
        text += std::to_string(i) + "," + std::to_string(i * 2) + "\n";
    writeFile(csv, text);
    nn::DataSpec spec;
    spec.source = csv;
    spec.seriesColumn = "celsius";
    spec.sequenceLength = 5;
    spec.horizon = 2;
    spec.scaling = "none";
    spec.validationSplit = 0.1;
    spec.testSplit = 0.2;
    const auto data = datasets::load(spec, 1);
    QCOMPARE(data.train->sampleShape(), (nn::Shape{5, 1}));
    QCOMPARE(data.info.targetNames, (std::vector<std::string>{"celsius t+1", "celsius t+2"}));
    const int64_t count = 100 - 5 - 2 + 1;
    QCOMPARE(data.train->size() + data.validation->size() + data.test->size(), count);
    const Gathered train = gatherAll(*data.train), test = gatherAll(*data.test);
    for (int64_t i = 0; i < data.train->size(); ++i) {
        QCOMPARE(train.x[i * 5], static_cast<float>(2 * i));  // window i starts at day i
        QCOMPARE(train.y[i * 2 + 1], static_cast<float>(2 * (i + 6)));
    }
    QCOMPARE(test.x[(data.test->size() - 1) * 5 + 4], 2.0f * 97);  // the last windows are the test
    spec.scaling = "auto";
    const auto scaled = datasets::load(spec, 1);
    QVERIFY2(scaled.info.scale[0] != 1.0f, "auto standardizes a series");
}

void SequencesTest::seriesCsvBadInputMessages()
{
    const QTemporaryDir dir;
    const std::string csv = dir.filePath("short.csv").toStdString();
    writeFile(csv, "value\n1\n2\n3\n");
    nn::DataSpec spec;
    spec.source = csv;
    spec.seriesColumn = "value";
    QString message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains("too few for 10 windows"), qPrintable(message));
    writeFile(csv, "value\n1\nwarm\n3\n");
    message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains("line 3") && message.contains("warm"), qPrintable(message));
    spec.seriesColumn = "price";
    message = messageOf([&] { datasets::load(spec, 1); });
    QVERIFY2(message.contains("price") && message.contains("value"), qPrintable(message));
}

QTEST_GUILESS_MAIN(SequencesTest)
#include "test_sequences.moc"
