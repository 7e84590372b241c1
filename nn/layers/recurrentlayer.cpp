// RecurrentLayer: the steps run packed (RecurrentBatches: time-major, the samples sorted by length,
// no padded step computed). The input projections of all steps are one GEMM, then per step one
// recurrent GEMM for the samples still running and the cell's gate arithmetic; backward walks the
// steps in reverse and sums the weight gradients in GEMMs over all steps at the end. The products
// run in chunks fixed by the shapes and the lengths, on the arena's threads, the rest in a fixed
// order, so the result is the same on any thread count.
#include "nn/gemmwarnings.h"

#include "recurrentlayer.h"

#include "sequencelengths.h"

#include "nn/error.h"
#include "nn/parallel.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

// The saved record's slots for one direction (8 apart; the packed rows of all steps, and the state
// after the last step in sample-rank order) and those the directions share.
enum RecurrentSlot : size_t { kXw, kKept, kHPrev, kH, kCPrev, kC, kState, kSlotsPerDirection = 8 };
constexpr size_t kGradInputSlot = 16, kGradHiddenSlot = 17, kPackedInputSlot = 18, kPackedInputGradSlot = 19,
                 kLengthsSlot = 20, kStepsSlot = 21;  // each sample's length and T, for internals()

const char *const kParameterNames[] = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

// Rows of the first n rows of a row-major (·, cols) buffer.
StepMap topRows(float *data, int64_t n, int64_t cols)
{
    return {data, n, cols, Eigen::OuterStride<>(cols)};
}

// Rows of a product over all steps per chunk, and the number of column blocks of a per-step product.
// Fixed, so that the same sums come out on any thread count; a column block packs only its own part
// of the right-hand side, so splitting costs no repacking of the weights.
constexpr int64_t kRowsPerChunk = 128, kColumnChunks = 4, kColumnAlign = 16;

double productFlops(int64_t m, int64_t k, int64_t n)
{
    return 2.0 * double(m) * double(k) * double(n);
}

// c = a·b (or c += a·b) in chunks of `rowsPerChunk` rows of c, run on the arena's threads.
template <typename Result, typename Left, typename Right>
void chunkedRows(Result &&c, const Left &a, const Right &b, bool add, int64_t rowsPerChunk = kRowsPerChunk)
{
    parallelChunks(c.rows(), rowsPerChunk, productFlops(a.rows(), a.cols(), b.cols()), [&](int64_t begin, int64_t end) {
        auto rows = c.middleRows(begin, end - begin);
        if (add)
            rows.noalias() += a.middleRows(begin, end - begin) * b;
        else
            rows.noalias() = a.middleRows(begin, end - begin) * b;
    });
}

// c += a·b in kColumnChunks blocks of columns of c (each a multiple of kColumnAlign wide).
template <typename Result, typename Left, typename Right>
void chunkedColumnsAdd(Result &&c, const Left &a, const Right &b)
{
    const int64_t width = (c.cols() + kColumnChunks * kColumnAlign - 1) / (kColumnChunks * kColumnAlign) * kColumnAlign;
    parallelChunks(c.cols(), width, productFlops(a.rows(), a.cols(), b.cols()), [&](int64_t begin, int64_t end) {
        c.middleCols(begin, end - begin).noalias() += a * b.middleCols(begin, end - begin);
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
    const Tensor &lengthValues = saved.slot(kLengthsSlot);
    const int64_t batch = lengthValues.empty() ? 0 : lengthValues.dim(0);
    if (sample < 0 || sample >= batch)
        return {};
    std::vector<int64_t> lengths(lengthValues.data(), lengthValues.data() + batch);
    const RecurrentBatches batches(lengths, int64_t(saved.slot(kStepsSlot).data()[0]));
    std::vector<LayerInternal> states;
    for (int d = 0; d < directions(); ++d) {
        const std::string suffix = d == 0 ? "" : "_reverse";
        const size_t base = size_t(d) * kSlotsPerDirection;
        for (const auto &[name, slot] : {std::pair{"hidden", kH}, std::pair{"cell", kC}}) {
            const Tensor &packed = saved.slot(base + slot);
            if (packed.empty() || packed.dim(1) == 0)
                continue;
            Tensor state({batches.steps(), hidden_});  // the padded steps stay 0
            state.setZero();
            for (int64_t t = 0; t < lengths[size_t(sample)]; ++t)
                std::copy_n(packed.data() + (batches.offset(t) + batches.rank(sample)) * hidden_, hidden_,
                            state.data() + t * hidden_);
            states.push_back({name + suffix, std::move(state)});
        }
    }
    return states;
}

void RecurrentLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, T, F)
    const int64_t batch = x.dim(0), steps = x.dim(1), features = x.dim(2), units = directions() * hidden_;
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps);
    const RecurrentBatches batches(lengths, steps);
    Tensor &lengthValues = saved.slot(kLengthsSlot), &stepCount = saved.slot(kStepsSlot);
    lengthValues.resize({batch});
    std::copy(lengths.begin(), lengths.end(), lengthValues.data());
    stepCount.resize({1});
    stepCount.data()[0] = float(steps);
    Tensor &packed = saved.slot(kPackedInputSlot);
    packed.resize({batches.rows(), features});
    batches.pack(x.data(), features, packed.data());
    out.resize(returnSequences_ ? Shape{batch, steps, units} : Shape{batch, units});
    out.setZero();
    for (int d = 0; d < directions(); ++d) {
        forwardDirection(d, batches, saved);
        const size_t base = size_t(d) * kSlotsPerDirection;
        if (returnSequences_) {
            batches.addUnpacked(saved.slot(base + kH).data(), hidden_, out.data(), units, d * hidden_);
        } else {  // the state after the direction's last step: t = T − 1 forwards (carried past the padding), 0 backwards
            const Tensor &state = saved.slot(base + kState);
            for (int64_t n = 0; n < batch; ++n)
                std::copy_n(state.data() + batches.rank(n) * hidden_, hidden_, out.data() + n * units + d * hidden_);
        }
    }
}

