// modelfiles: the weights file with its run state, and the exporters chosen by format.
#include "modelfiles.h"

#include "datasets/experiment.h"
#include "nn/export/onnxexport.h"
#include "nn/export/pytorchexport.h"
#include "nn/export/pytorchgan.h"
#include "nn/weights.h"

#include <filesystem>

namespace modelfiles {

void saveWeights(datasets::Experiment &experiment, const std::optional<nn::RunState> &state, const std::string &path)
{
    nn::saveWeights(experiment.models(), path);
    const std::string runPath = nn::runStatePathBeside(path);
    if (state) {
        nn::saveRunState(experiment.models(), *state, runPath);
    } else {
        std::error_code none;  // no file there is fine too
        std::filesystem::remove(runPath, none);
    }
}

void exportModel(datasets::Experiment &experiment, const QString &format, const std::string &path)
{
    nn::Model &model = experiment.model();
    if (format == QLatin1String("onnx"))
        nn::exportOnnx(model, experiment.exportInfo(), path);
    else if (format == QLatin1String("pytorch") && experiment.isGan())
        nn::exportPytorchGan(model, experiment.discriminator(), experiment.split("train"), experiment.exportInfo(), path);
    else if (format == QLatin1String("pytorch"))
        nn::exportPytorch(model, experiment.exportInfo(), path);
    else
        nn::saveWeights(experiment.models(), path);
}

} // namespace modelfiles
