// Try it's one forward pass: the picture fitted and scaled by datasets/, as `predict` does it.
#include "views/tryit/tryitresult.h"

#include "views/batchprediction.h"
#include "views/sampleimage.h"

#include "datasets/experiment.h"
#include "nn/error.h"

#include <QCoreApplication>

#include <exception>

TryItResult computeTryIt(const datasets::Image &image, const nn::Model &model, const datasets::Experiment &experiment)
{
    TryItResult result;
    try {
        const datasets::DataInfo &info = experiment.data().info;
        const std::string &resize = experiment.project().data.imageResize;
        const nn::Tensor input = datasets::imageInput(image, info, resize);  // [1, C, H, W]
        const nn::Tensor output = views::predict(model, input, views::outputActivation(experiment));
        result.values.assign(output.data(), output.data() + output.size());
        result.seen = views::sampleImage(input.data(), info);
        result.seenText = QCoreApplication::translate("TryItPanel", "%1×%2 %3, %4 from %5×%6")
                              .arg(info.sampleShape[2])
                              .arg(info.sampleShape[1])
                              .arg(info.sampleShape[0] == 3 ? QCoreApplication::translate("TryItPanel", "colour")
                                                            : QCoreApplication::translate("TryItPanel", "grey"))
                              .arg(QString::fromStdString(resize))
                              .arg(image.width)
                              .arg(image.height);
        result.classification = info.classification;
        for (const std::string &name : info.classNames)
            result.classNames << QString::fromStdString(name);
    } catch (const std::exception &error) {
        result.problem = QString::fromStdString(nn::messageOf(error));
    }
    return result;
}
