// Eigen GEMM speed on the calling thread, on row-major matrices as the layers store their operands.
#include "gemmpeak.h"

#include "nn/tensor.h"

#include <algorithm>
#include <chrono>

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kMinRunSeconds = 0.02;
constexpr int kRuns = 7;

// One run of the product; returns a value that depends on the result so it cannot be skipped.
float runOnce(GemmCase::Form form, const nn::RowMatrix &a, const nn::RowMatrix &b, nn::RowMatrix &c)
{
    switch (form) {
    case GemmCase::Form::Plain:
        c.noalias() += a * b;
        break;
    case GemmCase::Form::TransposedRight:
        c.noalias() = a * b.transpose();
        break;
    case GemmCase::Form::TransposedLeft:
        c.noalias() += a.transpose() * b;
        break;
    }
    return c(0, 0);
}

double measureOne(const GemmCase &gemm)
{
    const bool rightT = gemm.form == GemmCase::Form::TransposedRight;
    const bool leftT = gemm.form == GemmCase::Form::TransposedLeft;
    const nn::RowMatrix a = leftT ? nn::RowMatrix::Random(gemm.k, gemm.m) : nn::RowMatrix::Random(gemm.m, gemm.k);
    const nn::RowMatrix b = rightT ? nn::RowMatrix::Random(gemm.n, gemm.k) : nn::RowMatrix::Random(gemm.k, gemm.n);
    nn::RowMatrix c = nn::RowMatrix::Zero(gemm.m, gemm.n);
    const double flops = 2.0 * double(gemm.m) * double(gemm.k) * double(gemm.n);

    volatile float sink = 0.0f;
    int64_t reps = 1;
    for (;;) {  // grow the repetitions until one run lasts long enough to time
        const auto start = Clock::now();
        for (int64_t r = 0; r < reps; ++r)
            sink = sink + runOnce(gemm.form, a, b, c);
        if (std::chrono::duration<double>(Clock::now() - start).count() >= kMinRunSeconds)
            break;
        reps *= 2;
    }
    std::vector<double> rates;
    for (int run = 0; run < kRuns; ++run) {
        c.setZero();
        const auto start = Clock::now();
        for (int64_t r = 0; r < reps; ++r)
            sink = sink + runOnce(gemm.form, a, b, c);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        rates.push_back(flops * double(reps) / seconds / 1e9);
    }
    std::nth_element(rates.begin(), rates.begin() + kRuns / 2, rates.end());
    return rates[kRuns / 2];
}

} // namespace

void measure(std::vector<GemmCase> &cases)
{
    for (auto &gemm : cases)
        gemm.gflops = measureOne(gemm);
}

double gemmSecondsPerBatch(const std::vector<GemmCase> &cases)
{
    double seconds = 0.0;
    for (const auto &gemm : cases)
        seconds += 2.0 * double(gemm.m) * double(gemm.k) * double(gemm.n) * double(gemm.count) / (gemm.gflops * 1e9);
    return seconds;
}

} // namespace bench
