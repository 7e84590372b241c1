// GanSection: the Training tab's settings of a GAN project: the noise, the adversarial loss, k
// D-steps per G-step, label smoothing, the gradient penalty and G's own optimizer and learning rate.
#pragma once

#include "projectsection.h"

#include <map>
#include <string>

class ComponentEditor;
class QCheckBox;
class QLabel;
class SettingEditor;

// Every finished edit is one ChangeProjectSettingsCommand on the "gan" section; hidden (by the
// training panel) for a project of one network.
class GanSection : public ProjectSection {
    Q_OBJECT

public:
    explicit GanSection(GraphDocument *document, QWidget *parent = nullptr);

    // The editor of a declared "gan" setting: "noise", "loss", "d_steps", "label_smoothing", "gradient_penalty".
    SettingEditor *editor(const std::string &key) const;
    // Checked: G trains with its own optimizer (generator_optimizer); unchecked: with D's.
    QCheckBox *ownOptimizerBox() const { return ownOptimizer_; }
    ComponentEditor *generatorOptimizer() const { return optimizer_; }

protected:
    void showDocument() override;

private:
    void editSetting(const std::string &key, const nn::SettingValue &value);
    void editOwnOptimizer(bool own);
    void editOptimizerKind(const std::string &kind);
    void editOptimizerSetting(const std::string &setting, const nn::SettingValue &value);
    void showProblem(const QString &problem);

    std::map<std::string, SettingEditor *> editors_;
    QCheckBox *ownOptimizer_;
    ComponentEditor *optimizer_;
    QLabel *problem_;
};
