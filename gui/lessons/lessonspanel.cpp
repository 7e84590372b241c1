// The Lessons dock: the list, a lesson's pages and its checkpoints.
#include "lessons/lessonspanel.h"

#include "app/mainwindow.h"
#include "lessons/lessonactions.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonrunner.h"
#include "lessons/lessontext.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>


namespace {

constexpr int kIdRole = Qt::UserRole;

QLabel *wrappingLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

LessonsPanel::LessonsPanel(MainWindow *window, const QString &language, QWidget *parent)
    : QWidget(parent), window_(window), language_(language), actions_(new LessonActions(window, this)),
      runner_(new LessonRunner(window->training(), this)), stack_(new QStackedWidget)
{
    setObjectName(QStringLiteral("lessonsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(stack_);
    buildList();
    buildPages();
    connect(runner_, &LessonRunner::progress, progress_, &QLabel::setText);
    connect(runner_, &LessonRunner::finished, this, &LessonsPanel::onRunFinished);
    fillList();
}

void LessonsPanel::buildList()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = wrappingLabel(QStringLiteral("lessonsIntro"));
    intro->setText(tr("One lesson for each idea of the course. Each opens its example, points at what it talks "
                      "about and asks you to <b>predict, then run</b>."));
    layout->addWidget(intro);
    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("lessonList"));
    list_->setWordWrap(true);
    layout->addWidget(list_, 1);
    listSummary_ = wrappingLabel(QStringLiteral("lessonSummary"));
    layout->addWidget(listSummary_);
    auto *buttons = new QHBoxLayout;
    start_ = new QPushButton(tr("Start"));
    start_->setObjectName(QStringLiteral("lessonStart"));
    start_->setDefault(true);
    auto *openFile = new QPushButton(tr("Open File…"));
    openFile->setToolTip(tr("Open a lesson written as a Markdown file (see docs/lessons.md)"));
    buttons->addWidget(start_);
    buttons->addStretch();
    buttons->addWidget(openFile);
    layout->addLayout(buttons);
    stack_->addWidget(page);

    const auto startSelected = [this] {
        if (QListWidgetItem *item = list_->currentItem())
            startLesson(item->data(kIdRole).toString());
    };
    connect(start_, &QPushButton::clicked, this, startSelected);
    connect(list_, &QListWidget::itemActivated, this, startSelected);
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        const QString id = item->data(kIdRole).toString();
        listSummary_->setText(item->data(Qt::ToolTipRole).toString());
        start_->setText(lessonprogress::page(id) > 0 && !lessonprogress::finished(id) ? tr("Continue") : tr("Start"));
    });
    connect(openFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Lesson"), QString(), tr("Lessons (*.md)"));
        if (!path.isEmpty())
            openLessonFile(path);
    });
}

void LessonsPanel::fillList()
{
    const QString current = list_->currentItem() ? list_->currentItem()->data(kIdRole).toString() : QString();
    list_->clear();
    for (const QString &id : lessonlibrary::bundledIds()) {
        QString problem;
        const std::optional<Lesson> lesson = lessonlibrary::bundled(id, language_, &problem);
        if (!lesson)
            continue;  // the lessons test reads every bundled file
        QString mark;
        if (lessonprogress::finished(id))
            mark = QStringLiteral("  ✓");
        else if (const int reached = lessonprogress::page(id); reached > 0)
            mark = QStringLiteral("  (%1/%2)").arg(reached + 1).arg(lesson->pages.size());
        auto *item = new QListWidgetItem(QStringLiteral("%1. %2%3").arg(lesson->number).arg(lesson->title, mark), list_);
        item->setData(kIdRole, id);
        item->setData(Qt::ToolTipRole, lesson->summary);
        if (id == current)
            list_->setCurrentItem(item);
    }
    if (!list_->currentItem() && list_->count() > 0)
        list_->setCurrentRow(0);
}

