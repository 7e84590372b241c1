// Activation functions: their names, and forward/backward twins over a [rows, cols] block.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// The nonlinearities a layer can apply; Softmax normalises each row (the last dim).
enum class Activation { Linear, ReLU, LeakyReLU, ELU, GELU, Sigmoid, Tanh, Softmax };

// "linear", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softmax", in enum order.
const std::vector<std::string> &activationNames();
const std::string &activationName(Activation activation);
// Throws SettingError listing the known names.
Activation activationFromName(const std::string &name);

// The default `alpha` for each activation: LeakyReLU's slope 0.01 and ELU's alpha 1.0, as PyTorch.
float defaultActivationAlpha(Activation activation);
// True where backward needs the forward's input (GELU); every other backward reads the output.
bool activationBackwardNeedsInput(Activation activation);

// out = f(inp) over rows × cols floats (row-major). `out` may be `inp` (in place). `alpha` is the
// negative slope of LeakyReLU and the alpha of ELU; the others ignore it.
void activationForward(float *out, const float *inp, int64_t rows, int64_t cols, Activation activation,
                       float alpha);

// dinp += f'(inp) ⊙ dout (Softmax: its Jacobian applied row by row), or dinp = … with Assign. `out` is the forward's output;
// `inp` its input, read only for GELU (may be nullptr otherwise). `dinp` must not alias `dout`.
enum class GradientWrite { Add, Assign };
void activationBackward(float *dinp, const float *dout, const float *out, const float *inp, int64_t rows,
                        int64_t cols, Activation activation, float alpha, GradientWrite mode = GradientWrite::Add);

} // namespace nn
