// snapshotProbe: the probe of a view that computes a snapshot on the worker thread and posts it.
#pragma once

#include "views/postsnapshot.h"

#include "training/modelprobe.h"

#include "nn/error.h"

#include <QPointer>
#include <QString>

#include <chrono>
#include <exception>
#include <memory>

// A probe that runs compute(model, experiment) at every moment but Step moments closer than
// `stepInterval` to the last it ran, and posts the snapshot to `view`; a user's error (a layer that
// cannot run) becomes onError(message)'s snapshot instead.
template <typename View, typename Compute, typename OnError>
ModelProbe snapshotProbe(View *view, std::chrono::milliseconds stepInterval, Compute compute, OnError onError)
{
    QPointer<View> target(view);
    auto lastStep = std::make_shared<std::chrono::steady_clock::time_point>();
    return [target, lastStep, stepInterval, compute, onError](ProbeMoment moment, const nn::Model &model,
                                                              const datasets::Experiment &experiment) {
        if (moment == ProbeMoment::Step) {
            const auto now = std::chrono::steady_clock::now();
            if (now - *lastStep < stepInterval)
                return;
            *lastStep = now;
        }
        decltype(compute(model, experiment)) snapshot;
        try {
            snapshot = compute(model, experiment);
        } catch (const std::exception &error) {
            snapshot = onError(QString::fromStdString(nn::messageOf(error)));
        }
        postSnapshot(target, std::move(snapshot));
    };
}
