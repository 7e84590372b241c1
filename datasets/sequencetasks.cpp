// SequenceTasks: one generator per task, one random stream per sample.
#include "sequencetasks.h"

#include "vocabulary.h"

#include "nn/error.h"
#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace datasets {

namespace {

struct Task {
    const char *name;
    int64_t length;
    const char *description;
};

constexpr Task kTasks[] = {
    {"sines", 50, "Sines: forecast a noisy sum of three sine waves from its last T values (regression)"},
    {"adding", 50, "Adding problem: add the two marked values of a long sequence (Hochreiter & Schmidhuber; regression)"},
    {"copy", 10, "Copy: repeat a sequence of 8 symbols, one class per step"},
    {"reverse", 10, "Reverse: write a sequence of 8 symbols backwards, one class per step"},
};

const Task *findTask(const std::string &name)
{
    const auto *it = std::find_if(std::begin(kTasks), std::end(kTasks), [&](const Task &task) { return task.name == name; });
    return it == std::end(kTasks) ? nullptr : it;
}

// Sample i's series: Σ a·sin(2π·t/period + phase) over three waves, plus noise, for t < steps.
void sines(nn::Rng &rng, double noise, int64_t steps, float *out)
{
    float amplitude[3], period[3], phase[3];
    for (int k = 0; k < 3; ++k) {
        amplitude[k] = rng.uniform(0.3f, 1.0f);
        period[k] = rng.uniform(8.0f, 40.0f);
        phase[k] = rng.uniform(0.0f, 2.0f * std::numbers::pi_v<float>);
    }
    for (int64_t t = 0; t < steps; ++t) {
        float value = 0.0f;
        for (int k = 0; k < 3; ++k)
            value += amplitude[k] * std::sin(2.0f * std::numbers::pi_v<float> * static_cast<float>(t) / period[k] + phase[k]);
        out[t] = value + static_cast<float>(noise) * rng.normal();
    }
}

// [T, 2] of (value, marker) pairs and their marked sum.
float adding(nn::Rng &rng, int64_t length, float *out)
{
    const auto half = static_cast<uint64_t>(length / 2);
    const int64_t first = static_cast<int64_t>(rng.below(half));
    const int64_t second = static_cast<int64_t>(half + rng.below(static_cast<uint64_t>(length) - half));
    float sum = 0.0f;
    for (int64_t t = 0; t < length; ++t) {
        out[2 * t] = rng.uniform();
        out[2 * t + 1] = t == first || t == second ? 1.0f : 0.0f;
        sum += out[2 * t] * out[2 * t + 1];
    }
    return sum;
}

void setShapes(Samples<float> &samples, DataInfo &info, nn::Shape sample, nn::Shape target)
{
    samples.sampleShape = info.sampleShape = std::move(sample);
    samples.targetShape = std::move(target);
    samples.inputs.resize(static_cast<size_t>(samples.count * samples.features()));
    samples.targets.resize(static_cast<size_t>(samples.count * samples.targetWidth()));
}

// One sample of a task: x [T, …] and y [targetWidth], from its own stream.
void fillSample(const std::string &name, const nn::DataSpec &spec, nn::Rng &rng, float *x, float *y)
{
    const int64_t length = spec.sequenceLength > 0 ? spec.sequenceLength : SequenceTasks::defaultLength(name);
    if (name == "sines") {
        std::vector<float> series(static_cast<size_t>(length + spec.horizon));
        sines(rng, spec.noise, length + spec.horizon, series.data());
        std::copy_n(series.data(), length, x);
        std::copy_n(series.data() + length, spec.horizon, y);
    } else if (name == "adding") {
        y[0] = adding(rng, length, x);
    } else {
        for (int64_t t = 0; t < length; ++t)
            x[t] = static_cast<float>(2 + rng.below(SequenceTasks::kSymbols));
        std::copy_n(x, length, y);
        if (name == "reverse")
            std::reverse(y, y + length);
    }
}

// The classes of copy and reverse (their symbols, after <pad> and <unk>), or the names of the
// values the regression tasks predict.
void describeTargets(const std::string &name, int64_t width, RawData<float> &raw)
{
    DataInfo &info = raw.info;
    if (name == "copy" || name == "reverse") {
        info.vocabulary = {Vocabulary::kPadToken, Vocabulary::kUnknownToken};
        for (char symbol = 'a'; symbol < 'a' + SequenceTasks::kSymbols; ++symbol)
            info.vocabulary.emplace_back(1, symbol);
        info.tokens = "characters";
        info.classNames = info.vocabulary;
        info.numClasses = static_cast<int>(info.vocabulary.size());
        raw.tokenIds = true;
        return;
    }
    info.classification = false;
    info.numClasses = 0;
    for (int64_t h = 0; h < width; ++h)
        info.targetNames.push_back(name == "adding" ? "sum" : "t+" + std::to_string(h + 1));
}

} // namespace

std::vector<std::string> SequenceTasks::names()
{
    std::vector<std::string> names;
    for (const Task &task : kTasks)
        names.emplace_back(task.name);
    return names;
}

bool SequenceTasks::contains(const std::string &name)
{
    return findTask(name) != nullptr;
}

int64_t SequenceTasks::defaultLength(const std::string &name)
{
    return findTask(name)->length;
}

std::string SequenceTasks::describe(const std::string &name)
{
    const Task *task = findTask(name);
    return task ? task->description : "";
}

RawData<float> SequenceTasks::generate(const std::string &name, const nn::DataSpec &spec, uint64_t seed)
{
    const int64_t length = spec.sequenceLength > 0 ? spec.sequenceLength : defaultLength(name);
    if (length < 2)
        throw nn::SettingError("The " + name + " task needs a sequence_length of at least 2.");
    if (spec.samples > kMaxValues / (2 * (length + spec.horizon)))
        throw nn::SettingError(std::to_string(spec.samples) + " samples of " + std::to_string(length) +
                               " steps are more than memory should hold; lower samples or sequence_length.");
    auto samples = std::make_shared<Samples<float>>();
    samples->count = spec.samples;
    RawData<float> raw;
    raw.info.name = name;
    raw.info.description = describe(name) + ", " + std::to_string(spec.samples) + " samples, T = " + std::to_string(length);
    raw.info.sequenceLength = length;
    raw.autoScaling = AutoScaling::None;
    if (name == "sines")
        setShapes(*samples, raw.info, {length, 1}, {spec.horizon});
    else if (name == "adding")
        setShapes(*samples, raw.info, {length, 2}, {1});
    else
        setShapes(*samples, raw.info, {length}, {length});
    for (int64_t i = 0; i < samples->count; ++i) {
        nn::Rng rng = nn::Rng::keyed(seed, "data/" + name, static_cast<uint64_t>(i));
        fillSample(name, spec, rng, samples->inputs.data() + i * samples->features(), samples->targets.data() + i * samples->targetWidth());
    }
    describeTargets(name, samples->targetWidth(), raw);
    raw.samples = std::move(samples);
    return raw;
}

} // namespace datasets
