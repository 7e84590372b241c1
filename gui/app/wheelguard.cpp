#include "wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace {

bool isGuarded(const QObject *object)
{
    return qobject_cast<const QComboBox *>(object) || qobject_cast<const QAbstractSpinBox *>(object) ||
           qobject_cast<const QAbstractSlider *>(object);
}

} // namespace

void WheelGuard::install(QObject *owner)
{
    qApp->installEventFilter(new WheelGuard(owner));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish && isGuarded(watched)) {
        // Not Qt::WheelFocus: a wheel passing over the widget must not give it the focus.
        static_cast<QWidget *>(watched)->setFocusPolicy(Qt::StrongFocus);
    } else if (event->type() == QEvent::Wheel && isGuarded(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
        event->ignore();  // unaccepted, the wheel goes on to the parents: the panel's scroll area scrolls
        return true;
    }
    return QObject::eventFilter(watched, event);
}
