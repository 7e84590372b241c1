// The ceiling for training speed: Eigen's single-thread float matrix product in GFLOP/s, on a
// square product and on the exact products the layers of a network run for a batch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// One matrix product C(m×n) = A(m×k)·B(k×n), as a layer writes it, run `count` times per batch.
struct GemmCase {
    std::string name;  // "dense1 forward x·Wᵀ 64×784·784×256"
    int64_t m, k, n;
    // Plain: A (m×k) · B (k×n); TransposedRight: A · Bᵀ with B stored (n×k); TransposedLeft: Aᵀ · B
    // with A stored (k×m).
    enum class Form { Plain, TransposedRight, TransposedLeft } form;
    int64_t count = 1;
    double gflops = 0.0;  // measured
};

// Measures every case on the calling thread (median of several timed runs of ≥ 20 ms each).
void measure(std::vector<GemmCase> &cases);

// Seconds per batch if the batch did nothing but these products at their measured speeds.
double gemmSecondsPerBatch(const std::vector<GemmCase> &cases);

} // namespace bench
