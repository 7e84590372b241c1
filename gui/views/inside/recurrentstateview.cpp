// The recurrent-state tab: each state of the chosen layer, transposed to units × steps.
#include "views/inside/recurrentstateview.h"

#include "views/inside/tokenheatmap.h"

#include <algorithm>
#include <cmath>

RecurrentStateView::RecurrentStateView(QWidget *parent)
    : SequenceTab(QStringLiteral("recurrent-state"), RecurrentStateView::tr("A recurrent layer reads the sequence one token at a time and "
                     "carries a <i>hidden state</i> h from step to step: h<sub>t</sub> = f(W·[h<sub>t−1</sub>, "
                     "x<sub>t</sub>] + b). Each column is the state after reading the token above it, each row one unit "
                     "of the state. Red is positive, blue negative, white 0. Units that keep their colour over many "
                     "steps remember; units that flip at certain letters detect them. A bidirectional layer also reads "
                     "backwards (its own map); an LSTM's cell state c is its long-term memory. Padding is cut off."),
                  {QStringLiteral("SimpleRNN"), QStringLiteral("GRU"), QStringLiteral("LSTM")},
                  RecurrentStateView::tr("No hidden states yet: train a network with a SimpleRNN, GRU or LSTM layer and they appear here."),
                  parent)
{
}

float RecurrentStateView::scaleOf(const nn::Tensor &state)
{
    const float largest = state.empty() ? 0.0f : state.array().abs().maxCoeff();
    return std::isfinite(largest) ? std::max(largest, 1.0f) : 1.0f;
}

namespace {

// "hidden_reverse" → "Hidden state h, backward direction".
QString stateTitle(const std::string &name)
{
    const bool reverse = name.ends_with("_reverse");
    const QString what = name.starts_with("cell") ? RecurrentStateView::tr("Cell state c")
                                                   : RecurrentStateView::tr("Hidden state h");
    return reverse ? RecurrentStateView::tr("%1, backward direction (read from the end)").arg(what) : what;
}

} // namespace

bool RecurrentStateView::draw(const nn::TapRecord &record)
{
    const nn::NodeTap *node = chosenNode(record);
    if (!node || node->internals.empty())
        return false;
    const QStringList tokens = decoder().sampleTokens(record);
    while (states_.size() > node->internals.size()) {
        delete states_.back();
        states_.pop_back();
    }
    for (size_t s = 0; s < node->internals.size(); ++s) {
        const nn::Tensor &state = node->internals[s].value;  // [T, H]
        const int steps = int(state.dim(0)), units = int(state.dim(1));
        const int length = tokens.isEmpty() || tokens.size() > steps ? steps : int(tokens.size());
        QStringList columns = tokens.mid(0, length), rows;
        for (int t = int(columns.size()); t < length; ++t)
            columns << QString::number(t + 1);
        std::vector<float> transposed(size_t(units) * size_t(length));
        for (int u = 0; u < units; ++u) {
            rows << QString::number(u + 1);
            for (int t = 0; t < length; ++t)
                transposed[size_t(u * length + t)] = state[int64_t(t) * units + u];
        }
        if (s == states_.size())
            states_.push_back(new TokenHeatMap);
        states_[s]->setMatrix(stateTitle(node->internals[s].name) + tr(" — rows: units, columns: steps"),
                              std::move(transposed), units, length, rows, columns, TokenHeatMap::Colours::Diverging,
                              scaleOf(state));
    }
    arrange();
    return true;
}

// Two maps side by side on a wide dock. Cells as wide as the space allows for the steps, 6 to 40
// pixels, and as high as fits the units in the dock's height, at least 8 (then they scroll).
void RecurrentStateView::arrange()
{
    if (states_.empty())
        return;
    const int perRow = states_.size() > 1 && availableWidth() > 900 ? 2 : 1;
    const int mapRows = int(states_.size() + size_t(perRow) - 1) / perRow;
    for (TokenHeatMap *map : states_) {
        const QRect cell = map->cellRect(0, 0);
        const int labelWidth = map->sizeHint().width() - map->columns() * cell.width();
        const int labelHeight = map->sizeHint().height() - map->rows() * cell.height();
        const int width = std::clamp((availableWidth() / perRow - labelWidth - 16) / std::max(map->columns(), 1), 6, 40);
        const int height = (availableHeight() / mapRows - labelHeight - 12) / std::max(map->rows(), 1);
        map->setCellSize(width, std::clamp(height, 8, width));
    }
    placeInGrid({states_.begin(), states_.end()}, perRow);
}

void RecurrentStateView::clear()
{
    SequenceTab::clear();
    for (TokenHeatMap *map : states_)
        delete map;
    states_.clear();
}
