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

// Row by row, so that each sample's gates stay in the cache between the passes and nothing is allocated.
void GruLayer::stepForward(StepForward &s) const
{
    const int64_t h = hidden_;
    for (int64_t i = 0; i < s.h.rows(); ++i) {
        const auto xw = s.xw.row(i).array(), hw = s.hw.row(i).array();
        auto kept = s.kept.row(i).array();
        auto r = kept.segment(0, h), z = kept.segment(h, h), n = kept.segment(2 * h, h), hn = kept.segment(3 * h, h);
        r = (xw.segment(0, h) + hw.segment(0, h)).logistic();
        z = (xw.segment(h, h) + hw.segment(h, h)).logistic();
        hn = hw.segment(2 * h, h);
        n = (xw.segment(2 * h, h) + r * hn).tanh();
        s.h.row(i).array() = (1.0f - z) * n + z * s.hPrev.row(i).array();
    }
}

void GruLayer::stepBackward(StepBackward &s) const
{
    const int64_t h = hidden_;
    for (int64_t i = 0; i < s.h.rows(); ++i) {
        const auto kept = s.kept.row(i).array();
        const auto r = kept.segment(0, h), z = kept.segment(h, h), n = kept.segment(2 * h, h), hn = kept.segment(3 * h, h);
        const auto dh = s.dh.row(i).array();
        auto dGi = s.dGi.row(i).array(), dGh = s.dGh.row(i).array();
        auto dr = dGi.segment(0, h), dz = dGi.segment(h, h), dn = dGi.segment(2 * h, h);
        dn = dh * (1.0f - z) * (1.0f - n * n);  // through tanh
        dz = dh * (s.hPrev.row(i).array() - n) * z * (1.0f - z);
        dr = dn * hn * r * (1.0f - r);
        dGh.segment(0, 2 * h) = dGi.segment(0, 2 * h);
        dGh.segment(2 * h, h) = dn * r;
        s.dhDirect.row(i).array() = dh * z;
    }
}

} // namespace nn
