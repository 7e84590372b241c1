// Files as a specification: save, close and open give the same document; the title shows the
// file and a star while modified; bad files are explained, never a crash; New, Recent, Examples.
#include "guitest.h"

#include "app/examplecatalog.h"
#include "app/helpmenu.h"
#include "app/recentfiles.h"
#include "app/welcomepage.h"
#include "training/trainingcontroller.h"
#include "commands/changesettingcommand.h"

#include "datasets/experiment.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

using namespace guitest;

namespace {

QString examplePath(const std::string &name)
{
    return QString::fromStdString(datasets::resolveProjectPath(name));
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Closes the next message box and hands back its text (modal boxes cannot be answered offscreen).
QString *answerNextMessageBox()
{
    auto *text = new QString;
    QTimer::singleShot(0, [text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->close();
        }
    });
    return text;
}

} // namespace

class TestGuiFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(); }
    void init() { RecentFiles().clear(); }

    void savingThenOpeningGivesTheSameDocument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.layerlab.json"));
        std::string saved;
        {
            auto window = newWindow();
            QVERIFY(window->files()->openPath(QStringLiteral("iris")));
            dropKind(*window, QStringLiteral("Dropout"), {300, 100});
            QCOMPARE(window->files()->write(path), QString());
            saved = nn::projectToText(window->document()->project());
            QCOMPARE(window->document()->project().name, std::string("mine"));
        }
        auto window = newWindow();
        QCOMPARE(window->files()->read(path), QString());
        QCOMPARE(nn::projectToText(window->document()->project()), saved);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), saved);
        QCOMPARE(window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    }

    void theTitleNamesTheFileAndStarsUnsavedChanges()
    {
        QTemporaryDir dir;
        auto window = newWindow();
        QVERIFY(window->files()->openPath(QStringLiteral("spiral")));
        QCOMPARE(window->windowTitle(), QStringLiteral("spiral.layerlab.json[*] — LayerLab"));
        QVERIFY(!window->isWindowModified());
        QVERIFY(!window->document()->isModified());

        const int input = nodeNamed(*window, "input");
        window->document()->undoStack()->push(
            new ChangeSettingCommand(window->document(), input, "shape", std::vector<int64_t>{3}));
        QVERIFY(window->isWindowModified());
        window->document()->undoStack()->undo();
        QVERIFY2(!window->isWindowModified(), "undoing back to the saved state still shows a star");
        window->document()->undoStack()->redo();

        const QString path = dir.filePath(QStringLiteral("copy.layerlab.json"));
        QCOMPARE(window->files()->write(path), QString());
        QVERIFY(!window->isWindowModified());
        QCOMPARE(window->windowTitle(), QStringLiteral("copy.layerlab.json[*] — LayerLab"));
    }

    void newGivesAnInputNodeOnly()
    {
        auto window = newWindow();
        QVERIFY(window->files()->openPath(QStringLiteral("spiral")));
        window->files()->newProject();
        const nn::Graph &graph = window->document()->graph();
        QCOMPARE(graph.nodes().size(), size_t(1));
        QCOMPARE(graph.nodes().front().kind, std::string("Input"));
        QVERIFY(window->document()->filePath().isEmpty());
        QCOMPARE(window->windowTitle(), QStringLiteral("untitled.layerlab.json[*] — LayerLab"));
        QCOMPARE(window->document()->undoStack()->count(), 0);
    }

    void unsavedChangesAreKeptUnlessTheUserDiscardsThem()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        const std::string edited = graphJson(*window);
        int asked = 0;
        window->files()->setUnsavedQuestion([&] { ++asked; return ProjectFiles::Unsaved::Cancel; });
        window->files()->newProject();
        QVERIFY(!window->files()->openPath(QStringLiteral("spiral")));
        QVERIFY(!window->close());
        QCOMPARE(asked, 3);
        QCOMPARE(graphJson(*window), edited);
        window->files()->setUnsavedQuestion([] { return ProjectFiles::Unsaved::Discard; });
        QVERIFY(window->files()->openPath(QStringLiteral("spiral")));
        QVERIFY(nodeNamed(*window, "hidden1") >= 0);
    }

    void malformedJsonIsExplainedAndTheDocumentKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.layerlab.json"));
        writeText(path, "{\n  \"graph\": {\"nodes\": [\n");
        auto window = newWindow();
        QVERIFY(window->files()->openPath(QStringLiteral("spiral")));
        const std::string before = graphJson(*window);
        const QString problem = window->files()->read(path);
        QVERIFY2(problem.contains(QStringLiteral("line")), qPrintable(problem));
        QCOMPARE(graphJson(*window), before);
        QCOMPARE(window->document()->filePath(), examplePath("spiral"));

        std::unique_ptr<QString> shown(answerNextMessageBox());
        QVERIFY(!window->files()->openPath(path));
        QVERIFY2(shown->contains(QStringLiteral("malformed")), qPrintable(*shown));
    }

    void unknownKindsAreExplained()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("odd.layerlab.json"));
        writeText(path, R"({"graph": {"nodes": [{"id": 1, "kind": "Teleporter"}]}})");
        auto window = newWindow();
        const QString problem = window->files()->read(path);
        QVERIFY2(problem.contains(QStringLiteral("Teleporter")) && problem.contains(QStringLiteral("Dense")),
                 qPrintable(problem));
    }

    void unwritablePlacesAreExplained()
    {
        auto window = newWindow();
        const QString problem = window->files()->write(QStringLiteral("/nonexistent-folder/x.layerlab.json"));
        QVERIFY2(problem.contains(QStringLiteral("cannot be written")), qPrintable(problem));
        QVERIFY(window->document()->filePath().isEmpty());
    }

    void recentFilesKeepTheLastEight()
    {
        QTemporaryDir dir;
        auto window = newWindow();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(window->files()->write(dir.filePath(QStringLiteral("p%1.layerlab.json").arg(i))), QString());
        const QStringList recent = RecentFiles().paths();
        QCOMPARE(recent.size(), RecentFiles::kMaximum);
        QCOMPARE(QFileInfo(recent.front()).fileName(), QStringLiteral("p9.layerlab.json"));
        QCOMPARE(QFileInfo(recent.back()).fileName(), QStringLiteral("p2.layerlab.json"));
    }

    void theExamplesMenuListsEveryBundledExample()
    {
        auto window = newWindow();
        QMenu *examples = nullptr;
        for (QMenu *menu : window->menuBar()->findChildren<QMenu *>())
            if (menu->title() == QStringLiteral("&Examples"))
                examples = menu;
        QVERIFY2(examples, "no Examples menu");
        QStringList listed;
        for (QAction *action : examples->actions()) {
            listed << action->data().toString();
            // Each entry shows its picture and one line of the project's description; the tooltip has all of it.
            const nn::Project project = nn::loadProject(datasets::resolveProjectPath(action->data().toString().toStdString()));
            QVERIFY2(!project.description.empty(), qPrintable(action->data().toString()));
            QCOMPARE(action->toolTip().toStdString(), project.description);
            const QString prefix = action->data().toString() + QStringLiteral(" — ");
            QVERIFY2(action->text().startsWith(prefix) && action->text().size() > prefix.size() + 5,
                     qPrintable(action->text()));
            QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
        }
        QStringList expected;
        for (const std::string &name : datasets::exampleNames())
            expected << QString::fromStdString(name);
        QVERIFY(expected.contains(QStringLiteral("spiral")));
        QCOMPARE(listed, expected);
        examples->actions().front()->trigger();
        QCOMPARE(window->document()->filePath(), examplePath(expected.front().toStdString()));
    }

    void startingWithoutArgumentsOpensTheSpiral()
    {
        auto window = newWindow();
        window->openStartupProject({});
        QCOMPARE(window->document()->filePath(), examplePath("spiral"));
        QVERIFY(!window->isWindowModified());
    }

    // The first start greets with the welcome page: every example with its picture and one line,
    // and an empty start; once shown it does not come back by itself.
    void theWelcomePageOpensAnExampleOrAnEmptyProject()
    {
        QSettings().remove(QStringLiteral("welcome"));
        QVERIFY(WelcomePage::isFirstStart());
        auto window = newWindow();
        window->openStartupProject({});
        QPointer<WelcomePage> page = WelcomePage::showFor(window.get());
        QVERIFY(!WelcomePage::isFirstStart());
        QVERIFY(page->isVisible());
        const QVector<ExampleCatalog::Example> examples = ExampleCatalog::examples();
        QCOMPARE(page->exampleButtons().size(), examples.size());
        QToolButton *iris = nullptr;
        for (qsizetype i = 0; i < examples.size(); ++i) {
            QToolButton *card = page->exampleButtons()[i];
            QVERIFY2(!card->icon().isNull(), qPrintable(examples[i].name));
            QVERIFY2(card->text().startsWith(examples[i].name + QLatin1Char('\n')) &&
                         card->text().section(QLatin1Char('\n'), 1).replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QStringLiteral("&&"), QStringLiteral("&")) ==
                             ExampleCatalog::oneLine(examples[i].description),
                     qPrintable(card->text()));
            if (examples[i].name == QStringLiteral("iris"))
                iris = card;
        }
        QVERIFY2(iris, "no iris card");
        QTest::mouseClick(iris, Qt::LeftButton);
        QCOMPARE(window->document()->filePath(), examplePath("iris"));
        QTRY_VERIFY(page.isNull() || !page->isVisible());

        QPointer<WelcomePage> again = WelcomePage::showFor(window.get());
        QTest::mouseClick(again->emptyButton(), Qt::LeftButton);
        QVERIFY(window->document()->filePath().isEmpty());
        QCOMPARE(window->document()->graph().nodes().size(), size_t(1));
    }

    // Help lists every menu action's keys (read off the actions, so a new shortcut shows up),
    // shows the README as the user guide, and the docks and Train say what they are.
    void helpListsTheShortcutsShowsTheGuideAndExplainsThePanels()
    {
        auto window = newWindow();
        QVector<HelpMenu::Shortcut> rows = HelpMenu::shortcuts(window.get());
        const auto keysOf = [&rows](const QString &action) {
            for (const HelpMenu::Shortcut &row : rows)
                if (row.action == action)
                    return row.keys;
            return QString();
        };
        QCOMPARE(keysOf(QStringLiteral("Training ▸ Train")), QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText));
        QCOMPARE(keysOf(QStringLiteral("Training ▸ Step")), QKeySequence(Qt::Key_F10).toString(QKeySequence::NativeText));
        QCOMPARE(keysOf(QStringLiteral("File ▸ Save")), QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
        window->training()->resetAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
        rows = HelpMenu::shortcuts(window.get());
        QCOMPARE(keysOf(QStringLiteral("Training ▸ Reset Weights")), QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));

        QDialog *dialog = HelpMenu::shortcutsDialog(window.get());
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(rows.size()));
        delete dialog;

        QDialog *guide = HelpMenu::userGuideDialog(window.get());
        auto *browser = guide->findChild<QTextBrowser *>(QStringLiteral("userGuide"));
        QVERIFY(browser);
        QVERIFY2(browser->toPlainText().contains(QStringLiteral("Quick start")), "the guide is not the README");
        // (A lesson file in the README's code block keeps its "## ", as code does.)
        QVERIFY2(!browser->toPlainText().contains(QStringLiteral("## Quick start")), "the Markdown was not rendered");
        delete guide;

        for (const char *dock : {"layers", "settings", "training", "chartsPanel", "boundary", "evaluation"}) {
            auto *widget = window->findChild<QDockWidget *>(QString::fromLatin1(dock));
            QVERIFY2(widget && !widget->widget()->whatsThis().isEmpty(), dock);
        }
        QVERIFY(!window->training()->trainAction()->whatsThis().isEmpty());
    }
};

QTEST_MAIN(TestGuiFiles)
#include "test_gui_files.moc"
