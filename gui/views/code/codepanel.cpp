// CodePanel: regenerates the PyTorch script after edits (debounced, so a drag or a typed number
// rebuilds once), shows shape problems as a comment saying what to fix, copies and saves it.
#include "views/code/codepanel.h"

#include "views/code/pythonhighlighter.h"

#include "document/graphdocument.h"

#include "nn/error.h"
#include "nn/export/pytorchexport.h"
#include "nn/loss.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kCodeDebounceMs = 200;

// The script's text, or a Python comment saying why there is none yet.
QString problemComment(const QString &message)
{
    QString text = QObject::tr("# No PyTorch code yet: the graph has a problem to fix first.\n#\n");
    for (const QString &line : message.split('\n'))
        text += "# " + line + "\n";
    return text + QObject::tr("#\n# The code appears here as soon as the graph is complete.\n");
}

} // namespace

CodePanel::CodePanel(GraphDocument *document, QWidget *parent)
    : QWidget(parent),
      document_(document),
      editor_(new QPlainTextEdit(this)),
      copyButton_(new QPushButton(tr("Copy"), this)),
      saveButton_(new QPushButton(tr("Save as…"), this)),
      debounce_(new QTimer(this))
{
    editor_->setReadOnly(true);
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor_->setObjectName(QStringLiteral("codeEditor"));
    new PythonHighlighter(editor_->document());
    copyButton_->setToolTip(tr("Copy the script to the clipboard"));
    saveButton_->setToolTip(tr("Save the script as a .py file (export the trained weights with File ▸ Export)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copyButton_);
    buttons->addWidget(saveButton_);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(editor_);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kCodeDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &CodePanel::regenerate);
    connect(copyButton_, &QPushButton::clicked, this, &CodePanel::copyToClipboard);
    connect(saveButton_, &QPushButton::clicked, this, &CodePanel::saveAs);
    connect(document_, &GraphDocument::projectReset, this, [this] {
        openAtClass_ = true;  // another project: start reading at its network
        scheduleRegenerate();
    });
    connect(document_, &GraphDocument::nodeAdded, this, &CodePanel::scheduleRegenerate);
    connect(document_, &GraphDocument::nodeRemoved, this, &CodePanel::scheduleRegenerate);
    connect(document_, &GraphDocument::nodeChanged, this, &CodePanel::scheduleRegenerate);
    connect(document_, &GraphDocument::edgeAdded, this, &CodePanel::scheduleRegenerate);
    connect(document_, &GraphDocument::edgeRemoved, this, &CodePanel::scheduleRegenerate);
    regenerate();
}

void CodePanel::setExportInfo(const nn::ExportInfo &info)
{
    info_ = info;
    scheduleRegenerate();
}

QString CodePanel::text() const
{
    return editor_->toPlainText();
}

void CodePanel::scheduleRegenerate()
{
    debounce_->start();
}

// The given info with what the student may have edited since (name, data, training) taken from
// the project; or, before any info is given, the project alone.
nn::ExportInfo CodePanel::exportInfo() const
{
    const nn::Project &project = document_->project();
    nn::ExportInfo info = info_.value_or(nn::ExportInfo{});
    info.name = project.name;
    info.description = project.description;
    info.data = project.data;
    info.training = project.training;
    info.gan = project.gan;  // a GAN's script trains as the project's "gan" settings say
    info.outputActivation = nn::outputActivationForLoss(project.training.loss);
    if (!info_)
        info.classification = info.outputActivation != "none";
    return info;
}

QString CodePanel::weightsFileName() const
{
    const QString path = document_->filePath();
    if (!path.isEmpty())
        return QFileInfo(QString::fromStdString(nn::weightsPathFor(path.toStdString()))).fileName();
    const QString name = QString::fromStdString(document_->project().name);
    return (name.isEmpty() ? QStringLiteral("model") : name) + QStringLiteral(".safetensors");
}

void CodePanel::regenerate()
{
    debounce_->stop();
    const bool openAtClass = openAtClass_ || !valid_;
    openAtClass_ = false;
    QString text;
    try {
        text = QString::fromStdString(
            nn::pytorchScript(document_->graph(), exportInfo(), weightsFileName().toStdString()));
        valid_ = true;
    } catch (const nn::Error &error) {
        text = problemComment(QString::fromStdString(error.what()));
        valid_ = false;
    }
    if (text == editor_->toPlainText())
        return;
    // Keep the reader's place: the edit usually changes a line or two. Fresh code opens at the
    // network class, the part that mirrors the drawing.
    const int scroll = editor_->verticalScrollBar()->value();
    editor_->setPlainText(text);
    const qsizetype classAt = text.indexOf(QStringLiteral("\nclass "));
    const int classLine = classAt < 0 ? 0 : int(text.left(classAt).count('\n')) + 1;
    editor_->verticalScrollBar()->setValue(valid_ && openAtClass ? classLine : scroll);
    saveButton_->setEnabled(valid_);
}

void CodePanel::copyToClipboard()
{
    QApplication::clipboard()->setText(text());
    emit statusMessage(tr("Copied the PyTorch script to the clipboard."));
}

void CodePanel::saveAs()
{
    const QString suggested = QFileInfo(weightsFileName()).completeBaseName() + QStringLiteral(".py");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the PyTorch script"), suggested,
                                                      tr("Python scripts (*.py)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text().toUtf8()) < 0) {
        emit statusMessage(tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    emit statusMessage(tr("Saved %1; it loads %2 from the same folder.").arg(path, weightsFileName()));
}
