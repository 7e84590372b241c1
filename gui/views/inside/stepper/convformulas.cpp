// The Conv2D stops with the trace's numbers: the window sums are kernelStep's (the Kernel tab's), the
// totals the engine's own.
#include "views/inside/stepper/convformulas.h"

#include "nn/activation.h"
#include "nn/layer.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace stepperformulas {

namespace {

// The file's words, translated in the BackpropStepper context (lupdate reads ConvFormulaText::tr).
struct ConvFormulaText {
    Q_DECLARE_TR_FUNCTIONS(BackpropStepper)
};

constexpr int64_t kShownChannels = 3;  // input channels whose window sums are written out

// The convolution as it ran on sample `n` of the batch.
ImageConvolution onSample(const nn::TraceNode &node, const ImageConvolution &settings, int64_t n)
{
    ImageConvolution conv = settings;
    conv.input = nn::itemOf(node.inputs.at(0), n);
    conv.output = nn::itemOf(node.output, n);
    conv.weight = parameterOf(node, "weight")->value;
    if (const nn::TraceParameter *b = parameterOf(node, "bias"))
        conv.bias.assign(b->value.data(), b->value.data() + b->value.size());
    conv.bias.resize(size_t(conv.weight.dim(0)), 0.0f);
    return conv;
}

// The output position where `filter` answers most strongly for the sample: the one worth explaining.
std::pair<int64_t, int64_t> strongest(const nn::Tensor &output, int64_t filter)
{
    const int64_t height = output.dim(1), width = output.dim(2);
    const float *map = output.data() + filter * height * width;
    const int64_t at = std::max_element(map, map + height * width) - map;
    return {at / width, at % width};
}

// The input channel (of all C) that channel `k` of `filter` reads, with groups.
int64_t inputChannel(const ImageConvolution &conv, int64_t filter, int64_t k)
{
    return filter / (conv.weight.dim(0) / conv.groups) * conv.channelsPerFilter() + k;
}

} // namespace

ConvFocus convFocus(const nn::BackpropTrace &trace, const nn::TraceNode &node, int unit)
{
    const nn::Shape &w = parameterOf(node, "weight")->value.shape();  // [F, C/groups, k, k]
    ConvFocus focus;
    if (trace.updatedParameter == node.name + ".weight") {
        const int64_t e = trace.update.element;
        focus.filter = e / (w[1] * w[2] * w[3]);
        focus.channel = e / (w[2] * w[3]) % w[1];
        focus.row = e / w[3] % w[2];
        focus.column = e % w[3];
        return focus;
    }
    focus.filter = std::clamp<int64_t>(unit, 0, w[0] - 1);
    focus.row = w[2] / 2, focus.column = w[3] / 2;
    return focus;
}

