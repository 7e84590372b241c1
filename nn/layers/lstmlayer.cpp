// LSTM: one step's gates and cell state forward, their derivatives backward, over the batch as arrays.
#include "nn/gemmwarnings.h"

#include "lstmlayer.h"

#include "nn/registry.h"

namespace nn {

namespace {

const bool registeredLstmLayer = registerLayer<LstmLayer>();

} // namespace

const LayerSpec &LstmLayer::declaration()
{
    static const LayerSpec spec =
        recurrentSpec("LSTM", "LSTM: a recurrent layer with a cell state and input, forget and output gates; "
                              "remembers across long sequences.");
    return spec;
}

// Row by row, so that each sample's gates stay in the cache between the passes and nothing is allocated.
void LstmLayer::stepForward(StepForward &s) const
{
    const int64_t h = hidden_;
    for (int64_t r = 0; r < s.h.rows(); ++r) {
        const auto xw = s.xw.row(r).array(), hw = s.hw.row(r).array();
        auto kept = s.kept.row(r).array();
        auto i = kept.segment(0, h), f = kept.segment(h, h), g = kept.segment(2 * h, h), o = kept.segment(3 * h, h),
             tc = kept.segment(4 * h, h);
        const auto pre = [&](int gate) { return xw.segment(gate * h, h) + hw.segment(gate * h, h); };
        i = pre(0).logistic();
        f = pre(1).logistic();
        g = pre(2).tanh();
        o = pre(3).logistic();
        auto c = s.c.row(r).array();
        c = f * s.cPrev.row(r).array() + i * g;
        tc = c.tanh();
        s.h.row(r).array() = o * tc;
    }
}

void LstmLayer::stepBackward(StepBackward &s) const
{
    const int64_t h = hidden_;
    for (int64_t r = 0; r < s.h.rows(); ++r) {
        const auto kept = s.kept.row(r).array();
        const auto i = kept.segment(0, h), f = kept.segment(h, h), g = kept.segment(2 * h, h), o = kept.segment(3 * h, h),
                   tc = kept.segment(4 * h, h);
        const auto dh = s.dh.row(r).array();
        auto dcPrev = s.dcPrev.row(r).array();
        dcPrev = s.dc.row(r).array() + dh * o * (1.0f - tc * tc);  // ∂L/∂c_t in full, for now
        const auto dc = dcPrev;
        auto dG = s.dGi.row(r).array();
        dG.segment(0, h) = dc * g * i * (1.0f - i);
        dG.segment(h, h) = dc * s.cPrev.row(r).array() * f * (1.0f - f);
        dG.segment(2 * h, h) = dc * i * (1.0f - g * g);
        dG.segment(3 * h, h) = dh * tc * o * (1.0f - o);
        dcPrev = dc * f;
        s.dGh.row(r) = s.dGi.row(r);
    }
    s.dhDirect.setZero();
}

} // namespace nn
