// The text and sequence settings: which rows a set has, the language check boxes, the corpus and
// the CSV column choices.
#include "sequencesection.h"

#include "settingeditor.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "datasets/csvheader.h"
#include "datasets/csvreader.h"
#include "datasets/datalocator.h"
#include "datasets/sequencetasks.h"
#include "datasets/wordlists.h"

#include "nn/error.h"
#include "nn/projectsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// "german" → "German", as the window names a language.
QString languageTitle(const std::string &name)
{
    QString title = QString::fromStdString(name);
    return title.left(1).toUpper() + title.mid(1);
}

// The package to install when a language's word list is missing; empty when it is there.
QString missingWordList(const datasets::WordLists::Language &language)
{
    try {
        datasets::DataLocator::wordList(language.file, language.package);
        return {};
    } catch (const nn::Error &) {
        return QString::fromLatin1(language.package);
    }
}

// A data setting's value as the project holds it, or its declared default.
nn::SettingValue sequenceSettingValue(const nlohmann::json &data, const nn::SettingSpec &spec)
{
    if (!data.contains(spec.name))
        return spec.defaultValue;
    if (spec.type == nn::SettingSpec::Type::Int)
        return data[spec.name].get<int64_t>();
    return data[spec.name].get<std::string>();
}

} // namespace

SequenceSection::Kind SequenceSection::kindOf(const nn::DataSpec &data)
{
    const std::string &source = data.source;
    if (source == "words")
        return Kind::Words;
    if (source == "fortunes" || source.ends_with(".txt"))
        return Kind::LanguageModel;
    if (source == "sines")
        return Kind::Sines;
    if (datasets::SequenceTasks::contains(source))
        return Kind::Task;
    if (!data.textColumn.empty())
        return Kind::TextCsv;
    if (!data.seriesColumn.empty())
        return Kind::SeriesCsv;
    return Kind::None;
}

SequenceSection::SequenceSection(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), form_(new QFormLayout), corpus_(new QComboBox),
      column_(new QComboBox), problem_(makeProblemLabel())
{
    chooser_ = [this](const QString &caption, const QString &filter) {
        return QFileDialog::getOpenFileName(this, caption, QString(), filter);
    };
    languages_ = makeLanguages();  // after languageBoxes_ exists
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->addRow(tr("Languages"), languages_);
    addEditor("words_per_language", tr("Words each"));
    corpus_->setObjectName(QStringLiteral("corpus"));
    corpus_->setToolTip(tr("The text the language model learns to continue: fortunes-min's fortunes or a UTF-8 .txt file."));
    form_->addRow(tr("Text"), corpus_);
    column_->setObjectName(QStringLiteral("sequence_column"));
    form_->addRow(tr("Text column"), column_);
    addEditor("tokens", tr("Tokens"));
    addEditor("sequence_length", tr("Length T"));
    if (auto *length = qobject_cast<QSpinBox *>(editors_.at("sequence_length")->control()))
        length->setSpecialValueText(tr("the set's own"));  // 0
    addEditor("horizon", tr("Horizon"));
    form_->addRow(problem_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form_);

    connect(corpus_, &QComboBox::activated, this, &SequenceSection::corpusActivated);
    connect(column_, &QComboBox::activated, this, [this](int index) {
        const bool text = kindOf(this->document()->project().data) == Kind::TextCsv;
        editSetting(text ? "text_column" : "series_column", column_->itemData(index).toString().toStdString(), Merge::No);
    });
}

QWidget *SequenceSection::makeLanguages()
{
    auto *box = new QWidget;
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    int row = 0, column = 0;
    for (const auto &language : datasets::WordLists::languages()) {
        const QString package = missingWordList(language);
        auto *check = new QCheckBox(package.isEmpty() ? languageTitle(language.name)
                                                      : tr("%1 (not installed: apt install %2)").arg(languageTitle(language.name), package));
        check->setObjectName(QStringLiteral("language_%1").arg(QString::fromLatin1(language.name)));
        check->setEnabled(package.isEmpty());
        check->setToolTip(tr("Words from Debian's %1 (/usr/share/dict/%2)").arg(QString::fromLatin1(language.package),
                                                                                 QString::fromLatin1(language.file)));
        connect(check, &QCheckBox::toggled, this, &SequenceSection::toggleLanguage);
        if (!package.isEmpty()) {  // a missing list's note takes a whole row of its own
            grid->addWidget(check, row + (column > 0 ? 1 : 0), 0, 1, 2);
            row += column > 0 ? 2 : 1;
            column = 0;
        } else {
            grid->addWidget(check, row, column);
            row += column;
            column = 1 - column;
        }
        languageBoxes_[language.name] = check;
    }
    return box;
}

void SequenceSection::addEditor(const char *key, const QString &label)
{
    auto *editor = new SettingEditor(nn::dataSetting(key));
    editor->setHelpVisible(false);
    editor->setObjectName(QString::fromLatin1(key));
    connect(editor, &SettingEditor::edited, this, [this, key = std::string(key)](const nn::SettingValue &value) {
        const bool number = std::holds_alternative<int64_t>(value);
        editSetting(key, toJson(value), number ? Merge::SameField : Merge::No);
    });
    auto *title = new QLabel(label);
    title->setToolTip(engineText(nn::dataSetting(key).help));
    form_->addRow(title, editor);
    editors_[key] = editor;
}

QCheckBox *SequenceSection::languageBox(const std::string &language) const
{
    const auto it = languageBoxes_.find(language);
    return it == languageBoxes_.end() ? nullptr : it->second;
}

