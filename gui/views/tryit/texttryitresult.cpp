// Text Try it's forward passes: TextSet::encode and TextSampler, the code behind the CLI's
// `predict --text` and `sample`.
#include "views/tryit/texttryitresult.h"

#include "views/batchprediction.h"

#include "datasets/experiment.h"
#include "datasets/textsampler.h"
#include "datasets/textset.h"
#include "nn/error.h"

#include <QCoreApplication>

#include <algorithm>
#include <exception>

namespace {

// The tokens of `tokens` the vocabulary does not hold, each once, in order.
QStringList unknownTokens(const datasets::Vocabulary &vocabulary, const std::vector<std::string> &tokens)
{
    QStringList unknown;
    for (const std::string &token : tokens)
        if (vocabulary.id(token) == datasets::Vocabulary::kUnknown && !unknown.contains(visibleToken(token)))
            unknown << visibleToken(token);
    return unknown;
}

void classify(TextTryItResult &result, const nn::Model &model, const datasets::Experiment &experiment)
{
    const datasets::DataInfo &info = experiment.data().info;
    const nn::Tensor ids = datasets::TextSet::encode({result.text.toStdString()}, info);  // [1, T]
    const nn::Tensor output = views::predict(model, ids, views::outputActivation(experiment));
    result.values.assign(output.data(), output.data() + output.size());
    for (const std::string &name : info.classNames)
        result.classNames << QString::fromStdString(name);
}

void continueText(TextTryItResult &result, const TextTryItRequest &request, const nn::Model &model, const datasets::DataInfo &info)
{
    const datasets::TextSampler sampler(model, info);
    const datasets::Vocabulary vocabulary = datasets::TextSet::vocabularyOf(info);
    const std::string prompt = request.text.toStdString();
    const std::vector<double> next = sampler.nextProbabilities(vocabulary.split(prompt), std::max(request.temperature, 1e-6));
    // <pad> and <unk> are never drawn: the bars show the tokens the model can write.
    const auto first = static_cast<size_t>(datasets::Vocabulary::kUnknown + 1);
    result.values.assign(next.begin() + first, next.end());
    for (size_t k = first; k < info.vocabulary.size(); ++k)
        result.classNames << visibleToken(info.vocabulary[k]);
    if (request.generate) {
        result.continuation = QString::fromStdString(sampler.sample(prompt, request.length, request.temperature, request.seed));
        result.generated = true;
        result.seed = request.seed;
    }
}

} // namespace

QString visibleToken(const std::string &token)
{
    if (token == " ")
        return QStringLiteral("␣");
    if (token == "\n")
        return QStringLiteral("⏎");
    return QString::fromStdString(token);
}

TextTryItResult computeTextTryIt(const TextTryItRequest &request, const nn::Model &model, const datasets::Experiment &experiment)
{
    TextTryItResult result;
    result.text = request.text;
    try {
        const datasets::DataInfo &info = experiment.data().info;
        const datasets::Vocabulary vocabulary = datasets::TextSet::vocabularyOf(info);
        result.unknown = unknownTokens(vocabulary, vocabulary.split(request.text.toStdString()));
        result.languageModel = info.languageModel;
        if (info.languageModel)
            continueText(result, request, model, info);
        else if (!request.text.isEmpty())
            classify(result, model, experiment);
    } catch (const std::exception &error) {
        result.problem = QString::fromStdString(nn::messageOf(error));
    }
    return result;
}
