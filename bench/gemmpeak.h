// The ceiling for training speed: Eigen's single-thread float matrix product in GFLOP/s, on a
// square product and on the exact products a Dense layer runs for a batch, and the FLOP count
// of one training sample of a dense network.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bench {

// One matrix product C(m×n) = A(m×k)·B(k×n), as a Dense layer writes it.
struct GemmCase {
    std::string name;  // "dense1 forward x·Wᵀ 64×784·784×256"
    int64_t m, k, n;
    enum class Form { Plain, TransposedRight, TransposedLeft } form;
    double gflops = 0.0;  // measured
};

// A Dense layer's weight matrix (units × features), in the order the network runs them.
using DenseShape = std::pair<int64_t, int64_t>;

// The products of one training batch of a chain of Dense layers: per layer the forward
// x·Wᵀ, the weight gradient dZᵀ·x and (except for the first layer, whose input needs no
// gradient) the input gradient dZ·W.
std::vector<GemmCase> trainingGemms(const std::vector<DenseShape> &layers, int64_t batch);

// Measures every case on the calling thread (median of several timed runs of ≥ 20 ms each).
void measure(std::vector<GemmCase> &cases);

// FLOPs of forward + backward per sample for the chain: 2·Σ units·F for each of forward,
// weight gradients and input gradients, less the first layer's input gradient.
double trainingFlopsPerSample(const std::vector<DenseShape> &layers);

// Seconds per batch if the batch did nothing but these products at their measured speeds.
double gemmSecondsPerBatch(const std::vector<GemmCase> &cases);

} // namespace bench
