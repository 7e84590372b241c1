// The Data group: its editors, the source list and the file choices.
#include "datasection.h"

#include "augmentsection.h"
#include "datasourcelist.h"
#include "imagefoldersummary.h"
#include "sequencesection.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "datasets/csvheader.h"
#include "datasets/csvreader.h"
#include "datasets/datasets.h"
#include "datasets/drawnset.h"
#include "datasets/sequencetasks.h"

#include "nn/error.h"
#include "nn/projectsettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kNoiseSteps = 50;  // the slider's 0..50 is a noise of 0..0.5
constexpr int kMinSamples = 50;
constexpr int kMaxSamples = 5000;

// The declared help of a data setting, as the window shows it.
QString helpOf(const char *key)
{
    return engineText(nn::dataSetting(key).help);
}

bool isCsvPath(const std::string &path)
{
    return path.ends_with(".csv") || path.ends_with(".csv.gz");
}

bool isNamedSet(const std::string &source)
{
    return !datasets::describe(source).empty();
}

bool isFolder(const std::string &source)
{
    return !isNamedSet(source) && QFileInfo(QString::fromStdString(source)).isDir();
}

bool isSynthetic(const std::string &source)
{
    const auto names = datasets::syntheticNames();
    return std::find(names.begin(), names.end(), source) != names.end();
}

// A CSV, a .txt file or a folder gets an entry of its own in the data list; a language model's
// .txt file shows under "Character language model" instead.
bool hasFileEntry(const std::string &source)
{
    return !isNamedSet(source) && !source.ends_with(".txt");
}

// train-images-idx3-ubyte(.gz) → train-labels-idx1-ubyte(.gz) when that file exists.
QString guessLabelsFile(const QString &images)
{
    QString labels = images;
    labels.replace(QStringLiteral("images-idx3"), QStringLiteral("labels-idx1"));
    return labels != images && QFileInfo::exists(labels) ? labels : QString();
}

} // namespace

DataSection::DataSection(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), form_(new QFormLayout), source_(new QComboBox), description_(new QLabel),
      noise_(new QSlider(Qt::Horizontal)), noiseValue_(new QLabel), samplesSlider_(new QSlider(Qt::Horizontal)),
      samples_(new QSpinBox), labelColumn_(new QComboBox), labels_(new QLineEdit), chooseLabels_(new QPushButton(tr("Choose…"))),
      task_(new QComboBox), scaling_(new QComboBox), resize_(new QComboBox), folderSummary_(new ImageFolderSummary), validation_(makePercentBox("validation_split")),
      test_(makePercentBox("test_split")), problem_(makeProblemLabel()), augment_(new AugmentSection(document)),
      sequence_(new SequenceSection(document))
{
    chooser_ = [this](const QString &caption, const QString &filter) {
        return QFileDialog::getOpenFileName(this, caption, QString(), filter);
    };
    folderChooser_ = [this](const QString &caption) { return QFileDialog::getExistingDirectory(this, caption); };
    source_->setObjectName(QStringLiteral("source"));
    datasourcelist::fill(source_);
    description_->setWordWrap(true);
    description_->setStyleSheet(QStringLiteral("color: #4b5563; font-size: 90%;"));
    labelColumn_->setObjectName(QStringLiteral("label_column"));
    labelColumn_->setToolTip(tr("The column holding what the network learns to predict."));
    task_->setObjectName(QStringLiteral("task"));
    task_->addItem(tr("auto (from the data)"), QStringLiteral("auto"));
    task_->addItem(tr("classification"), QStringLiteral("classification"));
    task_->addItem(tr("regression"), QStringLiteral("regression"));
    task_->setToolTip(helpOf("task"));
    scaling_->setObjectName(QStringLiteral("scaling"));
    scaling_->addItem(tr("auto"), QStringLiteral("auto"));
    scaling_->addItem(tr("none"), QStringLiteral("none"));
    scaling_->addItem(tr("standardize (mean 0, sd 1)"), QStringLiteral("standardize"));
    scaling_->addItem(tr("min–max (0 to 1)"), QStringLiteral("minmax"));
    scaling_->setToolTip(helpOf("scaling"));
    resize_->setObjectName(QStringLiteral("image_resize"));
    resize_->addItem(tr("stretch to the Input's size"), QStringLiteral("stretch"));
    resize_->addItem(tr("crop to the centre"), QStringLiteral("crop"));
    resize_->addItem(tr("pad with black bars"), QStringLiteral("pad"));
    resize_->setToolTip(helpOf("image_resize"));
    validation_->setToolTip(helpOf("validation_split"));
    test_->setToolTip(helpOf("test_split"));

    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->addRow(tr("Source"), source_);
    form_->addRow(description_);
    form_->addRow(tr("Labels file"), makeLabelsRow());
    form_->addRow(tr("Label column"), labelColumn_);
    form_->addRow(tr("Noise"), makeNoiseRow());
    form_->addRow(tr("Samples"), makeSamplesRow());
    form_->addRow(sequence_);
    form_->addRow(tr("Resize"), resize_);
    form_->addRow(folderSummary_);
    form_->addRow(tr("Task"), task_);
    form_->addRow(tr("Scaling"), scaling_);
    form_->addRow(tr("Validation"), validation_);
    form_->addRow(tr("Test"), test_);
    form_->addRow(problem_);
    form_->addRow(augment_);
    form_->setRowVisible(augment_, false);  // until the data preview shows images
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form_);
    connectEditors();
}

