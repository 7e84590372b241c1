// The lessons: every bundled lesson reads, has its Chinese translation with the same pages and
// actions, and walks from its first page to its last in the window, in English and in Chinese:
// each action works (the example opens, the panels and views exist and show, the highlighted
// control exists), each Run trains and ends, each question can be judged on what the run measured;
// and the Chinese window shows no English sentence. Also the lesson format's reader and its
// formulas, and the progress a lesson remembers.
#include "guitest.h"

#include "app/helpmenu.h"
#include "app/layoutpresets.h"
#include "app/welcomepage.h"
#include "app/language.h"
#include "lessons/lessonactions.h"
#include "lessons/lessoncondition.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonspanel.h"
#include "lessons/lessontext.h"
#include "training/trainingcontroller.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QScreen>
#include <QToolButton>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTextBrowser>

namespace {

constexpr int kRunTimeoutMs = 180000;

bool hasCjk(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

// The texts a student reads in the window: labels, buttons, group titles, tabs, dock titles, menus.
QStringList visibleTexts(QWidget *window)
{
    QStringList texts;
    for (auto *label : window->findChildren<QLabel *>())
        if (label->isVisible())
            texts << label->text();
    for (auto *button : window->findChildren<QAbstractButton *>())
        if (button->isVisible())
            texts << button->text() << button->toolTip();
    for (auto *group : window->findChildren<QGroupBox *>())
        if (group->isVisible())
            texts << group->title();
    for (auto *bar : window->findChildren<QTabBar *>())
        if (bar->isVisible())
            for (int i = 0; i < bar->count(); ++i)
                texts << bar->tabText(i);
    for (auto *dock : window->findChildren<QDockWidget *>())
        if (dock->isVisible())
            texts << dock->windowTitle();
    if (auto *main = qobject_cast<QMainWindow *>(window))
        for (QAction *menu : main->menuBar()->actions()) {
            texts << menu->text();
            if (menu->menu())
                for (QAction *action : menu->menu()->actions())
                    texts << action->text() << action->statusTip();
        }
    return texts;
}

// An English phrase: three words of lower-case letters in a row, outside HTML tags, in a text
// with no Chinese at all (a Chinese sentence may quote a layer's or a setting's name).
bool looksEnglish(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    static const QRegularExpression phrase(QStringLiteral("\\b[A-Za-z][a-z]{2,} [a-z]{3,} [a-z]{3,}\\b"));
    return !hasCjk(text) && phrase.match(text).hasMatch();
}

} // namespace

class TestGuiLessons : public QObject {
    Q_OBJECT

