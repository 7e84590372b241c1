// postSnapshot: how a view's probe hands what it computed on the worker thread to the view.
#pragma once

#include <QMetaObject>
#include <QPointer>

#include <utility>

// Queues view->setSnapshot(snapshot) on the view's (GUI) thread; nothing happens when the view
// is gone by then.
template <typename View, typename Snapshot>
void postSnapshot(const QPointer<View> &view, Snapshot snapshot)
{
    if (!view)
        return;
    QMetaObject::invokeMethod(view.data(), [view, snapshot = std::move(snapshot)]() mutable {
        if (view)
            view->setSnapshot(std::move(snapshot));
    }, Qt::QueuedConnection);
}
