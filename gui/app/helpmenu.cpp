// The Help menu: shortcuts read off the actions, the README as the user guide, What's This texts.
#include "app/helpmenu.h"

#include "app/mainwindow.h"
#include "app/welcomepage.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWhatsThis>

namespace {

// "&Save As…" → "Save As…" (a doubled && stays one &)
QString plainText(const QAction *action)
{
    QString text = action->text();
    return text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
}

void collectShortcuts(const QMenu *menu, const QString &path, QVector<HelpMenu::Shortcut> &rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->menu()) {
            collectShortcuts(action->menu(), path + plainText(action) + QStringLiteral(" ▸ "), rows);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        if (!keys.isEmpty() && !action->isSeparator())
            rows.append({path + plainText(action), keys.join(QStringLiteral(", "))});
    }
}

QDialog *makeDialog(QWidget *parent, const QString &title, QWidget *content, QSize size)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(size);
    return dialog;
}

} // namespace

void HelpMenu::fill(QMenu *menu, MainWindow *window)
{
    QAction *welcome = menu->addAction(tr("&Welcome Page"), window, [window] { WelcomePage::showFor(window); });
    welcome->setStatusTip(tr("The examples with their pictures, or an empty start"));
    QAction *keys = menu->addAction(tr("&Keyboard Shortcuts"), window, [window] { shortcutsDialog(window)->show(); });
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    keys->setStatusTip(tr("List every action that has a key"));
    QAction *guide = menu->addAction(tr("&User Guide"), window, [window] { userGuideDialog(window)->show(); });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setStatusTip(tr("Read how to build, train and export a network"));
    QAction *whatsThis = QWhatsThis::createAction(menu);
    whatsThis->setStatusTip(tr("Click this, then any panel or button, to learn what it does"));
    menu->addAction(whatsThis);
    menu->addSeparator();
    addWhatsThis(window);
}

QVector<HelpMenu::Shortcut> HelpMenu::shortcuts(const QMainWindow *window)
{
    QVector<Shortcut> rows;
    for (const QAction *action : window->menuBar()->actions())
        if (action->menu())
            collectShortcuts(action->menu(), plainText(action) + QStringLiteral(" ▸ "), rows);
    return rows;
}

QDialog *HelpMenu::shortcutsDialog(QMainWindow *window)
{
    const QVector<Shortcut> rows = shortcuts(window);
    auto *table = new QTableWidget(int(rows.size()), 2);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows[row].action));
        table->setItem(row, 1, new QTableWidgetItem(rows[row].keys));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    QDialog *dialog = makeDialog(window, tr("Keyboard Shortcuts"), table, QSize(520, 560));
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    return dialog;
}

QString HelpMenu::userGuide()
{
    QFile file(QStringLiteral(":/docs/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("# User guide\n\nThe guide was not built into this copy of LayerLab; see README.md in its sources.");
    return QString::fromUtf8(file.readAll());
}

QDialog *HelpMenu::userGuideDialog(QWidget *parent)
{
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(userGuide());
    QDialog *dialog = makeDialog(parent, tr("LayerLab User Guide"), browser, QSize(820, 700));
    dialog->setObjectName(QStringLiteral("userGuideDialog"));
    return dialog;
}

// What each dock is for, by its object name, as a first-timer asks "what is this?".
void HelpMenu::addWhatsThis(QMainWindow *window)
{
    const std::pair<const char *, QString> texts[] = {
        {"layers", tr("<b>Layers</b><p>The building blocks. Drag one onto the canvas (or double-click it) to add "
                      "it to the network, then drag from a node's output port to another's input port.</p>")},
        {"settings", tr("<b>Settings</b><p>The selected layer's settings: units, activation, kernel size… Each "
                        "change is checked at once and can be undone.</p>")},
        {"training", tr("<b>Training</b><p>What the network learns from and how: the data and its split, the loss, "
                        "the optimizer and its learning rate, batches, epochs and regularization.</p>")},
        {"codePanel", tr("<b>Code</b><p>The network as a PyTorch script, updated as you edit: what you build here is "
                         "what you would write there.</p>")},
        {"history", tr("<b>History</b><p>Every edit so far; click one to go back to it.</p>")},
        {"chartsPanel", tr("<b>Charts</b><p>The loss and the accuracy as the network trains: a falling loss means it "
                           "is learning, a validation curve that rises again means it overfits. Compare Runs keeps "
                           "earlier runs as faint lines.</p>")},
        {"boundary", tr("<b>Decision boundary</b><p>For data with two inputs: the colour the network gives each point "
                        "of the plane, with the data on top. Watch it bend as the network learns.</p>")},
        {"evaluation", tr("<b>Evaluation</b><p>How well the trained network does on data it did not learn from: "
                          "accuracy, precision, recall, F1 and the confusion matrix.</p>")},
    };
    for (const auto &[name, text] : texts)
        if (auto *dock = window->findChild<QDockWidget *>(QString::fromLatin1(name))) {
            dock->setWhatsThis(text);
            if (dock->widget())
                dock->widget()->setWhatsThis(text);
        }
}
