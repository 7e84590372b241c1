// The Layers dock.
#include "palettepanel.h"

#include "palettetree.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

PalettePanel::PalettePanel(QWidget *parent) : QWidget(parent), search_(new QLineEdit), tree_(new PaletteTree)
{
    search_->setPlaceholderText(tr("Search layers…"));
    search_->setClearButtonEnabled(true);
    auto *hint = new QLabel(tr("Drag a layer onto the canvas, or double-click it."));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #6b7280;"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addWidget(hint);
    setMinimumWidth(170);

    connect(search_, &QLineEdit::textChanged, tree_, &PaletteTree::filter);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const QString kind = PaletteTree::kindOf(item); !kind.isEmpty())
            emit kindActivated(kind);
    });
}
