// Dense: Eigen GEMMs on maps over the tensors, split into fixed chunks for determinism.
#include "nn/gemmwarnings.h"

#include "denselayer.h"

#include "nn/error.h"
#include "nn/init.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

namespace nn {

namespace {

const bool registeredDenseLayer = registerLayer<DenseLayer>();

// A chunk of about this much work pays for waking a thread and re-packing the shared GEMM operand.
constexpr double kDenseChunkFlops = 2.0e6;
// Chunks are whole multiples of 16 rows or columns (an AVX-512 register of floats) and at least
// 64 long: below that, re-packing the shared operand costs more than a second core gains.
constexpr int64_t kChunkMultiple = 16;
constexpr int64_t kMinChunk = 64;

// Items per chunk for items costing `flopsPerItem` each. A function of the shapes alone, never of
// the thread count, so every run splits (and sums) the work the same way.
int64_t chunkSize(int64_t count, double flopsPerItem)
{
    const auto wanted = static_cast<int64_t>(std::ceil(kDenseChunkFlops / std::max(flopsPerItem, 1.0)));
    const int64_t rounded = (wanted + kChunkMultiple - 1) / kChunkMultiple * kChunkMultiple;
    return std::min(std::max(rounded, kMinChunk), std::max<int64_t>(count, 1));
}

enum class Write { Assign, Add };

// C = A·B or C += A·B in fixed chunks along C's longer side. Chunks of C's rows each re-read all
// of B and chunks of its columns all of A, so this re-reads (and re-packs) the smaller operand:
// for a batch of 64 through 784 → 256 that is the batch, not the 200k weights.
template <typename Lhs, typename Rhs>
void chunkedProduct(MatrixMap c, const Lhs &a, const Rhs &b, Write write)
{
    const int64_t m = a.rows(), depth = a.cols(), n = b.cols();
    const double flops = 2.0 * double(m) * double(n) * double(depth);
    const auto product = [write](auto block, const auto &left, const auto &right) {
        if (write == Write::Assign)
            block.noalias() = left * right;
        else
            block.noalias() += left * right;
    };
    if (m >= n)
        parallelChunks(m, chunkSize(m, 2.0 * double(n * depth)), flops, [&](int64_t begin, int64_t end) {
            product(c.middleRows(begin, end - begin), a.middleRows(begin, end - begin), b);
        });
    else
        parallelChunks(n, chunkSize(n, 2.0 * double(m * depth)), flops, [&](int64_t begin, int64_t end) {
            product(c.middleCols(begin, end - begin), a, b.middleCols(begin, end - begin));
        });
}

// Rows per chunk for element-wise passes over (rows, cols): fixed, about 32k values each.
int64_t elementwiseRows(int64_t cols)
{
    return std::max<int64_t>(1, (int64_t{1} << 15) / std::max<int64_t>(cols, 1));
}

using ConstRowVectorMap = Eigen::Map<const Eigen::RowVectorXf>;

} // namespace

const LayerSpec &DenseLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Dense";
        s.category = "Core";
        s.summary = "Dense: every output is a weighted sum of all inputs plus a bias, y = f(Wx + b).";
        s.settings = {
            SettingSpec::integer("units", 16, 1, 1000000, "Number of outputs (neurons) of the layer"),
            SettingSpec::choice("activation", "linear", activationNames(),
                                "Function applied to each output: relu for hidden layers, linear before a loss"),
            SettingSpec::boolean("use_bias", true, "Add a learnable bias b to each output"),
            SettingSpec::choice("init", "auto", initChoices(),
                                "How the weights start; auto picks he_uniform for ReLU-like activations, "
                                "xavier_uniform otherwise. Biases start at zero."),
        };
        return s;
    }();
    return spec;
}

DenseLayer::DenseLayer(Settings settings)
    : Layer(std::move(settings)),
      units_(settings_.integer("units")),
      activation_(activationFromName(settings_.choice("activation"))),
      alpha_(defaultActivationAlpha(activation_)),
      useBias_(settings_.flag("use_bias"))
{
}

Shape DenseLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    // [N, C, H, W] is LayerLab's image layout: a Dense over each row's pixels is never what is meant.
    if (in.size() == 4)
        throw ShapeError("Dense expects [N, F] but got " + toString(in) + "; add a Flatten before it.");
    if (in.size() < 2)
        throw ShapeError("Dense expects [N, F] but got " + toString(in) +
                         "; give each sample at least one feature, for example with a Reshape to [1].");
    Shape out = in;  // [N, …, F] → [N, …, units]: the last axis, as PyTorch's nn.Linear
    out.back() = units_;
    return out;
}

