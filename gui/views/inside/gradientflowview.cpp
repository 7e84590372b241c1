// The gradient-flow charts, fed by the taps and redrawn on a short timer.
#include "views/inside/gradientflowview.h"
#include "views/explanation.h"

#include "views/inside/layerramp.h"
#include "views/inside/logchartview.h"

#include "nn/taps.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int kRedrawMs = 50;

// The parameter whose ratio stands for its layer: the weights, which learn the features.
const nn::ParameterTap &layerParameter(const nn::NodeTap &node)
{
    for (const nn::ParameterTap &parameter : node.parameters)
        if (parameter.name == "weight")
            return parameter;
    return node.parameters.front();
}

} // namespace

GradientFlowView::GradientFlowView(QWidget *parent)
    : QWidget(parent),
      gradientChart_(new LogChartView(tr("Gradient reaching each layer"), tr("‖∂L/∂output‖ (log)"))),
      ratioChart_(new LogChartView(tr("Update / weight per step"), tr("‖Δw‖ / ‖w‖ (log)"))), note_(new QLabel),
      legend_(new QLabel),
      redraw_(new QTimer(this))
{
    auto *about = new Explanation(QStringLiteral("gradient-flow"),
        tr("One line per layer, from the input (dark) to the output (yellow). Left: the "
           "size of the gradient that backpropagation brings back to each layer. Right: how much one step changes "
           "each layer's weights, relative to their size (about 1e-3 is healthy). Both scales are logarithmic. Lines "
           "far below the output's towards the input: <i>vanishing</i> gradients, those layers barely learn. Lines "
           "that climb without bound: <i>exploding</i> gradients; clip them or start from smaller weights."));
    note_->setWordWrap(true);
    note_->hide();
    auto *charts = new QHBoxLayout;
    charts->addWidget(gradientChart_);
    charts->addWidget(ratioChart_);
    legend_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    legend_->setTextFormat(Qt::RichText);
    auto *legendScroll = new QScrollArea;  // a deep network's legend scrolls
    legendScroll->setWidget(legend_);
    legendScroll->setWidgetResizable(true);
    legendScroll->setFrameShape(QFrame::NoFrame);
    legendScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    legendScroll->setFixedWidth(110);
    charts->addWidget(legendScroll);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(note_);
    layout->addLayout(charts, 1);
    redraw_->setSingleShot(true);
    redraw_->setInterval(kRedrawMs);
    connect(redraw_, &QTimer::timeout, this, &GradientFlowView::redraw);
}

void GradientFlowView::addRecord(const nn::TapRecord &record)
{
    const auto step = static_cast<double>(record.step);
    for (const nn::NodeTap &node : record.nodes) {
        if (node.kind == "Input")
            continue;
        const QString name = QString::fromStdString(node.name);
        gradients_.add(name, step, node.gradientNorm);
        if (!LayerLines::drawable(node.gradientNorm))
            noteUndrawable(record.step, name, tr("gradient"), node.gradientNorm);
        if (node.parameters.empty())
            continue;
        const double ratio = layerParameter(node).updateRatio;
        ratios_.add(name, step, ratio);
        if (!LayerLines::drawable(ratio))
            noteUndrawable(record.step, name, tr("update/weight ratio"), ratio);
    }
    if (!redraw_->isActive())
        redraw_->start();
}

void GradientFlowView::clear()
{
    gradients_.clear();
    ratios_.clear();
    note_->clear();
    note_->hide();
    redraw();
}

QString GradientFlowView::note() const
{
    return note_->text();
}

void GradientFlowView::noteUndrawable(qint64 step, const QString &layer, const QString &what, double value)
{
    if (!note_->text().isEmpty())
        return;  // the first one says when it began
    // A 0 (a batch the network already fits perfectly, a dead layer) is worth knowing; NaN is an alarm.
    const bool finite = std::isfinite(value);
    const QString why = finite ? tr("is 0, which a log scale cannot show")
                               : tr("is not a finite number (%1): the run diverged").arg(value);
    note_->setStyleSheet(finite ? QStringLiteral("color: #57534e;") : QStringLiteral("color: #b91c1c;"));
    note_->setText(tr("From step %1 the %2 of %3 %4; its line has a gap there.").arg(step).arg(what, layer, why));
    note_->show();
}

QStringList GradientFlowView::legendNames() const
{
    QStringList names;
    for (const LayerLines::Line &line : gradients_.lines())
        names << line.name;
    return names;
}

QColor GradientFlowView::layerColorOf(const QString &name) const
{
    const QStringList names = legendNames();
    return layerColor(static_cast<int>(names.indexOf(name)), static_cast<int>(names.size()));
}

void GradientFlowView::redraw()
{
    const auto color = [this](const QString &name) { return layerColorOf(name); };
    gradientChart_->setLines(gradients_, color);
    ratioChart_->setLines(ratios_, color);
    QString legend = tr("<b>input</b>");
    for (const QString &name : legendNames())
        legend += QStringLiteral("<br><span style='color:%1'>&#9632;</span> %2").arg(layerColorOf(name).name(), name.toHtmlEscaped());
    legend_->setText(legendNames().isEmpty() ? QString() : legend + tr("<br><b>output</b>"));
}
