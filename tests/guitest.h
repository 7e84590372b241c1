// Helpers for the window's tests: a MainWindow on a project, simulated palette drops and mouse
// drags on the canvas (QDrag::exec cannot run offscreen, so drops are sent as events), and the
// graph's JSON for exact comparisons.
#pragma once

#include "app/mainwindow.h"
#include "app/projectfiles.h"
#include "canvas/graphscene.h"
#include "canvas/graphview.h"
#include "canvas/nodeitem.h"
#include "document/graphdocument.h"
#include "panels/palettepanel.h"
#include "panels/palettetree.h"

#include <nlohmann/json.hpp>

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>
#include <string>

namespace guitest {

// Settings and recent files go to a scratch place, never the user's, and each test program starts
// from empty settings of its own: CTest runs the suites side by side, and one suite's saved window
// (its docks, its size) or recent list must not reach another, nor a run the next one. `name`
// tells apart runs of one program side by side; by default it is the program's name.
inline void useTestSettings(const QString &name = {})
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLabTests"));
    QCoreApplication::setApplicationName(
        name.isEmpty() ? QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName() : name);
    QSettings().clear();
}

// A shown window holding a fresh project (one Input node, id 1, at 0, 0).
inline std::unique_ptr<MainWindow> newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->files()->setUnsavedQuestion([] { return ProjectFiles::Unsaved::Discard; });
    window->resize(1200, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the window was not exposed");
    window->view()->resetZoom();
    window->view()->centerOn(0.0, 150.0);
    return window;
}

inline std::string graphJson(const MainWindow &window)
{
    return window.document()->graph().toJson().dump();
}

inline int nodeNamed(const MainWindow &window, const std::string &name)
{
    const nn::Node *node = window.document()->graph().findByName(name);
    return node ? node->id : -1;
}

inline QPoint toViewport(const MainWindow &window, QPointF scenePoint)
{
    return window.view()->mapFromScene(scenePoint);
}

// Drags `kind` from the palette and drops it on the canvas at `scenePoint`.
inline void dropKind(MainWindow &window, const QString &kind, QPointF scenePoint)
{
    const std::unique_ptr<QMimeData> data(window.palette()->tree()->mimeDataForKind(kind));
    QVERIFY2(data, qPrintable(QStringLiteral("the palette has no %1").arg(kind)));
    QWidget *viewport = window.view()->viewport();
    const QPoint at = toViewport(window, scenePoint);
    QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY2(enter.isAccepted(), "the canvas refused the palette drag");
    QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY2(drop.isAccepted(), "the canvas refused the drop");
}

// Presses at `from`, moves in a few steps to `to` and releases there (scene coordinates).
inline void mouseDrag(MainWindow &window, QPointF from, QPointF to, Qt::KeyboardModifiers modifiers = {})
{
    QWidget *viewport = window.view()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, toViewport(window, from));
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(viewport, toViewport(window, from + (to - from) * step / 4.0));
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, toViewport(window, to));
}

inline NodeItem *item(const MainWindow &window, int id)
{
    return window.scene()->nodeItem(id);
}

// Drags from `from`'s output port to input `port` of `to`.
inline void connectByMouse(MainWindow &window, int from, int to, int port = 0)
{
    mouseDrag(window, item(window, from)->outputPortPosition(), item(window, to)->inputPortPosition(port));
}

} // namespace guitest
