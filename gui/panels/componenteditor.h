// ComponentEditor: a combo box of a registry's kinds (losses, optimizers) with the chosen kind's
// summary and one SettingEditor per setting it declares, as in the inspector.
#pragma once

#include "nn/settings.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class SettingEditor;

// Shows a kind and its settings and reports each finished edit; it never applies anything itself.
class ComponentEditor : public QWidget {
    Q_OBJECT

public:
    // `specs` are the registry's declarations, listed in the combo box in their order.
    explicit ComponentEditor(std::vector<const nn::ComponentSpec *> specs, QWidget *parent = nullptr);

    // Shows `kind` with `settings` (the values given; the others show their defaults), rebuilding
    // the setting editors when the kind changed. Reports nothing.
    void showKind(const std::string &kind, const nlohmann::json &settings);
    // Greys out the kinds `fits` says no to; they stay selectable (a file may hold one).
    void markFitting(const std::function<bool(const nn::ComponentSpec &)> &fits);

    QComboBox *kindBox() const { return kinds_; }
    SettingEditor *editor(const std::string &setting) const;
    std::string kind() const { return kind_; }

signals:
    void kindEdited(const std::string &kind);
    void settingEdited(const std::string &setting, const nn::SettingValue &value);

private:
    void buildEditors(const nn::ComponentSpec &spec);

    std::vector<const nn::ComponentSpec *> specs_;
    std::string kind_;
    QComboBox *kinds_;
    QLabel *summary_;
    QFormLayout *form_;
    std::vector<SettingEditor *> editors_;
};
