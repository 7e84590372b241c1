// The neuron-statistics tab: the history of the taps' activation summaries and its grid.
#include "views/inside/neuronstatsview.h"
#include "views/explanation.h"

#include "views/inside/neurongrid.h"

#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

NeuronStatsView::NeuronStatsView(QWidget *parent)
    : QWidget(parent), grid_(new NeuronGrid(&history_)), refresh_(new QTimer(this))
{
    auto *about = new Explanation(QStringLiteral("neurons"),
        tr("One panel per layer. The heat map shows the layer's output values (up: larger) "
        "at each step (right: later); darker means more of the batch's values there. Below, in red, the share of "
        "values that are exactly 0: ReLUs that output 0 for every input are <i>dead</i> and no longer learn. In "
        "orange, the share of sigmoid or tanh outputs near their limits: <i>saturated</i> units pass almost no "
        "gradient back. For data with 2 inputs, each unit's own picture is on the canvas: click ▸ on a layer (or "
        "double-click it) to see its units as heat maps over the input plane."));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(scroll, 1);
    refresh_->setSingleShot(true);
    refresh_->setInterval(100);
    connect(refresh_, &QTimer::timeout, grid_, &NeuronGrid::refresh);
}

void NeuronStatsView::addRecord(const nn::TapRecord &record)
{
    history_.add(record);
    if (!refresh_->isActive())
        refresh_->start();
}

void NeuronStatsView::clear()
{
    history_.clear();
    grid_->refresh();
}
