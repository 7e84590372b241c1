// TokenHeatMap: a matrix as a grid of coloured cells under a title, with a label per row and per
// column (tokens, unit numbers) and a colour key: weights from white 0 to dark blue 1, or values
// diverging around 0 (blue below, white at 0, red above).
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <vector>

// Paints the matrix it was last given; sized by its cell size and labels.
class TokenHeatMap : public QWidget {
    Q_OBJECT

public:
    enum class Colours { Weights, Diverging };

    explicit TokenHeatMap(QWidget *parent = nullptr);

    // `values` row-major, rows × cols; the key spans 0…1 (Weights) or −scale…+scale (Diverging).
    void setMatrix(const QString &title, std::vector<float> values, int rows, int cols, QStringList rowLabels,
                   QStringList columnLabels, Colours colours, float scale = 1.0f);
    // Cells `width` × `height` pixels (square when height is 0).
    void setCellSize(int width, int height = 0);

    int rows() const { return rows_; }
    int columns() const { return cols_; }
    float value(int row, int col) const { return values_[size_t(row * cols_ + col)]; }
    // The colour cell (row, col) is painted with, and where.
    QColor cellColour(int row, int col) const { return colour(value(row, col)); }
    QRect cellRect(int row, int col) const;
    QColor colour(float value) const;
    const QString &title() const { return title_; }
    const QStringList &rowLabels() const { return rowLabels_; }
    const QStringList &columnLabels() const { return columnLabels_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int rowLabelWidth() const;
    int columnLabelHeight() const;
    bool rotatedColumnLabels() const;
    void paintKey(QPainter &painter, const QRect &area) const;

    QString title_;
    std::vector<float> values_;
    int rows_ = 0, cols_ = 0, cellWidth_ = 24, cellHeight_ = 24;
    QStringList rowLabels_, columnLabels_;
    Colours colours_ = Colours::Weights;
    float scale_ = 1.0f;
};
