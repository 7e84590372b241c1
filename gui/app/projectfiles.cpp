// Opening and saving projects, with atomic writes and messages instead of crashes.
#include "projectfiles.h"

#include "recentfiles.h"

#include "document/ganstarter.h"
#include "document/graphdocument.h"

#include "datasets/experiment.h"
#include "nn/error.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QUndoStack>

namespace {

const QString kSuffix = QStringLiteral(".layerlab.json");
const QString kLastFolderKey = QStringLiteral("lastFolder");

QString fileFilter()
{
    return QObject::tr("LayerLab projects (*.layerlab.json);;JSON files (*.json);;All files (*)");
}

} // namespace

ProjectFiles::ProjectFiles(GraphDocument *document, RecentFiles *recent, QWidget *window, QObject *parent)
    : QObject(parent), document_(document), recent_(recent), window_(window)
{
}

void ProjectFiles::newProject()
{
    if (!maybeDiscard())
        return;
    nn::Project project;
    project.name = "untitled";
    project.graph.addNode("Input", "input");
    document_->setProject(std::move(project));
    emit statusMessage(tr("New project: drag layers from the palette onto the canvas."));
}

void ProjectFiles::newGanProject()
{
    if (!maybeDiscard())
        return;
    nn::Project project;
    project.name = "untitled-gan";
    project.data.source = "ring";
    project.data.samples = 4000;
    project.data.scaling = "none";
    project.data.validationSplit = 0.0;
    project.data.testSplit = 0.0;
    project.training.loss = "BinaryCrossEntropy";
    project.training.batchSize = 128;
    project.training.optimizerSettings = {{"lr", 0.001}, {"beta1", 0.5}};  // as gan-ring: Adam's β1 of DCGAN
    project.graph = nn::Graph::fromJson(ganstarter::fragmentFor({2}));
    project.gan = nn::GanConfig();
    document_->setProject(std::move(project));
    emit statusMessage(tr("New GAN project: the generator turns noise into points, the discriminator tells them from the "
                          "ring's. Drop layers into either frame."));
}

void ProjectFiles::open()
{
    if (!maybeDiscard())
        return;
    const QString folder = QSettings().value(kLastFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open Project"), folder, fileFilter());
    if (!path.isEmpty())
        load(path);
}

bool ProjectFiles::openPath(const QString &pathOrExample)
{
    return maybeDiscard() && load(pathOrExample);
}

bool ProjectFiles::load(const QString &pathOrExample)
{
    QString path;
    try {
        path = QString::fromStdString(datasets::resolveProjectPath(pathOrExample.toStdString()));
    } catch (const nn::Error &error) {
        QMessageBox::warning(window_, tr("Cannot Open Project"), QString::fromStdString(error.what()));
        return false;
    }
    if (const QString problem = read(path); !problem.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot Open Project"), problem);
        recent_->remove(path);
        return false;
    }
    // The file's name alone: a long path ran into the training status beside it at 1280×800.
    emit statusMessage(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

QString ProjectFiles::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1 cannot be read: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
    const QByteArray text = file.readAll();
    try {
        nn::Project project = nn::projectFromText(std::string_view(text.constData(), size_t(text.size())),
                                                  QFileInfo(path).fileName().toStdString());
        document_->setProject(std::move(project), QFileInfo(path).absoluteFilePath());
    } catch (const nn::Error &error) {
        return QString::fromStdString(error.what());
    }
    if (!datasets::isBundledExample(path.toStdString())) {  // examples have their own menu
        recent_->add(path);
        QSettings().setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    }
    return {};
}

bool ProjectFiles::save()
{
    const QString path = document_->filePath();
    if (path.isEmpty() || datasets::isBundledExample(path.toStdString()))
        return saveAs();  // bundled examples stay as they came
    if (const QString problem = write(path); !problem.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot Save Project"), problem);
        return false;
    }
    return true;
}

bool ProjectFiles::saveAs()
{
    QString path = QFileDialog::getSaveFileName(window_, tr("Save Project As"), suggestedPath(), fileFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".json")))
        path += kSuffix;
    if (const QString problem = write(path); !problem.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot Save Project"), problem);
        return false;
    }
    return true;
}

QString ProjectFiles::write(const QString &path)
{
    nn::Project project = document_->project();
    project.name = GraphDocument::projectNameFor(path).toStdString();  // the project takes the file's name
    std::string text;
    try {
        text = nn::projectToText(project);
    } catch (const nn::Error &error) {
        return QString::fromStdString(error.what());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
        !file.commit())
        return tr("%1 cannot be written: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
    document_->setFilePath(QFileInfo(path).absoluteFilePath());
    document_->markSaved();
    recent_->add(path);
    QSettings().setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    emit saved(QFileInfo(path).absoluteFilePath());
    return {};
}

bool ProjectFiles::maybeDiscard()
{
    if (!document_->isModified())
        return true;
    switch (askAboutUnsaved()) {
    case Unsaved::Save:
        return save();
    case Unsaved::Discard:
        return true;
    case Unsaved::Cancel:
        return false;
    }
    return false;
}

ProjectFiles::Unsaved ProjectFiles::askAboutUnsaved() const
{
    if (question_)
        return question_();
    const QString name = QString::fromStdString(document_->project().name);
    const auto answer = QMessageBox::warning(
        window_, tr("Unsaved Changes"), tr("%1 has changes that are not saved. Save them first?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save ? Unsaved::Save : answer == QMessageBox::Discard ? Unsaved::Discard : Unsaved::Cancel;
}

// Beside the last folder used, named after the project; never inside the bundled examples.
QString ProjectFiles::suggestedPath() const
{
    const QString current = document_->filePath();
    QString folder = QSettings().value(kLastFolderKey, QDir::homePath()).toString();
    if (!current.isEmpty() && !datasets::isBundledExample(current.toStdString()))
        folder = QFileInfo(current).absolutePath();
    return QDir(folder).filePath(QString::fromStdString(document_->project().name) + kSuffix);
}
