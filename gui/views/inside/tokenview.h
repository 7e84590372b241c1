// TokenView: "Tokens": for a model with an output per step ([N, T, K], a language model, copy or
// reverse), the class it predicts at every step of one sample of the batch, right or wrong, and
// each step's loss, from the taps as it trains.
#pragma once

#include "views/inside/sequencetab.h"

class TokenStrip;

// A TokenStrip of the record's sample: argmax of the output's logits against the tap's targets.
class TokenView : public SequenceTab {
    Q_OBJECT

public:
    explicit TokenView(QWidget *parent = nullptr);

    bool shows(const nn::TapRecord &record) const override;
    void clear() override;
    TokenStrip *strip() const { return strip_; }

protected:
    bool draw(const nn::TapRecord &record) override;

private:
    TokenStrip *strip_;
};
