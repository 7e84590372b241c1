// The step kinds' actions and Step's menu.
#include "training/stepkindactions.h"

#include <QAction>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>

StepKindActions::StepKindActions(QObject *parent)
    : QObject(parent), discriminator_(new QAction(tr("Step &D Only"), this)), generator_(new QAction(tr("Step &G Only"), this)),
      both_(new QAction(tr("Step D and G (One of Each)"), this)), menu_(new QMenu)
{
    discriminator_->setObjectName(QStringLiteral("stepDiscriminator"));
    discriminator_->setStatusTip(tr("Train only the discriminator for one batch; the generator stays as it is"));
    discriminator_->setWhatsThis(tr("<b>Step D Only</b><p>One discriminator step on one batch: D learns to tell these "
                                    "real samples from the generator's. The generator does not change.</p>"));
    connect(discriminator_, &QAction::triggered, this, [this] { emit stepRequested(nn::StepKind::Discriminator); });
    generator_->setObjectName(QStringLiteral("stepGenerator"));
    generator_->setStatusTip(tr("Train only the generator for one batch; the discriminator stays as it is"));
    generator_->setWhatsThis(tr("<b>Step G Only</b><p>One generator step: G moves its samples to where the "
                                "discriminator, frozen, finds them more real. The discriminator does not change.</p>"));
    connect(generator_, &QAction::triggered, this, [this] { emit stepRequested(nn::StepKind::Generator); });
    both_->setStatusTip(tr("Train the discriminator, then the generator, for one batch"));
    connect(both_, &QAction::triggered, this, [this] { emit stepRequested(nn::StepKind::Both); });
    menu_->setObjectName(QStringLiteral("stepKinds"));
    menu_->addActions({both_, discriminator_, generator_});
    setGan(false);
}

StepKindActions::~StepKindActions()
{
    delete menu_;  // a menu without a parent widget: the button only borrows it
}

void StepKindActions::addStepButtonTo(QToolBar *bar, QAction *step)
{
    button_ = new QToolButton(bar);
    button_->setObjectName(QStringLiteral("stepButton"));
    button_->setDefaultAction(step);
    button_->setAutoRaise(true);
    button_->setFocusPolicy(Qt::NoFocus);
    button_->setToolButtonStyle(bar->toolButtonStyle());
    connect(bar, &QToolBar::toolButtonStyleChanged, button_.data(), &QToolButton::setToolButtonStyle);
    bar->addWidget(button_);
    setGan(gan_);
}

void StepKindActions::setGan(bool gan)
{
    gan_ = gan;
    discriminator_->setVisible(gan);
    generator_->setVisible(gan);
    if (!button_)
        return;
    button_->setMenu(gan ? menu_ : nullptr);
    button_->setPopupMode(gan ? QToolButton::MenuButtonPopup : QToolButton::DelayedPopup);
}

void StepKindActions::setEnabled(bool enabled)
{
    for (QAction *action : {discriminator_, generator_, both_})
        action->setEnabled(enabled);
}
