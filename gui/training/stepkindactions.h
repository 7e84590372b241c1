// StepKindActions: a GAN's three kinds of Step, as GAN Lab has them: the discriminator's part alone,
// the generator's part alone, or one of each.
#pragma once

#include "nn/stepkind.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QToolBar;
class QToolButton;

// "Step D Only", "Step G Only" and "Step D and G" (the menu on Step's tool button); shown only while
// the project is a GAN. They ask for a step through stepRequested.
class StepKindActions : public QObject {
    Q_OBJECT

public:
    explicit StepKindActions(QObject *parent = nullptr);
    ~StepKindActions() override;

    QAction *discriminatorOnly() const { return discriminator_; }
    QAction *generatorOnly() const { return generator_; }
    QMenu *menu() const { return menu_; }

    // Adds a tool button for `step` to `bar`, which opens the kinds as its menu for a GAN.
    void addStepButtonTo(QToolBar *bar, QAction *step);
    void setGan(bool gan);
    bool isGan() const { return gan_; }
    void setEnabled(bool enabled);

signals:
    void stepRequested(nn::StepKind kind);

private:
    QAction *discriminator_, *generator_, *both_;
    QMenu *menu_;
    QPointer<QToolButton> button_;
    bool gan_ = false;
};
