// LessonsPanel: the Lessons dock. A list of the course's lessons with each one's progress, and a
// lesson's pages: its text with formulas, the page's actions carried out on the window as the page
// opens, and its "predict, then run" checkpoint: the student picks an answer, runs the network,
// and the page says what happened, measured on that run.
#pragma once

#include "lessons/lesson.h"
#include "lessons/lessoncondition.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>

class LessonActions;
class LessonRunner;
class MainWindow;
class QButtonGroup;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QVBoxLayout;

class LessonsPanel : public QWidget {
    Q_OBJECT

public:
    LessonsPanel(MainWindow *window, const QString &language, QWidget *parent = nullptr);

    // The list of lessons.
    void showList();
    // Starts (or continues, at the page reached) the bundled lesson `id`; false after saying why.
    bool startLesson(const QString &id);
    // File ▸ Open Lesson…: a lesson file from disk.
    bool openLessonFile(const QString &path);
    // Shows page `index` of the open lesson and carries out its actions.
    void showPage(int index);
    // Shows again the panels and views the page shows (@view, @highlight), after a layout hid them.
    void showPageViews();

    const std::optional<Lesson> &lesson() const { return lesson_; }
    int pageIndex() const { return page_; }
    // What the page's actions reported ("" each when it worked), for the tests and the page.
    const QStringList &actionProblems() const { return problems_; }
    LessonActions *actions() const { return actions_; }
    // The checkpoint: choose an option, press Run; finishedRun() comes when the run has ended.
    void choose(int option);
    void run();
    bool isRunning() const;
    // The verdict shown after the run ("" before it).
    QString resultText() const;
    // The measures of the page's last run.
    const RunMeasures &lastMeasures() const { return lastMeasures_; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void finishedRun(const QString &problem);

private:
    void buildList();
    void fillList();
    void buildPages();
    bool open(const Lesson &lesson, int page);
    void performActions(const LessonPage &page, bool quietly);
    void showCheckpoint(const LessonPage &page);
    void onRunFinished(const RunMeasures &measures, const QString &problem);
    void restart();
    // "Run 30 epochs", "Run 1 step".
    static QString runText(const LessonRun &run);
    // Gives the checkpoint the height it needs, up to most of the page.
    void fitCheckpoint();

    MainWindow *window_;
    QString language_;
    LessonActions *actions_;
    LessonRunner *runner_;
    std::optional<Lesson> lesson_;
    int page_ = 0;
    int runPage_ = -1;  // the page whose run is going
    QStringList problems_;
    RunMeasures lastMeasures_;
    QHash<QString, RunMeasures> namedRuns_;

    QStackedWidget *stack_;
    // The list.
    QListWidget *list_;
    QLabel *listSummary_;
    QPushButton *start_;
    // A lesson.
    QLabel *lessonTitle_;
    QLabel *pageCount_;
    QTextBrowser *text_;
    QLabel *problemLabel_;
    QScrollArea *below_;  // the problems and the checkpoint
    QGroupBox *checkpoint_;
    QLabel *question_;
    QVBoxLayout *optionsLayout_;
    QButtonGroup *options_;
    QList<QWidget *> optionRows_;
    QList<QLabel *> optionLabels_;
    QSplitter *split_;
    QPushButton *run_;
    QLabel *progress_;
    QLabel *result_;
    QPushButton *back_;
    QPushButton *next_;
};