StepperStep convForward(const nn::TraceNode &node, const NodeFacts &facts, const ImageConvolution &settings, int n,
                        const ConvFocus &focus)
{
    const ImageConvolution conv = onSample(node, settings, n);
    const int64_t c = focus.filter, perFilter = conv.channelsPerFilter(), k = conv.kernel();
    const int64_t height = conv.input.dim(1), width = conv.input.dim(2);
    const auto [r, s] = strongest(conv.output, c);
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(ConvFormulaText::tr("Forward"), node, facts);
    step.formula << ConvFormulaText::tr("y = f(Σₖ W[c,k] ⋆ x[k] + b[c]) at filter c = %1, output row r = %2, column s = %3 of sample n = %4 "
                       "(where this filter answers most); stride %5, padding %6")
                        .arg(c).arg(r).arg(s).arg(n).arg(conv.stride).arg(conv.padTop);
    KernelStep window;
    std::vector<int64_t> inWindow, filterWeights;
    for (int64_t channel = 0; channel < perFilter; ++channel) {
        window = kernelStep(conv, c, channel, r, s);
        if (channel < kShownChannels) {
            std::vector<std::pair<double, double>> products;
            for (size_t t = 0; t < window.kernel.size(); ++t)
                products.emplace_back(window.kernel[t], window.patch[t]);
            step.formula << ConvFormulaText::tr("channel k = %1: Σᵢⱼ W[c,k,i,j]·x[n,k,r+i,s+j] = ").arg(channel) +
                                sumOfProducts(products, window.channelSum);
        }
        for (int64_t i = 0; i < k; ++i)
            for (int64_t j = 0; j < k; ++j) {
                filterWeights.push_back(((c * perFilter + channel) * k + i) * k + j);
                const int64_t row = window.top + i * conv.dilation, column = window.left + j * conv.dilation;
                if (row >= 0 && row < height && column >= 0 && column < width)
                    inWindow.push_back((inputChannel(conv, c, channel) * height + row) * width + column);
            }
    }
    if (perFilter > kShownChannels)
        step.formula << ConvFormulaText::tr("… and the same over the other %1 input channels").arg(perFilter - kShownChannels);
    const int64_t outHeight = conv.output.dim(1), outWidth = conv.output.dim(2);
    const int64_t at = (c * outHeight + r) * outWidth + s;
    step.formula << QStringLiteral("z = Σₖ + b[c] = %1 + %2 = %3").arg(number(window.sum), number(window.bias), number(window.z));
    if (conv.activation == "linear")
        step.formula << QStringLiteral("y[n,c,r,s] = z = %1").arg(number(conv.output[at]));
    else
        step.formula << QStringLiteral("y[n,c,r,s] = %1(z) = %1(%2) = %3")
                            .arg(QString::fromStdString(conv.activation), number(window.z), number(conv.output[at]));
    step.tensors.push_back(shown(QStringLiteral("x"), node.inputs.at(0), n, std::move(inWindow)));
    step.tensors.push_back(whole(QStringLiteral("W"), conv.weight, std::move(filterWeights)));
    if (const nn::TraceParameter *b = parameterOf(node, "bias"))
        step.tensors.push_back(whole(QStringLiteral("b"), b->value, {c}));
    step.tensors.push_back(shown(QStringLiteral("y"), node.output, n, {at}));
    return step;
}

