// A run's settings as its legend entry reads them.
#include "views/charts/runlabel.h"

#include "nn/project.h"
#include "nn/registry.h"

#include <QStringList>

namespace {

QString shortNumber(double value)
{
    return QString::number(value, 'g', 3);
}

} // namespace

// The optimizer's learning rate as it trains (its default when the file leaves it out), if it has one.
QString RunLabel::learningRate(const nn::TrainingConfig &training)
{
    if (!nn::optimizerRegistry().contains(training.optimizer))
        return {};
    try {
        const nn::ComponentSpec &spec = nn::optimizerRegistry().spec(training.optimizer);
        if (!spec.find("lr"))
            return {};
        return tr(" lr %1").arg(shortNumber(nn::Settings::fromJson(spec, training.optimizerSettings).real("lr")));
    } catch (const std::exception &) {
        return {};  // settings the trainer refuses: the run did not start with them
    }
}

QString RunLabel::of(const nn::Project &project)
{
    const nn::TrainingConfig &training = project.training;
    QStringList parts{QString::fromStdString(training.optimizer) + learningRate(training)};
    if (training.batchMode == "full")
        parts << tr("full batch");
    else
        parts << tr("batch %1").arg(training.batchMode == "stochastic" ? 1 : training.batchSize);
    if (training.l1 > 0.0)
        parts << tr("L1 %1").arg(shortNumber(training.l1));
    if (training.l2 > 0.0)
        parts << tr("L2 %1").arg(shortNumber(training.l2));
    QStringList dropout;
    for (const nn::Node &node : project.graph.nodes())
        if (node.kind == "Dropout")
            dropout << shortNumber(node.settings.real("rate"));
    if (!dropout.isEmpty())
        parts << tr("dropout %1").arg(dropout.join(QStringLiteral("/")));
    return parts.join(QStringLiteral(" · "));
}