    // Opens a window in `language` and walks lesson `id` through every page. Each language is a
    // CTest test of its own (gui_lessons_en, gui_lessons_zh, which set LAYERLAB_WALK_LESSONS).
    void walk(const QString &id, const QString &language)
    {
        if (qEnvironmentVariable("LAYERLAB_WALK_LESSONS") != language)
            QSKIP("walked by gui_lessons_en and gui_lessons_zh");
        // Under the sanitizers the runs of the image, sequence and GAN lessons take many minutes: two
        // lessons on small data walk there, every lesson in the release build.
        if (LAYERLAB_SANITIZED && id != QStringLiteral("01-forward-pass") && id != QStringLiteral("06-losses"))
            QSKIP("its runs take minutes under the sanitizers; the release build walks it");
        Language::choose(language);
        QVERIFY(Language::apply(language));
        QSettings().remove(QStringLiteral("lessons"));
        auto window = guitest::newWindow();
        window->resize(1280, 800);
        window->showLessons();
        LessonsPanel *panel = window->lessons();
        QVERIFY(panel->startLesson(id));
        QVERIFY(panel->lesson());
        QVERIFY2(panel->lesson()->path.endsWith(language == QStringLiteral("en") ? id + QStringLiteral(".md")
                                                                                 : id + QStringLiteral(".zh_CN.md")),
                 qPrintable(panel->lesson()->path));
        const Lesson lesson = *panel->lesson();
        for (int page = 0; page < lesson.pages.size(); ++page) {
            panel->showPage(page);
            const LessonPage &shown = lesson.pages[page];
            const QString where = QStringLiteral("%1 (%2), page %3 \"%4\"").arg(id, language).arg(page + 1).arg(shown.title);
            for (int i = 0; i < panel->actionProblems().size(); ++i)
                QVERIFY2(panel->actionProblems()[i].isEmpty(),
                         qPrintable(QStringLiteral("%1, @%2 %3: %4")
                                        .arg(where, shown.actions[i].verb, shown.actions[i].argument, panel->actionProblems()[i])));
            QCOMPARE(panel->actionProblems().size(), shown.actions.size());
            for (const LessonAction &action : shown.actions) {
                if (action.verb == QStringLiteral("view") || action.verb == QStringLiteral("highlight")) {
                    const LessonActions::Target target = panel->actions()->find(action.argument);
                    QVERIFY2(target.widget, qPrintable(where + QStringLiteral(": nothing is ") + action.argument));
                    QVERIFY2(target.widget->isVisible(), qPrintable(where + QStringLiteral(": not shown: ") + action.argument));
                }
            }
            if (!shown.actions.isEmpty() && shown.actions.last().verb == QStringLiteral("highlight"))
                QVERIFY2(panel->actions()->highlighted(), qPrintable(where + QStringLiteral(": no highlight on show")));
            if (shown.run) {
                if (!shown.question.isEmpty())
                    panel->choose(0);
                QSignalSpy ran(panel, &LessonsPanel::finishedRun);
                panel->run();
                QVERIFY2(ran.wait(kRunTimeoutMs), qPrintable(where + QStringLiteral(": the run did not end")));
                QVERIFY2(ran.first().first().toString().isEmpty(),
                         qPrintable(where + QStringLiteral(": ") + ran.first().first().toString()));
                const RunMeasures &measures = panel->lastMeasures();
                QVERIFY2(measures.value(QStringLiteral("steps")) > 0, qPrintable(where + QStringLiteral(": no step ran")));
                if (shown.run->unit == LessonRun::Unit::Steps && measures.value(QStringLiteral("diverged")) == 0.0)
                    QCOMPARE(qint64(measures.value(QStringLiteral("steps"))), shown.run->count);
                if (shown.run->unit == LessonRun::Unit::Epochs && measures.value(QStringLiteral("diverged")) == 0.0)
                    QCOMPARE(qint64(measures.value(QStringLiteral("epochs"))), shown.run->count);
                // Every option could be judged: the run measured what its conditions name.
                for (const LessonOption &option : shown.options) {
                    QString missing;
                    const auto held = option.condition.holds(measures, {}, &missing);
                    QVERIFY2(held || option.condition.left.run.size() + option.condition.right.run.size() > 0,
                             qPrintable(QStringLiteral("%1: \"%2\" cannot be judged: no %3").arg(where, option.text, missing)));
                }
                if (!shown.question.isEmpty())
                    QVERIFY2(!panel->resultText().isEmpty(), qPrintable(where + QStringLiteral(": no verdict")));
            }
            if (language != QStringLiteral("en"))
                for (const QString &text : visibleTexts(window.get()))
                    QVERIFY2(!looksEnglish(text), qPrintable(QStringLiteral("%1: English on show: %2").arg(where, text)));
        }
        QVERIFY(lessonprogress::finished(id));
        window->training()->stop();
        Language::choose({});
    }

    void lessonIds()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : lessonlibrary::bundledIds())
            QTest::newRow(qPrintable(id)) << id;
    }

