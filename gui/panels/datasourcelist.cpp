// The data list's entries, named and described as the window shows them.
#include "datasourcelist.h"

#include "datasection.h"
#include "i18n/enginetext.h"

#include "datasets/datalocator.h"
#include "datasets/datasets.h"
#include "datasets/drawnset.h"
#include "datasets/wordlists.h"

#include "nn/error.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QStandardItemModel>

namespace {

bool fashionMnistInstalled()
{
    try {
        datasets::DataLocator::fashionMnistFolder();
        return true;
    } catch (const nn::Error &) {
        return false;
    }
}

// "Iris: 150 flowers, …" → "Iris": a set's name as its description spells it.
QString displayName(const std::string &name)
{
    // The name ends at the colon, which the Chinese lines write full-width.
    const QString description = datasetDescription(name);
    static const QRegularExpression colon(QStringLiteral("[:：]"));
    const qsizetype at = description.indexOf(colon);
    return at < 0 ? QString::fromStdString(name) : description.left(at);
}

// The text and sequence sets as the data list names them.
QString sequenceTitle(const std::string &name)
{
    if (name == "words")
        return DataSection::tr("Which language is this word?");
    if (name == "fortunes")
        return DataSection::tr("Character language model");
    if (name == "sines")
        return DataSection::tr("Noisy sines");
    if (name == "adding")
        return DataSection::tr("Adding problem");
    return name == "copy" ? DataSection::tr("Copy") : DataSection::tr("Reverse");
}

} // namespace

namespace datasourcelist {

void fill(QComboBox *box)
{
    auto *model = qobject_cast<QStandardItemModel *>(box->model());
    const bool fashionInstalled = fashionMnistInstalled();
    for (const std::string &name : datasets::bundledNames()) {
        const bool missing = name == "fashion-mnist" && !fashionInstalled;
        box->addItem(missing ? DataSection::tr("%1 (not installed: apt install dataset-fashion-mnist)").arg(displayName(name))
                             : displayName(name),
                     QString::fromStdString(name));
        box->setItemData(box->count() - 1, datasetDescription(name), Qt::ToolTipRole);
        if (missing)
            model->item(box->count() - 1)->setEnabled(false);
    }
    box->insertSeparator(box->count());
    for (const std::string &name : datasets::syntheticNames()) {
        box->addItem(name == datasets::DrawnSet::kName ? DataSection::tr("Draw your own (GAN)")
                                                        : DataSection::tr("%1 (synthetic)").arg(displayName(name)),
                      QString::fromStdString(name));
        box->setItemData(box->count() - 1, datasetDescription(name), Qt::ToolTipRole);
    }
    box->insertSeparator(box->count());
    for (const std::string &name : datasets::sequenceNames()) {
        box->addItem(sequenceTitle(name), QString::fromStdString(name));
        box->setItemData(box->count() - 1, datasetDescription(name), Qt::ToolTipRole);
    }
    box->insertSeparator(box->count());
    box->addItem(DataSection::tr("CSV or IDX file…"), QString::fromLatin1(DataSection::kChooseFile));
    box->addItem(DataSection::tr("Your own text (CSV)…"), QString::fromLatin1(DataSection::kChooseTextCsv));
    box->setItemData(box->count() - 1, DataSection::tr("A CSV file with a column of texts and a column of their labels"), Qt::ToolTipRole);
    box->addItem(DataSection::tr("Time series (CSV)…"), QString::fromLatin1(DataSection::kChooseSeriesCsv));
    box->setItemData(box->count() - 1, DataSection::tr("A CSV file with a column of values in time order, to forecast"), Qt::ToolTipRole);
    box->addItem(DataSection::tr("Folder of images…"), QString::fromLatin1(DataSection::kChooseFolder));
    box->setItemData(box->count() - 1, DataSection::tr("A folder with one subfolder of PNG or JPEG images per class"), Qt::ToolTipRole);
}

void enableDrawing(QComboBox *box, bool enabled)
{
    const int row = box->findData(QString::fromLatin1(datasets::DrawnSet::kName));
    QStandardItem *item = qobject_cast<QStandardItemModel *>(box->model())->item(row);
    if (!item)
        return;
    item->setEnabled(enabled);
    item->setToolTip(enabled ? QString::fromStdString(datasets::DrawnSet::description())
                             : DataSection::tr("Paint the real points of a GAN's data: make this project a GAN first "
                                               "(right-click the canvas: Make This a GAN)."));
}

// "Which language is this word?" as its settings make it.
QString wordsDescription(const nn::DataSpec &data)
{
    const size_t languages = data.languages.empty() ? datasets::WordLists::languages().size() : data.languages.size();
    return DataSection::tr("Which language is this word? %1 words of each of %2 languages from Debian's word lists "
                           "(wamerican, wngerman, …), read letter by letter.")
        .arg(data.wordsPerLanguage)
        .arg(languages);
}

} // namespace datasourcelist
