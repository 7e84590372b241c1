// DataSection: the training panel's Data group: which data set (bundled, synthetic, a CSV or IDX
// file, a folder of images, or a text or sequence set), the synthetic sets' noise and size, how images are resized, the
// task, the input scaling and the splits.
#pragma once

#include "projectsection.h"

#include "nn/dataspec.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

class AugmentSection;
class ImageFolderSummary;
class QComboBox;
class QImage;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class SequenceSection;

// Every finished edit is one ChangeProjectSettingsCommand on the data settings.
class DataSection : public ProjectSection {
    Q_OBJECT

public:
    // Asks for a file to open (a QFileDialog unless a test replaces it); empty when cancelled.
    using FileChooser = std::function<QString(const QString &caption, const QString &filter)>;
    // Asks for a folder (a QFileDialog unless a test replaces it); empty when cancelled.
    using FolderChooser = std::function<QString(const QString &caption)>;

    explicit DataSection(GraphDocument *document, QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser);
    void setFolderChooser(FolderChooser chooser) { folderChooser_ = std::move(chooser); }
    // What the data's task is, as far as the panel can tell without loading files.
    bool isRegression() const;
    bool isClassification() const;

    QComboBox *sourceBox() const { return source_; }
    QSlider *noiseSlider() const { return noise_; }
    QSlider *samplesSlider() const { return samplesSlider_; }
    QSpinBox *samplesBox() const { return samples_; }
    QComboBox *taskBox() const { return task_; }
    QComboBox *scalingBox() const { return scaling_; }
    QSpinBox *validationBox() const { return validation_; }
    QSpinBox *testBox() const { return test_; }
    QComboBox *labelColumnBox() const { return labelColumn_; }
    QLineEdit *labelsField() const { return labels_; }
    QLabel *descriptionLabel() const { return description_; }
    QLabel *problemLabel() const { return problem_; }
    AugmentSection *augmentSection() const { return augment_; }
    // The text and sequence sets' settings (languages, corpus, columns, T, horizon).
    SequenceSection *sequenceSection() const { return sequence_; }
    // The data preview's first images: the augmentation preview varies the first, and the
    // augmentation settings show only for images (or while one is on, so it can be switched off).
    void showPreviewImages(const std::vector<QImage> &images);
    QComboBox *resizeBox() const { return resize_; }
    // The classes, thumbnails and skipped files of a folder of images (shown for folders only).
    ImageFolderSummary *folderSummary() const { return folderSummary_; }

    // The source combo box's entry that opens a file dialog.
    static constexpr const char *kChooseFile = "<choose file>";
    // The entry that opens a folder dialog ("Folder of images…").
    static constexpr const char *kChooseFolder = "<choose folder>";
    // The entries that open a CSV for text classification ("Your own text (CSV)…") and for a
    // time series ("Time series (CSV)…").
    static constexpr const char *kChooseTextCsv = "<choose text csv>";
    static constexpr const char *kChooseSeriesCsv = "<choose series csv>";

protected:
    void showDocument() override;

private:
    QWidget *makeNoiseRow();
    QWidget *makeSamplesRow();
    QWidget *makeLabelsRow();
    QSpinBox *makePercentBox(const char *field);
    void connectEditors();
    void showSource(const nn::DataSpec &data);
    void sourceActivated(int index);
    void chooseFile();
    void chooseColumnCsv(bool text);
    void chooseFolder();
    void chooseLabels();
    void fillLabelColumns(const std::string &path);
    void editData(const std::string &field, const Change &change, Merge merge = Merge::No);

    FileChooser chooser_;
    FolderChooser folderChooser_;
    QFormLayout *form_;
    QComboBox *source_;
    QLabel *description_;
    QSlider *noise_;
    QLabel *noiseValue_;
    QSlider *samplesSlider_;
    QSpinBox *samples_;
    QComboBox *labelColumn_;
    QLineEdit *labels_;
    QPushButton *chooseLabels_;
    QComboBox *task_;
    QComboBox *scaling_;
    QComboBox *resize_;
    ImageFolderSummary *folderSummary_;
    QSpinBox *validation_;
    QSpinBox *test_;
    QLabel *problem_;
    AugmentSection *augment_;
    SequenceSection *sequence_;
    std::string columnsOf_;  // the CSV file whose header fills labelColumn_
};
