// The folding paragraph: a rich-text label whose heading is a link that toggles it.
#include "views/explanation.h"

#include <QSettings>

namespace {

QString settingsKey(const QString &key)
{
    return QStringLiteral("explanations/%1/folded").arg(key);
}

} // namespace

Explanation::Explanation(const QString &key, const QString &text, bool foldedByDefault, QWidget *parent)
    : QLabel(parent), key_(key), paragraph_(text), folded_(QSettings().value(settingsKey(key), foldedByDefault).toBool())
{
    setObjectName(QStringLiteral("explanation-%1").arg(key));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(this, &QLabel::linkActivated, this, [this] {
        setFolded(!folded_);
        QSettings().setValue(settingsKey(key_), folded_);
    });
    render();
}

void Explanation::setParagraph(const QString &text)
{
    paragraph_ = text;
    render();
}

void Explanation::setFolded(bool folded)
{
    folded_ = folded;
    render();
}

void Explanation::render()
{
    // The heading keeps the text's colour: it reads as a heading with a fold mark, not as a link.
    const QString colour = palette().color(foregroundRole()).name();
    const QString heading = QStringLiteral("<a href=\"fold\" style=\"color:%1; text-decoration:none\">%2 <b>%3</b></a>")
                                .arg(colour, folded_ ? QStringLiteral("▸") : QStringLiteral("▾"),
                                     tr("What am I looking at?"));
    setText(folded_ ? heading : heading + QLatin1Char(' ') + paragraph_);
    setToolTip(folded_ ? tr("Click to read what this view shows") : QString());
}