SettingEditor *SequenceSection::editor(const std::string &key) const
{
    const auto it = editors_.find(key);
    return it == editors_.end() ? nullptr : it->second;
}

void SequenceSection::showDocument()
{
    const nn::DataSpec &data = document()->project().data;
    const Kind kind = kindOf(data);
    showProblem(problem_, {});
    const nlohmann::json json = data.toJson();
    for (const auto &[key, editor] : editors_)
        editor->setValue(sequenceSettingValue(json, editor->spec()));
    for (const auto &[name, check] : languageBoxes_) {
        const QSignalBlocker blocker(check);
        check->setChecked(data.languages.empty() ? check->isEnabled()
                                                 : std::find(data.languages.begin(), data.languages.end(), name) != data.languages.end());
    }
    const bool text = kind == Kind::Words || kind == Kind::LanguageModel || kind == Kind::TextCsv;
    form_->setRowVisible(languages_, kind == Kind::Words);
    form_->setRowVisible(editors_.at("words_per_language"), kind == Kind::Words);
    form_->setRowVisible(corpus_, kind == Kind::LanguageModel);
    form_->setRowVisible(column_, kind == Kind::TextCsv || kind == Kind::SeriesCsv);
    form_->setRowVisible(editors_.at("tokens"), kind == Kind::LanguageModel || kind == Kind::TextCsv);
    form_->setRowVisible(editors_.at("sequence_length"), kind != Kind::None);
    form_->setRowVisible(editors_.at("horizon"), kind == Kind::SeriesCsv || kind == Kind::Sines);
    // A time series reads windows of T values; for text T is the padded length.
    if (auto *label = qobject_cast<QLabel *>(form_->labelForField(editors_.at("sequence_length"))))
        label->setText(kind == Kind::SeriesCsv || kind == Kind::Sines ? tr("Window T") : text ? tr("Length T") : tr("Steps T"));
    if (kind == Kind::LanguageModel)
        showCorpus(data);
    if (kind == Kind::TextCsv || kind == Kind::SeriesCsv)
        showColumns(data, kind);
}

void SequenceSection::showCorpus(const nn::DataSpec &data)
{
    const QSignalBlocker blocker(corpus_);
    corpus_->clear();
    corpus_->addItem(tr("fortunes-min's fortunes"), QStringLiteral("fortunes"));
    try {
        datasets::DataLocator::fortuneFiles();
    } catch (const nn::Error &) {
        corpus_->setItemText(0, tr("fortunes (not installed: apt install fortunes-min)"));
    }
    if (data.source != "fortunes") {
        const QString path = QString::fromStdString(data.source);
        corpus_->addItem(QFileInfo(path).fileName(), path);
        corpus_->setItemData(1, path, Qt::ToolTipRole);
    }
    corpus_->addItem(tr("A UTF-8 .txt file…"), QString::fromLatin1(kChooseText));
    corpus_->setCurrentIndex(data.source == "fortunes" ? 0 : 1);
}

// The CSV's columns; the current one is the text (or series) column.
void SequenceSection::showColumns(const nn::DataSpec &data, Kind kind)
{
    if (auto *label = qobject_cast<QLabel *>(form_->labelForField(column_)))
        label->setText(kind == Kind::TextCsv ? tr("Text column") : tr("Series column"));
    column_->setToolTip(kind == Kind::TextCsv ? tr("The column holding the texts to classify.")
                                              : tr("The column holding the values of the time series, one per row, in time order."));
    const QSignalBlocker blocker(column_);
    if (data.source != columnsOf_) {
        columnsOf_ = data.source;
        column_->clear();
        try {
            datasets::CsvReader reader = datasets::CsvReader::open(data.source);
            const datasets::CsvHeader header = datasets::CsvHeader::read(reader);
            for (const std::string &name : header.names())
                column_->addItem(QString::fromStdString(name), QString::fromStdString(name));
        } catch (const nn::Error &error) {
            showProblem(problem_, QString::fromStdString(error.what()));
        }
    }
    const std::string &current = kind == Kind::TextCsv ? data.textColumn : data.seriesColumn;
    column_->setCurrentIndex(column_->findData(QString::fromStdString(current)));
}

void SequenceSection::toggleLanguage()
{
    nlohmann::json chosen = nlohmann::json::array();
    for (const auto &language : datasets::WordLists::languages())
        if (languageBoxes_.at(language.name)->isChecked())
            chosen.push_back(language.name);
    editSetting("languages", chosen, Merge::No);
}

void SequenceSection::corpusActivated(int index)
{
    QString source = corpus_->itemData(index).toString();
    if (source == QLatin1String(kChooseText)) {
        source = chooser_(tr("Open a text for the language model"), tr("Text files (*.txt);;All files (*)"));
        if (source.isEmpty() || !source.endsWith(QLatin1String(".txt"))) {
            refresh();
            if (!source.isEmpty())
                showProblem(problem_, tr("%1 is not a .txt file; a language model reads a UTF-8 text file ending in .txt.")
                                          .arg(QFileInfo(source).fileName()));
            return;
        }
    }
    if (source.toStdString() != document()->project().data.source)
        editSetting("source", source.toStdString(), Merge::No);
}

void SequenceSection::editSetting(const std::string &key, const nlohmann::json &value, Merge merge)
{
    showProblem(problem_, edit(Section::Data, key, merge, [&](nlohmann::json &json) { json[key] = value; }));
}
