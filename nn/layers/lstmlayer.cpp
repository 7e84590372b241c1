// LSTM: one step's gates and cell state forward, their derivatives backward, over the batch as arrays.
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

void LstmLayer::stepForward(StepForward &s) const
{
    const int64_t h = hidden_;
    const auto pre = [&](int gate) { return s.xw.middleCols(gate * h, h).array() + s.hw.middleCols(gate * h, h).array(); };
    const RowArray i = pre(0).logistic(), f = pre(1).logistic(), g = pre(2).tanh(), o = pre(3).logistic();
    const RowArray c = f * s.cPrev.array() + i * g;
    const RowArray tc = c.tanh();
    s.c = c.matrix();
    s.h = (o * tc).matrix();
    s.kept.leftCols(h) = i.matrix();
    s.kept.middleCols(h, h) = f.matrix();
    s.kept.middleCols(2 * h, h) = g.matrix();
    s.kept.middleCols(3 * h, h) = o.matrix();
    s.kept.rightCols(h) = tc.matrix();
}

void LstmLayer::stepBackward(StepBackward &s) const
{
    const int64_t h = hidden_;
    const auto i = s.kept.leftCols(h).array(), f = s.kept.middleCols(h, h).array(),
               g = s.kept.middleCols(2 * h, h).array(), o = s.kept.middleCols(3 * h, h).array(),
               tc = s.kept.rightCols(h).array();
    const auto dh = s.dh.array();
    const RowArray dc = s.dc.array() + dh * o * (1.0f - tc * tc);  // ∂L/∂c_t in full
    s.dGi.leftCols(h) = (dc * g * i * (1.0f - i)).matrix();
    s.dGi.middleCols(h, h) = (dc * s.cPrev.array() * f * (1.0f - f)).matrix();
    s.dGi.middleCols(2 * h, h) = (dc * i * (1.0f - g * g)).matrix();
    s.dGi.middleCols(3 * h, h) = (dh * tc * o * (1.0f - o)).matrix();
    s.dGh = s.dGi;
    s.dhDirect.setZero();
    s.dcPrev = (dc * f).matrix();
}

} // namespace nn
