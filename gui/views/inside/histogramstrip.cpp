// The heat map of histograms: each bin's count spread evenly over the rows its interval overlaps.
#include "views/inside/histogramstrip.h"

#include <QColor>

#include <algorithm>
#include <cmath>
#include <limits>

namespace histogramstrip {

std::pair<double, double> valueRange(const std::vector<NeuronHistory::Column> &columns)
{
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const NeuronHistory::Column &column : columns)
        if (std::isfinite(column.activation.low) && std::isfinite(column.activation.high)) {
            low = std::min(low, double(column.activation.low));
            high = std::max(high, double(column.activation.high));
        }
    if (!(low <= high))
        return {0.0, 1.0};
    if (high - low < 1e-9)  // one value: a band around it
        return {low - 0.5, high + 0.5};
    return {low, high};
}

QColor shade(double t)
{
    const double s = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(1.0 - s * (1.0 - 0.03)), float(1.0 - s * (1.0 - 0.19)), float(1.0 - s * (1.0 - 0.42)));
}

namespace {

// Rows' shares of one column's values, row 0 the highest.
std::vector<double> columnDensity(const nn::ActivationSummary &a, double low, double high, int rows)
{
    std::vector<double> density(size_t(rows), 0.0);
    const double rowHeight = (high - low) / rows, binWidth = (double(a.high) - double(a.low)) / nn::ActivationSummary::kBins;
    const auto rowOf = [&](double value) { return std::clamp(int((high - value) / rowHeight), 0, rows - 1); };
    for (int b = 0; b < nn::ActivationSummary::kBins; ++b) {
        const auto count = double(a.histogram[size_t(b)]);
        if (count == 0.0)
            continue;
        const double from = a.low + b * binWidth, to = from + binWidth;
        const int top = rowOf(to), bottom = rowOf(from);
        for (int r = top; r <= bottom; ++r) {
            const double rowHigh = high - r * rowHeight, rowLow = rowHigh - rowHeight;
            const double overlap = binWidth > 0.0 ? std::max(0.0, std::min(to, rowHigh) - std::max(from, rowLow)) / binWidth
                                                  : 1.0 / (bottom - top + 1);
            density[size_t(r)] += count * (top == bottom ? 1.0 : overlap);
        }
    }
    return density;
}

} // namespace

QImage render(const std::vector<NeuronHistory::Column> &columns, int rows)
{
    QImage image(std::max<int>(1, int(columns.size())), rows, QImage::Format_RGB32);
    image.fill(Qt::white);
    const auto [low, high] = valueRange(columns);
    for (size_t x = 0; x < columns.size(); ++x) {
        const std::vector<double> density = columnDensity(columns[x].activation, low, high, rows);
        const double densest = *std::max_element(density.begin(), density.end());
        if (densest <= 0.0)
            continue;
        for (int y = 0; y < rows; ++y)
            image.setPixelColor(int(x), y, shade(density[size_t(y)] / densest));
    }
    return image;
}

} // namespace histogramstrip
