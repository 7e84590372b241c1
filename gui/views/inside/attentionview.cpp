// The attention tab: the chosen layer's per-head weights of the chosen sample, cut to its tokens.
#include "views/inside/attentionview.h"

#include "views/inside/tokenheatmap.h"


#include <algorithm>

AttentionView::AttentionView(QWidget *parent)
    : SequenceTab(QStringLiteral("attention"), AttentionView::tr("Self-attention lets every token gather information from the "
                     "others. Each square is one <i>head</i> of the chosen attention layer, for one sample of the batch "
                     "just trained. Row <i>i</i> is the token that asks (the query), column <i>j</i> a token it may read "
                     "from (the key); the darker the cell, the more of token <i>j</i>'s value goes into token <i>i</i>'s "
                     "output: softmax(QKᵀ/√d). Each row sums to 1. Padding is cut off. Watch the heads specialise: one "
                     "looks at the neighbours, another at the first letter."),
                  {QStringLiteral("MultiHeadAttention")},
                  AttentionView::tr("No attention weights yet: train a network with a MultiHeadAttention layer and they appear here."),
                  parent)
{
}

bool AttentionView::draw(const nn::TapRecord &record)
{
    const nn::NodeTap *node = chosenNode(record);
    if (!node)
        return false;
    const auto found = std::find_if(node->internals.begin(), node->internals.end(),
                                    [](const nn::LayerInternal &i) { return i.name == "attention"; });
    if (found == node->internals.end() || found->value.rank() != 3)
        return false;
    const nn::Tensor &weights = found->value;  // [heads, T, T]
    const int heads = int(weights.dim(0)), steps = int(weights.dim(1));
    QStringList tokens = decoder().sampleTokens(record);
    if (tokens.isEmpty() || tokens.size() > steps)
        tokens.clear();
    for (int t = int(tokens.size()); tokens.isEmpty() && t < steps; ++t)
        tokens << QString::number(t + 1);
    const int length = int(tokens.size());
    while (int(heads_.size()) < heads)
        heads_.push_back(new TokenHeatMap);
    while (int(heads_.size()) > heads) {
        delete heads_.back();
        heads_.pop_back();
    }
    for (int h = 0; h < heads; ++h) {
        std::vector<float> cut(size_t(length) * size_t(length));
        for (int i = 0; i < length; ++i)
            std::copy_n(weights.data() + (int64_t(h) * steps + i) * steps, length, cut.begin() + i * length);
        heads_[size_t(h)]->setMatrix(tr("Head %1").arg(h + 1), std::move(cut), length, length, tokens, tokens,
                                     TokenHeatMap::Colours::Weights);
    }
    arrange();
    return true;
}

// Cells as large as the space allows for all heads, up to four a row (two on a narrow dock), 10 to
// 36 pixels: big enough to read the tokens, small enough to see every head at once.
void AttentionView::arrange()
{
    if (heads_.empty())
        return;
    const int count = int(heads_.size());
    const int perRow = std::min(count, availableWidth() > 1100 ? 4 : 2);
    const int mapRows = (count + perRow - 1) / perRow;
    const TokenHeatMap &first = *heads_.front();
    const int length = std::max(first.columns(), 1);
    const int labelWidth = first.sizeHint().width() - length * first.cellRect(0, 0).width();
    const int labelHeight = first.sizeHint().height() - length * first.cellRect(0, 0).height();
    const int byWidth = (availableWidth() / perRow - labelWidth - 16) / length;
    const int byHeight = (availableHeight() / mapRows - labelHeight - 12) / length;
    const int cell = std::clamp(std::min(byWidth, byHeight), 10, 36);
    for (TokenHeatMap *head : heads_)
        head->setCellSize(cell);
    placeInGrid({heads_.begin(), heads_.end()}, perRow);
}

void AttentionView::clear()
{
    SequenceTab::clear();
    for (TokenHeatMap *head : heads_)
        delete head;
    heads_.clear();
}