private slots:
    void initTestCase()
    {
        // Settings of its own for each of the three tests this program runs side by side: the
        // lessons' progress is in them.
        guitest::useTestSettings(QStringLiteral("gui_lessons-%1").arg(qEnvironmentVariable("LAYERLAB_WALK_LESSONS", QStringLiteral("reader"))));
    }

    void thirteenLessonsInBothLanguages()
    {
        const QStringList ids = lessonlibrary::bundledIds();
        QCOMPARE(ids.size(), 13);
        for (int i = 0; i < ids.size(); ++i) {
            QString problem;
            const auto english = lessonlibrary::bundled(ids[i], QStringLiteral("en"), &problem);
            QVERIFY2(english, qPrintable(problem));
            QVERIFY2(lessonlibrary::bundledPath(ids[i], QStringLiteral("zh_CN")).endsWith(QStringLiteral(".zh_CN.md")),
                     qPrintable(ids[i] + QStringLiteral(" has no Chinese file")));
            const auto chinese = lessonlibrary::bundled(ids[i], QStringLiteral("zh_CN"), &problem);
            QVERIFY2(chinese, qPrintable(problem));
            QCOMPARE(english->number, i + 1);
            QCOMPARE(chinese->number, english->number);
            QCOMPARE(chinese->example, english->example);
            QVERIFY(hasCjk(chinese->title) && hasCjk(chinese->summary));
            QCOMPARE(chinese->pages.size(), english->pages.size());
            bool asks = false;
            for (int p = 0; p < english->pages.size(); ++p) {
                const LessonPage &en = english->pages[p], &zh = chinese->pages[p];
                const QString where = QStringLiteral("%1 page %2").arg(ids[i]).arg(p + 1);
                QCOMPARE(zh.actions.size(), en.actions.size());
                for (int a = 0; a < en.actions.size(); ++a) {
                    QCOMPARE(zh.actions[a].verb, en.actions[a].verb);
                    QCOMPARE(zh.actions[a].argument, en.actions[a].argument);
                }
                QCOMPARE(zh.run.has_value(), en.run.has_value());
                if (en.run) {
                    QCOMPARE(zh.run->count, en.run->count);
                    QCOMPARE(zh.run->name, en.run->name);
                }
                QCOMPARE(zh.options.size(), en.options.size());
                for (int o = 0; o < en.options.size(); ++o) {
                    QCOMPARE(zh.options[o].condition.op, en.options[o].condition.op);
                    QCOMPARE(zh.options[o].condition.left.measure, en.options[o].condition.left.measure);
                    QCOMPARE(zh.options[o].condition.right.measure, en.options[o].condition.right.measure);
                    QVERIFY2(hasCjk(zh.options[o].text), qPrintable(where + QStringLiteral(": untranslated option")));
                }
                QVERIFY2(hasCjk(zh.text), qPrintable(where + QStringLiteral(": untranslated page")));  // a title may be a name (ReLU)
                if (!zh.question.isEmpty())
                    QVERIFY2(hasCjk(zh.question), qPrintable(where + QStringLiteral(": untranslated question")));
                QVERIFY2(!en.text.contains(QStringLiteral("\\frac")) && !zh.text.contains(QStringLiteral("\\frac")),
                         qPrintable(where + QStringLiteral(": raw LaTeX")));
                asks = asks || !en.question.isEmpty();
            }
            QVERIFY2(asks, qPrintable(ids[i] + QStringLiteral(" has no predict-then-run checkpoint")));
        }
    }

    void readerNamesTheLineOfAMistake()
    {
        QString problem;
        QVERIFY(!parseLesson(QStringLiteral("title: x\n"), QStringLiteral("x"), &problem));
        QVERIFY2(problem.startsWith(QStringLiteral("line 1:")), qPrintable(problem));
        const QString head = QStringLiteral("---\ntitle: T\nconcept: 1\n---\n\n## Page\n");
        QVERIFY(!parseLesson(head + QStringLiteral("@jump 3\n"), QStringLiteral("x"), &problem));
        QVERIFY2(problem.startsWith(QStringLiteral("line 7:")) && problem.contains(QStringLiteral("@jump")), qPrintable(problem));
        QVERIFY(!parseLesson(head + QStringLiteral("@ask Up?\n@option Up | val_loss > 1\n@run 5 epochs\n"), QStringLiteral("x"), &problem));
        QVERIFY2(problem.contains(QStringLiteral("two @option")), qPrintable(problem));
        QVERIFY(!parseLesson(head + QStringLiteral("@ask Up?\n@option Up | val_loss > before:val_loss\n@option Down | val_loss <= 1\n@run 5 epochs\n"),
                             QStringLiteral("x"), &problem));
        QVERIFY2(problem.contains(QStringLiteral("'before'")), qPrintable(problem));
        QVERIFY(!parseLesson(head + QStringLiteral("@run five epochs\n"), QStringLiteral("x"), &problem));
        QVERIFY(!parseLesson(head + QStringLiteral("@option A | lost < 1\n"), QStringLiteral("x"), &problem));

        const auto lesson = parseLesson(head + QStringLiteral("@open spiral\nText.\n@run 3 steps as first\n\n## Two\n@ask Lower?\n"
                                                              "@option Yes | loss < 0.5*first:loss\n@option No | loss >= 0.5*first:loss\n"
                                                              "@run 2 epochs\n@explain Because.\n"),
                                        QStringLiteral("x"), &problem);
        QVERIFY2(lesson, qPrintable(problem));
        QCOMPARE(lesson->pages.size(), 2);
        QCOMPARE(lesson->pages[0].actions.size(), 1);
        QCOMPARE(lesson->pages[0].text, QStringLiteral("Text."));
        QCOMPARE(lesson->pages[0].run->count, 3);
        QCOMPARE(lesson->pages[0].run->name, QStringLiteral("first"));
        const LessonCondition &yes = lesson->pages[1].options[0].condition;
        QString missing;
        QCOMPARE(yes.holds({{QStringLiteral("loss"), 0.2}}, {{QStringLiteral("first"), {{QStringLiteral("loss"), 1.0}}}}, &missing), true);
        QCOMPARE(yes.holds({{QStringLiteral("loss"), 0.7}}, {{QStringLiteral("first"), {{QStringLiteral("loss"), 1.0}}}}, &missing), false);
        QVERIFY(!yes.holds({{QStringLiteral("loss"), 0.7}}, {}, &missing));
        QCOMPARE(missing, QStringLiteral("first:loss"));
    }

    void formulasDrawFractionsAndScripts()
    {
        const QString html = formulaHtml(QStringLiteral("σ(z) = {{1 | 1 + e^{−z}}}"));
        QVERIFY2(html.contains(QStringLiteral("<sup>−z</sup>")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("border-bottom")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("{{")) && !html.contains(QStringLiteral("}}")), qPrintable(html));
        QTextDocument document;
        document.setMarkdown(lessonMarkdown(QStringLiteral("Before.\n$$ w_{ij} ← w_{ij} − η {{∂L | ∂w_{ij}}} $$\nAfter.")));
        const QString text = document.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Before.")) && text.contains(QStringLiteral("After.")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("$$")) && !text.contains(QStringLiteral("{{")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("∂L")), qPrintable(text));
    }

    void progressIsRememberedAndRestartForgetsIt()
    {
        Language::choose(QStringLiteral("en"));
        QVERIFY(Language::apply(QStringLiteral("en")));
        QSettings().remove(QStringLiteral("lessons"));
        const QString id = lessonlibrary::bundledIds().first();
        {
            auto window = guitest::newWindow();
            window->showLessons();
            QVERIFY(window->lessons()->startLesson(id));
            window->lessons()->showPage(2);
        }
        QCOMPARE(lessonprogress::page(id), 2);
        auto window = guitest::newWindow();
        window->showLessons();
        QVERIFY(window->lessons()->startLesson(id));
        QCOMPARE(window->lessons()->pageIndex(), 2);  // it goes on where the student left it
        auto *restart = window->lessons()->findChild<QAbstractButton *>(QStringLiteral("lessonRestart"));
        QVERIFY(restart);
        restart->click();
        QCOMPARE(window->lessons()->pageIndex(), 0);
        QCOMPARE(lessonprogress::page(id), 0);
        Language::choose({});
    }

    void theWelcomePageOpensTheLessons()
    {
        auto window = guitest::newWindow();
        WelcomePage *page = WelcomePage::showFor(window.get());
        QVERIFY(QTest::qWaitForWindowExposed(page));
        // Its buttons stay on the screen however many examples there are: the examples scroll.
        QVERIFY(page->height() <= window->screen()->availableGeometry().height());
        QVERIFY(page->lessonsButton()->isVisible());
        page->lessonsButton()->click();
        QTRY_VERIFY(window->findChild<QDockWidget *>(QStringLiteral("lessons"))->isVisible());
        QVERIFY(window->findChild<QListWidget *>(QStringLiteral("lessonList"))->count() == 13);
    }

    // Help ▸ Lessons has a key of its own: a key two actions share fires neither.
    void everyKeyBelongsToOneAction()
    {
        auto window = guitest::newWindow();
        QHash<QString, QString> owners;
        bool lessons = false;
        for (const HelpMenu::Shortcut &row : HelpMenu::shortcuts(window.get())) {
            for (const QString &key : row.keys.split(QStringLiteral(", "))) {
                QVERIFY2(!owners.contains(key) || owners[key] == row.action,
                         qPrintable(QStringLiteral("%1 is both %2 and %3").arg(key, owners[key], row.action)));
                owners[key] = row.action;
            }
            lessons = lessons || row.action.endsWith(QStringLiteral("Lessons"));
        }
        QVERIFY(lessons);
    }

    void aLessonFileFromDiskOpens()
    {
        Language::choose(QStringLiteral("en"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("my-lesson.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("---\ntitle: My lesson\nconcept: 20\nexample: iris\n---\n\n## Look\n@view evaluation\n@highlight action/train\n"
                   "The evaluation.\n");
        file.close();
        auto window = guitest::newWindow();
        window->showLessons();
        QVERIFY(window->lessons()->openLessonFile(path));
        QCOMPARE(window->lessons()->lesson()->title, QStringLiteral("My lesson"));
        QVERIFY(window->document()->filePath().endsWith(QStringLiteral("iris.layerlab.json")));
        QVERIFY(window->lessons()->actions()->highlighted());

        // The Present layout keeps the lesson beside the pictures, and the Build layout too.
        auto *lessons = window->findChild<QDockWidget *>(QStringLiteral("lessons"));
        for (const auto preset : {LayoutPresets::Preset::Present, LayoutPresets::Preset::Build}) {
            window->layouts()->apply(preset);
            QVERIFY(lessons->isVisible());
            QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("training"))->isVisible() ||
                    preset != LayoutPresets::Preset::Present);
        }
        Language::choose({});
    }

    void walkEveryLessonInEnglish_data() { lessonIds(); }
    void walkEveryLessonInEnglish()
    {
        QFETCH(QString, id);
        walk(id, QStringLiteral("en"));
    }

    void walkEveryLessonInChinese_data() { lessonIds(); }
    void walkEveryLessonInChinese()
    {
        QFETCH(QString, id);
        walk(id, QStringLiteral("zh_CN"));
    }
};

QTEST_MAIN(TestGuiLessons)
#include "test_gui_lessons.moc"
