// The feature maps' one forward pass, and the first convolution's window replayed from its numbers.
#include "views/inside/featuremapssnapshot.h"

#include "views/batchprediction.h"
#include "views/sampleimage.h"

#include "datasets/datasets.h"
#include "datasets/experiment.h"
#include "nn/activation.h"
#include "nn/error.h"
#include "nn/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <exception>
#include <set>
#include <span>

namespace {

// The file's words, translated in the FeatureMapsView context (lupdate reads FeatureMapsText::tr).
struct FeatureMapsText {
    Q_DECLARE_TR_FUNCTIONS(FeatureMapsView)
};

// The model input [1, C, H, W] for the chosen image, and what to call it.
nn::Tensor chosenInput(const ChosenImage &chosen, const datasets::Experiment &experiment, QString &source)
{
    const datasets::DataInfo &info = experiment.data().info;
    if (chosen.picture) {
        source = chosen.name.isEmpty() ? FeatureMapsText::tr("your picture") : chosen.name;
        return datasets::imageInput(*chosen.picture, info, experiment.project().data.imageResize);
    }
    const nn::BatchSource &split = experiment.split(chosen.split);
    if (chosen.index < 0 || chosen.index >= split.size())
        throw nn::SettingError("The " + chosen.split + " split has " + std::to_string(split.size()) +
                               " samples, so there is no sample " + std::to_string(chosen.index) +
                               "; click an image in the data preview or the Evaluation gallery.");
    const int64_t index = chosen.index;
    nn::Tensor x, y;
    split.gather(std::span<const int64_t>(&index, 1), x, y);
    source = FeatureMapsText::tr("%1 sample %2").arg(QString::fromStdString(chosen.split)).arg(chosen.index);
    if (info.classification && y.size() == 1 && y[0] >= 0 && size_t(y[0]) < info.classNames.size())
        source += FeatureMapsText::tr(" · label %1").arg(QString::fromStdString(info.classNames[size_t(y[0])]));
    return x;
}

// One sample's activations [1, …] without the batch axis.
nn::Tensor withoutBatch(const nn::Tensor &activation)
{
    nn::Tensor maps = activation;
    maps.reshape(nn::Shape(activation.shape().begin() + 1, activation.shape().end()));
    return maps;
}

ImageConvolution firstConvolution(const nn::Model &model, const nn::Pass &pass, int id)
{
    const nn::Graph &graph = model.graph();
    const nn::Node &node = graph.node(id);
    ImageConvolution conv = convolutionSettings(node);
    const nn::Edge in = graph.inputEdgesOf(id).front();
    conv.input = withoutBatch(pass.activation(in.from, size_t(in.fromPort)));
    conv.output = withoutBatch(pass.activation(id));
    for (const auto &[name, value] : model.weights()) {
        if (name == node.name + ".weight")
            conv.weight = *value;
        else if (name == node.name + ".bias")
            conv.bias.assign(value->data(), value->data() + value->size());
    }
    conv.bias.resize(size_t(conv.weight.dim(0)), 0.0f);
    return conv;
}

} // namespace

ImageConvolution convolutionSettings(const nn::Node &node)
{
    ImageConvolution conv;
    conv.name = QString::fromStdString(node.name);
    conv.stride = node.settings.integer("stride");
    conv.dilation = node.settings.integer("dilation");
    conv.groups = node.settings.integer("groups");
    // Padding before the image as the Conv2D computes it: "same" puts the odd one after (PyTorch's split).
    const std::string &mode = node.settings.choice("padding");
    if (mode == "same")
        conv.padTop = node.settings.integer("dilation") * (node.settings.integer("kernel_size") - 1) / 2;
    else
        conv.padTop = mode == "explicit" ? node.settings.integer("padding_size") : 0;
    conv.padLeft = conv.padTop;
    conv.activation = node.settings.choice("activation");
    return conv;
}

FeatureMapsSnapshot computeFeatureMaps(const ChosenImage &chosen, const nn::Model &model,
                                       const datasets::Experiment &experiment)
{
    FeatureMapsSnapshot snapshot;
    const bool imageInput = model.inputNames().size() == 1 && model.inputShape().size() == 3;
    try {
        if (!imageInput)
            throw nn::ShapeError("Feature maps need a network with one image input [C, H, W], such as "
                                 "shapes-cnn or fashion-mnist-cnn.");
        const datasets::DataInfo &info = experiment.data().info;
        const nn::Tensor input = chosenInput(chosen, experiment, snapshot.source);  // [1, C, H, W]
        snapshot.picture = views::sampleImage(input.data(), info);
        nn::Pass pass;
        model.infer(pass, {&input});
        static const std::set<std::string> shown{"Conv2D", "ConvTranspose2D", "MaxPool2D", "AvgPool2D"};
        for (int id : model.graph().topologicalOrder()) {
            const nn::Node &node = model.graph().node(id);
            if (!shown.contains(node.kind) || pass.activation(id).rank() != 4)
                continue;
            snapshot.layers.push_back({QString::fromStdString(node.name), QString::fromStdString(node.kind),
                                       withoutBatch(pass.activation(id))});
            if (node.kind == "Conv2D" && !snapshot.firstConvolution)
                snapshot.firstConvolution = firstConvolution(model, pass, id);
        }
        const nn::Tensor values = views::withActivation(pass.output(), views::outputActivation(experiment));
        snapshot.values.assign(values.data(), values.data() + values.size());
        snapshot.classification = info.classification;
        for (const std::string &name : info.classNames)
            snapshot.classNames << QString::fromStdString(name);
    } catch (const std::exception &error) {
        snapshot = {};
        snapshot.problem = QString::fromStdString(nn::messageOf(error));
    }
    snapshot.imageInput = imageInput;
    return snapshot;
}

KernelStep kernelStep(const ImageConvolution &conv, int64_t filter, int64_t channel, int64_t y, int64_t x)
{
    const int64_t k = conv.kernel(), perFilter = conv.channelsPerFilter();
    const int64_t height = conv.input.dim(1), width = conv.input.dim(2);
    const int64_t firstChannel = filter / (conv.weight.dim(0) / conv.groups) * perFilter;  // of the filter's group
    KernelStep step;
    step.filter = filter, step.channel = channel, step.y = y, step.x = x;
    step.top = y * conv.stride - conv.padTop, step.left = x * conv.stride - conv.padLeft;
    for (int64_t c = 0; c < perFilter; ++c) {
        double channelSum = 0.0;
        for (int64_t i = 0; i < k; ++i)
            for (int64_t j = 0; j < k; ++j) {
                const int64_t row = step.top + i * conv.dilation, column = step.left + j * conv.dilation;
                const bool padded = row < 0 || row >= height || column < 0 || column >= width;
                const float value = padded ? 0.0f : conv.input[((firstChannel + c) * height + row) * width + column];
                const float weight = conv.weight[((filter * perFilter + c) * k + i) * k + j];
                channelSum += double(value) * double(weight);
                if (c == channel) {
                    step.patch.push_back(value);
                    step.kernel.push_back(weight);
                    step.products.push_back(value * weight);
                    step.padded.push_back(padded);
                }
            }
        step.sum += channelSum;
        if (c == channel)
            step.channelSum = channelSum;
    }
    step.bias = conv.bias[size_t(filter)];
    step.z = step.sum + step.bias;
    const nn::Activation activation = nn::activationFromName(conv.activation);
    const float z = float(step.z);
    nn::activationForward(&step.out, &z, 1, 1, activation, nn::defaultActivationAlpha(activation));
    return step;
}
