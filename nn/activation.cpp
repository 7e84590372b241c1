// Activation functions as Eigen array expressions; GELU is the exact erf form, PyTorch's default.
#include "activation.h"

#include "error.h"

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

#include <cassert>
#include <cmath>

namespace nn {

namespace {

using Flat = Eigen::Map<Eigen::ArrayXf>;
using ConstFlat = Eigen::Map<const Eigen::ArrayXf>;
using RowArray = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Rows = Eigen::Map<RowArray>;
using ConstRows = Eigen::Map<const RowArray>;

constexpr float kSqrtHalf = 0.70710678118654752f;     // 1/√2
constexpr float kInvSqrt2Pi = 0.39894228040143268f;   // 1/√(2π)

// Each row y = exp(x − max x) / Σ exp(x − max x); row by row so `out` may alias `inp`.
void softmaxForward(float *out, const float *inp, int64_t rows, int64_t cols)
{
    ConstRows x(inp, rows, cols);
    Rows y(out, rows, cols);
    for (int64_t r = 0; r < rows; ++r) {
        const float max = x.row(r).maxCoeff();
        y.row(r) = (x.row(r) - max).exp();
        y.row(r) /= y.row(r).sum();
    }
}

// dx = y ⊙ (dy − Σ dy ⊙ y), the softmax Jacobian yᵢ(δᵢⱼ − yⱼ) applied to dy, row by row.
void softmaxBackward(float *dinp, const float *dout, const float *out, int64_t rows, int64_t cols)
{
    ConstRows dy(dout, rows, cols);
    ConstRows y(out, rows, cols);
    Rows dx(dinp, rows, cols);
    for (int64_t r = 0; r < rows; ++r) {
        const float dot = (dy.row(r) * y.row(r)).sum();
        dx.row(r) += y.row(r) * (dy.row(r) - dot);
    }
}

} // namespace

const std::vector<std::string> &activationNames()
{
    static const std::vector<std::string> names{"linear", "relu",    "leaky_relu", "elu",
                                                "gelu",   "sigmoid", "tanh",       "softmax"};
    return names;
}

const std::string &activationName(Activation activation)
{
    return activationNames()[static_cast<size_t>(activation)];
}

Activation activationFromName(const std::string &name)
{
    const auto &names = activationNames();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<Activation>(i);
    std::string known;
    for (const auto &n : names)
        known += (known.empty() ? "" : ", ") + n;
    throw SettingError("Unknown activation '" + name + "'; choose one of: " + known + ".");
}

float defaultActivationAlpha(Activation activation)
{
    switch (activation) {
    case Activation::LeakyReLU: return 0.01f;
    case Activation::ELU: return 1.0f;
    default: return 0.0f;
    }
}

bool activationBackwardNeedsInput(Activation activation)
{
    return activation == Activation::GELU;
}

void activationForward(float *out, const float *inp, int64_t rows, int64_t cols, Activation activation,
                       float alpha)
{
    const int64_t n = rows * cols;
    ConstFlat x(inp, n);
    Flat y(out, n);
    switch (activation) {
    case Activation::Linear:
        if (out != inp)
            y = x;
        break;
    case Activation::ReLU: y = x.max(0.0f); break;
    case Activation::LeakyReLU: y = (x > 0.0f).select(x, alpha * x); break;
    case Activation::ELU: y = (x > 0.0f).select(x, alpha * x.expm1()); break;
    case Activation::GELU: y = 0.5f * x * (1.0f + (x * kSqrtHalf).erf()); break;  // x·Φ(x)
    case Activation::Sigmoid: y = x.logistic(); break;
    case Activation::Tanh: y = x.tanh(); break;
    case Activation::Softmax: softmaxForward(out, inp, rows, cols); break;
    }
}

namespace {

// dx = e or dx += e.
template <typename Expression>
void write(Flat &dx, const Expression &e, bool assign)
{
    if (assign)
        dx = e;
    else
        dx += e;
}

} // namespace

void activationBackward(float *dinp, const float *dout, const float *out, const float *inp, int64_t rows,
                        int64_t cols, Activation activation, float alpha, GradientWrite mode)
{
    assert(dinp != dout);
    const int64_t n = rows * cols;
    const bool assign = mode == GradientWrite::Assign;
    ConstFlat dy(dout, n);
    ConstFlat y(out, n);
    Flat dx(dinp, n);
    switch (activation) {
    case Activation::Linear: write(dx, dy, assign); break;
    case Activation::ReLU: write(dx, (y > 0.0f).select(dy, 0.0f), assign); break;
    case Activation::LeakyReLU: write(dx, (y > 0.0f).select(dy, alpha * dy), assign); break;
    case Activation::ELU: write(dx, (y > 0.0f).select(dy, dy * (y + alpha)), assign); break;  // y + α = α·eˣ for x ≤ 0
    case Activation::GELU: {
        assert(inp);
        ConstFlat x(inp, n);
        // d/dx x·Φ(x) = Φ(x) + x·φ(x)
        write(dx, dy * (0.5f * (1.0f + (x * kSqrtHalf).erf()) + x * kInvSqrt2Pi * (-0.5f * x.square()).exp()),
              assign);
        break;
    }
    case Activation::Sigmoid: write(dx, dy * y * (1.0f - y), assign); break;
    case Activation::Tanh: write(dx, dy * (1.0f - y.square()), assign); break;
    case Activation::Softmax:
        if (assign)
            dx.setZero();
        softmaxBackward(dinp, dout, out, rows, cols);
        break;
    }
}

} // namespace nn
