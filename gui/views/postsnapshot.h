// postToView and postSnapshot: how a view's probe hands what it computed on the worker thread to
// the view.
#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <utility>

// Queues deliver(*view) on the GUI thread; nothing happens when the view is gone by then.
//
// Safe on a worker thread while the window closes: the view is never read or downcast here (it may
// be in its destructor on the GUI thread at this moment; a QPointer's conversion to View* would
// read its vptr), and the call is queued on the application object, which outlives every window.
template <typename View, typename Deliver>
void postToView(const QPointer<View> &view, Deliver deliver)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || view.isNull())
        return;
    QMetaObject::invokeMethod(app, [view, deliver = std::move(deliver)]() mutable {
        if (View *target = view.data())
            deliver(*target);
    }, Qt::QueuedConnection);
}

// Queues view->setSnapshot(snapshot) on the GUI thread, as postToView.
template <typename View, typename Snapshot>
void postSnapshot(const QPointer<View> &view, Snapshot snapshot)
{
    postToView(view, [snapshot = std::move(snapshot)](View &target) mutable { target.setSnapshot(std::move(snapshot)); });
}
