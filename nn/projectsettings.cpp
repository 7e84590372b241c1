// The training and data sections' declarations. Defaults are read from TrainingConfig and DataSpec,
// so that the structs' initializers stay the one place they are written.
#include "projectsettings.h"

#include "dataspec.h"
#include "ganconfig.h"
#include "schedule.h"
#include "trainingconfig.h"

#include <cassert>
#include <limits>

namespace nn {

namespace {

ComponentSpec makeTrainingSettings()
{
    using S = SettingSpec;
    const TrainingConfig defaults;
    const ScheduleConfig &schedule = defaults.schedule;
    S seed = S::integer("seed", static_cast<int64_t>(defaults.seed), 0, 0,
                        "Starts the random numbers (weights, shuffling, splits, dropout): the same seed gives the same run.");
    seed.max = static_cast<double>(std::numeric_limits<uint64_t>::max());  // any unsigned 64-bit number
    return {"training", "Training", "The settings of a run besides the loss and the optimizer.",
            {S::integer("epochs", defaults.epochs, 1, 100'000, "How many times training goes through all training samples."),
             S::choice("batch_mode", defaults.batchMode, {"full", "minibatch", "stochastic"},
                       "Full batch: one step per epoch over all samples (gradient descent). Mini-batch: a step per "
                       "batch of this size. Stochastic: a step per sample."),
             S::integer("batch_size", defaults.batchSize, 1, 1'000'000, "Samples per mini-batch."),
             S::boolean("shuffle", defaults.shuffle, "Shuffles the training samples before every epoch."),
             seed,
             S::integer("threads", defaults.threads, 0, 1024, "How many CPU cores train; 0 uses all of them."),
             S::real("l1", defaults.l1, 0.0, 10.0,
                     "Adds L1 × the sum of |w| to the loss: pushes unneeded weights to exactly 0 (try 1e-4).")
                 .typicalAt(1e-4),
             S::real("l2", defaults.l2, 0.0, 10.0,
                     "Adds L2 × the sum of w² to the loss: keeps weights small against overfitting (try 1e-4).")
                 .typicalAt(1e-4),
             S::real("clip_norm", defaults.clipNorm, 0.0, 1e6,
                     "Rescales the gradients when their overall length exceeds this; against exploding gradients.")
                 .typicalAt(1.0),
             S::choice("schedule.kind", schedule.kind, scheduleNames(),
                       "Constant keeps the optimizer's rate; step multiplies it by gamma every few epochs; cosine "
                       "lowers it smoothly to the minimum by the last epoch."),
             S::integer("schedule.step_size", schedule.stepSize, 1, 100'000, "Epochs between two decays."),
             // (0, 1]: a factor of 0 would stop learning for good, above 1 the rate grows.
             S::real("schedule.gamma", schedule.gamma, 0.0, 1.0,
                     "The factor the rate is multiplied by at each decay (more than 0, at most 1)."),
             S::real("schedule.min_lr", schedule.minLearningRate, 0.0, 10.0,
                     "The rate reached at the last epoch, such as 0 or 1e-5.")
                 .typicalAt(1e-4),
             S::integer("early_stopping_patience", defaults.earlyStoppingPatience, 0, 10'000,
                        "Stops after this many epochs without a better validation loss."),
             S::real("steps_per_second", defaults.stepsPerSecond, 0.0, 100'000.0,
                     "The window's pace: at most this many training steps a second, to watch the network learn "
                     "(0: as fast as possible). layerlab-cli always trains at full speed.")
                 .typicalAt(300.0)}};
}

ComponentSpec makeDataSettings()
{
    using S = SettingSpec;
    const DataSpec defaults;
    const AugmentSpec &augment = defaults.augment;
    return {"data", "Data", "Where a project's data comes from and how it is split and scaled.",
            {S::choice("task", defaults.task, {"auto", "classification", "regression"},
                       "Classification learns classes (labels); regression learns numbers."),
             S::integer("samples", defaults.samples, 4, 10'000'000,
                        "How many points to generate (split into training, validation and test)."),
             S::real("noise", defaults.noise, 0.0, 10.0, "How much random jitter the generated points get."),
             S::choice("scaling", defaults.scaling, {"auto", "none", "standardize", "minmax"},
                       "How input features are rescaled, fitted on the training split only."),
             S::real("validation_split", defaults.validationSplit, 0.0, 0.9,
                     "Share of the training data held out to check the network on data it never learns from."),
             S::real("test_split", defaults.testSplit, 0.0, 0.9,
                     "Share of the data kept aside for the final test (sets with their own test set ignore it)."),
             S::choice("image_resize", defaults.imageResize, {"stretch", "crop", "pad"},
                       "How a folder's images are fitted to the Input's size: stretch distorts them, crop cuts "
                       "the ends of the longer side, pad adds black bars along the shorter side."),
             S::choice("tokens", defaults.tokens, {"characters", "words"},
                       "How text becomes ids: one per character, or one per word (split at spaces)."),
             S::integer("sequence_length", defaults.sequenceLength, 0, 100'000,
                        "T, the steps per sample: texts are padded or cut to it, a language model or a time "
                        "series reads windows of it, and the adding, copy and reverse tasks are this long "
                        "(0: the set's own, such as 16 for words and 50 for the adding problem)."),
             S::integer("horizon", defaults.horizon, 1, 10'000,
                        "Time series: how many values after the window the network predicts."),
             S::integer("min_count", defaults.minCount, 1, 1'000'000,
                        "Tokens seen fewer times than this in the training split become <unk>."),
             S::integer("max_vocabulary", defaults.maxVocabulary, 0, 10'000'000,
                        "Keeps only the most frequent tokens, <pad> and <unk> included (0: no limit)."),
             S::integer("words_per_language", defaults.wordsPerLanguage, 10, 1'000'000,
                        "Which language is this word: how many words each language gives, the same for all."),
             S::boolean("augment.flip_horizontal", augment.flipHorizontal,
                        "Mirrors half of the training images left to right, anew every epoch (for pictures whose "
                        "class does not depend on left and right)."),
             S::boolean("augment.flip_vertical", augment.flipVertical,
                        "Mirrors half of the training images upside down, anew every epoch (for pictures without "
                        "an up, such as shapes or cells)."),
             S::integer("augment.shift", augment.shift, 0, 8,
                        "Slides each training image by up to this many pixels in each direction, repeating its "
                        "edge: the network learns that position does not matter."),
             S::integer("augment.crop_padding", augment.cropPadding, 0, 8,
                        "Random crops: pads each training image with this many black pixels all round and cuts "
                        "an image of the original size out of it at a random place."),
             S::real("augment.rotation", augment.rotation, 0.0, 30.0,
                     "Turns each training image by a random angle of up to this many degrees either way.")
                 .typicalAt(10.0),
             S::real("augment.brightness", augment.brightness, 0.0, 0.5,
                     "Makes each training image darker or brighter: its pixels are multiplied by a random "
                     "factor within 1 ± this.")
                 .typicalAt(0.2),
             S::real("augment.contrast", augment.contrast, 0.0, 0.5,
                     "Weakens or strengthens each training image's contrast: its pixels move away from or "
                     "towards their mean by a random factor within 1 ± this.")
                 .typicalAt(0.2)}};
}

ComponentSpec makeGanSettings()
{
    using S = SettingSpec;
    const GanConfig defaults;
    return {"gan", "GAN", "How a generative adversarial network's generator and discriminator train against each other.",
            {S::choice("noise", defaults.noise, {"normal", "uniform"},
                       "The generator's input z: normal draws each value from N(0, 1), uniform from [-1, 1]."),
             S::choice("loss", defaults.loss, {"minimax", "non-saturating", "least-squares", "wasserstein-gp"},
                       "Minimax: G minimises log(1 − D(G(z))), the original game, whose gradient vanishes early on. "
                       "Non-saturating: G maximises log D(G(z)) instead. Least-squares (LSGAN): squared distances to "
                       "the labels. Wasserstein-GP: D is a critic scoring realness, kept 1-Lipschitz by a gradient "
                       "penalty."),
             S::integer("d_steps", defaults.discriminatorSteps, 1, 100,
                        "k: how many discriminator steps come before each generator step."),
             S::real("label_smoothing", defaults.labelSmoothing, 0.0, 0.5,
                     "One-sided label smoothing: D learns to say 1 − this (such as 0.1) for real samples, and "
                     "still 0 for fakes, so it grows less overconfident.")
                 .typicalAt(0.1),
             S::real("gradient_penalty", defaults.gradientPenalty, 0.0, 1000.0,
                     "Wasserstein-GP's λ: how strongly D's gradient norm is held at 1 between real and fake samples."),
             S::real("zero_centred_penalty", defaults.zeroCentredPenalty, 0.0, 1000.0,
                     "For the other losses, λ of a zero-centred gradient penalty: D's gradient is pulled towards 0 "
                     "between real and fake samples, which keeps D smooth so that G's samples are drawn to every "
                     "mode (0: none).")
                 .typicalAt(1.0)}};
}

const SettingSpec &declared(const ComponentSpec &section, const std::string &key)
{
    const SettingSpec *spec = section.find(key);
    assert(spec && "not a declared setting of this section");
    return *spec;
}

} // namespace

const ComponentSpec &trainingSettings()
{
    static const ComponentSpec spec = makeTrainingSettings();
    return spec;
}

const ComponentSpec &dataSettings()
{
    static const ComponentSpec spec = makeDataSettings();
    return spec;
}

const ComponentSpec &ganSettings()
{
    static const ComponentSpec spec = makeGanSettings();
    return spec;
}

const SettingSpec &ganSetting(const std::string &key)
{
    return declared(ganSettings(), key);
}

const SettingSpec &trainingSetting(const std::string &key)
{
    return declared(trainingSettings(), key);
}

const SettingSpec &dataSetting(const std::string &key)
{
    return declared(dataSettings(), key);
}

} // namespace nn
