// WheelGuard: combo boxes, spin boxes and sliders take the mouse wheel only when they have the
// focus (a click or Tab gives it), so scrolling a panel scrolls it instead of changing settings.
#pragma once

#include <QObject>

class WheelGuard : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // Guards every such widget of the application, present and future.
    static void install(QObject *owner);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
