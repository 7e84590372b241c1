// The stepper's formulas with the trace's numbers filled in.
#include "nn/gemmwarnings.h"

#include "views/inside/stepper/stepperformulas.h"

#include "nn/activation.h"
#include "nn/layer.h"

#include <QCoreApplication>

#include <cmath>

namespace stepperformulas {

namespace {

// The file's words, translated in the BackpropStepper context (lupdate reads StepperFormulaText::tr).
struct StepperFormulaText {
    Q_DECLARE_TR_FUNCTIONS(BackpropStepper)
};

QString shapeText(const nn::Shape &shape)
{
    QStringList dims;
    for (int64_t d : shape)
        dims << QString::number(d);
    return dims.join(QStringLiteral(" × "));
}

// The forward formula of kinds other than Dense, in words and symbols.
QString forwardLine(const std::string &kind)
{
    if (kind == "Conv2D")
        return StepperFormulaText::tr("y[c] = f(Σₖ W[c,k] ⋆ x[k] + b[c]): each filter slides over every input channel (⋆: cross-correlation)");
    if (kind == "MaxPool2D")
        return StepperFormulaText::tr("y = the largest value of each window of each channel");
    if (kind == "AvgPool2D")
        return StepperFormulaText::tr("y = the mean of each window of each channel");
    if (kind == "GlobalAveragePool2D")
        return StepperFormulaText::tr("y[c] = the mean of channel c over the whole image");
    if (kind == "Flatten" || kind == "Reshape")
        return StepperFormulaText::tr("y = x with a new shape: the same numbers in a different arrangement");
    if (kind == "Dropout")
        return StepperFormulaText::tr("y = x · mask / (1 − p) while training: a random share p of the values is set to 0");
    if (kind == "BatchNorm")
        return StepperFormulaText::tr("y = γ · (x − mean) / √(var + ε) + β, mean and var over the batch");
    if (kind == "LayerNorm")
        return StepperFormulaText::tr("y = γ · (x − mean) / √(var + ε) + β, mean and var over each sample's features");
    if (kind == "Add")
        return StepperFormulaText::tr("y = x₁ + x₂ + …");
    if (kind == "Concat")
        return StepperFormulaText::tr("y = [x₁, x₂, …] joined along the features");
    return StepperFormulaText::tr("y = %1(x)").arg(QString::fromStdString(kind));
}

// How the gradient passes back through kinds other than Dense.
QString backwardLine(const std::string &kind)
{
    if (kind == "Conv2D")
        return StepperFormulaText::tr("∂L/∂W[c,k] = Σₙ δ[n,c] ⋆ x[n,k];  ∂L/∂b[c] = Σ δ[·,c];  ∂L/∂x = δ convolved with the flipped filters");
    if (kind == "MaxPool2D")
        return StepperFormulaText::tr("∂L/∂x: each window's δ goes to the value that won the max; the others get 0");
    if (kind == "AvgPool2D" || kind == "GlobalAveragePool2D")
        return StepperFormulaText::tr("∂L/∂x: each window's δ is shared equally by its values");
    if (kind == "Flatten" || kind == "Reshape")
        return StepperFormulaText::tr("∂L/∂x = δ put back into the input's shape");
    if (kind == "Dropout")
        return StepperFormulaText::tr("∂L/∂x = δ · mask / (1 − p): dropped values get no gradient");
    if (kind == "Add")
        return StepperFormulaText::tr("∂L/∂xᵢ = δ for every input");
    return StepperFormulaText::tr("∂L/∂x = (∂y/∂x)ᵀ · δ, the layer's local derivative applied to δ");
}

// The engine's text as the stepper can draw it: Qt 6.4 draws a combining circumflex (m̂, v̂) a line
// too high in a QLabel, so the hat becomes the spacing one after its letter (mˆ).
QString drawable(const std::string &text)
{
    return QString::fromStdString(text).replace(QChar(0x0302), QChar(0x02C6));
}

} // namespace

const nn::TraceParameter *parameterOf(const nn::TraceNode &node, const std::string &name)
{
    for (const nn::TraceParameter &p : node.parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

StepperTensor shown(const QString &name, const nn::Tensor &t, int sample, std::vector<int64_t> marked)
{
    if (t.rank() >= 3) {
        nn::Tensor item = nn::itemOf(t, sample);
        return {QStringLiteral("%1[%2]  [%3]").arg(name).arg(sample).arg(shapeText(item.shape())), std::move(item),
                std::move(marked)};
    }
    return {QStringLiteral("%1  [%2]").arg(name, shapeText(t.shape())), t, std::move(marked)};
}

StepperTensor whole(const QString &name, const nn::Tensor &t, std::vector<int64_t> marked)
{
    return {QStringLiteral("%1  [%2]").arg(name, shapeText(t.shape())), t, std::move(marked)};
}

QString title(const QString &phase, const nn::TraceNode &node, const NodeFacts &facts)
{
    return QStringLiteral("%1 · %2 (%3)").arg(phase, QString::fromStdString(node.name), facts.kindText);
}

std::pair<QString, double> derivative(const std::string &activation, double y, double z)
{
    if (activation == "tanh")
        return {QStringLiteral("(1 − y²)"), 1.0 - y * y};
    if (activation == "sigmoid")
        return {QStringLiteral("y·(1 − y)"), y * (1.0 - y)};
    if (activation == "relu")
        return {QStringLiteral("[z > 0]"), z > 0.0 ? 1.0 : 0.0};
    if (activation == "linear" || activation.empty())
        return {QStringLiteral("1"), 1.0};
    return {QStringLiteral("f'(z)"), std::nan("")};
}

QString number(double value) { return QString::fromStdString(nn::formatNumber(value)); }

QString sumOfProducts(const std::vector<std::pair<double, double>> &products, double total)
{
    constexpr size_t kShown = 4;
    QStringList terms;
    for (size_t i = 0; i < products.size() && i < kShown; ++i)
        terms << QStringLiteral("%1·%2").arg(number(products[i].first), number(products[i].second));
    if (products.size() > kShown)
        terms << StepperFormulaText::tr("… (%1 more)").arg(products.size() - kShown);
    return terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ") + number(total);
}

StepperStep inputStep(const nn::BackpropTrace &trace, const nn::TraceNode &node, int sample)
{
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = StepperFormulaText::tr("Forward · %1 (the batch)").arg(QString::fromStdString(node.name));
    step.formula << StepperFormulaText::tr("x: %1 samples of the training split, each [%2], as the network reads them (scaled).")
                        .arg(trace.x.dim(0))
                        .arg(shapeText(nn::Shape(trace.x.shape().begin() + 1, trace.x.shape().end())))
                 << StepperFormulaText::tr("y: what the network should answer for each sample (the targets).")
                 << StepperFormulaText::tr("The formulas follow sample n = %1 of the batch.").arg(sample);
    const int64_t features = trace.x.size() / std::max<int64_t>(trace.x.dim(0), 1);
    std::vector<int64_t> row;
    for (int64_t i = 0; i < features && trace.x.rank() < 3; ++i)
        row.push_back(sample * features + i);
    step.tensors = {shown(QStringLiteral("x"), trace.x, sample, row), shown(QStringLiteral("y"), trace.y, sample)};
    return step;
}

StepperStep denseForward(const nn::TraceNode &node, const NodeFacts &facts, int n, int u)
{
    const nn::Tensor &x = node.inputs.at(0);
    const nn::TraceParameter *w = parameterOf(node, "weight");
    const nn::TraceParameter *b = parameterOf(node, "bias");
    const int64_t features = x.dim(1), units = w->value.dim(0);
    std::vector<std::pair<double, double>> products;
    double dot = 0.0;
    std::vector<int64_t> row, weights;
    for (int64_t i = 0; i < features; ++i) {
        products.emplace_back(w->value[u * features + i], x[n * features + i]);
        dot += double(w->value[u * features + i]) * double(x[n * features + i]);
        row.push_back(n * features + i);
        weights.push_back(u * features + i);
    }
    const double bias = b ? double(b->value[u]) : 0.0;
    const double z = dot + bias;
    const double y = node.output[n * units + u];
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(StepperFormulaText::tr("Forward"), node, facts);
    step.formula << StepperFormulaText::tr("y = f(Wx + b): unit u = %1 of sample n = %2").arg(u).arg(n)
                 << QStringLiteral("W[u,:]·x[n,:] = Σᵢ W[u,i]·x[n,i] = ") + sumOfProducts(products, dot)
                 << QStringLiteral("z = W[u,:]·x[n,:] + b[u] = %1 + %2 = %3").arg(number(dot), number(bias), number(z));
    const QString f = QString::fromStdString(facts.activation);
    if (facts.activation == "linear" || facts.activation.empty())
        step.formula << QStringLiteral("y[n,u] = z = %1").arg(number(y));
    else if (facts.activation == "softmax")
        step.formula << QStringLiteral("y[n,u] = softmax(z[n,:])[u] = %1").arg(number(y));
    else
        step.formula << QStringLiteral("y[n,u] = %1(z) = %1(%2) = %3").arg(f, number(z), number(y));
    step.tensors.push_back(shown(QStringLiteral("x"), x, n, row));
    step.tensors.push_back(whole(QStringLiteral("W"), w->value, weights));
    if (b)
        step.tensors.push_back(whole(QStringLiteral("b"), b->value, {u}));
    step.tensors.push_back(shown(QStringLiteral("y"), node.output, n, {n * units + u}));
    return step;
}

StepperStep denseBackward(const nn::TraceNode &node, const NodeFacts &facts, int n, int u, int input)
{
    const nn::Tensor &x = node.inputs.at(0), &y = node.output, &delta = node.dOutput;
    const nn::TraceParameter *w = parameterOf(node, "weight");
    const nn::TraceParameter *b = parameterOf(node, "bias");
    const int64_t batch = x.dim(0), features = x.dim(1), units = w->value.dim(0);
    // ∂L/∂z from δ through the activation's own backward (z, which GELU reads, from x, W and b).
    nn::Tensor z({batch, units});
    z.matrix() = x.matrix() * w->value.matrix().transpose();
    if (b)
        z.matrix().rowwise() += b->value.vector().transpose();
    nn::Tensor dz({batch, units});
    const nn::Activation activation = nn::activationFromName(facts.activation.empty() ? "linear" : facts.activation);
    nn::activationBackward(dz.data(), delta.data(), y.data(), z.data(), batch, units, activation,
                           nn::defaultActivationAlpha(activation), nn::GradientWrite::Assign);
    const int64_t at = n * units + u;
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(StepperFormulaText::tr("Backward"), node, facts);
    step.formula << StepperFormulaText::tr("δ = ∂L/∂y[n,u] = %1   (unit u = %2 of sample n = %3, arriving from the layer above)")
                        .arg(number(delta[at]))
                        .arg(u)
                        .arg(n);
    const auto [fText, fValue] = derivative(facts.activation, y[at], z[at]);
    if (std::isnan(fValue))
        step.formula << QStringLiteral("∂L/∂z[n,u] = δ·f'(z) = %1   (%2's derivative)")
                            .arg(number(dz[at]), QString::fromStdString(facts.activation));
    else
        step.formula << QStringLiteral("∂L/∂z[n,u] = δ·%1 = %2·%3 = %4").arg(fText, number(delta[at]), number(fValue),
                                                                            number(dz[at]));
    std::vector<std::pair<double, double>> overBatch;
    for (int64_t m = 0; m < batch; ++m)
        overBatch.emplace_back(dz[m * units + u], x[m * features + input]);
    step.formula << QStringLiteral("∂L/∂W[u,i] = Σₙ ∂L/∂z[n,u]·x[n,i] = ") + sumOfProducts(overBatch, w->grad[u * features + input]) +
                        StepperFormulaText::tr("   (i = %1)").arg(input);
    if (b) {
        QStringList terms;
        for (int64_t m = 0; m < batch && m < 4; ++m)
            terms << number(dz[m * units + u]);
        if (batch > 4)
            terms << StepperFormulaText::tr("…");
        step.formula << QStringLiteral("∂L/∂b[u] = Σₙ ∂L/∂z[n,u] = %1 = %2").arg(terms.join(QStringLiteral(" + ")), number(b->grad[u]));
    }
    step.tensors.push_back(shown(QStringLiteral("δ = ∂L/∂y"), delta, n, {at}));
    step.tensors.push_back(shown(QStringLiteral("∂L/∂z"), dz, n, {at}));
    step.tensors.push_back(whole(QStringLiteral("∂L/∂W"), w->grad, {u * features + input}));
    if (b)
        step.tensors.push_back(whole(QStringLiteral("∂L/∂b"), b->grad, {u}));
    const nn::Tensor &dx = node.dInputs.at(0);
    if (!dx.empty()) {
        std::vector<std::pair<double, double>> overUnits;
        for (int64_t v = 0; v < units; ++v)
            overUnits.emplace_back(w->value[v * features + input], dz[n * units + v]);
        double share = 0.0;
        for (int64_t v = 0; v < units; ++v)
            share += double(w->value[v * features + input]) * double(dz[n * units + v]);
        if (node.sharedInputs.at(0))
            step.formula << QStringLiteral("∂L/∂x[n,i] (this layer's share) = Σᵤ W[u,i]·∂L/∂z[n,u] = ") + sumOfProducts(overUnits, share)
                         << StepperFormulaText::tr("∂L/∂x[n,i] with the other readers' shares = %1").arg(number(dx[n * features + input]));
        else
            step.formula << QStringLiteral("∂L/∂x[n,i] = Σᵤ W[u,i]·∂L/∂z[n,u] = ") + sumOfProducts(overUnits, dx[n * features + input]) +
                                StepperFormulaText::tr("   (passed down to the layer below)");
        step.tensors.push_back(shown(QStringLiteral("∂L/∂x"), dx, n, {n * features + input}));
    }
    return step;
}

StepperStep otherForward(const nn::TraceNode &node, const NodeFacts &facts, int n, int unit)
{
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(StepperFormulaText::tr("Forward"), node, facts);
    step.formula << forwardLine(node.kind);
    const nn::Tensor &y = node.output;
    if (y.rank() == 4) {
        const int64_t c = unit % y.dim(1), at = (n * y.dim(1) + c) * y.dim(2) * y.dim(3);
        step.formula << QStringLiteral("y[n,c,0,0] = %1   (sample n = %2, channel c = %3)").arg(number(y[at])).arg(n).arg(c);
    } else if (y.rank() == 2) {
        const int64_t u = unit % y.dim(1);
        step.formula << QStringLiteral("y[n,u] = %1   (sample n = %2, unit u = %3)").arg(number(y[n * y.dim(1) + u])).arg(n).arg(u);
    }
    for (size_t i = 0; i < node.inputs.size(); ++i)
        step.tensors.push_back(shown(node.inputs.size() > 1 ? QStringLiteral("x%1").arg(i + 1) : QStringLiteral("x"),
                                     node.inputs[i], n));
    for (const nn::TraceParameter &p : node.parameters)
        step.tensors.push_back(whole(QString::fromStdString(p.name), p.value));
    step.tensors.push_back(shown(QStringLiteral("y"), y, n));
    return step;
}

StepperStep otherBackward(const nn::TraceNode &node, const NodeFacts &facts, int n)
{
    StepperStep step;
    step.nodeId = node.nodeId;
    step.title = title(StepperFormulaText::tr("Backward"), node, facts);
    step.formula << StepperFormulaText::tr("δ = ∂L/∂y arrives from the layer above; ‖δ‖ = %1").arg(number(node.dOutput.empty() ? 0.0 : double(node.dOutput.vector().norm())))
                 << backwardLine(node.kind);
    if (!node.dOutput.empty())
        step.tensors.push_back(shown(QStringLiteral("δ = ∂L/∂y"), node.dOutput, n));
    for (const nn::TraceParameter &p : node.parameters)
        step.tensors.push_back(whole(QStringLiteral("∂L/∂%1").arg(QString::fromStdString(p.name)), p.grad));
    for (size_t i = 0; i < node.dInputs.size(); ++i)
        if (!node.dInputs[i].empty())
            step.tensors.push_back(shown(node.dInputs.size() > 1 ? QStringLiteral("∂L/∂x%1").arg(i + 1) : QStringLiteral("∂L/∂x"),
                                         node.dInputs[i], n));
    return step;
}

StepperStep lossStep(const nn::BackpropTrace &trace, int n)
{
    StepperStep step;
    step.phase = StepperStep::Phase::Loss;
    step.title = StepperFormulaText::tr("Loss · %1").arg(QString::fromStdString(trace.loss));
    const nn::Tensor &out = trace.output;
    const int64_t k = out.rank() == 2 ? out.dim(1) : 0;
    std::vector<int64_t> row;
    for (int64_t j = 0; j < k; ++j)
        row.push_back(n * k + j);
    if (trace.loss == "CrossEntropy" && out.rank() == 2 && trace.y.rank() == 1) {
        const int target = int(std::lround(trace.y[n]));
        double largest = -INFINITY, sum = 0.0;
        for (int64_t j = 0; j < k; ++j)
            largest = std::max(largest, double(out[n * k + j]));
        for (int64_t j = 0; j < k; ++j)
            sum += std::exp(double(out[n * k + j]) - largest);
        QStringList p, grad;
        for (int64_t j = 0; j < k && j < 8; ++j) {
            p << number(std::exp(double(out[n * k + j]) - largest) / sum);
            grad << number(trace.dOutput[n * k + j]);
        }
        step.formula << QStringLiteral("L = −(1/N)·Σₙ log softmax(ŷ[n])[y[n]] = %1   (N = %2)").arg(number(trace.lossValue)).arg(trace.x.dim(0))
                     << QStringLiteral("p = softmax(ŷ[n]) = (%1)   (sample n = %2, target y[n] = %3)").arg(p.join(QStringLiteral(", "))).arg(n).arg(target)
                     << QStringLiteral("∂L/∂ŷ[n] = (p − onehot(y[n])) / N = (%1)").arg(grad.join(QStringLiteral(", ")));
    } else {
        QStringList grad;
        for (int64_t j = 0; j < k && j < 8; ++j)
            grad << number(trace.dOutput[n * k + j]);
        step.formula << QStringLiteral("L = %1(ŷ, y), the mean over the batch = %2").arg(QString::fromStdString(trace.loss), number(trace.lossValue));
        if (!grad.isEmpty())
            step.formula << QStringLiteral("∂L/∂ŷ[n] = (%1)   (sample n = %2)").arg(grad.join(QStringLiteral(", "))).arg(n);
    }
    step.formula << StepperFormulaText::tr("Backpropagation starts here: ∂L/∂ŷ goes back through the network, layer by layer.");
    step.tensors = {shown(QStringLiteral("ŷ"), out, n, row), shown(QStringLiteral("y"), trace.y, n),
                    shown(QStringLiteral("∂L/∂ŷ"), trace.dOutput, n, row)};
    return step;
}

StepperStep updateStep(const nn::BackpropTrace &trace)
{
    const nn::UpdateExplanation &e = trace.update;
    StepperStep step;
    step.phase = StepperStep::Phase::Update;
    step.title = StepperFormulaText::tr("Update · %1[%2] (%3, step t = %4)")
                     .arg(QString::fromStdString(trace.updatedParameter))
                     .arg(e.element)
                     .arg(QString::fromStdString(e.optimizer))
                     .arg(e.step);
    for (const std::string &change : trace.gradientChanges)
        step.formula << drawable(change);
    for (const std::string &line : e.lines)
        step.formula << drawable(line);
    QStringList terms;
    for (const nn::UpdateTerm &term : e.terms)
        terms << QStringLiteral("%1 = %2 (%3)").arg(drawable(term.symbol), number(term.value),
                                                    QString::fromStdString(term.meaning));
    step.formula << StepperFormulaText::tr("Where: ") + terms.join(QStringLiteral(";  "));
    for (const nn::TraceNode &node : trace.nodes)
        for (const nn::TraceParameter &p : node.parameters)
            if (node.name + "." + p.name == trace.updatedParameter) {
                step.nodeId = node.nodeId;
                step.tensors = {whole(QStringLiteral("θ before"), p.value, {e.element}),
                                whole(QStringLiteral("∂L/∂θ"), p.grad, {e.element}),
                                whole(QStringLiteral("θ after"), trace.updatedValue, {e.element})};
            }
    return step;
}

} // namespace stepperformulas
