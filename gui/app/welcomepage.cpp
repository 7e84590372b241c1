// The welcome page: a grid of example cards and the empty start.
#include "app/welcomepage.h"

#include "app/examplecatalog.h"
#include "app/mainwindow.h"
#include "app/projectfiles.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QString kShownKey = QStringLiteral("welcome/shown");
constexpr int kWelcomeColumns = 3;
const QSize kThumbnail(150, 100);

// The line broken at spaces into lines of about `width` characters: a tool button does not wrap.
QString wrapped(const QString &line, int width = 34)
{
    QStringList lines{QString()};
    for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lines.last().isEmpty() && lines.last().size() + 1 + word.size() > width)
            lines.append(QString());
        lines.last() += (lines.last().isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

WelcomePage::WelcomePage(MainWindow *window)
    : QDialog(window), window_(window), empty_(new QToolButton)
{
    setObjectName(QStringLiteral("welcomePage"));
    setWindowTitle(tr("Welcome to LayerLab"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<h2>Welcome to LayerLab</h2><p>Pick an example to start from: it opens ready to "
                                "train. Press <b>Train</b> (F5) and watch the network learn; slow it down with "
                                "<b>Pace</b> in the tool bar. Or start from an empty network and build your own, or follow a "
                                "lesson.</p>"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    // Twenty-four examples are more rows than a 1280×800 screen holds: they scroll, and the buttons
    // below them stay in view.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("exampleScroll"));
    scroll->setWidget(makeExampleGrid());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(scroll->widget()->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    layout->addWidget(scroll, 1);
    empty_->setObjectName(QStringLiteral("startEmpty"));
    empty_->setText(tr("Start with an empty network"));
    empty_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(empty_, &QToolButton::clicked, this, [this] { choose({}); });
    lessons_ = new QToolButton;
    lessons_->setObjectName(QStringLiteral("startLessons"));
    lessons_->setText(tr("Follow a lesson"));
    lessons_->setToolTip(tr("The course's lessons, one for each idea: each opens its example and asks you to predict, then run"));
    connect(lessons_, &QToolButton::clicked, this, [this] {
        accept();
        window_->showLessons();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(lessons_, QDialogButtonBox::ActionRole);
    buttons->addButton(empty_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QWidget *WelcomePage::makeExampleGrid()
{
    auto *grid = new QWidget;
    auto *cards = new QGridLayout(grid);
    cards->setContentsMargins(0, 0, 0, 0);
    int index = 0;
    for (const ExampleCatalog::Example &example : ExampleCatalog::examples(kThumbnail)) {
        auto *card = new QToolButton;
        card->setObjectName(QStringLiteral("example-%1").arg(example.name));
        card->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        card->setIcon(QIcon(example.thumbnail));
        card->setIconSize(kThumbnail);
        // A tool button reads "&" as a shortcut mark: "Hochreiter & Schmidhuber" keeps its "&".
        QString line = wrapped(ExampleCatalog::oneLine(example.description));
        card->setText(QStringLiteral("%1\n%2").arg(example.name, line.replace(QLatin1Char('&'), QStringLiteral("&&"))));
        card->setToolTip(example.description);
        card->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        card->setMinimumWidth(220);
        connect(card, &QToolButton::clicked, this, [this, name = example.name] { choose(name); });
        cards->addWidget(card, index / kWelcomeColumns, index % kWelcomeColumns);
        examples_.append(card);
        ++index;
    }
    if (examples_.isEmpty())
        cards->addWidget(new QLabel(tr("No examples are installed; start with an empty network.")), 0, 0);
    return grid;
}

bool WelcomePage::isFirstStart()
{
    return !QSettings().value(kShownKey, false).toBool();
}

WelcomePage *WelcomePage::showFor(MainWindow *window)
{
    auto *page = new WelcomePage(window);
    page->setAttribute(Qt::WA_DeleteOnClose);
    // As tall as the examples, up to most of the screen.
    const QRect screen = window->screen()->availableGeometry();
    const auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("exampleScroll"));
    const int rest = page->sizeHint().height() - scroll->sizeHint().height();
    const QSize wanted(page->sizeHint().width(), rest + scroll->widget()->sizeHint().height());
    page->resize(wanted.boundedTo(QSize(screen.width() * 9 / 10, screen.height() * 9 / 10)));
    page->show();
    QSettings().setValue(kShownKey, true);
    return page;
}

void WelcomePage::choose(const QString &example)
{
    accept();
    if (example.isEmpty())
        window_->files()->newProject();
    else
        window_->files()->openPath(example);
}
