// Classic functions: their formulas, gradients and the views and settings that show their point.
#include "classicfunctions.h"

#include "error.h"

#include <cmath>

namespace nn {

namespace {

double rosenbrock(double x, double y) { return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x); }
Point2 rosenbrockGradient(double x, double y) { return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)}; }

// Beale: three squared terms tᵢ = cᵢ − x + x·yⁱ, c = 1.5, 2.25, 2.625.
double beale(double x, double y)
{
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
}
Point2 bealeGradient(double x, double y)
{
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
    return {2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
            2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y * y};
}

double saddle(double x, double y) { return x * x - y * y; }
Point2 saddleGradient(double x, double y) { return {2 * x, -2 * y}; }

// A valley 100 times steeper across (y) than along (x).
double valley(double x, double y) { return 0.05 * x * x + 5 * y * y; }
Point2 valleyGradient(double x, double y) { return {0.1 * x, 10 * y}; }

RaceSetting setting(const std::string &preset, double rate)
{
    RaceSetting result;
    result.preset = preset;
    result.learningRate = rate;
    return result;
}

} // namespace

const std::vector<ClassicFunction> &classicFunctions()
{
    static const std::vector<ClassicFunction> functions = {
        {"rosenbrock", "Rosenbrock", "f = (1 − x)² + 100·(y − x²)²",
         "A curved, flat-bottomed valley: every optimizer finds the valley fast, then crawls along it to (1, 1).",
         -2.0, 2.0, -1.0, 3.0, {-1.5, 2.0}, {1.0, 1.0}, rosenbrock, rosenbrockGradient,
         {setting("sgd", 0.0005), setting("momentum", 0.0005), setting("rmsprop", 0.01), setting("adam", 0.05)}, 1000},
        {"beale", "Beale", "f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
         "Plateaus and steep walls: gradients differ by orders of magnitude, which per-weight step sizes absorb.",
         -4.5, 4.5, -4.5, 4.5, {1.0, 1.5}, {3.0, 0.5}, beale, bealeGradient,
         {setting("sgd", 0.001), setting("momentum", 0.001), setting("rmsprop", 0.01), setting("adam", 0.05)}, 400},
        {"saddle", "Saddle", "f = x² − y²",
         "A saddle point: started almost on the ridge, plain SGD stalls near (0, 0) while adaptive steps escape.",
         -1.5, 1.5, -1.5, 1.5, {-1.4, 0.001}, {0.0, 0.0}, saddle, saddleGradient,
         {setting("sgd", 0.05), setting("momentum", 0.05), setting("rmsprop", 0.05), setting("adam", 0.05)}, 200},
        {"valley", "Narrow valley", "f = 0.05·x² + 5·y²",
         "A narrow valley: SGD zig-zags across it and crawls along it; momentum and Adam go along the floor.",
         -6.0, 6.0, -3.0, 3.0, {-5.5, 2.0}, {0.0, 0.0}, valley, valleyGradient,
         {setting("sgd", 0.19), setting("momentum", 0.05), setting("rmsprop", 0.1), setting("adam", 0.3)}, 200},
    };
    return functions;
}

const ClassicFunction &classicFunction(const std::string &name)
{
    std::string names;
    for (const ClassicFunction &function : classicFunctions()) {
        if (function.name == name)
            return function;
        names += (names.empty() ? "" : ", ") + function.name;
    }
    throw SettingError("There is no classic function '" + name + "'; choose one of: " + names + ".");
}

ClassicDescent::ClassicDescent(const ClassicFunction &function, const RaceSetting &setting)
    : function_(function), optimizer_(setting.makeOptimizer()),
      point_{"point", Tensor({2}, {float(function.start[0]), float(function.start[1])}), Tensor({2}), false, false}
{
    path_.push_back({point_.value[0], point_.value[1]});
}

ClassicDescent::~ClassicDescent() = default;

void ClassicDescent::step()
{
    if (stopped_)
        return;
    const Point2 gradient = function_.gradient(point_.value[0], point_.value[1]);
    point_.grad[0] = float(gradient[0]);
    point_.grad[1] = float(gradient[1]);
    optimizer_->step({&point_});
    const Point2 at = {point_.value[0], point_.value[1]};
    path_.push_back(at);
    // Far outside the view (twice its size around it) a point has escaped for good.
    const double width = function_.maxX - function_.minX, height = function_.maxY - function_.minY;
    if (!std::isfinite(at[0]) || !std::isfinite(at[1]) || at[0] < function_.minX - width ||
        at[0] > function_.maxX + width || at[1] < function_.minY - height || at[1] > function_.maxY + height)
        stopped_ = true;
}

double ClassicDescent::value() const { return function_.value(path_.back()[0], path_.back()[1]); }

} // namespace nn
