// The Code dock: it shows the graph as PyTorch code, follows edits made through the document,
// and explains a shape problem instead of showing code; a GAN shows (and exports) its GAN script.
#include "guitest.h"

#include "app/projectfiles.h"
#include "training/trainingcontroller.h"
#include "views/code/codepanel.h"

#include <QDockWidget>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>

class GuiCodeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }
    void theDockShowsTheScriptOfTheGraph();
    void editingTheGraphUpdatesTheCode();
    void aShapeErrorShowsWhatToFixInsteadOfCode();
    void aGanShowsBothNetworksAndExportsTheScript();
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

void GuiCodeTest::aGanShowsBothNetworksAndExportsTheScript()
{
    auto window = guitest::newWindow();
    QSignalSpy prepared(window->training(), &TrainingController::prepared);
    QVERIFY(window->files()->openPath(QString(LAYERLAB_SOURCE_DIR) + "/resources/examples/gan-ring.layerlab.json"));
    CodePanel *code = window->codePanel();
    QTRY_VERIFY2(code->text().contains("class Generator(nn.Module):") && code->text().contains("class Discriminator(nn.Module):") &&
                     code->text().contains("def adversarial_step("),
                 qPrintable(code->text().left(600)));
    QVERIFY2(code->text().contains("WEIGHTS = \"gan-ring.safetensors\""), "the script loads the project's weights");
    if (const QByteArray folder = qgetenv("LAYERLAB_SCREENSHOTS"); !folder.isEmpty()) {
        window->resize(1280, 800);
        window->findChild<QDockWidget *>(QStringLiteral("codePanel"))->raise();
        QTest::qWait(300);
        window->grab().save(QString::fromUtf8(folder) + "/code-dock-gan.png");
    }

    // File ▸ Export ▸ Model as PyTorch Script: the script, both networks' weights and the real samples.
    QTRY_VERIFY_WITH_TIMEOUT(!prepared.isEmpty(), 60000);
    QTemporaryDir dir;
    QSignalSpy exported(window->training(), &TrainingController::exported);
    window->training()->exportModel(QStringLiteral("pytorch"), dir.filePath(QStringLiteral("ring.py")));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 60000);
    QCOMPARE(exported.last().at(1).toString(), QString());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ring.safetensors"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ring-real.safetensors"))));
    QFile script(dir.filePath(QStringLiteral("ring.py")));
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(script.readAll());
    QVERIFY2(text.contains("class Generator(nn.Module):") && text.contains("WEIGHTS = \"ring.safetensors\""), qPrintable(text.left(600)));
}

QTEST_MAIN(GuiCodeTest)
#include "test_gui_code.moc"
