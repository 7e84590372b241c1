// HelpMenu: the Help menu's contents: the keyboard shortcuts (listed from the window's actions),
// the user guide (README.md, shipped as a resource) and "What's This?" with texts on the docks
// and the main actions.
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

class MainWindow;
class QDialog;
class QMainWindow;
class QMenu;

// Fills a window's Help menu; owns nothing but its actions (parented to the menu).
class HelpMenu : public QObject {
    Q_OBJECT

public:
    // One row of the shortcuts list: where the action lives ("Edit ▸ Undo"), and its keys.
    struct Shortcut {
        QString action;
        QString keys;
    };

    // Adds the Welcome Page, Keyboard Shortcuts, User Guide and What's This? to `menu`, and gives
    // the window's docks their "What's this" texts.
    static void fill(QMenu *menu, MainWindow *window);

    // Every action in the window's menus that has a shortcut, in menu order, with its menu path.
    static QVector<Shortcut> shortcuts(const QMainWindow *window);
    // The dialogs those menu entries open (not shown yet; deleted on close).
    static QDialog *shortcutsDialog(QMainWindow *window);
    static QDialog *userGuideDialog(QWidget *parent);
    // The user guide's Markdown (README.md from the resources).
    static QString userGuide();

private:
    static void addWhatsThis(QMainWindow *window);
};
