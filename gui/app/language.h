// Language: the interface's language. It follows the system's locale unless View ▸ Language (or
// `layerlab --language`) chose one; the choice applies at the next start. Chinese gets the
// interface's translation (translations/layerlab_zh_CN.ts, built into the program), Qt's own (its
// dialogs' buttons) and a CJK font before the default one. The lessons follow the same language.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

class Language : public QObject {
    Q_OBJECT

public:
    // The languages the interface is translated into, by locale name: "en", "zh_CN".
    static QStringList available();
    // Each one's name in its own language, for the menu: "English", "简体中文".
    static QString nativeName(const QString &language);
    // The language chosen in View ▸ Language ("" follows the system).
    static QString chosen();
    static void choose(const QString &language);
    // The system locale's language among `available`: "zh_CN" for any Chinese locale, else "en".
    static QString system();
    // The language in use: the one chosen, or the system's when it is one of `available`, or "en".
    static QString current();

    // The language apply() installed last (what the window speaks now); current() before any.
    static QString applied();
    // Installs the translators and the font for `language` (current() when empty) on the running
    // application; returns false, with the reason in `problem`, when a translation could not load.
    static bool apply(const QString &language = {}, QString *problem = nullptr);
    // The CJK font family picked for Chinese, or "" when none is installed.
    static QString cjkFamily();

    // View ▸ Language: System, then each language; choosing one says it applies at the next start.
    static void addMenuTo(QMenu *menu, QWidget *window);
};
