// Classic functions: the 2-D test functions optimizers are raced on (Rosenbrock, Beale, a saddle, a
// narrow valley), and ClassicDescent, which moves a point downhill with a real nn::Optimizer.
#pragma once

#include "racesetting.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace nn {

using Point2 = std::array<double, 2>;

// One test function: its value and gradient, the part of the plane worth drawing, where a race
// starts, and the settings that show its point.
struct ClassicFunction {
    std::string name;     // "rosenbrock", "beale", "saddle", "valley"
    std::string title;    // "Rosenbrock"
    std::string formula;  // "f = (1 − x)² + 100·(y − x²)²"
    std::string lesson;   // one sentence: what racing on it shows
    double minX, maxX, minY, maxY;
    Point2 start;
    Point2 minimum;  // where the minimum lies (the saddle's is its saddle point)
    double (*value)(double x, double y);
    Point2 (*gradient)(double x, double y);
    std::vector<RaceSetting> suggested;  // four settings, each rate chosen to finish within its steps
    int steps = 300;
};

const std::vector<ClassicFunction> &classicFunctions();
// The function called `name`; throws SettingError listing the names.
const ClassicFunction &classicFunction(const std::string &name);

// A point on a classic function moved by one optimizer: the point is a 2-element parameter, the
// function's gradient its grad, and each step is the optimizer's own step() (nn/optimizers).
// Weight decay does not apply to it (the point is not a network weight): AdamW moves as Adam here.
class ClassicDescent {
public:
    ClassicDescent(const ClassicFunction &function, const RaceSetting &setting);
    ~ClassicDescent();

    // One step; does nothing once the point has left the plane far behind or turned non-finite.
    void step();
    bool stopped() const { return stopped_; }
    const std::vector<Point2> &path() const { return path_; }  // start, then after each step
    double value() const;

private:
    const ClassicFunction &function_;
    std::unique_ptr<Optimizer> optimizer_;
    Parameter point_;
    std::vector<Point2> path_;
    bool stopped_ = false;
};

} // namespace nn