void LessonsPanel::buildPages()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    lessonTitle_ = wrappingLabel(QStringLiteral("lessonTitle"));
    QFont bold = lessonTitle_->font();
    bold.setBold(true);
    lessonTitle_->setFont(bold);
    pageCount_ = new QLabel;
    pageCount_->setObjectName(QStringLiteral("lessonPageCount"));
    header->addWidget(lessonTitle_, 1);
    header->addWidget(pageCount_, 0, Qt::AlignTop);
    layout->addLayout(header);

    // The page's text above, its checkpoint below: the student drags the line between them.
    auto *split = split_ = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    text_ = new QTextBrowser;
    text_->setObjectName(QStringLiteral("lessonText"));
    text_->setOpenExternalLinks(true);
    text_->setMinimumHeight(120);
    split->addWidget(text_);
    auto *below = new QWidget;
    auto *belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    problemLabel_ = wrappingLabel(QStringLiteral("lessonProblem"));
    problemLabel_->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    problemLabel_->hide();
    belowLayout->addWidget(problemLabel_);

    checkpoint_ = new QGroupBox;
    checkpoint_->setObjectName(QStringLiteral("lessonCheckpoint"));
    auto *box = new QVBoxLayout(checkpoint_);
    question_ = wrappingLabel(QStringLiteral("lessonQuestion"));
    box->addWidget(question_);
    optionsLayout_ = new QVBoxLayout;
    box->addLayout(optionsLayout_);
    options_ = new QButtonGroup(this);
    auto *runRow = new QHBoxLayout;
    run_ = new QPushButton;
    run_->setObjectName(QStringLiteral("lessonRun"));
    progress_ = new QLabel;
    progress_->setObjectName(QStringLiteral("lessonProgress"));
    runRow->addWidget(run_);
    runRow->addWidget(progress_, 1);
    box->addLayout(runRow);
    result_ = wrappingLabel(QStringLiteral("lessonResult"));
    box->addWidget(result_);
    belowLayout->addWidget(checkpoint_);
    belowLayout->addStretch();
    below_ = new QScrollArea;
    below_->setWidget(below);
    below_->setWidgetResizable(true);
    below_->setFrameShape(QFrame::NoFrame);
    below_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    split->addWidget(below_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *nav = new QHBoxLayout;
    auto *toList = new QPushButton(tr("Lessons"));
    toList->setToolTip(tr("Back to the list of lessons"));
    auto *restart = new QPushButton(tr("Restart"));
    restart->setObjectName(QStringLiteral("lessonRestart"));
    restart->setToolTip(tr("Forget this lesson's progress and predictions and start it again"));
    back_ = new QPushButton(tr("◀ Back"));
    back_->setObjectName(QStringLiteral("lessonBack"));
    next_ = new QPushButton(tr("Next ▶"));
    next_->setObjectName(QStringLiteral("lessonNext"));
    nav->addWidget(toList);
    nav->addWidget(restart);
    nav->addStretch();
    nav->addWidget(back_);
    nav->addWidget(next_);
    layout->addLayout(nav);
    stack_->addWidget(page);

    connect(toList, &QPushButton::clicked, this, &LessonsPanel::showList);
    connect(restart, &QPushButton::clicked, this, &LessonsPanel::restart);
    connect(back_, &QPushButton::clicked, this, [this] { showPage(page_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] {
        if (lesson_ && page_ + 1 >= lesson_->pages.size()) {
            showList();
            return;
        }
        showPage(page_ + 1);
    });
    connect(options_, &QButtonGroup::idClicked, this, &LessonsPanel::choose);
    connect(run_, &QPushButton::clicked, this, [this] {
        if (runner_->isRunning())
            runner_->stop();
        else
            run();
    });
}

void LessonsPanel::showList()
{
    runner_->stop();
    runPage_ = -1;
    actions_->clearHighlight();
    fillList();
    stack_->setCurrentIndex(0);
}

bool LessonsPanel::startLesson(const QString &id)
{
    QString problem;
    const std::optional<Lesson> lesson = lessonlibrary::bundled(id, language_, &problem);
    if (!lesson) {
        QMessageBox::warning(this, tr("Cannot Open Lesson"), problem);
        return false;
    }
    const int reached = lessonprogress::finished(id) ? 0 : lessonprogress::page(id);
    return open(*lesson, std::clamp(reached, 0, int(lesson->pages.size()) - 1));
}

bool LessonsPanel::openLessonFile(const QString &path)
{
    QString problem;
    const std::optional<Lesson> lesson = readLesson(path, &problem);
    if (!lesson) {
        QMessageBox::warning(this, tr("Cannot Open Lesson"),
                             tr("%1\n\nThe format is described in docs/lessons.md.").arg(problem));
        return false;
    }
    return open(*lesson, 0);
}

bool LessonsPanel::open(const Lesson &lesson, int page)
{
    runner_->stop();
    runPage_ = -1;
    lesson_ = lesson;
    namedRuns_.clear();
    lessonTitle_->setText(lesson.title.toHtmlEscaped());
    stack_->setCurrentIndex(1);
    // The lesson's example first, unless its first page opens one itself; a lesson continued at a
    // later page gets the earlier pages' settings again, without their highlights.
    const bool opensItself = !lesson.pages.first().actions.isEmpty() && lesson.pages.first().actions.first().verb == QStringLiteral("open");
    problems_.clear();
    if (!opensItself && !lesson.example.isEmpty())
        problems_ << actions_->perform({QStringLiteral("open"), lesson.example, 0});
    for (int i = 0; i < page; ++i)
        performActions(lesson.pages[i], true);
    showPage(page);
    return true;
}

void LessonsPanel::performActions(const LessonPage &page, bool quietly)
{
    for (const LessonAction &action : page.actions) {
        if (quietly && action.verb == QStringLiteral("highlight"))
            continue;
        const QString problem = actions_->perform(action);
        problems_ << problem;
        if (!problem.isEmpty())
            break;  // what follows may depend on it
    }
}

void LessonsPanel::showPage(int index)
{
    if (!lesson_ || index < 0 || index >= lesson_->pages.size())
        return;
    runner_->stop();
    runPage_ = -1;
    actions_->clearHighlight();
    page_ = index;
    const LessonPage &page = lesson_->pages[index];
    lessonprogress::setPage(lesson_->id, index);
    if (index + 1 == lesson_->pages.size())
        lessonprogress::setFinished(lesson_->id);

    pageCount_->setText(tr("%1 / %2").arg(index + 1).arg(lesson_->pages.size()));
    text_->setMarkdown(QStringLiteral("## %1\n\n%2").arg(page.title, lessonMarkdown(page.text)));
    back_->setEnabled(index > 0);
    next_->setText(index + 1 < lesson_->pages.size() ? tr("Next ▶") : tr("Finish"));

    problems_.clear();
    performActions(page, false);
    QStringList shown;
    for (const QString &problem : problems_)
        if (!problem.isEmpty())
            shown << problem;
    problemLabel_->setText(shown.join(QStringLiteral("<br>")));
    problemLabel_->setVisible(!shown.isEmpty());
    showCheckpoint(page);
}

void LessonsPanel::showPageViews()
{
    if (!lesson_ || stack_->currentIndex() != 1)
        return;
    for (const LessonAction &action : lesson_->pages[page_].actions) {
        const bool shown = action.argument.startsWith(QStringLiteral("inside/")) || actions_->dock(action.argument);
        if (shown && (action.verb == QStringLiteral("view") || action.verb == QStringLiteral("highlight")))
            actions_->perform({QStringLiteral("view"), action.argument, action.line});
    }
}

void LessonsPanel::showCheckpoint(const LessonPage &page)
{
    for (QAbstractButton *button : options_->buttons())
        options_->removeButton(button);
    qDeleteAll(optionRows_);
    optionRows_.clear();
    optionLabels_.clear();
    result_->clear();
    progress_->clear();
    lastMeasures_.clear();
    checkpoint_->setVisible(page.run.has_value());
    below_->setVisible(page.run.has_value() || !problemLabel_->text().isEmpty());
    if (!page.run)
        return;
    const bool asks = !page.question.isEmpty();
    checkpoint_->setTitle(asks ? tr("Predict, then run") : tr("Run"));
    question_->setVisible(asks);
    question_->setText(page.question);  // may hold <sub> and <sup>, as the page may
    const int predicted = lessonprogress::prediction(lesson_->id, page_);
    // A radio button and its text beside it, wrapped: a sentence fits the dock's width.
    for (int i = 0; i < page.options.size(); ++i) {
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *button = new QRadioButton;
        button->setObjectName(QStringLiteral("lessonOption%1").arg(i));
        QLabel *label = wrappingLabel(QStringLiteral("lessonOptionText%1").arg(i));
        label->setText(page.options[i].text);
        label->installEventFilter(this);  // a click on the text picks it too
        rowLayout->addWidget(button, 0, Qt::AlignTop);
        rowLayout->addWidget(label, 1);
        options_->addButton(button, i);
        optionsLayout_->addWidget(row);
        button->setChecked(i == predicted);
        optionRows_.append(row);
        optionLabels_.append(label);
    }
    run_->setText(runText(*page.run));
    run_->setEnabled(!asks || options_->checkedId() >= 0);
    run_->setToolTip(asks && options_->checkedId() < 0 ? tr("Choose what you expect first") : QString());
    fitCheckpoint();
}

QString LessonsPanel::runText(const LessonRun &run)
{
    if (run.unit == LessonRun::Unit::Steps)
        return run.count == 1 ? tr("Run 1 step") : tr("Run %1 steps").arg(run.count);
    return run.count == 1 ? tr("Run 1 epoch") : tr("Run %1 epochs").arg(run.count);
}

void LessonsPanel::fitCheckpoint()
{
    // The checkpoint gets the room it needs, up to 60% of the page, once it is laid out; the text the rest.
    QTimer::singleShot(0, this, [this] {
        const int total = split_->height();
        const int wanted = below_->widget()->sizeHint().height() + 20;
        const int lower = std::min(wanted, total * 3 / 5);
        split_->setSizes({total - lower, lower});
    });
}

void LessonsPanel::choose(int option)
{
    if (!lesson_ || option < 0 || option >= lesson_->pages[page_].options.size())
        return;
    if (QAbstractButton *button = options_->button(option))
        button->setChecked(true);
    lessonprogress::setPrediction(lesson_->id, page_, option);
    run_->setEnabled(true);
    run_->setToolTip({});
}

void LessonsPanel::run()
{
    if (!lesson_ || !lesson_->pages[page_].run || runner_->isRunning() || !run_->isEnabled())
        return;
    result_->clear();
    for (QAbstractButton *button : options_->buttons())
        button->setEnabled(false);
    run_->setText(tr("Stop"));
    runPage_ = page_;
    runner_->start(*lesson_->pages[page_].run);
}

bool LessonsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease)
        if (const int option = int(optionLabels_.indexOf(qobject_cast<QLabel *>(watched))); option >= 0) {
            if (QAbstractButton *button = options_->button(option); button && button->isEnabled())
                button->click();
            return true;
        }
    return QWidget::eventFilter(watched, event);
}

