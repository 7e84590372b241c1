// The pace slider: notches on a 1-2-3-5 series, each move one merged undo step of the training settings.
#include "training/pacecontrol.h"

#include "document/graphdocument.h"
#include "i18n/enginetext.h"

#include "nn/projectsettings.h"
#include "nn/trainingconfig.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

// Steps a second at each notch but the last, which is "as fast as possible" (0).
constexpr std::array kPaces{1.0,   2.0,   3.0,   5.0,    10.0,   20.0,   30.0,   50.0,    100.0,
                            200.0, 300.0, 500.0, 1000.0, 2000.0, 3000.0, 5000.0, 10000.0};

} // namespace

PaceControl::PaceControl(GraphDocument *document, QWidget *parent)
    : ProjectSection(document, parent), slider_(new QSlider(Qt::Horizontal)), label_(new QLabel)
{
    setObjectName(QStringLiteral("pace"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    auto *title = new QLabel(tr("Pace"));
    slider_->setObjectName(QStringLiteral("paceSlider"));
    slider_->setRange(0, notchCount() - 1);
    slider_->setPageStep(3);
    slider_->setMinimumWidth(110);
    slider_->setMaximumWidth(160);
    label_->setObjectName(QStringLiteral("paceLabel"));
    int widest = 0;  // the label keeps its width as the slider moves
    for (int notch = 0; notch < notchCount(); ++notch)
        widest = std::max(widest, label_->fontMetrics().horizontalAdvance(describe(paceAt(notch))));
    label_->setMinimumWidth(widest + 4);
    const QString help = engineText(nn::trainingSetting("steps_per_second").help);
    for (QWidget *widget : {static_cast<QWidget *>(title), static_cast<QWidget *>(slider_), static_cast<QWidget *>(label_)})
        widget->setToolTip(help);
    setWhatsThis(tr("<b>Pace</b><p>How fast training goes: from slow motion, one step a second, to as fast as the "
                    "computer can. Slow it down to watch the decision boundary and the curves form step by step; the "
                    "pace is saved with the project and a run follows it at once.</p>"));
    layout->addWidget(title);
    layout->addWidget(slider_);
    layout->addWidget(label_);
    layout->addStretch(1);  // in a wide tool bar the spare room goes after the label, not between
    connect(slider_, &QSlider::valueChanged, this, [this](int notch) {
        const double pace = paceAt(notch);
        label_->setText(describe(pace));
        edit(Section::Training, "steps_per_second", Merge::SameField,
             [pace](nlohmann::json &json) { json["steps_per_second"] = pace; });
    });
    // Another project, an undo or a file's value: the slider shows what the project holds.
    connect(document, &GraphDocument::projectReset, this, &ProjectSection::refresh);
    connect(document, &GraphDocument::trainingChanged, this, &ProjectSection::refresh);
    refresh();
}

int PaceControl::notchCount()
{
    return int(kPaces.size()) + 1;
}

double PaceControl::paceAt(int notch)
{
    return notch >= 0 && notch < int(kPaces.size()) ? kPaces[size_t(notch)] : 0.0;
}

// Nearest on a log scale; 0 (and anything past the last pace) is the last notch.
int PaceControl::notchOf(double stepsPerSecond)
{
    if (stepsPerSecond <= 0.0 || stepsPerSecond > kPaces.back())
        return notchCount() - 1;
    int nearest = 0;
    for (int notch = 1; notch < int(kPaces.size()); ++notch)
        if (std::abs(std::log(kPaces[size_t(notch)] / stepsPerSecond)) < std::abs(std::log(kPaces[size_t(nearest)] / stepsPerSecond)))
            nearest = notch;
    return nearest;
}

QString PaceControl::describe(double stepsPerSecond)
{
    if (stepsPerSecond <= 0.0)
        return tr("Full speed");
    const double apart = 1000.0 / stepsPerSecond;
    return tr("%1 steps/s · %2 ms apart").arg(stepsPerSecond, 0, 'g', 6).arg(apart < 10.0 ? QString::number(apart, 'g', 2) : QString::number(apart, 'f', 0));
}

void PaceControl::showDocument()
{
    const double pace = document()->project().training.stepsPerSecond;
    slider_->setValue(notchOf(pace));
    label_->setText(describe(pace));  // the file's own value, also between two notches
}
