// The Settings inspector as a specification: one editor per declared setting, of the right type
// and range; every finished edit is one undo step; bad values are refused with a message.
#include "guitest.h"
#include "testonlylayer.h"

#include "panels/inspectorpanel.h"
#include "panels/settingeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUndoStack>

using namespace guitest;

class TestGuiInspector : public QObject {
    Q_OBJECT

private:
    // A window with a selected node of `kind` (below the Input, connected to it when it takes input).
    std::unique_ptr<MainWindow> windowWith(const QString &kind, int &id)
    {
        auto window = newWindow();
        dropKind(*window, kind, {0, 150});
        id = window->document()->graph().nodes().back().id;
        window->scene()->selectNodes({id});
        return window;
    }

    template <typename Control>
    Control *control(MainWindow &window, const std::string &setting)
    {
        SettingEditor *editor = window.inspector()->editor(setting);
        return editor ? qobject_cast<Control *>(editor->control()) : nullptr;
    }

    const nn::Settings &settingsOf(MainWindow &window, int id) { return window.document()->graph().node(id).settings; }

private slots:
    void initTestCase()
    {
        useTestSettings();
        registerTestOnlyKind("TinyNorm", "Normalization",
                             {nn::SettingSpec::real("eps", 1e-5, 0.0, 1.0, "Added to the variance to avoid dividing by 0")});
    }

    void withoutASelectionItShowsAHint()
    {
        auto window = newWindow();
        window->scene()->clearSelection();
        QCOMPARE(window->inspector()->nodeId(), -1);
        QCOMPARE(window->inspector()->hint(), QStringLiteral("Select a layer to edit its settings."));
    }

