// Sorted, labelled probability bars.
#include "views/tryit/probabilitybars.h"

#include "canvas/canvasstyle.h"

#include <QPainter>

#include <algorithm>

namespace {

constexpr size_t kMaxRows = 10;
constexpr int kGap = 6;

} // namespace

ProbabilityBars::ProbabilityBars(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("probability_bars"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ProbabilityBars::setProbabilities(const QStringList &classNames, const std::vector<float> &probabilities)
{
    rows_.clear();
    for (size_t k = 0; k < probabilities.size(); ++k)
        rows_.push_back({k < size_t(classNames.size()) ? classNames[qsizetype(k)] : QString::number(k), probabilities[k]});
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row &a, const Row &b) { return a.probability > b.probability; });
    rows_.resize(std::min(rows_.size(), kMaxRows));
    updateGeometry();
    update();
}

void ProbabilityBars::clear()
{
    rows_.clear();
    updateGeometry();
    update();
}

QStringList ProbabilityBars::rowTexts() const
{
    QStringList texts;
    for (const Row &row : rows_)
        texts << QStringLiteral("%1 %2%").arg(row.name).arg(100.0 * row.probability, 0, 'f', 1);
    return texts;
}

int ProbabilityBars::rowHeight() const
{
    return fontMetrics().height() + 8;
}

QSize ProbabilityBars::sizeHint() const
{
    return {260, int(rows_.size()) * rowHeight()};
}

QSize ProbabilityBars::minimumSizeHint() const
{
    return {160, int(rows_.size()) * rowHeight()};
}

void ProbabilityBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    int nameWidth = 0;
    for (const Row &row : rows_)
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(row.name) + 2);
    nameWidth = std::min(nameWidth, width() / 3);
    const int percentWidth = metrics.horizontalAdvance(QStringLiteral("100.0%"));
    const int barLeft = nameWidth + kGap, barSpan = std::max(10, width() - barLeft - percentWidth - kGap);
    for (size_t i = 0; i < rows_.size(); ++i) {
        const Row &row = rows_[i];
        const QRect line(0, int(i) * rowHeight(), width(), rowHeight());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, line.top(), nameWidth, line.height()), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(row.name, Qt::ElideRight, nameWidth));
        const QRectF track(barLeft, line.top() + 3, barSpan, line.height() - 6);
        painter.fillRect(track, palette().color(QPalette::AlternateBase));
        QRectF bar = track;
        bar.setWidth(track.width() * std::clamp(row.probability, 0.0f, 1.0f));
        painter.fillRect(bar, i == 0 ? canvasstyle::selectionColor() : canvasstyle::mutedTextColor().lighter(150));
        painter.drawText(QRect(barLeft + barSpan + kGap, line.top(), percentWidth, line.height()), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1%").arg(100.0 * row.probability, 0, 'f', 1));
    }
}
