// AugmentSection: the data's augmentation settings (flips, shifts, crops, rotation, brightness and
// contrast), one editor per declared "augment." data setting, above a live AugmentPreview.
#pragma once

#include "projectsection.h"

#include <QImage>

#include <string>
#include <vector>

class AugmentPreview;
class QLabel;
class SettingEditor;

// Every finished edit is one ChangeProjectSettingsCommand on the data settings.
class AugmentSection : public ProjectSection {
    Q_OBJECT

public:
    explicit AugmentSection(GraphDocument *document, QWidget *parent = nullptr);

    AugmentPreview *preview() const { return preview_; }
    // The editor of a declared setting ("augment.rotation"); null for any other key.
    SettingEditor *editor(const std::string &key) const;
    // The first of the data preview's training images becomes the preview's source (none: a note).
    void showImages(const std::vector<QImage> &images);

protected:
    void showDocument() override;

private:
    void editSetting(const std::string &key, const nn::SettingValue &value);

    std::vector<SettingEditor *> editors_;
    AugmentPreview *preview_;
    QLabel *problem_;
};
