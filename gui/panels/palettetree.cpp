// The palette's tree of layer kinds.
#include "palettetree.h"

#include "canvas/canvasstyle.h"
#include "document/layercatalog.h"
#include "document/mimetypes.h"
#include "i18n/enginetext.h"

#include <QHeaderView>
#include <QMimeData>
#include <QPainter>

#include <algorithm>

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kSummaryRole = Qt::UserRole + 1;

// A round swatch of the category's colour, as the nodes on the canvas wear it.
QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(115), 2.0));
    painter.setBrush(colour.lighter(130));
    painter.drawRoundedRect(QRectF(5, 7, 22, 18), 5, 5);
    return QIcon(pixmap);
}

} // namespace

PaletteTree::PaletteTree(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(true);
    setIndentation(12);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(16, 16));
    setUniformRowHeights(true);
    populate();
    const auto chosen = [this] {
        if (!opening_)
            userChose_ = true;
    };
    connect(this, &QTreeWidget::itemExpanded, this, chosen);
    connect(this, &QTreeWidget::itemCollapsed, this, chosen);
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (!item->parent())
            item->setExpanded(!item->isExpanded());  // a header opens and closes with one click
    });
}

void PaletteTree::setOpen(QTreeWidgetItem *group, bool open)
{
    opening_ = true;
    group->setExpanded(open);
    opening_ = false;
}

void PaletteTree::openWhatFits()
{
    if (userChose_ || topLevelItemCount() == 0)
        return;
    const int row = std::max(1, sizeHintForRow(0));
    int room = viewport()->height() / row - topLevelItemCount();
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = topLevelItem(g);
        const bool fits = group->childCount() <= room;
        if (fits)
            room -= group->childCount();
        setOpen(group, fits);
    }
}

void PaletteTree::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    openWhatFits();
}

void PaletteTree::populate()
{
    for (const auto &[category, specs] : layercatalog::byCategory()) {
        auto *group = new QTreeWidgetItem(this, {engineText(category)});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);  // not draggable, not selectable
        const QIcon icon = swatch(canvasstyle::categoryColor(QString::fromStdString(category)));
        for (const nn::LayerSpec *spec : specs) {
            auto *item = new QTreeWidgetItem(group, {QString::fromStdString(spec->kind)});
            item->setData(0, kKindRole, QString::fromStdString(spec->kind));
            item->setData(0, kSummaryRole, engineText(spec->summary));
            item->setToolTip(0, engineText(spec->summary));
            item->setIcon(0, icon);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    expandAll();
}

void PaletteTree::filter(const QString &text)
{
    const QString wanted = text.trimmed();
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = topLevelItem(g);
        bool any = false;
        for (int k = 0; k < group->childCount(); ++k) {
            QTreeWidgetItem *item = group->child(k);
            const bool match = wanted.isEmpty() || kindOf(item).contains(wanted, Qt::CaseInsensitive) ||
                               item->data(0, kSummaryRole).toString().contains(wanted, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
        if (!wanted.isEmpty())
            setOpen(group, any);  // every match in view
    }
    if (wanted.isEmpty())
        openWhatFits();
}

QString PaletteTree::kindOf(const QTreeWidgetItem *item)
{
    return item ? item->data(0, kKindRole).toString() : QString();
}

QMimeData *PaletteTree::mimeDataForKind(const QString &kind) const
{
    for (int g = 0; g < topLevelItemCount(); ++g)
        for (int k = 0; k < topLevelItem(g)->childCount(); ++k)
            if (QTreeWidgetItem *item = topLevelItem(g)->child(k); kindOf(item) == kind)
                return mimeData({item});
    return nullptr;
}

QStringList PaletteTree::mimeTypes() const
{
    return {QString::fromLatin1(kLayerKindMimeType)};
}

QMimeData *PaletteTree::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty() || kindOf(items.front()).isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kLayerKindMimeType, kindOf(items.front()).toUtf8());
    data->setText(kindOf(items.front()));
    return data;
}
