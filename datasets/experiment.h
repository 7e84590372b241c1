// Experiment: a project made ready to run: its data loaded and split, its model built, its
// trained weights loaded when they exist. The CLI and the GUI open projects through it.
#pragma once

#include "datasets/datasets.h"
#include "nn/export/exportinfo.h"
#include "nn/model.h"
#include "nn/project.h"
#include "nn/trainer.h"

#include <memory>
#include <string>

namespace datasets {

class Experiment {
public:
    // Builds the model and loads the data the project names (a folder's images fitted to the
    // Input's shape, reporting to `progress`); throws nn::Error subclasses with messages a student
    // can act on.
    explicit Experiment(nn::Project project, const LoadProgress &progress = {});

    const nn::Project &project() const { return project_; }
    const LoadedData &data() const { return data_; }
    // The model; for a GAN project (project().gan set) the generator.
    nn::Model &model() { return *model_; }
    bool isGan() const { return discriminator_ != nullptr; }
    // A GAN's discriminator; isGan() must hold.
    nn::Model &discriminator() { return *discriminator_; }
    const nn::Model &discriminator() const { return *discriminator_; }
    // Every model, in the order of the trainer's optimizers (a GAN's discriminator, then its
    // generator): what the weights and run-state files hold.
    std::vector<nn::Model *> models();
    int classes() const { return data_.info.classification ? data_.info.numClasses : 0; }

    // What the exporters need: input scaling, output meaning, class and feature names, settings. For
    // a GAN, the generator's: noise in as it is, samples out.
    nn::ExportInfo exportInfo() const;

    // A trainer for the project's training settings (or `config`) on the train and validation splits.
    std::unique_ptr<nn::Trainer> makeTrainer();
    std::unique_ptr<nn::Trainer> makeTrainer(const nn::TrainingConfig &config);
    // What a user reads from the model's raw outputs under the project's loss: class probabilities
    // (softmax or sigmoid) for the cross-entropies, the outputs themselves for regression.
    nn::Tensor probabilities(const nn::Tensor &outputs) const;
    // The split named "train", "validation" or "test" (nn::SettingError for other names).
    const nn::BatchSource &split(const std::string &name) const;

private:
    nn::Project project_;
    LoadedData data_;
    std::unique_ptr<nn::Model> model_;
    std::unique_ptr<nn::Model> discriminator_;  // GAN projects only
};

// The per-sample shape of the graph's one Input node ({3, 32, 32}); empty when the graph has
// another number of inputs or its Input is invalid.
nn::Shape inputSampleShape(const nn::Graph &graph);
// A project file path for a path or the name of a bundled example ("spiral"); throws FileError
// listing the examples when neither exists.
std::string resolveProjectPath(const std::string &pathOrExample);
// The bundled example projects' names.
std::vector<std::string> exampleNames();
// True when `path` lies in the bundled examples folder (which a run should not write into).
bool isBundledExample(const std::string &path);

} // namespace datasets