void RecurrentLayer::forwardDirection(int d, const RecurrentBatches &batches, Saved &saved) const
{
    const Tensor &packed = saved.slot(kPackedInputSlot);
    const int64_t rows = batches.rows(), batch = batches.samples(), steps = batches.steps();
    const int64_t features = packed.dim(1), width = gates() * hidden_, keptWidth = keptPerUnit() * hidden_;
    const int64_t cellWidth = hasCellState() ? hidden_ : 0;
    const size_t base = size_t(d) * kSlotsPerDirection;
    Tensor &xw = saved.slot(base + kXw), &kept = saved.slot(base + kKept), &hPrev = saved.slot(base + kHPrev),
           &h = saved.slot(base + kH), &cPrev = saved.slot(base + kCPrev), &c = saved.slot(base + kC),
           &state = saved.slot(base + kState);
    xw.resize({rows, width});
    kept.resize({rows, keptWidth});
    for (Tensor *t : {&hPrev, &h})
        t->resize({rows, hidden_});
    for (Tensor *t : {&cPrev, &c})
        t->resize({rows, cellWidth});
    state.resize({batch, hidden_});
    // x·W_ihᵀ + b_ih for every step at once: (rows, F) · (F, G·H).
    const Parameter &wIh = parameter(d, 0), &wHh = parameter(d, 1), &bIh = parameter(d, 2), &bHh = parameter(d, 3);
    MatrixMap xwRows(xw.data(), rows, width);
    chunkedRows(xwRows, ConstMatrixMap(packed.data(), rows, features), wIh.value.matrix().transpose(), false);
    xwRows.rowwise() += bIh.value.vector().transpose();
    MatrixMap hNow(state.data(), batch, hidden_);
    hNow.setZero();
    RowMatrix hw(batch, width), cNow = RowMatrix::Zero(batch, cellWidth);
    for (int64_t s = 0; s < steps; ++s) {
        const int64_t t = d == 0 ? s : steps - 1 - s, n = batches.batchSize(t), first = batches.offset(t);
        if (n == 0)
            continue;  // the samples that have not started or have ended keep their state
        const auto rowsOf = [&](Tensor &buffer, int64_t cols) { return topRows(buffer.data() + first * cols, n, cols); };
        StepForward step{rowsOf(xw, width),       topRows(hw.data(), n, width), rowsOf(hPrev, hidden_),
                         rowsOf(h, hidden_),      rowsOf(cPrev, cellWidth),     rowsOf(c, cellWidth),
                         rowsOf(kept, keptWidth)};
        for (int64_t i = 0; i < n; ++i)  // row by row: Eigen's replicate() divides per element
            step.hw.row(i) = bHh.value.vector().transpose();
        chunkedColumnsAdd(step.hw, hNow.topRows(n), wHh.value.matrix().transpose());
        step.hPrev = hNow.topRows(n);
        step.cPrev = cNow.topRows(n);
        stepForward(step);
        hNow.topRows(n) = step.h;
        cNow.topRows(n) = step.c;
    }
}

void RecurrentLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &, const Tensor &dOut,
                              Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];
    const int64_t batch = x.dim(0), steps = x.dim(1), features = x.dim(2);
    const RecurrentBatches batches(sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps), steps);
    Tensor *dx = dInputs[0];
    Tensor &dPacked = saved.slot(kPackedInputGradSlot);
    if (dx) {
        dPacked.resize({batches.rows(), features});
        dPacked.setZero();
    }
    for (int d = 0; d < directions(); ++d)
        backwardDirection(d, batches, dOut, saved, dx != nullptr);
    if (dx)
        batches.addUnpacked(dPacked.data(), features, dx->data(), features, 0);
}

