// RecurrentLayer: the input projections of all steps in one GEMM, then per step one recurrent GEMM
// and the cell's gate arithmetic; backward walks the steps in reverse and sums the weight gradients
// in GEMMs over all steps at the end. The products run in fixed chunks of rows on the arena's threads,
// the rest in a fixed order, so the result is the same on any thread count.
#include "nn/gemmwarnings.h"

#include "recurrentlayer.h"

#include "sequencelengths.h"

#include "nn/error.h"
#include "nn/parallel.h"

#include <cassert>
#include <cmath>

namespace nn {

namespace {

// The saved record's slots for one direction (8 apart) and the backward's scratch.
enum RecurrentSlot : size_t { kXw, kKept, kHPrev, kH, kCPrev, kC, kSlotsPerDirection = 8 };
constexpr size_t kGradInputSlot = 16, kGradHiddenSlot = 17;

// Step t of a [N, T, cols] buffer.
StepMap stepOf(Tensor &buffer, int64_t batch, int64_t steps, int64_t cols, int64_t t)
{
    return {buffer.data() + t * cols, batch, cols, Eigen::OuterStride<>(steps * cols)};
}

const char *const kParameterNames[] = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

// Rows of a product's result per chunk: fixed, so the same sums come out on any thread count.
constexpr int64_t kRowsPerChunk = 32;

// c = a·b (or c += a·b) in chunks of kRowsPerChunk rows of c, run on the arena's threads.
template <typename Result, typename Left, typename Right>
void chunkedRows(Result &&c, const Left &a, const Right &b, bool add)
{
    const double flops = 2.0 * double(a.rows()) * double(a.cols()) * double(b.cols());
    parallelChunks(c.rows(), kRowsPerChunk, flops, [&](int64_t begin, int64_t end) {
        auto rows = c.middleRows(begin, end - begin);
        if (add)
            rows.noalias() += a.middleRows(begin, end - begin) * b;
        else
            rows.noalias() = a.middleRows(begin, end - begin) * b;
    });
}

} // namespace

RecurrentLayer::RecurrentLayer(Settings settings)
    : Layer(std::move(settings)),
      hidden_(settings_.integer("hidden_size")),
      returnSequences_(settings_.flag("return_sequences")),
      bidirectional_(settings_.flag("bidirectional"))
{
}

LayerSpec RecurrentLayer::recurrentSpec(std::string kind, std::string summary)
{
    LayerSpec s;
    s.kind = std::move(kind);
    s.category = "Sequence";
    s.summary = std::move(summary);
    s.maxInputs = 2;
    s.settings = {
        SettingSpec::integer("hidden_size", 32, 1, 100000, "Units of the hidden state h carried from step to step"),
        SettingSpec::boolean("return_sequences", false,
                             "Output the state of every step [N, T, H] (for another recurrent layer or per-token "
                             "outputs) instead of the last one [N, H]"),
        SettingSpec::boolean("bidirectional", false,
                             "Also read the sequence backwards and output both states side by side (2·H units)"),
    };
    return s;
}

Shape RecurrentLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(!inputs.empty() && inputs.size() <= 2);
    const Shape &in = inputs[0];
    const std::string kind = spec().kind;
    if (in.size() != 3)
        throw ShapeError(kind + " expects [N, T, F] but got " + toString(in) +
                         "; add an Embedding or a Reshape before it.");
    checkIdsInput(kind, inputs);
    const int64_t units = directions() * hidden_;
    return returnSequences_ ? Shape{in[0], in[1], units} : Shape{in[0], units};
}

std::vector<Shape> RecurrentLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);
    const int64_t rows = gates() * hidden_;
    std::vector<Shape> shapes;
    for (int64_t d = 0; d < directions(); ++d)
        shapes.insert(shapes.end(), {{rows, inputs[0][2]}, {rows, hidden_}, {rows}, {rows}});
    return shapes;
}

// U(−1/√H, 1/√H) for every weight and bias, as PyTorch's recurrent modules start.
void RecurrentLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const std::vector<Shape> shapes = parameterShapes(inputs);
    const float bound = 1.0f / std::sqrt(float(hidden_));
    parameters_.clear();
    for (size_t i = 0; i < shapes.size(); ++i) {
        const std::string name = std::string(kParameterNames[i % 4]) + "_l0" + (i >= 4 ? "_reverse" : "");
        Parameter p{name, Tensor(shapes[i]), Tensor(shapes[i]), i % 4 < 2};
        for (int64_t j = 0; j < p.value.size(); ++j)
            p.value[j] = rng.uniform(-bound, bound);
        parameters_.push_back(std::move(p));
    }
}

