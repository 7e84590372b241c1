// Weight initializers with PyTorch's formulas (torch.nn.init), drawn from a keyed Rng.
#pragma once

#include "activation.h"
#include "random.h"
#include "tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// How a weight tensor starts. He (Kaiming) suits ReLU-like activations, Xavier (Glorot) the rest.
enum class Init { HeUniform, HeNormal, XavierUniform, XavierNormal, Zeros, Normal };

// "he_uniform", "he_normal", "xavier_uniform", "xavier_normal", "zeros", "normal", in enum order.
const std::vector<std::string> &initNames();
// The choices a layer's `init` setting offers: "auto" followed by initNames().
const std::vector<std::string> &initChoices();
// Throws SettingError listing the known names; "auto" is not one (see resolveInit).
Init initFromName(const std::string &name);
// "auto" → he_uniform for relu, leaky_relu, elu and gelu, xavier_uniform otherwise; other names as named.
Init resolveInit(const std::string &choice, Activation activation);

// Fills `weight` in place. fanIn and fanOut as PyTorch counts them: for a weight [out, in, k…],
// fanIn = in·k…, fanOut = out·k…
//   he_uniform      U(−b, b), b = √2 · √(3 / fanIn)         (kaiming_uniform_, nonlinearity="relu")
//   he_normal       N(0, σ²), σ = √2 / √fanIn               (kaiming_normal_)
//   xavier_uniform  U(−b, b), b = √(6 / (fanIn + fanOut))   (xavier_uniform_)
//   xavier_normal   N(0, σ²), σ = √(2 / (fanIn + fanOut))   (xavier_normal_)
//   normal          N(0, 1), whatever the fans                (normal_): far too large for a layer wider
//                   than a few units; the exploding-gradients example starts from it
void initialize(Tensor &weight, Init init, int64_t fanIn, int64_t fanOut, Rng &rng);

} // namespace nn
