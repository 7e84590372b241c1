// AdversarialLoss: the losses a GAN can train with, on the discriminator's raw outputs [N, 1]
// (logits for minimax and non-saturating, scores for least-squares and Wasserstein).
#pragma once

#include "loss.h"
#include "tensor.h"

#include <memory>
#include <string>

namespace nn {

// With D's raw output d and s the label smoothing (real targets 1 − s):
//   minimax:        D: BCE(d_real, 1 − s) + BCE(d_fake, 0)     G: −BCE(d_fake, 0) = mean log(1 − σ(d_fake))
//   non-saturating: D: as minimax                              G: BCE(d_fake, 1)
//   least-squares:  D: MSE(d_real, 1 − s) + MSE(d_fake, 0)     G: MSE(d_fake, 1)          (LSGAN, a=0 b=c=1)
//   wasserstein-gp: D: mean d_fake − mean d_real (+ penalty)   G: −mean d_fake
class AdversarialLoss {
public:
    AdversarialLoss(std::string kind, double labelSmoothing);
    ~AdversarialLoss();

    // D's loss on outputs `d` for a batch of real (or generated) samples; dOut = ∂loss/∂d.
    double discriminator(const Tensor &d, bool real, Tensor &dOut) const;
    // G's loss on D's outputs for generated samples; dOut = ∂loss/∂d.
    double generator(const Tensor &d, Tensor &dOut) const;
    // D's mean verdict: the mean probability σ(d) for the cross-entropy losses, the mean score otherwise.
    double meanVerdict(const Tensor &d) const;
    bool wasserstein() const { return kind_ == "wasserstein-gp"; }
    const std::string &kind() const { return kind_; }

private:
    // The mean of `d` and its gradient 1/N, times `sign`.
    static double signedMean(const Tensor &d, float sign, Tensor &dOut);
    double against(const Tensor &d, float target, Tensor &dOut) const;

    std::string kind_;
    double labelSmoothing_;
    std::unique_ptr<Loss> base_;  // BinaryCrossEntropy or MSE
    mutable Tensor targets_;
};

} // namespace nn
