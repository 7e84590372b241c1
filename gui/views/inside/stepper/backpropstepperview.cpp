// The stepper tab: the batch and focus choices, the list of steps, the step on screen, Next/Previous.
#include "views/inside/stepper/backpropstepperview.h"
#include "views/explanation.h"

#include "views/inside/stepper/tensorpicture.h"

#include "training/trainingcontroller.h"
#include "views/postsnapshot.h"

#include "nn/error.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kStepperDebounceMs = 150;
constexpr int kRoomyScreenHeight = 1000;  // px: from here the stepper's paragraph starts unfolded

QSpinBox *spinBox(int low, int high, int value, const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(low, high);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

QString phaseMark(StepperStep::Phase phase)
{
    switch (phase) {
    case StepperStep::Phase::Forward: return QStringLiteral("→");
    case StepperStep::Phase::Loss: return QStringLiteral("L");
    case StepperStep::Phase::Backward: return QStringLiteral("←");
    case StepperStep::Phase::Update: return QStringLiteral("Δ");
    }
    return {};
}

} // namespace

BackpropStepperView::BackpropStepperView(QWidget *parent)
    : QWidget(parent), first_(spinBox(0, 99999, 0, tr("The batch's first sample in the training split"))),
      batch_(spinBox(1, 8, 4, tr("How many samples the batch holds (1–8)"))),
      sample_(spinBox(0, 7, 0, tr("The sample of the batch whose numbers the formulas show"))),
      unit_(spinBox(0, 9999, 0, tr("The output unit (Dense) or channel (Conv2D) the formulas follow"))),
      element_(spinBox(0, 0, 0, tr("Which element of the weight tensor (flat index) the update spells out"))),
      parameter_(new QComboBox), take_(new QPushButton(tr("Take Batch"))),
      previous_(new QPushButton(tr("◀ Previous"))), next_(new QPushButton(tr("Next ▶"))), steps_(new QListWidget),
      title_(new QLabel), formula_(new QLabel), status_(new QLabel), tensors_(new QWidget), detail_(new QScrollArea),
      tensorScroll_(new QScrollArea),
      debounce_(new QTimer(this))
{
    // The walk needs the height: on a small screen (1280 × 800) its paragraph starts folded to its heading.
    const QScreen *screen = QGuiApplication::primaryScreen();
    const bool smallScreen = screen && screen->availableGeometry().height() < kRoomyScreenHeight;
    auto *about = new Explanation(QStringLiteral("stepper"),
        tr("One real training step, stopped at every node. Forward: what each layer "
           "reads, its weights and what it writes, with y = f(Wx + b) worked out for one sample and unit. Then the "
           "loss, and backward: the gradient δ arriving at each layer and the chain rule turning it into ∂L/∂W (how "
           "the loss changes with each weight) and ∂L/∂x (what is passed further down). Last, the optimizer moves one "
           "chosen weight. Outlined cells are the ones the formula uses; every number is the engine's own."),
        smallScreen);
    parameter_->setToolTip(tr("The weight tensor whose update the last step spells out"));
    parameter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    take_->setToolTip(tr("Take the batch again from the current weights"));
    // Two short rows, so that the dock fits beside the charts at 1280 × 800.
    auto *batchRow = new QHBoxLayout, *updateRow = new QHBoxLayout;
    const std::pair<QString, QWidget *> batchFields[] = {{tr("Batch: samples from"), first_}, {tr("size"), batch_},
                                                         {tr("· follow sample"), sample_}, {tr("unit"), unit_}};
    const std::pair<QString, QWidget *> updateFields[] = {{tr("Update of weight"), parameter_}, {tr("element"), element_}};
    for (const auto &[text, widget] : batchFields) {
        batchRow->addWidget(new QLabel(text));
        batchRow->addWidget(widget);
    }
    batchRow->addStretch(1);
    for (const auto &[text, widget] : updateFields) {
        updateRow->addWidget(new QLabel(text));
        updateRow->addWidget(widget);
    }
    updateRow->addWidget(take_);
    updateRow->addStretch(1);
    auto *choices = new QVBoxLayout;
    choices->setSpacing(2);
    choices->addLayout(batchRow);
    choices->addLayout(updateRow);

    title_->setTextFormat(Qt::PlainText);
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    formula_->setTextFormat(Qt::PlainText);
    formula_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formula_->setWordWrap(true);
    auto *tensorRow = new QHBoxLayout(tensors_);
    tensorRow->setContentsMargins(0, 4, 0, 0);
    tensorRow->setSpacing(14);
    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    // The batch's own line (its optimizer step and loss, or why there is no walk) heads the page.
    status_->setWordWrap(true);
    status_->setForegroundRole(QPalette::PlaceholderText);
    pageLayout->addWidget(status_);
    pageLayout->addWidget(title_);
    pageLayout->addWidget(formula_);
    // The tensors scroll sideways on their own, so that the formula wraps to the pane's width.
    tensorScroll_->setWidget(tensors_);
    tensorScroll_->setWidgetResizable(true);
    tensorScroll_->setFrameShape(QFrame::NoFrame);
    tensorScroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pageLayout->addWidget(tensorScroll_);
    pageLayout->addStretch(1);
    detail_->setWidgetResizable(true);
    detail_->setFrameShape(QFrame::NoFrame);
    detail_->setWidget(page);
    // The steps with Previous/Next under them, beside the step on screen: no row of its own, so that
    // the step keeps the height.
    previous_->setToolTip(tr("The previous step (Page Up)"));
    next_->setToolTip(tr("The next step (Page Down)"));
    auto *walk = new QWidget;
    auto *walkLayout = new QVBoxLayout(walk);
    walkLayout->setContentsMargins(0, 0, 0, 0);
    walkLayout->setSpacing(2);
    walkLayout->addWidget(steps_, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(previous_);
    buttons->addWidget(next_);
    walkLayout->addLayout(buttons);
    auto *split = new QSplitter;
    split->addWidget(walk);
    split->addWidget(detail_);
    split->setStretchFactor(1, 1);
    split->setSizes({190, 900});
    walk->setMinimumWidth(walk->minimumSizeHint().width());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(choices);
    layout->addWidget(split, 1);

    for (auto [key, slot] : {std::pair{QKeySequence(Qt::Key_PageDown), &BackpropStepperView::next},
                             std::pair{QKeySequence(Qt::Key_PageUp), &BackpropStepperView::previous}}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }
    connect(previous_, &QPushButton::clicked, this, &BackpropStepperView::previous);
    connect(next_, &QPushButton::clicked, this, &BackpropStepperView::next);
    connect(steps_, &QListWidget::currentRowChanged, this, &BackpropStepperView::setCurrentStep);
    connect(take_, &QPushButton::clicked, this, &BackpropStepperView::retrace);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kStepperDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &BackpropStepperView::retrace);
    for (QSpinBox *box : {first_, batch_, sample_, unit_, element_})
        connect(box, &QSpinBox::valueChanged, debounce_, qOverload<>(&QTimer::start));
    connect(parameter_, &QComboBox::activated, debounce_, qOverload<>(&QTimer::start));
    status_->setText(tr("Shown while training is not running: before it, paused or stopped."));
    showStep();
}

