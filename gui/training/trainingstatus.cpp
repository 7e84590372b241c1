// The status bar's progress bar and progress line.
#include "trainingstatus.h"

#include "canvas/canvasstyle.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kBarWidth = 160;
constexpr int kLabelMaxWidth = 720;
} // namespace

TrainingStatus::TrainingStatus(QWidget *parent) : QWidget(parent), bar_(new QProgressBar), label_(new QLabel)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    bar_->setFixedWidth(kBarWidth);
    bar_->setTextVisible(false);
    bar_->hide();
    label_->setMaximumWidth(kLabelMaxWidth);
    layout->addWidget(label_);
    layout->addWidget(bar_);
}

void TrainingStatus::showProgress(int epoch, int epochs, qint64 batch, qint64 batchesPerEpoch, double samplesPerSecond,
                                  double etaSeconds)
{
    const qint64 total = qint64(epochs) * batchesPerEpoch;
    const qint64 done = qint64(epoch - 1) * batchesPerEpoch + batch;
    // QProgressBar counts in int; a long run is shown in thousandths.
    bar_->setRange(0, 1000);
    bar_->setValue(total > 0 ? int(1000 * done / total) : 0);
    bar_->show();
    const QLocale locale;
    label_->setStyleSheet({});
    label_->setToolTip({});
    // Three significant figures at most: 1,480,000 or 312 samples/s, never "0".
    const double magnitude = samplesPerSecond >= 1000.0 ? std::pow(10.0, std::floor(std::log10(samplesPerSecond)) - 2) : 1.0;
    // NaN while stepping batch by batch, which says nothing of the run's pace.
    const QString eta = std::isnan(etaSeconds) ? tr("paused") : tr("ETA %1").arg(durationText(etaSeconds));
    label_->setText(tr("Epoch %1/%2 · batch %3/%4 · %5 samples/s · %6")
                        .arg(epoch)
                        .arg(epochs)
                        .arg(batch)
                        .arg(batchesPerEpoch)
                        .arg(locale.toString(std::round(samplesPerSecond / magnitude) * magnitude, 'f', 0))
                        .arg(eta));
}

void TrainingStatus::showMessage(const QString &text, bool problem)
{
    bar_->hide();
    label_->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(canvasstyle::errorColor().name()) : QString());
    label_->setToolTip(text);
    const QFontMetrics metrics(label_->font());
    label_->setText(metrics.elidedText(text, Qt::ElideRight, kLabelMaxWidth));
}

QString TrainingStatus::text() const
{
    return label_->toolTip().isEmpty() ? label_->text() : label_->toolTip();
}

QString TrainingStatus::durationText(double seconds)
{
    const qint64 total = std::isfinite(seconds) ? qint64(std::llround(std::max(seconds, 0.0))) : 0;
    const qint64 hours = total / 3600, minutes = total / 60 % 60, rest = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}
