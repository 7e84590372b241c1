// Tensor: the engine's one data type, float32, row-major, contiguous, batch first.
#pragma once

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace nn {

// A tensor shape. In shape inference dim 0 is the batch and may be kBatch ("N").
using Shape = std::vector<int64_t>;
inline constexpr int64_t kBatch = -1;
// The most values one sample may hold at any layer: 2^28 floats, 1 GB.
inline constexpr int64_t kMaxSampleValues = int64_t{1} << 28;

// "[N, 1, 28, 28]": how shapes appear in messages, with kBatch shown as N.
std::string toString(const Shape &shape);
// Product of the dims after the batch dim: the features per sample. Throws ShapeError when the
// product does not fit in 64 bits, as elementCount does.
int64_t featuresPerSample(const Shape &shape);

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;
using VectorMap = Eigen::Map<Eigen::VectorXf>;
using ConstVectorMap = Eigen::Map<const Eigen::VectorXf>;
using ArrayMap = Eigen::Map<Eigen::ArrayXf>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf>;

// Dense float32 storage with an N-d shape; buffers use Eigen's aligned allocator.
class Tensor {
public:
    Tensor() = default;
    explicit Tensor(Shape shape, float fill = 0.0f);
    Tensor(Shape shape, std::initializer_list<float> values);

    const Shape &shape() const { return shape_; }
    int rank() const { return static_cast<int>(shape_.size()); }
    int64_t dim(int i) const { return shape_[static_cast<size_t>(i)]; }
    int64_t size() const { return static_cast<int64_t>(data_.size()); }
    bool empty() const { return data_.empty(); }

    float *data() { return data_.data(); }
    const float *data() const { return data_.data(); }
    float &operator[](int64_t i) { return data_[static_cast<size_t>(i)]; }
    float operator[](int64_t i) const { return data_[static_cast<size_t>(i)]; }

    // Changes the shape; keeps the buffer (and its contents) when the size is unchanged.
    void resize(const Shape &shape);
    // Same data, new shape of equal size.
    void reshape(const Shape &shape);
    void setZero();
    void fill(float value);

    // [N, …, K] as a (rows, K) matrix: one row per position of the last axis, as nn.Linear and the
    // class scores of a sequence see it.
    MatrixMap lastAxisRows() { return {data(), size() / std::max<int64_t>(lastDim(), 1), lastDim()}; }
    ConstMatrixMap lastAxisRows() const { return {data(), size() / std::max<int64_t>(lastDim(), 1), lastDim()}; }
    int64_t lastDim() const { return shape_.empty() ? 1 : shape_.back(); }

    // Views: [dim0, rest] as a matrix, everything as a flat vector or array.
    MatrixMap matrix() { return {data(), rows(), cols()}; }
    ConstMatrixMap matrix() const { return {data(), rows(), cols()}; }
    MatrixMap matrix(int64_t rows, int64_t cols);
    ConstMatrixMap matrix(int64_t rows, int64_t cols) const;
    VectorMap vector() { return {data(), size()}; }
    ConstVectorMap vector() const { return {data(), size()}; }
    ArrayMap array() { return {data(), size()}; }
    ConstArrayMap array() const { return {data(), size()}; }

    bool allFinite() const;

private:
    int64_t rows() const { return shape_.empty() ? 1 : shape_[0]; }
    int64_t cols() const { return rows() == 0 ? 0 : size() / rows(); }

    Shape shape_;
    std::vector<float, Eigen::aligned_allocator<float>> data_;
};

int64_t elementCount(const Shape &shape);

} // namespace nn
