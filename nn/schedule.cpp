// Learning-rate schedules in closed form; PyTorch's recursive updates give the same rates.
#include "schedule.h"

#include "error.h"
#include "jsontext.h"

#include <cmath>
#include <numbers>

namespace nn {

namespace {

double constantRate(const ScheduleConfig &, double baseRate, int, int)
{
    return baseRate;
}

double stepRate(const ScheduleConfig &schedule, double baseRate, int epoch, int)
{
    if (schedule.stepSize < 1)
        throw SettingError("The step schedule's step size must be at least 1 epoch, got " +
                           std::to_string(schedule.stepSize) + ".");
    return baseRate * std::pow(schedule.gamma, epoch / schedule.stepSize);
}

double cosineRate(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs)
{
    if (epochs < 1)
        throw SettingError("The cosine schedule needs at least 1 epoch, got " + std::to_string(epochs) + ".");
    const double minimum = schedule.minLearningRate;
    return minimum + (baseRate - minimum) * (1.0 + std::cos(std::numbers::pi * epoch / epochs)) / 2.0;
}

} // namespace

const std::vector<ScheduleKind> &scheduleKinds()
{
    static const std::vector<ScheduleKind> kinds{
        {"constant", "Constant", {}, constantRate},
        {"step", "Step decay", {"schedule.step_size", "schedule.gamma"}, stepRate},
        {"cosine", "Cosine", {"schedule.min_lr"}, cosineRate},
    };
    return kinds;
}

std::vector<std::string> scheduleNames()
{
    std::vector<std::string> names;
    for (const ScheduleKind &kind : scheduleKinds())
        names.push_back(kind.name);
    return names;
}

const ScheduleKind *findScheduleKind(const std::string &name)
{
    for (const ScheduleKind &kind : scheduleKinds())
        if (kind.name == name)
            return &kind;
    return nullptr;
}

double learningRateAt(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs)
{
    if (const ScheduleKind *kind = findScheduleKind(schedule.kind))
        return kind->rate(schedule, baseRate, epoch, epochs);
    throw SettingError("Unknown learning-rate schedule '" + schedule.kind + "'; the known ones are: " +
                       joined(scheduleNames()) + ".");
}

} // namespace nn
