// ProjectFiles: New, Open, Save and Save As for the document, the question before unsaved
// edits are lost, and the messages when a file cannot be read or written.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class GraphDocument;
class RecentFiles;
class QWidget;

// The file side of the window. read() and write() never show a dialog; the others may.
class ProjectFiles : public QObject {
    Q_OBJECT

public:
    // What to do with unsaved edits: the answer of the Save / Discard / Cancel question.
    enum class Unsaved { Save, Discard, Cancel };
    using Question = std::function<Unsaved()>;

    ProjectFiles(GraphDocument *document, RecentFiles *recent, QWidget *window, QObject *parent = nullptr);

    // A fresh project holding one Input node.
    void newProject();
    // A GAN project: a small generator and discriminator for the 2D ring of 8 Gaussians.
    void newGanProject();
    // Asks for a file, then opens it.
    void open();
    // Opens a file or a bundled example's name; false (after saying why) when it cannot.
    bool openPath(const QString &pathOrExample);
    bool save();
    bool saveAs();
    // True when the document may be replaced or closed: nothing unsaved, or the user chose.
    bool maybeDiscard();

    // Reads a project into the document; on failure leaves it alone and returns the message.
    QString read(const QString &path);
    // Writes the document atomically (QSaveFile); on failure returns the message.
    QString write(const QString &path);

    // Replaces the Save / Discard / Cancel dialog (tests answer it without a window).
    void setUnsavedQuestion(Question question) { question_ = std::move(question); }

signals:
    void statusMessage(const QString &message);
    // After the project was written to `path` (the trained weights follow it, beside it).
    void saved(const QString &path);

private:
    // openPath() after the question about unsaved changes.
    bool load(const QString &pathOrExample);
    Unsaved askAboutUnsaved() const;
    QString suggestedPath() const;

    GraphDocument *document_;
    RecentFiles *recent_;
    QWidget *window_;
    Question question_;
};
