// The examples with their descriptions and pictures.
#include "app/examplecatalog.h"

#include "canvas/canvasstyle.h"
#include "document/layercatalog.h"

#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/project.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QPainter>

#include <algorithm>
#include <functional>
#include <map>

QVector<ExampleCatalog::Example> ExampleCatalog::examples(QSize thumbnailSize)
{
    QVector<Example> list;
    for (const std::string &name : datasets::exampleNames()) {
        Example example{QString::fromStdString(name), {}, {}};
        try {
            const nn::Project project = nn::loadProject(datasets::resolveProjectPath(name));
            example.description = QCoreApplication::translate("examples", project.description.c_str());
            example.thumbnail = thumbnail(project, thumbnailSize);
        } catch (const nn::Error &error) {
            example.description = tr("Cannot be read: %1").arg(QString::fromUtf8(error.what()));
        }
        list.append(example);
    }
    return list;
}

QString ExampleCatalog::oneLine(const QString &description)
{
    // Up to the first colon or full stop outside brackets ("(init: normal)" goes on), in English or
    // Chinese punctuation.
    int depth = 0;
    qsizetype cut = description.size();
    for (qsizetype i = 0; i < description.size() && cut == description.size(); ++i) {
        const QChar c = description[i];
        if (c == QLatin1Char('(') || c == QChar(0xff08))
            ++depth;
        else if ((c == QLatin1Char(')') || c == QChar(0xff09)) && depth > 0)
            --depth;
        else if (depth == 0 && (c == QLatin1Char(':') || c == QChar(0xff1a) || c == QChar(0x3002)))
            cut = i;
        else if (depth == 0 && c == QLatin1Char('.') && description.mid(i + 1, 1) == QStringLiteral(" "))
            cut = i;
    }
    QString line = description.left(cut).trimmed();
    if (line.endsWith(QLatin1Char('.')))
        line.chop(1);
    return line;
}

QPixmap ExampleCatalog::thumbnail(const nn::Project &project, QSize size)
{
    QPixmap pixmap(size);
    pixmap.fill(canvasstyle::backgroundColor());
    const auto &nodes = project.graph.nodes();
    if (nodes.empty())
        return pixmap;
    double left = nodes.front().x, right = left, top = nodes.front().y, bottom = top;
    for (const nn::Node &node : nodes) {
        left = std::min(left, node.x);
        right = std::max(right, node.x);
        top = std::min(top, node.y);
        bottom = std::max(bottom, node.y);
    }
    // Boxes in proportion to the canvas's (160 × 60 at 110 px between rows), scaled to fit.
    const double spanX = right - left + 160.0, spanY = bottom - top + 60.0;
    const double scale = std::min((size.width() - 8) / spanX, (size.height() - 8) / spanY);
    const QPointF origin((size.width() - spanX * scale) / 2.0, (size.height() - spanY * scale) / 2.0);
    std::map<int, QRectF> boxes;
    for (const nn::Node &node : nodes)
        boxes[node.id] = QRectF(origin + QPointF((node.x - left) * scale, (node.y - top) * scale),
                                QSizeF(160.0 * scale, 60.0 * scale));
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(canvasstyle::edgeColor(), 1.2));
    for (const nn::Edge &edge : project.graph.edges())
        if (boxes.count(edge.from) && boxes.count(edge.to))
            painter.drawLine(QPointF(boxes[edge.from].center().x(), boxes[edge.from].bottom()),
                             QPointF(boxes[edge.to].center().x(), boxes[edge.to].top()));
    for (const nn::Node &node : nodes) {
        const nn::LayerSpec *spec = layercatalog::find(node.kind);
        const QColor color = canvasstyle::categoryColor(spec ? QString::fromStdString(spec->category) : QString());
        painter.setPen(QPen(color.darker(120), 1.0));
        painter.setBrush(color.lighter(150));
        const double radius = std::max(1.5, 8.0 * scale);
        painter.drawRoundedRect(boxes[node.id], radius, radius);
    }
    return pixmap;
}

void ExampleCatalog::fillMenu(QMenu *menu, const std::function<void(const QString &)> &open)
{
    menu->setToolTipsVisible(true);
    for (const Example &example : examples()) {
        const QString line = oneLine(example.description);
        QAction *action = menu->addAction(QIcon(example.thumbnail), line.isEmpty() ? example.name
                                                                                    : tr("%1 — %2").arg(example.name, line));
        action->setToolTip(example.description);
        action->setStatusTip(example.description);
        action->setData(example.name);
        QObject::connect(action, &QAction::triggered, menu, [open, name = example.name] { open(name); });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No examples installed"))->setEnabled(false);
    menu->setStyleSheet(QStringLiteral("QMenu { icon-size: 40px; }"));
}