QWidget *DataSection::makeNoiseRow()
{
    noise_->setObjectName(QStringLiteral("noise"));
    noise_->setRange(0, kNoiseSteps);
    noise_->setPageStep(5);
    noise_->setToolTip(tr("How much random jitter the generated points get (0: none, 0.5: a lot)."));
    noiseValue_->setMinimumWidth(noiseValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    return makeRow(noise_, noiseValue_);
}

QWidget *DataSection::makeSamplesRow()
{
    samplesSlider_->setObjectName(QStringLiteral("samples_slider"));
    samplesSlider_->setRange(kMinSamples, kMaxSamples);
    samplesSlider_->setSingleStep(50);
    samplesSlider_->setPageStep(500);
    samples_->setObjectName(QStringLiteral("samples"));
    samples_->setRange(kMinSamples, kMaxSamples);
    samples_->setSingleStep(50);
    samples_->setKeyboardTracking(false);
    const QString tip = tr("How many points to generate (split into training, validation and test).");
    samplesSlider_->setToolTip(tip);
    samples_->setToolTip(tip);
    return makeRow(samplesSlider_, samples_);
}

QWidget *DataSection::makeLabelsRow()
{
    labels_->setObjectName(QStringLiteral("labels"));
    labels_->setReadOnly(true);
    labels_->setPlaceholderText(tr("an IDX labels file"));
    return makeRow(labels_, chooseLabels_);
}

QSpinBox *DataSection::makePercentBox(const char *field)
{
    auto *box = new QSpinBox;
    box->setObjectName(QString::fromLatin1(field));
    const nn::SettingSpec &share = nn::dataSetting(field);
    box->setRange(static_cast<int>(std::lround(share.min * 100.0)), static_cast<int>(std::lround(share.max * 100.0)));
    box->setSuffix(QStringLiteral(" %"));
    box->setKeyboardTracking(false);
    connect(box, &QSpinBox::valueChanged, this, [this, field = std::string(field)](int percent) {
        editData(field, [&](nlohmann::json &json) { json[field] = percent / 100.0; }, Merge::SameField);
    });
    return box;
}

void DataSection::connectEditors()
{
    connect(source_, &QComboBox::activated, this, &DataSection::sourceActivated);
    connect(chooseLabels_, &QPushButton::clicked, this, &DataSection::chooseLabels);
    connect(noise_, &QSlider::valueChanged, this, [this](int steps) {
        noiseValue_->setText(QString::number(steps / 100.0, 'f', 2));
        editData("noise", [&](nlohmann::json &json) { json["noise"] = steps / 100.0; }, Merge::SameField);
    });
    const auto editSamples = [this](int samples) {
        editData("samples", [&](nlohmann::json &json) { json["samples"] = samples; }, Merge::SameField);
    };
    connect(samplesSlider_, &QSlider::valueChanged, this, editSamples);
    connect(samples_, &QSpinBox::valueChanged, this, editSamples);
    connect(labelColumn_, &QComboBox::activated, this, [this](int index) {
        const std::string column = labelColumn_->itemData(index).toString().toStdString();
        editData("label_column", [&](nlohmann::json &json) {
            if (column.empty())
                json.erase("label_column");
            else
                json["label_column"] = column;
        });
    });
    connect(task_, &QComboBox::activated, this, [this](int index) {
        editData("task", [&](nlohmann::json &json) { json["task"] = task_->itemData(index).toString().toStdString(); });
    });
    connect(resize_, &QComboBox::activated, this, [this](int index) {
        editData("image_resize", [&](nlohmann::json &json) { json["image_resize"] = resize_->itemData(index).toString().toStdString(); });
    });
    connect(scaling_, &QComboBox::activated, this, [this](int index) {
        editData("scaling", [&](nlohmann::json &json) { json["scaling"] = scaling_->itemData(index).toString().toStdString(); });
    });
}

bool DataSection::isRegression() const
{
    const nn::DataSpec &data = document()->project().data;
    return data.task == "regression" ||
           (data.task == "auto" && (datasets::isRegressionSet(data.source) || !data.seriesColumn.empty()));
}

bool DataSection::isClassification() const
{
    const nn::DataSpec &data = document()->project().data;
    return data.task == "classification" || (data.task == "auto" && isNamedSet(data.source) && !isRegression());
}

void DataSection::showDocument()
{
    const nn::DataSpec &data = document()->project().data;
    showProblem(problem_, {});
    augment_->refresh();
    sequence_->refresh();
    showSource(data);
    const QSignalBlocker noiseBlocker(noise_), sliderBlocker(samplesSlider_), samplesBlocker(samples_);
    noise_->setValue(int(std::lround(std::clamp(data.noise, 0.0, 0.5) * 100.0)));
    noiseValue_->setText(QString::number(data.noise, 'f', 2));
    samplesSlider_->setValue(int(std::clamp<int64_t>(data.samples, kMinSamples, kMaxSamples)));
    samples_->setValue(int(std::clamp<int64_t>(data.samples, kMinSamples, kMaxSamples)));
    const QSignalBlocker taskBlocker(task_), scalingBlocker(scaling_);
    task_->setCurrentIndex(task_->findData(QString::fromStdString(data.task)));
    scaling_->setCurrentIndex(scaling_->findData(QString::fromStdString(data.scaling)));
    const QSignalBlocker resizeBlocker(resize_);
    resize_->setCurrentIndex(resize_->findData(QString::fromStdString(data.imageResize)));
    const QSignalBlocker validationBlocker(validation_), testBlocker(test_);
    validation_->setValue(int(std::lround(data.validationSplit * 100.0)));
    test_->setValue(int(std::lround(data.testSplit * 100.0)));
    test_->setEnabled(data.source != "fashion-mnist");  // it has its own test set
}

// The source combo box, the description and the rows that belong to this kind of source.
void DataSection::showSource(const nn::DataSpec &data)
{
    const QSignalBlocker blocker(source_);
    const bool isFile = !isNamedSet(data.source);
    const SequenceSection::Kind sequence = SequenceSection::kindOf(data);
    // A chosen file has its own entry, just above "CSV or IDX file…".
    const int fileRow = source_->findData(QString::fromLatin1(kChooseFile)) - 1;
    const bool hasFileRow = !source_->itemData(fileRow).toString().isEmpty() &&
                            !isNamedSet(source_->itemData(fileRow).toString().toStdString());
    if (hasFileRow)
        source_->removeItem(fileRow);
    if (hasFileEntry(data.source)) {
        const QString path = QString::fromStdString(data.source);
        const int row = source_->findData(QString::fromLatin1(kChooseFile));
        source_->insertItem(row, QFileInfo(path).fileName(), path);
        source_->setItemData(row, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    source_->setCurrentIndex(source_->findData(QString::fromStdString(hasFileEntry(data.source) || isNamedSet(data.source) ? data.source : "fortunes")));
    datasourcelist::enableDrawing(source_, document()->project().gan.has_value() || data.source == datasets::DrawnSet::kName);

    const bool csv = isFile && isCsvPath(data.source) && sequence == SequenceSection::Kind::None;
    const bool folder = isFile && isFolder(data.source);
    description_->setText(data.source == "words" ? datasourcelist::wordsDescription(data)
                          : !isFile ? datasetDescription(data.source)
                          : sequence == SequenceSection::Kind::LanguageModel
                              ? tr("A character language model on %1: it learns the next character of the text.")
                                    .arg(QFileInfo(QString::fromStdString(data.source)).fileName())
                          : sequence == SequenceSection::Kind::TextCsv
                              ? tr("Your own text: a CSV file with a column of texts and a column of their labels.")
                          : sequence == SequenceSection::Kind::SeriesCsv
                              ? tr("A time series: windows of T values of one column, and the values after each to forecast.")
                          : folder ? tr("A folder of images: one subfolder of PNG or JPEG files per class, fitted to the "
                                        "Input's size and channels.")
                          : csv   ? tr("A CSV file: one sample per row, a header row naming the columns.")
                                  : tr("IDX images (the MNIST file format) with their labels file."));
    form_->setRowVisible(resize_, folder);
    form_->setRowVisible(folderSummary_, folder);
    if (folder)
        folderSummary_->showWaiting(QString::fromStdString(data.source));
    const bool task = datasets::SequenceTasks::contains(data.source);
    form_->setRowVisible(noise_->parentWidget(), isSynthetic(data.source) || data.source == "sines");
    form_->setRowVisible(samples_->parentWidget(), isSynthetic(data.source) || task);
    form_->setRowVisible(labelColumn_, csv || sequence == SequenceSection::Kind::TextCsv);
    form_->setRowVisible(labels_->parentWidget(), isFile && !csv && !folder && sequence == SequenceSection::Kind::None);
    form_->setRowVisible(sequence_, sequence != SequenceSection::Kind::None);
    labels_->setText(QString::fromStdString(data.labels));
    if (csv || sequence == SequenceSection::Kind::TextCsv)
        fillLabelColumns(data.source);
    const QSignalBlocker columnBlocker(labelColumn_);
    labelColumn_->setCurrentIndex(std::max(0, labelColumn_->findData(QString::fromStdString(data.labelColumn))));
}

void DataSection::showPreviewImages(const std::vector<QImage> &images)
{
    augment_->showImages(images);
    form_->setRowVisible(augment_, !images.empty() || document()->project().data.augment.any());
}

void DataSection::sourceActivated(int index)
{
    const QString source = source_->itemData(index).toString();
    if (source == QLatin1String(kChooseFile)) {
        chooseFile();
        return;
    }
    if (source == QLatin1String(kChooseFolder)) {
        chooseFolder();
        return;
    }
    if (source == QLatin1String(kChooseTextCsv) || source == QLatin1String(kChooseSeriesCsv)) {
        chooseColumnCsv(source == QLatin1String(kChooseTextCsv));
        return;
    }
    if (source.toStdString() == document()->project().data.source)
        return;
    editData("source", [&](nlohmann::json &json) {
        json["source"] = source.toStdString();
        for (const char *key : {"labels", "label_column", "feature_columns", "text_column", "series_column"})
            json.erase(key);  // they belong to a file
    });
}

void DataSection::chooseFile()
{
    const QString path = chooser_(tr("Open a data file"),
                                  tr("Data files (*.csv *.csv.gz *idx* *ubyte*);;CSV files (*.csv *.csv.gz);;All files (*)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    QString labels;
    if (!isCsvPath(path.toStdString())) {
        labels = guessLabelsFile(path);
        if (labels.isEmpty())
            labels = chooser_(tr("Open the labels file for %1").arg(QFileInfo(path).fileName()),
                              tr("IDX labels (*idx1* *labels*);;All files (*)"));
        if (labels.isEmpty()) {
            refresh();
            showProblem(problem_, tr("IDX images need their labels file; choose it to use %1.").arg(QFileInfo(path).fileName()));
            return;
        }
    }
    editData("source", [&](nlohmann::json &json) {
        json["source"] = path.toStdString();
        for (const char *key : {"labels", "label_column", "feature_columns", "text_column", "series_column"})
            json.erase(key);
        if (!labels.isEmpty())
            json["labels"] = labels.toStdString();
    });
}

// A CSV whose first column becomes the text (or series) column; text takes its last column as the
// labels. Both can be changed in the section's column boxes.
void DataSection::chooseColumnCsv(bool text)
{
    const QString path = chooser_(text ? tr("Open a CSV of texts and labels") : tr("Open a CSV time series"),
                                  tr("CSV files (*.csv *.csv.gz);;All files (*)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    std::vector<std::string> columns;
    try {
        datasets::CsvReader reader = datasets::CsvReader::open(path.toStdString());
        columns = datasets::CsvHeader::read(reader).names();
    } catch (const nn::Error &error) {
        refresh();
        showProblem(problem_, QString::fromStdString(error.what()));
        return;
    }
    if (columns.size() < (text ? 2U : 1U)) {
        refresh();
        showProblem(problem_, tr("%1 has %2 column(s); your own text needs a column of texts and a column of labels.")
                                  .arg(QFileInfo(path).fileName()).arg(columns.size()));
        return;
    }
    editData("source", [&](nlohmann::json &json) {
        json["source"] = path.toStdString();
        for (const char *key : {"labels", "label_column", "feature_columns", "text_column", "series_column"})
            json.erase(key);
        json[text ? "text_column" : "series_column"] = columns.front();
        if (text)
            json["label_column"] = columns.back();
    });
}

void DataSection::setFileChooser(FileChooser chooser)
{
    chooser_ = chooser;
    sequence_->setFileChooser(std::move(chooser));
}

void DataSection::chooseFolder()
{
    const QString path = folderChooser_(tr("Open a folder of images (one subfolder per class)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    editData("source", [&](nlohmann::json &json) {
        json["source"] = QDir::cleanPath(path).toStdString();
        for (const char *key : {"labels", "label_column", "feature_columns", "text_column", "series_column"})
            json.erase(key);
    });
}

void DataSection::chooseLabels()
{
    const QString labels = chooser_(tr("Open the IDX labels file"), tr("IDX labels (*idx1* *labels*);;All files (*)"));
    if (!labels.isEmpty())
        editData("labels", [&](nlohmann::json &json) { json["labels"] = labels.toStdString(); });
}

// The label column choices: the default (the last column), then every column of the header.
void DataSection::fillLabelColumns(const std::string &path)
{
    if (path == columnsOf_)
        return;
    columnsOf_ = path;
    const QSignalBlocker blocker(labelColumn_);
    labelColumn_->clear();
    labelColumn_->addItem(tr("last column"), QString());
    try {
        datasets::CsvReader reader = datasets::CsvReader::open(path);
        const datasets::CsvHeader header = datasets::CsvHeader::read(reader);
        for (const std::string &name : header.names())
            labelColumn_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    } catch (const nn::Error &error) {
        showProblem(problem_, QString::fromStdString(error.what()));
    }
}

void DataSection::editData(const std::string &field, const Change &change, Merge merge)
{
    const QString problem = edit(Section::Data, field, merge, change);
    showProblem(problem_, problem);
}
