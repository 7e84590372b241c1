// GRU: one step's gates forward and their derivatives backward, over the whole batch as arrays.
#include "grulayer.h"

#include "nn/registry.h"

namespace nn {

namespace {

const bool registeredGruLayer = registerLayer<GruLayer>();

} // namespace

const LayerSpec &GruLayer::declaration()
{
    static const LayerSpec spec =
        recurrentSpec("GRU", "GRU: a recurrent layer whose reset and update gates decide what the state keeps, step by step.");
    return spec;
}

void GruLayer::stepForward(StepForward &s) const
{
    const int64_t h = hidden_;
    const RowArray r = (s.xw.leftCols(h).array() + s.hw.leftCols(h).array()).logistic();
    const RowArray z = (s.xw.middleCols(h, h).array() + s.hw.middleCols(h, h).array()).logistic();
    const RowArray hn = s.hw.rightCols(h).array();
    const RowArray n = (s.xw.rightCols(h).array() + r * hn).tanh();
    s.h = ((1.0f - z) * n + z * s.hPrev.array()).matrix();
    s.kept.leftCols(h) = r.matrix();
    s.kept.middleCols(h, h) = z.matrix();
    s.kept.middleCols(2 * h, h) = n.matrix();
    s.kept.rightCols(h) = hn.matrix();
}

void GruLayer::stepBackward(StepBackward &s) const
{
    const int64_t h = hidden_;
    const auto r = s.kept.leftCols(h).array(), z = s.kept.middleCols(h, h).array(),
               n = s.kept.middleCols(2 * h, h).array(), hn = s.kept.rightCols(h).array();
    const auto dh = s.dh.array();
    const RowArray dn = dh * (1.0f - z) * (1.0f - n * n);  // through tanh
    const RowArray dz = dh * (s.hPrev.array() - n) * z * (1.0f - z);
    const RowArray dr = dn * hn * r * (1.0f - r);
    s.dGi.leftCols(h) = dr.matrix();
    s.dGi.middleCols(h, h) = dz.matrix();
    s.dGi.rightCols(h) = dn.matrix();
    s.dGh.leftCols(h) = dr.matrix();
    s.dGh.middleCols(h, h) = dz.matrix();
    s.dGh.rightCols(h) = (dn * r).matrix();
    s.dhDirect = (dh * z).matrix();
}

} // namespace nn
