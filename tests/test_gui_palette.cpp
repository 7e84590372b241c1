// The Layers palette as a specification: generated from the registry, grouped by category in
// teaching order, searchable, each kind's summary as its tooltip, drags carrying the kind.
#include "guitest.h"
#include "testonlylayer.h"

#include "canvas/canvasstyle.h"
#include "document/mimetypes.h"

#include "nn/registry.h"

#include <QLineEdit>

#include <cmath>

using namespace guitest;

class TestGuiPalette : public QObject {
    Q_OBJECT

private:
    QStringList visibleKinds(PaletteTree *tree)
    {
        QStringList kinds;
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int k = 0; k < tree->topLevelItem(g)->childCount(); ++k)
                if (!tree->topLevelItem(g)->child(k)->isHidden())
                    kinds << PaletteTree::kindOf(tree->topLevelItem(g)->child(k));
        return kinds;
    }

private slots:
    void initTestCase()
    {
        useTestSettings();
        // Categories the palette does not know go after the known ones, alphabetically.
        registerTestOnlyKind("Recurrence", "Recurrent");
        registerTestOnlyKind("SelfAttention", "Attention");
        registerTestOnlyKind("TestOnlyNorm", "Normalization");
    }

    void everyRegisteredKindIsListedOnceUnderItsCategory()
    {
        PaletteTree tree;
        QStringList listed = visibleKinds(&tree);
        QStringList registered;
        for (const std::string &kind : nn::layerRegistry().kinds())
            registered << QString::fromStdString(kind);
        listed.sort();
        registered.sort();
        QCOMPARE(listed, registered);
        for (int g = 0; g < tree.topLevelItemCount(); ++g)
            for (int k = 0; k < tree.topLevelItem(g)->childCount(); ++k) {
                const QTreeWidgetItem *item = tree.topLevelItem(g)->child(k);
                const nn::LayerSpec &spec = nn::layerRegistry().spec(PaletteTree::kindOf(item).toStdString());
                QCOMPARE(tree.topLevelItem(g)->text(0), QString::fromStdString(spec.category));
                QCOMPARE(item->toolTip(0), QString::fromStdString(spec.summary));
            }
    }

    void categoriesComeInTeachingOrderThenAlphabetically()
    {
        PaletteTree tree;
        QStringList categories;
        for (int g = 0; g < tree.topLevelItemCount(); ++g)
            categories << tree.topLevelItem(g)->text(0);
        const QStringList teaching = {QStringLiteral("Input/Output"), QStringLiteral("Core"), QStringLiteral("Convolution"),
                                      QStringLiteral("Normalization"), QStringLiteral("Activation"), QStringLiteral("Merge"),
                                      QStringLiteral("Sequence")};
        QStringList expected;
        for (const QString &category : teaching)
            if (categories.contains(category))
                expected << category;
        QStringList unknown;
        for (const QString &category : categories)
            if (!teaching.contains(category))
                unknown << category;
        unknown.sort();
        expected << unknown;
        QCOMPARE(categories, expected);
        QVERIFY2(unknown.contains(QStringLiteral("Attention")) && unknown.contains(QStringLiteral("Recurrent")),
                 qPrintable(categories.join(QStringLiteral(", "))));
    }

    void searchFiltersByKindAndSummary()
    {
        PalettePanel panel;
        panel.searchField()->setText(QStringLiteral("relu"));
        QStringList shown = visibleKinds(panel.tree());
        QVERIFY2(shown.contains(QStringLiteral("ReLU")) && shown.contains(QStringLiteral("LeakyReLU")), qPrintable(shown.join(u',')));
        QVERIFY(!shown.contains(QStringLiteral("Dense")));
        panel.searchField()->setText(QStringLiteral("residual"));  // in Add's summary
        QCOMPARE(visibleKinds(panel.tree()), QStringList{QStringLiteral("Add")});
        panel.searchField()->clear();
        QCOMPARE(visibleKinds(panel.tree()).size(), qsizetype(nn::layerRegistry().kinds().size()));
    }

    void aDragCarriesTheKind()
    {
        PaletteTree tree;
        const std::unique_ptr<QMimeData> data(tree.mimeDataForKind(QStringLiteral("Dense")));
        QVERIFY(data);
        QCOMPARE(data->data(kLayerKindMimeType), QByteArray("Dense"));
    }

    void doubleClickAddsTheKindToTheCanvas()
    {
        auto window = newWindow();
        QTreeWidgetItem *dense = window->palette()->tree()->findItems(QStringLiteral("Dense"), Qt::MatchExactly | Qt::MatchRecursive).value(0);
        QVERIFY(dense);
        emit window->palette()->tree()->itemActivated(dense, 0);
        QVERIFY(nodeNamed(*window, "dense1") >= 0);
    }

    // Issue 14, problem 6: a second double-click placed its node exactly on top of the first.
    void doubleClickedNodesDoNotCoverEachOther()
    {
        auto window = newWindow();
        QTreeWidgetItem *dense = window->palette()->tree()->findItems(QStringLiteral("Dense"), Qt::MatchExactly | Qt::MatchRecursive).value(0);
        QVERIFY(dense);
        const size_t before = window->document()->graph().nodes().size();  // a new project's Input
        for (int i = 0; i < 4; ++i)
            emit window->palette()->tree()->itemActivated(dense, 0);
        const auto &nodes = window->document()->graph().nodes();
        QCOMPARE(nodes.size(), before + 4);
        for (size_t a = 0; a < nodes.size(); ++a)
            for (size_t b = a + 1; b < nodes.size(); ++b) {
                const bool apart = std::abs(nodes[a].x - nodes[b].x) >= canvasstyle::kNodeWidth ||
                                   std::abs(nodes[a].y - nodes[b].y) >= canvasstyle::kNodeHeight;
                QVERIFY2(apart, qPrintable(QStringLiteral("%1 and %2 overlap")
                                               .arg(QString::fromStdString(nodes[a].name), QString::fromStdString(nodes[b].name))));
            }
    }
};

QTEST_MAIN(TestGuiPalette)
#include "test_gui_palette.moc"
