// Experiment: project + data + model, and where the bundled examples live.
#include "experiment.h"

#include "datalocator.h"
#include "nn/adversarialstep.h"
#include "nn/gangraph.h"
#include "nn/error.h"
#include "nn/loss.h"
#include "nn/registry.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace datasets {

namespace fs = std::filesystem;

namespace {

constexpr const char *kProjectSuffix = ".layerlab.json";

std::vector<fs::path> exampleFolders()
{
    const std::vector<std::string> folders = DataLocator::exampleFolders();
    return {folders.begin(), folders.end()};
}

} // namespace

namespace {

// A GAN's networks, checked before the data loads: their messages name the network.
std::optional<nn::GanGraphs> ganGraphsOf(const nn::Project &project)
{
    if (!project.gan)
        return std::nullopt;
    return nn::splitGanGraph(project.graph);
}

} // namespace

Experiment::Experiment(nn::Project project, const LoadProgress &progress)
    : project_(std::move(project))
{
    const std::optional<nn::GanGraphs> gan = ganGraphsOf(project_);
    const nn::Shape input = gan ? nn::discriminatorInputShape(gan->discriminator) : inputSampleShape(project_.graph);
    data_ = load(project_.data, project_.training.seed, {input, progress});
    // Said before the model is built: a network too large to allocate should not hide this simpler fix.
    if (gan && nn::elementCount(input) != nn::elementCount(data_.train->sampleShape()))
        throw nn::ShapeError("discriminator: the real data (" + data_.info.name + ") has samples of shape " +
                             nn::toString(data_.train->sampleShape()) + " but the discriminator's Input takes " +
                             nn::toString(input) + " and the generator makes " +
                             nn::toString(nn::generatorSampleShape(gan->generator)) + "; give both the data's shape.");
    if (!input.empty())
        nn::checkSampleFitsInput(input, data_.train->sampleShape());
    if (!gan) {
        model_ = std::make_unique<nn::Model>(project_.graph, project_.training.seed);
    } else {
        model_ = std::make_unique<nn::Model>(gan->generator, project_.training.seed, "generator");
        discriminator_ = std::make_unique<nn::Model>(gan->discriminator, project_.training.seed, "discriminator");
    }
    // The project keeps the vocabulary and T it trains with, so predict and the exports read raw text.
    if (!data_.info.vocabulary.empty()) {
        project_.data.vocabulary = data_.info.vocabulary;
        project_.data.sequenceLength = data_.info.sequenceLength;
    }
}

std::vector<nn::Model *> Experiment::models()
{
    if (isGan())
        return {discriminator_.get(), model_.get()};
    return {model_.get()};
}

std::unique_ptr<nn::Trainer> Experiment::makeTrainer()
{
    return makeTrainer(project_.training);
}

std::unique_ptr<nn::Trainer> Experiment::makeTrainer(const nn::TrainingConfig &config)
{
    if (isGan())
        return std::make_unique<nn::Trainer>(std::make_unique<nn::AdversarialStep>(*model_, *discriminator_, config, *project_.gan),
                                             config, *data_.train, nullptr, 0);
    return std::make_unique<nn::Trainer>(*model_, config, *data_.train, data_.validation.get(), classes());
}

nn::ExportInfo Experiment::exportInfo() const
{
    nn::ExportInfo info;
    info.name = project_.name;
    info.description = project_.description;
    info.inputScale = data_.info.scale;
    info.inputOffset = data_.info.offset;
    info.outputActivation = nn::outputActivationForLoss(project_.training.loss);
    info.classification = data_.info.classification;
    info.classNames = data_.info.classNames;
    info.featureNames = data_.info.featureNames;
    info.targetNames = data_.info.targetNames;
    if (data_.info.isImage && data_.info.sampleShape.size() == 3)
        info.imageResize = project_.data.imageResize;
    info.data = project_.data;
    info.training = project_.training;
    if (isGan()) {
        // The generator alone: noise in, unscaled, and samples out in the data's scaled units.
        info.inputScale.clear();
        info.inputOffset.clear();
        info.outputActivation = "none";
        info.classification = false;
        info.classNames.clear();
        info.targetNames = data_.info.featureNames;
        info.featureNames.clear();
        info.gan = project_.gan;
    }
    return info;
}

nn::Tensor Experiment::probabilities(const nn::Tensor &outputs) const
{
    const nn::TrainingConfig &training = project_.training;
    nn::Tensor values;
    nn::lossRegistry()
        .create(training.loss, nn::Settings::fromJson(nn::lossRegistry().spec(training.loss), training.lossSettings))
        ->probabilities(outputs, values);
    return values;
}

const nn::BatchSource &Experiment::split(const std::string &name) const
{
    const nn::BatchSource *source = name == "train" ? data_.train.get()
                                    : name == "validation" ? data_.validation.get()
                                    : name == "test" ? data_.test.get()
                                                     : nullptr;
    if (name != "train" && name != "validation" && name != "test")
        throw nn::SettingError("Unknown split '" + name + "'; choose train, validation or test.");
    if (!source || source->size() == 0)
        throw nn::SettingError("The " + name + " split of " + data_.info.name + " is empty; raise the project's " +
                               (name == "test" ? "test_split." : "validation_split."));
    return *source;
}

nn::Shape inputSampleShape(const nn::Graph &graph)
{
    const auto inputs = graph.inputNodes();
    if (inputs.size() != 1)
        return {};
    const nn::NodeStatus status = graph.inferShapes().at(inputs.front());
    return status.ok() ? nn::Shape(status.output().begin() + 1, status.output().end()) : nn::Shape{};
}

std::vector<std::string> exampleNames()
{
    std::vector<std::string> names;
    for (const auto &folder : exampleFolders()) {
        std::error_code error;
        for (const auto &entry : fs::directory_iterator(folder, error)) {
            const std::string file = entry.path().filename().string();
            if (file.ends_with(kProjectSuffix))
                names.push_back(file.substr(0, file.size() - std::string(kProjectSuffix).size()));
        }
        if (!names.empty())
            break;
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string resolveProjectPath(const std::string &pathOrExample)
{
    if (fs::exists(pathOrExample))
        return pathOrExample;
    for (const auto &folder : exampleFolders()) {
        const fs::path candidate = folder / (pathOrExample + kProjectSuffix);
        if (fs::exists(candidate))
            return candidate.string();
    }
    std::string known;
    for (const auto &name : exampleNames())
        known += (known.empty() ? "" : ", ") + name;
    throw nn::FileError("There is no project file '" + pathOrExample + "' and no bundled example of that name" +
                        (known.empty() ? std::string(".") : "; the examples are: " + known + "."));
}

bool isBundledExample(const std::string &path)
{
    std::error_code error;
    const fs::path folder = fs::weakly_canonical(fs::path(path), error).parent_path();
    for (const auto &examples : exampleFolders())
        if (fs::exists(examples) && fs::equivalent(folder, examples, error))
            return true;
    return false;
}

} // namespace datasets
