// CodePanel: the Code dock: the current graph as the PyTorch script the exporter writes,
// regenerated shortly after every edit, so the drawing and its code are seen side by side.
#pragma once

#include "nn/export/exportinfo.h"

#include <QWidget>

#include <optional>

class GraphDocument;
class QPlainTextEdit;
class QPushButton;
class QTimer;

// A read-only, highlighted view of pytorchScript() for the document's graph, with Copy and Save as….
class CodePanel : public QWidget {
    Q_OBJECT

public:
    explicit CodePanel(GraphDocument *document, QWidget *parent = nullptr);

    // What the loaded data adds (input scaling, class and feature names). Until it is given, the
    // script is built from the project alone: no scaling, with a comment saying so.
    void setExportInfo(const nn::ExportInfo &info);

    QString text() const;
    QPlainTextEdit *editor() const { return editor_; }

    // Rebuilds the text now (edits call it through a ~200 ms debounce).
    void regenerate();

signals:
    void statusMessage(const QString &message);

private:
    void scheduleRegenerate();
    nn::ExportInfo exportInfo() const;
    QString weightsFileName() const;
    void copyToClipboard();
    void saveAs();

    GraphDocument *document_;
    QPlainTextEdit *editor_;
    QPushButton *copyButton_;
    QPushButton *saveButton_;
    QTimer *debounce_;
    std::optional<nn::ExportInfo> info_;
    bool valid_ = false;  // the text is a script, not a message about the graph
    bool openAtClass_ = true;  // the next text shows the network class first, not the reader's old place
};
