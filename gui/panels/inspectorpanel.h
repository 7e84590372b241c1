// InspectorPanel: the Settings dock: the selected node's name, kind, settings and shape problem.
// Every change goes through an undo command, one per finished edit.
#pragma once

#include "nn/settings.h"

#include <QWidget>

#include <string>
#include <vector>

class GraphDocument;
namespace nn {
struct Node;
}
class QLabel;
class QLineEdit;
class QFormLayout;
class QStackedWidget;
class SettingEditor;

// Built from the node kind's declaration each time the selection changes; refreshed from the
// document when an edit or an undo changes the node.
class InspectorPanel : public QWidget {
    Q_OBJECT

public:
    explicit InspectorPanel(GraphDocument *document, QWidget *parent = nullptr);

    // The node to show, or -1 for none; `selected` is how many nodes are selected.
    void showNode(int id, int selected = 1);
    int nodeId() const { return nodeId_; }

    QLineEdit *nameField() const { return name_; }
    SettingEditor *editor(const std::string &setting) const;
    QLabel *problemLabel() const { return problem_; }
    // A GAN's noise node: the distribution of z (the "gan" section's noise); null for other nodes.
    SettingEditor *noiseEditor() const { return noise_; }
    QString hint() const;

signals:
    void statusMessage(const QString &message);

private:
    void buildEditors();
    void refreshValues();
    void refreshStatus();
    void applyName();
    void applySetting(const std::string &setting, const nn::SettingValue &value);
    void addGanRole(const nn::Node &node);
    void applyNoise(const nn::SettingValue &value);

    GraphDocument *document_;
    int nodeId_ = -1;
    QStackedWidget *pages_;
    QLabel *hint_;
    QLabel *kind_;
    QLabel *summary_;
    QLineEdit *name_;
    QLabel *output_;
    QLabel *problem_;
    QFormLayout *form_;
    std::vector<SettingEditor *> editors_;
    SettingEditor *noise_ = nullptr;
};