bool LessonsPanel::isRunning() const
{
    return runner_->isRunning();
}

QString LessonsPanel::resultText() const
{
    return result_->text();
}

void LessonsPanel::onRunFinished(const RunMeasures &measures, const QString &problem)
{
    // A run stopped because the student turned the page (or left the lesson) answers nothing.
    if (!lesson_ || runPage_ != page_)
        return;
    runPage_ = -1;
    const LessonPage &page = lesson_->pages[page_];
    for (QAbstractButton *button : options_->buttons())
        button->setEnabled(true);
    run_->setText(runText(*page.run));
    progress_->clear();
    lastMeasures_ = measures;
    if (!problem.isEmpty()) {
        result_->setText(QStringLiteral("<span style=\"color:#d03b3b\">%1</span>").arg(problem.toHtmlEscaped()));
        emit finishedRun(problem);
        return;
    }
    if (!page.run->name.isEmpty())
        namedRuns_[page.run->name] = measures;

    QStringList lines;
    if (!page.question.isEmpty()) {
        QStringList happened;
        QString missing;
        for (int i = 0; i < page.options.size(); ++i) {
            QString absent;
            const std::optional<bool> held = page.options[i].condition.holds(measures, namedRuns_, &absent);
            if (!held && missing.isEmpty())
                missing = absent;
            if (held.value_or(false))
                happened << page.options[i].text;
            optionLabels_[i]->setText(held.value_or(false) ? tr("%1 <b>✓ happened</b>").arg(page.options[i].text)
                                                           : page.options[i].text);
        }
        const int predicted = options_->checkedId();
        if (!missing.isEmpty() && happened.isEmpty()) {
            lines << tr("This run cannot answer the question: it did not measure %1. Run the pages before this one "
                        "first, and keep the views the lesson opens on show.")
                         .arg(missing.toHtmlEscaped());
        } else if (predicted >= 0 && happened.contains(page.options[predicted].text)) {
            lines << tr("<b>You predicted it.</b> What happened: %1.").arg(happened.join(QStringLiteral("; ")).toHtmlEscaped());
        } else {
            lines << tr("<b>Not what you predicted.</b> What happened: %1.").arg(happened.join(QStringLiteral("; ")).toHtmlEscaped());
        }
    }
    if (!page.explanation.isEmpty())
        lines << page.explanation;
    result_->setText(lines.join(QStringLiteral("<br><br>")));
    fitCheckpoint();
    emit finishedRun({});
}

void LessonsPanel::restart()
{
    if (!lesson_)
        return;
    lessonprogress::restart(lesson_->id);
    const Lesson lesson = *lesson_;
    open(lesson, 0);
}
