// AttentionView: "Attention": a MultiHeadAttention layer's weights for one sample of the batch, one
// heat map per head with the sample's tokens on both axes (rows: the query token, columns: the
// token it reads from), updated from the taps as the network trains.
#pragma once

#include "views/inside/sequencetab.h"

#include <vector>

class TokenHeatMap;

// One TokenHeatMap per head, as many side by side as the width allows.
class AttentionView : public SequenceTab {
    Q_OBJECT

public:
    explicit AttentionView(QWidget *parent = nullptr);

    void clear() override;
    // The drawn heads' maps, in head order.
    const std::vector<TokenHeatMap *> &heads() const { return heads_; }

protected:
    bool draw(const nn::TapRecord &record) override;
    void arrange() override;

private:

    std::vector<TokenHeatMap *> heads_;
};