std::vector<Shape> DenseLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    std::vector<Shape> shapes = {{units_, inputs[0].back()}};  // weight (units, F)
    if (useBias_)
        shapes.push_back({units_});  // bias (units)
    return shapes;
}

void DenseLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const Shape weightShape = parameterShapes(inputs).front();
    const int64_t features = weightShape[1];
    weight_ = {"weight", Tensor(weightShape), Tensor(weightShape), true};
    initialize(weight_.value, resolveInit(settings_.choice("init"), activation_), features, units_, rng);
    if (useBias_)
        bias_ = {"bias", Tensor({units_}), Tensor({units_}), false};
}

std::vector<Parameter *> DenseLayer::parameters()
{
    if (useBias_)
        return {&weight_, &bias_};
    return {&weight_};
}

namespace {

// Everything before the last axis is rows: [N, …, cols] seen as a (rows, cols) matrix.
MatrixMap denseRows(Tensor &t, int64_t cols) { return {t.data(), t.size() / cols, cols}; }
ConstMatrixMap denseRows(const Tensor &t, int64_t cols) { return {t.data(), t.size() / cols, cols}; }

} // namespace

void DenseLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …, F)
    const int64_t features = weight_.value.dim(1);
    assert(x.rank() >= 2 && x.shape().back() == features);
    out.resize(inferShape({x.shape()}));  // (N, …, units)
    // z = x·Wᵀ goes straight into `out` and is finished in place, unless backward needs z (GELU),
    // which then stays in the call's saved slot 0.
    Tensor &z = activationBackwardNeedsInput(activation_) ? saved.slot(0) : out;  // (N, …, units)
    z.resize(out.shape());
    chunkedProduct(denseRows(z, units_), denseRows(x, features), std::as_const(weight_.value).matrix().transpose(),
                   Write::Assign);
    if (useBias_ || activation_ != Activation::Linear)
        finishForward(z, out);
}

// out = f(z + b) over row chunks; z may be out itself.
void DenseLayer::finishForward(Tensor &z, Tensor &out) const
{
    const int64_t rows = out.size() / units_;
    const double flops = 20.0 * double(out.size());
    parallelChunks(rows, elementwiseRows(units_), flops, [&](int64_t begin, int64_t end) {
        MatrixMap zs(z.data() + begin * units_, end - begin, units_);
        if (useBias_)
            zs.rowwise() += ConstRowVectorMap(bias_.value.data(), units_);
        activationForward(out.data() + begin * units_, zs.data(), end - begin, units_, activation_, alpha_);
    });
}

// dZ = f'(z) ⊙ dY over row chunks, into the call's saved slot 1 (N, …, units).
const Tensor &DenseLayer::preActivationGrad(const Tensor &out, const Tensor &dOut, Saved &saved) const
{
    Tensor &dz = saved.slot(1);
    dz.resize(out.shape());
    const float *z = activationBackwardNeedsInput(activation_) ? saved.slot(0).data() : nullptr;
    const double flops = 20.0 * double(out.size());
    parallelChunks(out.size() / units_, elementwiseRows(units_), flops, [&](int64_t begin, int64_t end) {
        const int64_t offset = begin * units_;
        activationBackward(dz.data() + offset, dOut.data() + offset, out.data() + offset,
                           z ? z + offset : nullptr, end - begin, units_, activation_, alpha_, GradientWrite::Assign);
    });
    return dz;
}

void DenseLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                          Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …, F)
    Tensor *dx = dInputs[0];       // (N, …, F) or nullptr: the input needs no gradient
    assert(dOut.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    const int64_t features = weight_.value.dim(1);
    const Tensor &dz = activation_ == Activation::Linear ? dOut : preActivationGrad(out, dOut, saved);  // (N, …, units)
    const ConstMatrixMap dzRows = denseRows(dz, units_);
    // dW += dZᵀ·X, db += Σ dZ over rows, dX += dZ·W; each chunk owns its block of the result.
    if (!weight_.frozen)
        chunkedProduct(weight_.grad.matrix(), dzRows.transpose(), denseRows(x, features), Write::Add);
    if (useBias_ && !bias_.frozen)
        bias_.grad.vector() += dzRows.colwise().sum().transpose();
    if (dx)
        chunkedProduct(denseRows(*dx, features), dzRows, std::as_const(weight_.value).matrix(), Write::Add);
}

} // namespace nn
