// The losses in the PyTorch script: torch.nn's loss of the same name and settings for each, all of
// them averaged over the batch as LayerLab averages.
#include "nn/export/lossexport.h"

#include "nn/export/pythontext.h"
#include "nn/losses/binarycrossentropyloss.h"
#include "nn/losses/crossentropyloss.h"
#include "nn/losses/maeloss.h"
#include "nn/losses/mseloss.h"
#include "nn/losses/smoothl1loss.h"

namespace nn {

namespace {

const bool registeredCrossEntropyExport = registerLossExport<CrossEntropyLoss>([](const Settings &s) {
    return "nn.CrossEntropyLoss(label_smoothing=" + python::number(s.real("label_smoothing")) + ")";
});

const bool registeredBinaryCrossEntropyExport = registerLossExport<BinaryCrossEntropyLoss>([](const Settings &) {
    return std::string("nn.BCEWithLogitsLoss()  # sigmoid and binary cross-entropy in one, on the raw outputs");
});

const bool registeredMSEExport = registerLossExport<MSELoss>([](const Settings &) { return std::string("nn.MSELoss()"); });

const bool registeredMAEExport = registerLossExport<MAELoss>([](const Settings &) { return std::string("nn.L1Loss()"); });

const bool registeredSmoothL1Export = registerLossExport<SmoothL1Loss>([](const Settings &s) {
    return "nn.SmoothL1Loss(beta=" + python::number(s.real("beta")) + ")";
});

} // namespace

} // namespace nn
