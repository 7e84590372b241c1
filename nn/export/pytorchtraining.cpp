// LayerLab's training settings as PyTorch objects. The optimizers' setting names are PyTorch's
// keyword arguments already (Adam's beta1 and beta2 become betas=(…)), so they are written as they are.
#include "pytorchtraining.h"

#include "lossexport.h"
#include "pythontext.h"

#include "nn/error.h"
#include "nn/registry.h"

namespace nn {

namespace {

std::string constants(const TrainingConfig &c, const std::vector<std::string> &decaying)
{
    std::string text = pytorchBatchConstants(c);
    text += "L1 = " + python::number(c.l1) + "  # adds L1·Σ|w| to the loss, over the DECAYING weights\n";
    text += "L2 = " + python::number(c.l2) + "  # adds L2·Σw² to the loss, over the DECAYING weights\n";
    text += "CLIP_NORM = " + python::number(c.clipNorm) +
            "  # rescale gradients whose global L2 norm is above this; 0: off\n";
    text += "# Weight decay and L1/L2 apply to these only, never to biases or normalisation scales.\n";
    text += "DECAYING = " + python::stringList(decaying) + "\n";
    return text;
}

std::string lossCode(const TrainingConfig &c)
{
    const Settings s = Settings::fromJson(lossRegistry().spec(c.loss), c.lossSettings);
    const PytorchLossWriter *writer = lossExport(c.loss);
    if (!writer)
        throw SettingError("The PyTorch export does not know the loss " + c.loss + "; pick another loss.");
    return "def make_loss():\n"
           "    \"\"\"LayerLab's " + c.loss + " loss, averaged over the batch.\"\"\"\n"
           "    return " + (*writer)(s) + "\n";
}

// Keyword arguments in the spec's order; Adam's beta1 and beta2 join as betas.
std::string optimizerArguments(const Settings &s)
{
    std::string text;
    for (const SettingSpec &setting : s.spec().settings) {
        if (setting.name == "beta2")
            continue;
        if (setting.name == "beta1")
            text += ", betas=(" + python::number(s.real("beta1")) + ", " + python::number(s.real("beta2")) + ")";
        else
            text += ", " + setting.name + "=" + python::literal(s.value(setting.name));
    }
    return text.substr(2);
}

} // namespace

std::string pytorchBatchConstants(const TrainingConfig &c)
{
    std::string text;
    text += "EPOCHS = " + std::to_string(c.epochs) + "\n";
    text += "BATCH_MODE = " + python::quoted(c.batchMode) +
            "  # full: the whole set per step; minibatch: BATCH_SIZE samples; stochastic: one\n";
    text += "BATCH_SIZE = " + std::to_string(c.batchSize) + "\n";
    text += "SHUFFLE = " + std::string(c.shuffle ? "True" : "False") + "\n";
    text += "SEED = " + std::to_string(c.seed) + "\n";
    return text;
}

std::string pytorchOptimizerFunction(const std::string &function, const std::string &kind,
                                     const nlohmann::json &settings, const std::string &what)
{
    const Settings s = Settings::fromJson(optimizerRegistry().spec(kind), settings);
    std::string groups = "[{\"params\": decaying}, {\"params\": others";
    groups += s.spec().find("weight_decay") ? ", \"weight_decay\": 0.0}]" : "}]";
    return "def " + function + "(net):\n"
           "    \"\"\"LayerLab's " + kind + what + " with its settings; weight decay only on the DECAYING weights.\"\"\"\n"
           "    decaying = [p for name, p in net.named_parameters() if name in DECAYING]\n"
           "    others = [p for name, p in net.named_parameters() if name not in DECAYING]\n"
           "    groups = [group for group in " + groups + " if group[\"params\"]]\n"
           "    return torch.optim." + kind + "(groups, " + optimizerArguments(s) + ")\n";
}

std::string pytorchSchedulerFunction(const ScheduleConfig &s)
{
    std::string body;
    if (s.kind == "constant")
        body = "    return None  # the learning rate stays the same\n";
    else if (s.kind == "step")
        body = "    return torch.optim.lr_scheduler.StepLR(optimizer, step_size=" + std::to_string(s.stepSize) +
               ", gamma=" + python::number(s.gamma) + ")\n";
    else if (s.kind == "cosine")
        body = "    return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs, eta_min=" +
               python::number(s.minLearningRate) + ")\n";
    else
        throw SettingError("The PyTorch export does not know the schedule " + s.kind + "; pick constant, step or cosine.");
    return "def make_scheduler(optimizer, epochs):\n"
           "    \"\"\"The learning rate per epoch (" + s.kind + "), stepped once after every epoch.\"\"\"\n" + body;
}

std::string pytorchTrainingRecipe(const TrainingConfig &config, const std::vector<std::string> &decaying)
{
    return "# How LayerLab trained this network; `train` continues with the same recipe.\n" +
           constants(config, decaying) + "\n\n" + lossCode(config) + "\n\n" +
           pytorchOptimizerFunction("make_optimizer", config.optimizer, config.optimizerSettings) + "\n\n" +
           pytorchSchedulerFunction(config.schedule);
}

} // namespace nn