void BackpropStepperView::connectTo(TrainingController *training)
{
    training_ = training;
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        updateChoices();
        if (state == TrainingController::State::Running)
            emit stepChanged(-1, {});  // the walk is of weights that are moving on
        else if (state != TrainingController::State::Running && state != TrainingController::State::Preparing && isVisible())
            retrace();
    });
    connect(training, &TrainingController::prepared, this, [this] {
        if (isVisible())
            debounce_->start();
    });
    updateChoices();
}

bool BackpropStepperView::canTrace() const
{
    return training_ && training_->state() != TrainingController::State::Running &&
           training_->state() != TrainingController::State::Preparing;
}

void BackpropStepperView::updateChoices()
{
    take_->setEnabled(canTrace());
    if (training_ && training_->state() == TrainingController::State::Running)
        status_->setText(tr("Training is running: pause or stop it to take a batch from the current weights."));
}

StepperRequest BackpropStepperView::request() const
{
    return {first_->value(), batch_->value(), sample_->value(), unit_->value(), parameter_->currentText(), element_->value()};
}

void BackpropStepperView::setRequest(const StepperRequest &request)
{
    first_->setValue(request.firstSample);
    batch_->setValue(request.batchSize);
    sample_->setValue(request.sample);
    unit_->setValue(request.unit);
    if (parameter_->findText(request.parameter) < 0)
        parameter_->addItem(request.parameter);
    parameter_->setCurrentText(request.parameter);
    element_->setMaximum(std::max<int>(element_->maximum(), int(request.element)));
    element_->setValue(int(request.element));
    debounce_->start();
}

void BackpropStepperView::retrace()
{
    debounce_->stop();
    if (!canTrace())
        return;
    if (busy_) {
        again_ = true;
        return;
    }
    busy_ = true;
    status_->setText(tr("Taking the batch from the current weights…"));
    QPointer<BackpropStepperView> view(this);
    const StepperRequest chosen = request();
    training_->runRunProbeNow(
        [view, chosen](const nn::Model &model, const datasets::Experiment &experiment, const nn::RunState *run) {
            StepperSnapshot snapshot;
            try {
                snapshot = computeStepper(model, experiment, run, chosen);
            } catch (const std::exception &error) {
                snapshot.problem = QString::fromStdString(nn::messageOf(error));
            }
            postSnapshot(view, std::move(snapshot));
        },
        [view] {
            StepperSnapshot snapshot;
            snapshot.problem = tr("No batch to take: the network does not build or its data does not load (the canvas "
                                  "and the Training panel say why).");
            postSnapshot(view, std::move(snapshot));
        });
}

