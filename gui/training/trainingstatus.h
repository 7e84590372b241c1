// TrainingStatus: the status bar's training part: a progress bar and a line such as
// "Epoch 3/20 · batch 12/40 · 41,000 samples/s · ETA 0:12", or what went wrong, in red.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

// Shows the worker's progress reports; knows nothing of the worker.
class TrainingStatus : public QWidget {
    Q_OBJECT

public:
    explicit TrainingStatus(QWidget *parent = nullptr);

    void showProgress(int epoch, int epochs, qint64 batch, qint64 batchesPerEpoch, double samplesPerSecond,
                      double etaSeconds);
    // A line of text without the bar; `problem` draws it in red.
    void showMessage(const QString &text, bool problem = false);
    QString text() const;

    // "0:12", "1:02:03".
    static QString durationText(double seconds);

private:
    QProgressBar *bar_;
    QLabel *label_;
};
