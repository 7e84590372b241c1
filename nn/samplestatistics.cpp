// Spread and energy distance of sample sets, with Eigen rows; pairs summed in a fixed order.
#include "samplestatistics.h"

#include <Eigen/Core>

namespace nn {

namespace {

using SampleRows = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

SampleRows rowsOf(const Tensor &x)
{
    const int64_t n = x.rank() == 0 ? 0 : x.dim(0);
    return SampleRows(x.data(), n, n == 0 ? 0 : x.size() / n);
}

// The mean Euclidean distance over all pairs (i from a, j from b), i = j included.
double meanDistance(const SampleRows &a, const SampleRows &b)
{
    double sum = 0.0;
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        sum += (b.rowwise() - a.row(i)).rowwise().norm().cast<double>().sum();
    return sum / static_cast<double>(std::max<Eigen::Index>(a.rows() * b.rows(), 1));
}

} // namespace

double meanFeatureStd(const Tensor &x)
{
    const SampleRows rows = rowsOf(x);
    if (rows.rows() < 2)
        return 0.0;
    const Eigen::MatrixXd values = rows.cast<double>();
    const Eigen::RowVectorXd mean = values.colwise().mean();
    const Eigen::RowVectorXd variance = (values.rowwise() - mean).array().square().colwise().sum() / double(rows.rows() - 1);
    return variance.array().sqrt().mean();
}

double energyDistance(const Tensor &a, const Tensor &b)
{
    const SampleRows x = rowsOf(a), y = rowsOf(b);
    return 2.0 * meanDistance(x, y) - meanDistance(x, x) - meanDistance(y, y);
}

} // namespace nn