    void itShowsTheSelectedNode()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        QCOMPARE(window->inspector()->nodeId(), id);
        QCOMPARE(window->inspector()->nameField()->text(), QStringLiteral("dense1"));
        window->scene()->selectNodes({id, nodeNamed(*window, "input")});
        QCOMPARE(window->inspector()->nodeId(), -1);
        QVERIFY2(window->inspector()->hint().contains(QStringLiteral("2 layers")), qPrintable(window->inspector()->hint()));
    }

    void eachSettingGetsAnEditorOfItsType()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        auto *units = control<QSpinBox>(*window, "units");
        QVERIFY2(units, "units has no spin box");
        QCOMPARE(units->minimum(), 1);
        QCOMPARE(units->maximum(), 1000000);
        QCOMPARE(units->value(), 16);
        auto *activation = control<QComboBox>(*window, "activation");
        QVERIFY2(activation, "activation has no combo box");
        QVERIFY(activation->findText(QStringLiteral("relu")) >= 0);
        QCOMPARE(activation->currentText(), QStringLiteral("linear"));
        QVERIFY2(control<QCheckBox>(*window, "use_bias"), "use_bias has no check box");
        QVERIFY2(!window->inspector()->editor("units")->control()->toolTip().isEmpty(), "no help tooltip");

        window->scene()->selectNodes({nodeNamed(*window, "input")});
        auto *shape = control<QLineEdit>(*window, "shape");
        QVERIFY2(shape, "Input's shape has no line edit");
        QCOMPARE(shape->text(), QStringLiteral("2"));
    }

    void realsGetASpinBoxWithTheDeclaredRange()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dropout"), id);
        auto *rate = control<QDoubleSpinBox>(*window, "rate");
        QVERIFY2(rate, "rate has no spin box");
        QCOMPARE(rate->minimum(), 0.0);
        QCOMPARE(rate->maximum(), 0.99);
        QCOMPARE(rate->value(), 0.5);
        rate->setValue(0.25);
        QCOMPARE(settingsOf(*window, id).real("rate"), 0.25);
    }

    void tinyRealsAreTypedInScientificNotation()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("TinyNorm"), id);
        auto *eps = control<QLineEdit>(*window, "eps");
        QVERIFY2(eps, "a 1e-5 setting has no line edit");
        QCOMPARE(eps->text(), QStringLiteral("1e-5"));
        eps->setText(QStringLiteral("1e-3"));
        emit eps->editingFinished();
        QCOMPARE(settingsOf(*window, id).real("eps"), 1e-3);
        QCOMPARE(window->document()->undoStack()->count(), 2);  // the drop and the edit
    }

    void aSpinBoxEditIsOneUndoStep()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        QUndoStack *stack = window->document()->undoStack();
        const int before = stack->count();
        control<QSpinBox>(*window, "units")->setValue(64);
        QCOMPARE(settingsOf(*window, id).integer("units"), int64_t{64});
        QCOMPARE(stack->count(), before + 1);
        stack->undo();
        QCOMPARE(settingsOf(*window, id).integer("units"), int64_t{16});
        QCOMPARE(control<QSpinBox>(*window, "units")->value(), 16);  // the editor follows the undo
    }

    void choicesAndFlagsApply()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        control<QComboBox>(*window, "activation")->setCurrentText(QStringLiteral("relu"));
        QCOMPARE(settingsOf(*window, id).choice("activation"), std::string("relu"));
        control<QCheckBox>(*window, "use_bias")->setChecked(false);
        QCOMPARE(settingsOf(*window, id).flag("use_bias"), false);
        QCOMPARE(window->document()->undoStack()->count(), 3);  // the drop and two edits
    }

    void integerListsAreTypedAsText()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        window->scene()->selectNodes({input});
        auto *shape = control<QLineEdit>(*window, "shape");
        shape->setText(QStringLiteral("1, 28, 28"));
        emit shape->editingFinished();
        QCOMPARE(settingsOf(*window, input).integers("shape"), (std::vector<int64_t>{1, 28, 28}));
        QCOMPARE(window->document()->status(input).output(), (nn::Shape{nn::kBatch, 1, 28, 28}));
    }

    void badValuesAreRefusedWithAMessage()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        window->scene()->selectNodes({input});
        const int before = window->document()->undoStack()->count();
        auto *shape = control<QLineEdit>(*window, "shape");
        for (const QString &bad : {QStringLiteral("two"), QStringLiteral("0, 28")}) {
            shape->setText(bad);
            emit shape->editingFinished();
            QCOMPARE(settingsOf(*window, input).integers("shape"), std::vector<int64_t>{2});
            QVERIFY2(!window->inspector()->editor("shape")->problem().isEmpty(), "no message under the editor");
        }
        QCOMPARE(window->document()->undoStack()->count(), before);
    }

    void renamingGoesThroughUndoAndRefusesTakenNames()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        QLineEdit *name = window->inspector()->nameField();
        name->setText(QStringLiteral("hidden"));
        emit name->editingFinished();
        QCOMPARE(window->document()->graph().node(id).name, std::string("hidden"));
        name->setText(QStringLiteral("input"));
        emit name->editingFinished();
        QCOMPARE(window->document()->graph().node(id).name, std::string("hidden"));
        QCOMPARE(name->text(), QStringLiteral("hidden"));
        window->document()->undoStack()->undo();
        QCOMPARE(name->text(), QStringLiteral("dense1"));
    }

    void theShapeErrorIsShownInRed()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        const int input = nodeNamed(*window, "input");
        QLabel *problem = window->inspector()->problemLabel();
        QVERIFY2(problem->text().contains(QStringLiteral("needs an input")), qPrintable(problem->text()));
        QVERIFY2(problem->styleSheet().contains(QStringLiteral("#6b7280")), "a missing input is shown as an error");
        window->document()->setSetting(input, "shape", std::vector<int64_t>{1, 28, 28});
        connectByMouse(*window, input, id);
        QVERIFY2(!problem->isHidden(), "no problem shown");
        QVERIFY2(problem->text().contains(QStringLiteral("Flatten")), qPrintable(problem->text()));
        QVERIFY(problem->styleSheet().contains(QStringLiteral("#d03b3b")));  // red: its own problem
        window->document()->setSetting(input, "shape", std::vector<int64_t>{784});
        QVERIFY(problem->isHidden());
    }

    void deletingTheShownNodeClearsTheInspector()
    {
        int id = 0;
        auto window = windowWith(QStringLiteral("Dense"), id);
        window->document()->removeNode(id);
        QCOMPARE(window->inspector()->nodeId(), -1);
    }
};

QTEST_MAIN(TestGuiInspector)
#include "test_gui_inspector.moc"
