// TryItPanel: the "Try it" dock: a picture dropped on the window, pasted or opened, shown as the
// network sees it (fitted to the Input and scaled as in training), with the class probabilities
// the model in memory gives it; for a network that reads text, a text box (TextTryIt) instead.
#pragma once

#include "views/tryit/tryitresult.h"

#include <QWidget>

#include <functional>
#include <memory>

class GraphDocument;
class ProbabilityBars;
class QLabel;
class QMimeData;
class TextTryIt;
class TrainingController;
namespace datasets {
struct Image;
}

// Decodes on the GUI thread with datasets::ImageDecoder (as the CLI's predict does, so both see
// the same pixels) and runs the model once on the training worker's thread.
class TryItPanel : public QWidget {
    Q_OBJECT

public:
    // Asks for an image file (a QFileDialog unless a test replaces it); empty when cancelled.
    using FileChooser = std::function<QString()>;

    TryItPanel(GraphDocument *document, TrainingController *training, QWidget *parent = nullptr);
    ~TryItPanel() override;

    // Takes image files and images dropped anywhere on `window` that no child takes.
    void watchDrops(QWidget *window);
    // Whether a drop or the clipboard holds something to try: a local file or an image.
    static bool holdsPicture(const QMimeData *data);
    // Tries the first local file `data` names, else the image it holds; false when it holds neither.
    bool tryMimeData(const QMimeData *data);
    void tryFile(const QString &path);
    // A pasted image, encoded as PNG and decoded as a file would be: the same 8-bit pixels.
    void tryImage(const QImage &image, const QString &name);
    // Types `text` into the text box (a project on text) and brings the dock to the front; a
    // language model also generates.
    void tryText(const QString &text);
    // Edit ▸ Paste Image.
    void pasteClipboard();
    void openFile();
    void setFileChooser(FileChooser chooser) { chooser_ = std::move(chooser); }

    void setSnapshot(TryItResult result);
    const TryItResult &result() const { return result_; }
    QLabel *pictureLabel() const { return picture_; }
    QLabel *problemLabel() const { return problem_; }
    QLabel *noteLabel() const { return note_; }
    ProbabilityBars *bars() const { return bars_; }
    TextTryIt *textTryIt() const { return text_; }
    // Whether the prepared project reads text (the text box shows instead of the picture's parts).
    bool isTextMode() const { return textMode_; }

signals:
    // A picture was taken in: the window brings the dock to the front.
    void pictureTaken();
    // The picture being tried, decoded for the Input (the Inside dock's feature maps follow it).
    void pictureDecoded(std::shared_ptr<const datasets::Image> picture, const QString &name);
    void resultChanged();
    // The prepared project reads text (true) or not: the window shows the dock for text.
    void textModeChanged(bool text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tryBytes(const QByteArray &bytes, const QString &name);
    void rerun();
    void setTrained(bool trained);
    void showProblem(const QString &problem);
    void setTextMode(bool text, bool languageModel);

    GraphDocument *document_;
    TrainingController *training_;
    FileChooser chooser_;
    std::shared_ptr<const datasets::Image> image_;  // the picture being tried, decoded for the Input's channels
    TryItResult result_;
    QLabel *hint_;
    QLabel *nameLabel_;
    QLabel *picture_;
    QLabel *seen_;
    QLabel *note_;
    QLabel *problem_;
    ProbabilityBars *bars_;
    TextTryIt *text_;
    QWidget *pictureParts_;  // the picture's hint and Open button, shown unless the project reads text
    bool textMode_ = false;
};
