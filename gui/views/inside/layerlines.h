// LayerLines: one line of values over the steps per layer, in graph order, for the gradient-flow
// charts; a value that a log scale cannot show (NaN, infinite, ≤ 0) is kept and drawn as a gap.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

// Every value a view was given, thinned to at most kMaxPoints per line as a run grows.
class LayerLines {
public:
    static constexpr int kMaxPoints = 2000;

    struct Line {
        QString name;
        QList<QPointF> points;  // (step, value)
    };

    // Appends `value` at `step` to `name`'s line; a new name starts a line after the others.
    void add(const QString &name, double step, double value);
    void clear() { lines_.clear(); }
    const std::vector<Line> &lines() const { return lines_; }
    bool isEmpty() const { return lines_.empty(); }

    // Whether a log scale can draw `value`.
    static bool drawable(double value);

private:
    std::vector<Line> lines_;
};
