#include "training/finishtext.h"

#include <QCoreApplication>

namespace {

// Translated in the TrainingWorker context, where these messages were first written.
struct FinishWords {
    Q_DECLARE_TR_FUNCTIONS(TrainingWorker)
};

// Why a run diverged and what to try.
QString divergenceText(const nn::FinishReport::Divergence &at)
{
    const QString quantity = at.quantity == "loss"       ? FinishWords::tr("loss")
                             : at.quantity == "gradient" ? FinishWords::tr("gradient")
                                                         : QString::fromStdString(at.quantity);
    QString text = FinishWords::tr("Training stopped at epoch %1, batch %2: the %3 became %4.")
                       .arg(at.epoch)
                       .arg(at.batch)
                       .arg(quantity, at.infinite ? FinishWords::tr("infinite") : QStringLiteral("NaN"));
    if (!at.layer.empty())
        text += FinishWords::tr(" The first layer with non-finite values is '%1'.").arg(QString::fromStdString(at.layer));
    text += at.weightsRestored ? FinishWords::tr(" The weights from the start of this epoch are restored.")
                               : FinishWords::tr(" The weights of the last good step are kept.");
    text += FinishWords::tr(" Try a lower learning rate (now %1), gradient clipping (clip_norm), or scaling the inputs "
                            "(standardize). A normalization layer (BatchNorm) after the layer that blew up also helps.")
                .arg(at.learningRate, 0, 'g', 4);
    return text;
}

} // namespace

QString finishText(const nn::FinishReport &report, const StopFacts &stop)
{
    using Reason = nn::FinishReport::Reason;
    switch (report.reason) {
    case Reason::Diverged:
        return report.divergence ? divergenceText(*report.divergence) : QString::fromStdString(report.message);
    case Reason::Completed:
        return FinishWords::tr("Trained %1 epochs.").arg(report.epochsRun);
    case Reason::EarlyStopped:
        return FinishWords::tr("Stopped early after epoch %1: the validation loss has not improved for %2 epochs. The "
                               "weights of the best epoch (validation loss %3) are kept.")
            .arg(report.epochsRun)
            .arg(report.patience)
            .arg(report.bestValidationLoss, 0, 'g', 4);
    case Reason::Stopped:
        return (stop.atLimit ? FinishWords::tr("Stopped where the lesson's run ends, in epoch %1 after %2 batches; the "
                                               "weights trained so far are kept.")
                             : FinishWords::tr("Stopped by the user in epoch %1 after %2 batches; the weights trained so "
                                               "far are kept."))
            .arg(stop.epoch)
            .arg(stop.batches);
    }
    return QString::fromStdString(report.message);
}