void RecurrentLayer::backwardDirection(int d, const RecurrentBatches &batches, const Tensor &dOut, Saved &saved,
                                       bool wantInputGradient)
{
    const Tensor &packed = saved.slot(kPackedInputSlot);
    const int64_t rows = batches.rows(), batch = batches.samples(), steps = batches.steps();
    const int64_t features = packed.dim(1), width = gates() * hidden_, keptWidth = keptPerUnit() * hidden_;
    const int64_t units = directions() * hidden_, cellWidth = hasCellState() ? hidden_ : 0;
    const size_t base = size_t(d) * kSlotsPerDirection;
    Tensor &kept = saved.slot(base + kKept), &hPrev = saved.slot(base + kHPrev), &h = saved.slot(base + kH),
           &cPrev = saved.slot(base + kCPrev), &c = saved.slot(base + kC);
    Tensor &dGi = saved.slot(kGradInputSlot), &dGh = saved.slot(kGradHiddenSlot);  // (rows, G·H)
    dGi.resize({rows, width});
    dGh.resize({rows, width});
    Parameter &wIh = parameter(d, 0), &wHh = parameter(d, 1), &bIh = parameter(d, 2), &bHh = parameter(d, 3);
    // ∂L/∂h and ∂L/∂c per sample in rank order: a sample's rows wait unchanged while it has no step.
    RowMatrix dhNext = RowMatrix::Zero(batch, hidden_), dhPrev(batch, hidden_);
    RowMatrix dc = RowMatrix::Zero(batch, cellWidth), dcPrev(batch, cellWidth);
    if (!returnSequences_)  // the output is the state after the direction's last step
        for (int64_t n = 0; n < batch; ++n)
            dhNext.row(batches.rank(n)) = ConstMatrixMap(dOut.data() + n * units, 1, units).middleCols(d * hidden_, hidden_);
    for (int64_t s = steps - 1; s >= 0; --s) {
        const int64_t t = d == 0 ? s : steps - 1 - s, n = batches.batchSize(t), first = batches.offset(t);
        if (n == 0)
            continue;
        if (returnSequences_)
            for (int64_t i = 0; i < n; ++i)
                dhNext.row(i) += ConstMatrixMap(dOut.data() + (batches.sample(i) * steps + t) * units + d * hidden_, 1, hidden_);
        const auto rowsOf = [&](Tensor &buffer, int64_t cols) { return topRows(buffer.data() + first * cols, n, cols); };
        StepBackward step{rowsOf(hPrev, hidden_),           rowsOf(h, hidden_),
                          rowsOf(cPrev, cellWidth),         rowsOf(c, cellWidth),
                          rowsOf(kept, keptWidth),          topRows(dhNext.data(), n, hidden_),
                          topRows(dc.data(), n, cellWidth), rowsOf(dGi, width),
                          rowsOf(dGh, width),               topRows(dhPrev.data(), n, hidden_),
                          topRows(dcPrev.data(), n, cellWidth)};
        stepBackward(step);
        chunkedColumnsAdd(step.dhDirect, step.dGh, wHh.value.matrix());
        dhNext.topRows(n) = dhPrev.topRows(n);
        dc.topRows(n) = dcPrev.topRows(n);
    }
    // The weight gradients over all steps at once: dW_ih += dGiᵀ·X, dW_hh += dGhᵀ·H_prev.
    const ConstMatrixMap dGiRows(dGi.data(), rows, width), dGhRows(dGh.data(), rows, width);
    const int64_t weightRows = std::max<int64_t>(kColumnAlign, (width / 4 + kColumnAlign - 1) / kColumnAlign * kColumnAlign);
    if (!wIh.frozen)
        chunkedRows(wIh.grad.matrix(), dGiRows.transpose(), ConstMatrixMap(packed.data(), rows, features), true, weightRows);
    if (!wHh.frozen)
        chunkedRows(wHh.grad.matrix(), dGhRows.transpose(), ConstMatrixMap(hPrev.data(), rows, hidden_), true, weightRows);
    if (!bIh.frozen)
        bIh.grad.vector() += dGiRows.colwise().sum().transpose();
    if (!bHh.frozen)
        bHh.grad.vector() += dGhRows.colwise().sum().transpose();
    if (wantInputGradient)
        chunkedRows(MatrixMap(saved.slot(kPackedInputGradSlot).data(), rows, features), dGiRows, wIh.value.matrix(), true);
}

} // namespace nn
