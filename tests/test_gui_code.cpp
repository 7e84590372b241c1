// The Code dock: it shows the graph as PyTorch code, follows edits made through the document,
// and explains a shape problem instead of showing code.
#include "guitest.h"

#include "views/code/codepanel.h"

#include <QDockWidget>
#include <QPlainTextEdit>
#include <QTextBlock>

class GuiCodeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }
    void theDockShowsTheScriptOfTheGraph();
    void editingTheGraphUpdatesTheCode();
    void aShapeErrorShowsWhatToFixInsteadOfCode();
};

void GuiCodeTest::theDockShowsTheScriptOfTheGraph()
{
    auto window = guitest::newWindow();
    CodePanel *code = window->codePanel();
    QVERIFY(code);
    QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("codePanel")));
    QTRY_VERIFY2(code->text().contains("class ") && code->text().contains("def forward(self, x):"),
                 qPrintable(code->text().left(400)));
    QVERIFY(code->editor()->isReadOnly());
    QVERIFY2(code->text().contains("INPUT_SCALE = None"), "without loaded data the script says it has no scaling");
    window->findChild<QDockWidget *>(QStringLiteral("codePanel"))->raise();
    QTRY_VERIFY2(code->editor()->cursorForPosition(QPoint(0, 0)).block().text().startsWith("class "),
                 "fresh code opens at the network class");
    if (const QByteArray folder = qgetenv("LAYERLAB_SCREENSHOTS"); !folder.isEmpty()) {
        window->files()->openPath(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/fashion-mnist-cnn.layerlab.json");
        QTRY_VERIFY(code->text().contains("nn.Conv2d(1, 32"));
        QTest::qWait(50);
        window->grab().save(QString::fromUtf8(folder) + "/code-dock.png");
    }
}

void GuiCodeTest::editingTheGraphUpdatesTheCode()
{
    auto window = guitest::newWindow();
    GraphDocument *document = window->document();
    const int input = document->graph().nodes().front().id;
    const int64_t features = document->graph().node(input).settings.integers("shape").at(0);
    const int dense = document->addNode("Dense", QPointF(0, 120));
    document->connectPorts({input, dense, 0});
    const std::string name = document->graph().node(dense).name;
    const QString linear = QString("self.%1 = nn.Linear(%2, 16)").arg(QString::fromStdString(name)).arg(features);
    QTRY_VERIFY2(window->codePanel()->text().contains(linear), qPrintable(window->codePanel()->text()));

    document->setSetting(dense, "units", int64_t(5));
    QTRY_VERIFY2(window->codePanel()->text().contains(QString("nn.Linear(%1, 5)").arg(features)),
                 qPrintable(window->codePanel()->text()));
    document->setSetting(dense, "activation", std::string("relu"));
    QTRY_VERIFY2(window->codePanel()->text().contains(QString("x = torch.relu(self.%1(x))").arg(QString::fromStdString(name))),
                 qPrintable(window->codePanel()->text()));
}

void GuiCodeTest::aShapeErrorShowsWhatToFixInsteadOfCode()
{
    auto window = guitest::newWindow();
    GraphDocument *document = window->document();
    const int input = document->graph().nodes().front().id;
    const int conv = document->addNode("Conv2D", QPointF(0, 120));
    document->connectPorts({input, conv, 0});  // Conv2D on flat samples: it needs images
    QTRY_VERIFY2(window->codePanel()->text().contains("Conv2D expects images"), qPrintable(window->codePanel()->text()));
    QVERIFY2(window->codePanel()->text().startsWith("# No PyTorch code yet"), qPrintable(window->codePanel()->text()));
    QVERIFY2(window->codePanel()->text().contains("add a Reshape"), qPrintable(window->codePanel()->text()));
    QVERIFY(!window->codePanel()->text().contains("class "));

    document->removeNode(conv);
    QTRY_VERIFY2(window->codePanel()->text().contains("def forward(self, x):"), qPrintable(window->codePanel()->text()));
}

QTEST_MAIN(GuiCodeTest)
#include "test_gui_code.moc"
