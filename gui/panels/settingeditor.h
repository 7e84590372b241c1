// SettingEditor: the inspector's editor for one declared setting: a spin box, a combo box, a
// check box or a line edit, chosen from the SettingSpec, with its help text below it.
#pragma once

#include "nn/settings.h"

#include <QWidget>

class QLabel;

// Shows a value and reports each edit the user finishes; it never applies anything itself.
class SettingEditor : public QWidget {
    Q_OBJECT

public:
    explicit SettingEditor(const nn::SettingSpec &spec, QWidget *parent = nullptr);

    const nn::SettingSpec &spec() const { return spec_; }
    // Shows `value` without reporting it as an edit; clears a shown problem.
    void setValue(const nn::SettingValue &value);
    // Shows why the last edit was refused, in red under the editor (empty hides it).
    void showProblem(const QString &problem);
    // The problem shown, empty when none is.
    QString problem() const;
    // Hides the help text under the control (it stays the tooltip), for compact panels.
    void setHelpVisible(bool visible);
    // The control itself (QSpinBox, QDoubleSpinBox, QComboBox, QCheckBox or QLineEdit).
    QWidget *control() const { return control_; }

signals:
    void edited(const nn::SettingValue &value);

private:
    QWidget *makeControl();
    QWidget *makeIntegerControl();
    QWidget *makeRealControl();
    QWidget *makeChoiceControl();
    QWidget *makeListControl();
    void reportText(const QString &text);

    nn::SettingSpec spec_;
    QWidget *control_ = nullptr;
    QLabel *help_ = nullptr;
    QLabel *problem_ = nullptr;
};
