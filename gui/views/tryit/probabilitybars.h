// ProbabilityBars: class probabilities as labelled horizontal bars, the most likely class first.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

// Paints one row per class (the ten most likely at most): the name, a bar as long as the
// probability, and the percentage.
class ProbabilityBars : public QWidget {
    Q_OBJECT

public:
    explicit ProbabilityBars(QWidget *parent = nullptr);

    // `probabilities[k]` belongs to `classNames[k]` (a missing name is the class number).
    void setProbabilities(const QStringList &classNames, const std::vector<float> &probabilities);
    void clear();
    // The rows as drawn, most likely first: "cats 87.5%".
    QStringList rowTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row {
        QString name;
        float probability = 0.0f;
    };
    int rowHeight() const;

    std::vector<Row> rows_;
};