std::vector<Parameter *> RecurrentLayer::parameters()
{
    std::vector<Parameter *> all;
    for (Parameter &p : parameters_)
        all.push_back(&p);
    return all;
}

std::vector<LayerInternal> RecurrentLayer::internals(const Saved &saved, int64_t sample) const
{
    std::vector<LayerInternal> states;
    for (int d = 0; d < directions(); ++d) {
        const std::string suffix = d == 0 ? "" : "_reverse";
        const size_t base = size_t(d) * kSlotsPerDirection;
        for (const auto &[name, slot] : {std::pair{"hidden", kH}, std::pair{"cell", kC}})
            if (Tensor state = itemOf(saved.slot(base + slot), sample); !state.empty())
                states.push_back({name + suffix, std::move(state)});
    }
    return states;
}

void RecurrentLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, T, F)
    const int64_t batch = x.dim(0), steps = x.dim(1), units = directions() * hidden_;
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps);
    out.resize(returnSequences_ ? Shape{batch, steps, units} : Shape{batch, units});
    out.setZero();
    for (int d = 0; d < directions(); ++d) {
        forwardDirection(d, x, lengths, saved);
        Tensor &h = saved.slot(d * kSlotsPerDirection + kH);  // (N, T, H)
        for (int64_t n = 0; n < batch; ++n) {
            const int64_t length = lengths[size_t(n)];
            if (returnSequences_) {
                for (int64_t t = 0; t < length; ++t)
                    std::copy_n(h.data() + (n * steps + t) * hidden_, hidden_,
                                out.data() + (n * steps + t) * units + d * hidden_);
            } else {  // the state after the direction's last step: t = T − 1 forwards (carried past the padding), 0 backwards
                const int64_t last = d == 0 ? steps - 1 : 0;
                std::copy_n(h.data() + (n * steps + last) * hidden_, hidden_, out.data() + n * units + d * hidden_);
            }
        }
    }
}

void RecurrentLayer::forwardDirection(int d, const Tensor &x, const std::vector<int64_t> &lengths, Saved &saved) const
{
    const int64_t batch = x.dim(0), steps = x.dim(1), features = x.dim(2), width = gates() * hidden_;
    const int64_t cellWidth = hasCellState() ? hidden_ : 0;
    const size_t base = size_t(d) * kSlotsPerDirection;
    Tensor &xw = saved.slot(base + kXw), &kept = saved.slot(base + kKept), &hPrev = saved.slot(base + kHPrev),
           &h = saved.slot(base + kH), &cPrev = saved.slot(base + kCPrev), &c = saved.slot(base + kC);
    xw.resize({batch, steps, width});
    kept.resize({batch, steps, keptPerUnit() * hidden_});
    for (Tensor *t : {&hPrev, &h})
        t->resize({batch, steps, hidden_});
    for (Tensor *t : {&cPrev, &c})
        t->resize({batch, steps, cellWidth});
    // x·W_ihᵀ + b_ih for every step at once: (N·T, F) · (F, G·H).
    const Parameter &wIh = parameter(d, 0), &wHh = parameter(d, 1), &bIh = parameter(d, 2), &bHh = parameter(d, 3);
    MatrixMap xwRows(xw.data(), batch * steps, width);
    chunkedRows(xwRows, ConstMatrixMap(x.data(), batch * steps, features), wIh.value.matrix().transpose(), false);
    xwRows.rowwise() += bIh.value.vector().transpose();
    RowMatrix hw(batch, width), hNow = RowMatrix::Zero(batch, hidden_), cNow = RowMatrix::Zero(batch, cellWidth);
    for (int64_t s = 0; s < steps; ++s) {
        const int64_t t = d == 0 ? s : steps - 1 - s;
        chunkedRows(hw, hNow, wHh.value.matrix().transpose(), false);
        hw.rowwise() += bHh.value.vector().transpose();
        StepForward step{stepOf(xw, batch, steps, width, t),     hw,
                         stepOf(hPrev, batch, steps, hidden_, t), stepOf(h, batch, steps, hidden_, t),
                         stepOf(cPrev, batch, steps, cellWidth, t), stepOf(c, batch, steps, cellWidth, t),
                         stepOf(kept, batch, steps, keptPerUnit() * hidden_, t)};
        step.hPrev = hNow;
        step.cPrev = cNow;
        stepForward(step);
        for (int64_t n = 0; n < batch; ++n)
            if (t >= lengths[size_t(n)]) {  // padding: the state stays as it was
                step.h.row(n) = hNow.row(n);
                step.c.row(n) = cNow.row(n);
            }
        hNow = step.h;
        cNow = step.c;
    }
}

void RecurrentLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &, const Tensor &dOut,
                              Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, x.dim(0), x.dim(1));
    for (int d = 0; d < directions(); ++d)
        backwardDirection(d, x, dOut, lengths, saved, dInputs[0]);
}

void RecurrentLayer::backwardDirection(int d, const Tensor &x, const Tensor &dOut, const std::vector<int64_t> &lengths,
                                       Saved &saved, Tensor *dx)
{
    const int64_t batch = x.dim(0), steps = x.dim(1), features = x.dim(2), width = gates() * hidden_;
    const int64_t units = directions() * hidden_, cellWidth = hasCellState() ? hidden_ : 0;
    const size_t base = size_t(d) * kSlotsPerDirection;
    Tensor &kept = saved.slot(base + kKept), &hPrev = saved.slot(base + kHPrev), &h = saved.slot(base + kH),
           &cPrev = saved.slot(base + kCPrev), &c = saved.slot(base + kC);
    Tensor &dGi = saved.slot(kGradInputSlot), &dGh = saved.slot(kGradHiddenSlot);  // (N, T, G·H)
    dGi.resize({batch, steps, width});
    dGh.resize({batch, steps, width});
    Parameter &wIh = parameter(d, 0), &wHh = parameter(d, 1), &bIh = parameter(d, 2), &bHh = parameter(d, 3);
    RowMatrix dh(batch, hidden_), dhNext = RowMatrix::Zero(batch, hidden_), dhPrev(batch, hidden_);
    RowMatrix dc = RowMatrix::Zero(batch, cellWidth), dcPrev(batch, cellWidth);
    if (!returnSequences_)  // the output is the state after the direction's last step
        dhNext = ConstMatrixMap(dOut.data(), batch, units).middleCols(d * hidden_, hidden_);
    for (int64_t s = steps - 1; s >= 0; --s) {
        const int64_t t = d == 0 ? s : steps - 1 - s;
        dh = dhNext;
        if (returnSequences_)
            for (int64_t n = 0; n < batch; ++n)
                if (t < lengths[size_t(n)])
                    dh.row(n) += ConstMatrixMap(dOut.data() + (n * steps + t) * units, 1, units).middleCols(d * hidden_, hidden_);
        StepBackward step{stepOf(hPrev, batch, steps, hidden_, t), stepOf(h, batch, steps, hidden_, t),
                          stepOf(cPrev, batch, steps, cellWidth, t),
                          stepOf(c, batch, steps, cellWidth, t),   stepOf(kept, batch, steps, keptPerUnit() * hidden_, t),
                          dh, dc, stepOf(dGi, batch, steps, width, t), stepOf(dGh, batch, steps, width, t),
                          dhPrev, dcPrev};
        stepBackward(step);
        for (int64_t n = 0; n < batch; ++n)
            if (t >= lengths[size_t(n)]) {  // padding passed the state through unchanged
                step.dGi.row(n).setZero();
                step.dGh.row(n).setZero();
                dcPrev.row(n) = dc.row(n);
            }
        chunkedRows(dhPrev, step.dGh, wHh.value.matrix(), true);
        for (int64_t n = 0; n < batch; ++n)
            if (t >= lengths[size_t(n)])
                dhPrev.row(n) = dh.row(n);
        dhNext.swap(dhPrev);
        dc.swap(dcPrev);
    }
    // The weight gradients over all steps at once: dW_ih += dGiᵀ·X, dW_hh += dGhᵀ·H_prev.
    const ConstMatrixMap dGiRows(dGi.data(), batch * steps, width), dGhRows(dGh.data(), batch * steps, width);
    if (!wIh.frozen)
        chunkedRows(wIh.grad.matrix(), dGiRows.transpose(), ConstMatrixMap(x.data(), batch * steps, features), true);
    if (!wHh.frozen)
        chunkedRows(wHh.grad.matrix(), dGhRows.transpose(), ConstMatrixMap(hPrev.data(), batch * steps, hidden_), true);
    if (!bIh.frozen)
        bIh.grad.vector() += dGiRows.colwise().sum().transpose();
    if (!bHh.frozen)
        bHh.grad.vector() += dGhRows.colwise().sum().transpose();
    if (dx)
        chunkedRows(MatrixMap(dx->data(), batch * steps, features), dGiRows, wIh.value.matrix(), true);
}

} // namespace nn
