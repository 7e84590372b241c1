// Learning-rate schedules in closed form; PyTorch's recursive updates give the same rates.
#include "schedule.h"

#include "error.h"

#include <cmath>
#include <numbers>

namespace nn {

double learningRateAt(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs)
{
    if (schedule.kind == "constant")
        return baseRate;
    if (schedule.kind == "step") {
        if (schedule.stepSize < 1)
            throw SettingError("The step schedule's step size must be at least 1 epoch, got " +
                               std::to_string(schedule.stepSize) + ".");
        return baseRate * std::pow(schedule.gamma, epoch / schedule.stepSize);
    }
    if (schedule.kind == "cosine") {
        if (epochs < 1)
            throw SettingError("The cosine schedule needs at least 1 epoch, got " + std::to_string(epochs) + ".");
        const double minimum = schedule.minLearningRate;
        return minimum + (baseRate - minimum) * (1.0 + std::cos(std::numbers::pi * epoch / epochs)) / 2.0;
    }
    throw SettingError("Unknown learning-rate schedule '" + schedule.kind +
                       "'; the known ones are: constant, step, cosine.");
}

} // namespace nn