StepperStep convBackward(const nn::TraceNode &node, const NodeFacts &facts, const ImageConvolution &settings, int n,
                         const ConvFocus &focus)
{
    const nn::Tensor &x = node.inputs.at(0), &y = node.output, &delta = node.dOutput;
    const nn::TraceParameter *w = parameterOf(node, "weight");
    const nn::TraceParameter *b = parameterOf(node, "bias");
    const int64_t batch = x.dim(0), filters = y.dim(1), outHeight = y.dim(2), outWidth = y.dim(3);
    const int64_t height = x.dim(2), width = x.dim(3), positions = outHeight * outWidth;
    const int64_t c = focus.filter, k = w->value.dim(2);
    // Filter c's z, y and δ over the batch and the positions, then ∂L/∂z through the activation.
    std::vector<ImageConvolution> samples;
    std::vector<float> z, yc, dc, dz(size_t(batch * positions));
    for (int64_t m = 0; m < batch; ++m) {
        samples.push_back(onSample(node, settings, m));
        for (int64_t p = 0; p < positions; ++p) {
            const int64_t at = (m * filters + c) * positions + p;
            z.push_back(float(kernelStep(samples.back(), c, 0, p / outWidth, p % outWidth).z));
            yc.push_back(y[at]);
            dc.push_back(delta[at]);
        }
    }
    const nn::Activation activation = nn::activationFromName(settings.activation);
    nn::activationBackward(dz.data(), dc.data(), yc.data(), z.data(), batch, positions, activation,
                           nn::defaultActivationAlpha(activation), nn::GradientWrite::Assign);
    const auto [r, s] = strongest(samples[size_t(n)].output, c);
    const int64_t here = n * positions + r * outWidth + s, at = (n * filters + c) * positions + r * outWidth + s;

    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(ConvFormulaText::tr("Backward"), node, facts);
    step.formula << ConvFormulaText::tr("δ = ∂L/∂y[n,c,r,s] = %1   (filter c = %2 at row r = %3, column s = %4 of sample n = %5, "
                       "arriving from the layer above)")
                        .arg(number(dc[size_t(here)])).arg(c).arg(r).arg(s).arg(n);
    const auto [fText, fValue] = derivative(settings.activation, yc[size_t(here)], z[size_t(here)]);
    if (std::isnan(fValue))
        step.formula << QStringLiteral("∂L/∂z[n,c,r,s] = δ·f'(z) = %1").arg(number(dz[size_t(here)]));
    else
        step.formula << QStringLiteral("∂L/∂z[n,c,r,s] = δ·%1 = %2·%3 = %4")
                            .arg(fText, number(dc[size_t(here)]), number(fValue), number(dz[size_t(here)]));
    // The filter's weight W[c,k,i,j] met every position of every sample: one product each.
    const ImageConvolution &first = samples.front();
    const int64_t channel = inputChannel(first, c, focus.channel);
    std::vector<std::pair<double, double>> products;
    for (int64_t m = 0; m < batch; ++m)
        for (int64_t p = 0; p < positions; ++p) {
            const int64_t row = p / outWidth * first.stride - first.padTop + focus.row * first.dilation;
            const int64_t column = p % outWidth * first.stride - first.padLeft + focus.column * first.dilation;
            const bool inside = row >= 0 && row < height && column >= 0 && column < width;
            const float value = inside ? x[((m * x.dim(1) + channel) * height + row) * width + column] : 0.0f;
            if (value != 0.0f && dz[size_t(m * positions + p)] != 0.0f)
                products.emplace_back(dz[size_t(m * positions + p)], value);
        }
    const int64_t element = ((c * w->value.dim(1) + focus.channel) * k + focus.row) * k + focus.column;
    step.formula << QStringLiteral("∂L/∂W[c,k,i,j] = Σₙ Σᵣₛ ∂L/∂z[n,c,r,s]·x[n,k,r+i,s+j] = ") +
                        (products.empty() ? number(w->grad[element]) : sumOfProducts(products, w->grad[element])) +
                        ConvFormulaText::tr("   (k = %1, i = %2, j = %3: %4 samples × %5 positions; the zero terms left out)")
                            .arg(focus.channel).arg(focus.row).arg(focus.column).arg(batch).arg(positions);
    if (b) {
        int nonZero = 0;
        QStringList terms;
        for (float d : dz)
            if (d != 0.0f && nonZero++ < 4)
                terms << number(d);
        if (nonZero > 4)
            terms << ConvFormulaText::tr("… (%1 more)").arg(nonZero - 4);
        step.formula << QStringLiteral("∂L/∂b[c] = Σₙ Σᵣₛ ∂L/∂z[n,c,r,s] = %1%2")
                            .arg(terms.isEmpty() ? QString() : terms.join(QStringLiteral(" + ")) + QStringLiteral(" = "),
                                 number(b->grad[c]));
    }
    step.tensors.push_back(shown(QStringLiteral("δ = ∂L/∂y"), delta, n, {at - n * filters * positions}));
    step.tensors.push_back(whole(QStringLiteral("∂L/∂W"), w->grad, {element}));
    if (b)
        step.tensors.push_back(whole(QStringLiteral("∂L/∂b"), b->grad, {c}));
    const nn::Tensor &dx = node.dInputs.at(0);
    if (!dx.empty()) {
        // The pixel under the centre of the window at (r, s): every filter whose window covers it adds W·∂L/∂z.
        const int64_t row = std::clamp<int64_t>(r * first.stride - first.padTop + k / 2 * first.dilation, 0, height - 1);
        const int64_t column = std::clamp<int64_t>(s * first.stride - first.padLeft + k / 2 * first.dilation, 0, width - 1);
        const int64_t pixel = (channel * height + row) * width + column;
        const double value = dx[n * x.dim(1) * height * width + pixel];
        step.formula << (node.sharedInputs.at(0)
                             ? ConvFormulaText::tr("∂L/∂x[n,%1,%2,%3] = %4   (every filter and position whose window covers the pixel adds "
                                  "W·∂L/∂z, with the other readers' shares)")
                             : ConvFormulaText::tr("∂L/∂x[n,%1,%2,%3] = %4   (every filter and position whose window covers the pixel adds "
                                  "W·∂L/∂z; passed down to the layer below)"))
                            .arg(channel).arg(row).arg(column).arg(number(value));
        step.tensors.push_back(shown(QStringLiteral("∂L/∂x"), dx, n, {pixel}));
    }
    return step;
}

} // namespace stepperformulas
