// RecurrentStateView: "Recurrent state": a SimpleRNN, GRU or LSTM layer's hidden state over the time
// steps of one sample of the batch, units × steps, in colours diverging around 0; the backward
// direction and an LSTM's cell state as maps of their own. Updated from the taps as it trains.
#pragma once

#include "views/inside/sequencetab.h"

#include <vector>

class TokenHeatMap;

// One TokenHeatMap per state the layer shows (Layer::internals: hidden, cell, *_reverse).
class RecurrentStateView : public SequenceTab {
    Q_OBJECT

public:
    explicit RecurrentStateView(QWidget *parent = nullptr);

    void clear() override;
    // The drawn maps, in the layer's internals order.
    const std::vector<TokenHeatMap *> &states() const { return states_; }
    // The colour scale s of a state: ±1 for values within it (tanh's range), else the largest |value|.
    static float scaleOf(const nn::Tensor &state);

protected:
    bool draw(const nn::TapRecord &record) override;
    void arrange() override;

private:

    std::vector<TokenHeatMap *> states_;
};
