// The interface's language: the translators, the CJK font and View ▸ Language.
#include "app/language.h"

#include <QActionGroup>
#include <QApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace {

const QString kLanguageKey = QStringLiteral("interface/language");

// The families a Chinese interface draws with, in order of preference (fonts-noto-cjk first).
const QStringList kCjkFamilies = {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                  QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("WenQuanYi Zen Hei"),
                                  QStringLiteral("Droid Sans Fallback")};

// The installed translators, replaced when another language is applied (the tests switch).
QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

QString &appliedLanguage()
{
    static QString language;
    return language;
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &language)
{
    if (language == QStringLiteral("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::chosen()
{
    const QString language = QSettings().value(kLanguageKey).toString();
    return available().contains(language) ? language : QString();
}

void Language::choose(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(kLanguageKey);
    else
        QSettings().setValue(kLanguageKey, language);
}

QString Language::system()
{
    // Any Chinese locale gets the Simplified Chinese interface, the only Chinese one there is.
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString Language::current()
{
    const QString language = chosen();
    return language.isEmpty() ? system() : language;
}

QString Language::cjkFamily()
{
    const QStringList families = QFontDatabase::families();
    for (const QString &family : kCjkFamilies)
        if (families.contains(family))
            return family;
    return {};
}

QString Language::applied()
{
    return appliedLanguage().isEmpty() ? current() : appliedLanguage();
}

bool Language::apply(const QString &requested, QString *problem)
{
    const QString language = requested.isEmpty() ? current() : requested;
    appliedLanguage() = language;
    for (QTranslator *translator : installed()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed().clear();

    QFont font = QApplication::font();
    QStringList families = {font.families().value(0, font.family())};
    font.setFamilies(families);
    QApplication::setFont(font);
    if (language == QStringLiteral("en"))
        return true;
    bool loaded = true;
    auto *own = new QTranslator(qApp);
    if (own->load(QStringLiteral(":/i18n/layerlab_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(own);
        installed().append(own);
    } else {
        delete own;
        loaded = false;
        if (problem)
            *problem = QStringLiteral("This copy of LayerLab has no %1 translation (:/i18n/layerlab_%1.qm).").arg(language);
    }
    // Qt's own words (OK, Cancel, the file dialog's) come with Qt's translations, when installed.
    auto *qt = new QTranslator(qApp);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    if (language.startsWith(QStringLiteral("zh"))) {
        const QString cjk = cjkFamily();
        if (cjk.isEmpty() && problem && problem->isEmpty())
            *problem = QStringLiteral("No Chinese font is installed; install fonts-noto-cjk.");
        if (!cjk.isEmpty()) {
            families.append(cjk);
            font.setFamilies(families);
            QApplication::setFont(font);
        }
    }
    return loaded;
}

void Language::addMenuTo(QMenu *menu, QWidget *window)
{
    QMenu *languages = menu->addMenu(QCoreApplication::translate("Language", "&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(languages);
    const auto addChoice = [&](const QString &text, const QString &language) {
        QAction *action = languages->addAction(text);
        action->setCheckable(true);
        action->setChecked(chosen() == language);
        action->setData(language);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, window, [window, language] {
            if (language == chosen())
                return;
            choose(language);
            const QString name = language.isEmpty() ? QCoreApplication::translate("Language", "the system's language")
                                                    : nativeName(language);
            QMessageBox::information(window, QCoreApplication::translate("Language", "Language"),
                                     QCoreApplication::translate("Language", "LayerLab will use %1 from its next start.").arg(name));
        });
    };
    addChoice(QCoreApplication::translate("Language", "&System (%1)").arg(nativeName(system())), QString());
    for (const QString &language : available())
        addChoice(nativeName(language), language);
}