void BackpropStepperView::setSnapshot(StepperSnapshot snapshot)
{
    busy_ = false;
    const bool sameWalk = snapshot.steps.size() == snapshot_.steps.size();
    snapshot_ = std::move(snapshot);
    const StepperRequest &used = snapshot_.request;
    QSignalBlocker blockers[] = {QSignalBlocker(first_), QSignalBlocker(batch_), QSignalBlocker(sample_),
                                 QSignalBlocker(unit_), QSignalBlocker(element_), QSignalBlocker(parameter_)};
    if (snapshot_.problem.isEmpty()) {
        first_->setValue(used.firstSample);
        batch_->setValue(used.batchSize);
        sample_->setMaximum(used.batchSize - 1);
        sample_->setValue(used.sample);
        parameter_->clear();
        parameter_->addItems(snapshot_.parameterNames);
        parameter_->setCurrentText(used.parameter);
        const qsizetype index = snapshot_.parameterNames.indexOf(used.parameter);
        element_->setMaximum(index >= 0 ? int(snapshot_.parameterSizes[size_t(index)] - 1) : 0);
        first_->setMaximum(std::max(used.firstSample, int(snapshot_.trainSamples) - 1));
        element_->setValue(int(used.element));
        status_->setText(tr("Step t = %1 of the optimizer; loss on this batch %2.")
                             .arg(snapshot_.trace.update.step)
                             .arg(snapshot_.trace.lossValue, 0, 'g', 6));
    } else {
        status_->setText(snapshot_.problem);
    }
    {
        const QSignalBlocker blocker(steps_);
        steps_->clear();
        for (size_t i = 0; i < snapshot_.steps.size(); ++i)
        {
            // "Forward · hidden1 (Dense · tanh)" is "→ hidden1 (Dense · tanh)" in the list.
            const QString &title = snapshot_.steps[i].title;
            const qsizetype dot = title.indexOf(QStringLiteral(" · "));
            steps_->addItem(QStringLiteral("%1 %2").arg(phaseMark(snapshot_.steps[i].phase), dot >= 0 ? title.mid(dot + 3) : title));
            steps_->item(int(i))->setToolTip(title);
        }
    }
    const int keep = std::min(sameWalk && current_ >= 0 ? current_ : openingStep_, int(snapshot_.steps.size()) - 1);
    current_ = -1;
    setCurrentStep(snapshot_.steps.empty() ? -1 : keep);
    if (again_) {
        again_ = false;
        retrace();
    }
    emit snapshotShown();
}

void BackpropStepperView::setCurrentStep(int index)
{
    if (index == current_ || index >= int(snapshot_.steps.size()))
        return;
    current_ = index;
    {
        const QSignalBlocker blocker(steps_);
        steps_->setCurrentRow(index);
    }
    showStep();
}

void BackpropStepperView::next() { setCurrentStep(std::min(current_ + 1, int(snapshot_.steps.size()) - 1)); }

void BackpropStepperView::previous() { setCurrentStep(std::max(current_ - 1, 0)); }

void BackpropStepperView::showStep()
{
    previous_->setEnabled(current_ > 0);
    next_->setEnabled(current_ >= 0 && current_ + 1 < int(snapshot_.steps.size()));
    qDeleteAll(tensors_->findChildren<TensorPicture *>(Qt::FindDirectChildrenOnly));
    if (current_ < 0) {
        title_->setText(snapshot_.problem.isEmpty() ? tr("No batch yet") : tr("No walk"));
        formula_->setText(snapshot_.problem.isEmpty() ? tr("Open this tab while training is not running, or press "
                                                           "Take Batch.")
                                                      : snapshot_.problem);
        emit stepChanged(-1, {});
        return;
    }
    const StepperStep &step = snapshot_.steps[size_t(current_)];
    title_->setText(QStringLiteral("%1/%2  %3").arg(current_ + 1).arg(snapshot_.steps.size()).arg(step.title));
    formula_->setText(step.formula.join(QLatin1Char('\n')));
    auto *row = static_cast<QHBoxLayout *>(tensors_->layout());
    while (row->count() > 0)
        delete row->takeAt(0);
    int tallest = 0;
    for (const StepperTensor &tensor : step.tensors) {
        auto *picture = new TensorPicture(tensor);
        tallest = std::max(tallest, picture->sizeHint().height());
        row->addWidget(picture, 0, Qt::AlignTop);
    }
    row->addStretch(1);
    const QMargins margins = row->contentsMargins();
    tensorScroll_->setFixedHeight(tallest + margins.top() + margins.bottom() +
                                  tensorScroll_->horizontalScrollBar()->sizeHint().height());
    // The path: the nodes this phase has walked so far (forward from the input, backward from the loss).
    const bool forward = step.phase == StepperStep::Phase::Forward;
    QList<int> walked;
    for (int i = current_ - 1; i >= 0; --i) {
        const StepperStep &before = snapshot_.steps[size_t(i)];
        if ((before.phase == StepperStep::Phase::Forward) != forward)
            break;
        if (before.nodeId >= 0)
            walked << before.nodeId;
    }
    emit stepChanged(step.nodeId, walked);
}

void BackpropStepperView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (snapshot_.steps.empty())
        debounce_->start();
    else
        showStep();  // the canvas's path again
}

// Off screen, the canvas shows no path.
void BackpropStepperView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    emit stepChanged(-1, {});
}
