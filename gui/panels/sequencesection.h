// SequenceSection: the Data group's settings for text and sequence sets: the languages of "Which
// language is this word?", the corpus of a language model, a CSV's text or series column, T, the
// horizon and how text becomes tokens. Only the rows that belong to the chosen set show.
#pragma once

#include "projectsection.h"

#include <QString>

#include <functional>
#include <map>
#include <string>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class SettingEditor;
namespace nn {
struct DataSpec;
}

// Every finished edit is one ChangeProjectSettingsCommand on the data settings.
class SequenceSection : public ProjectSection {
    Q_OBJECT

public:
    // What kind of sequence data a source is; None for every other source.
    enum class Kind { None, Words, LanguageModel, TextCsv, SeriesCsv, Sines, Task };
    static Kind kindOf(const nn::DataSpec &data);

    // Asks for a .txt file (a QFileDialog unless a test replaces it); empty when cancelled.
    using FileChooser = std::function<QString(const QString &caption, const QString &filter)>;

    explicit SequenceSection(GraphDocument *document, QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser) { chooser_ = std::move(chooser); }
    // The check box of a language of WordLists ("german"); null for others.
    QCheckBox *languageBox(const std::string &language) const;
    // The editor of a declared data setting ("sequence_length"); null for others.
    SettingEditor *editor(const std::string &key) const;
    QComboBox *corpusBox() const { return corpus_; }
    QComboBox *columnBox() const { return column_; }

    // The corpus combo box's entry that opens a file dialog.
    static constexpr const char *kChooseText = "<choose text>";

protected:
    void showDocument() override;

private:
    QWidget *makeLanguages();
    void addEditor(const char *key, const QString &label);
    void showCorpus(const nn::DataSpec &data);
    void showColumns(const nn::DataSpec &data, Kind kind);
    void toggleLanguage();
    void corpusActivated(int index);
    void editSetting(const std::string &key, const nlohmann::json &value, Merge merge);

    FileChooser chooser_;
    QFormLayout *form_;
    QWidget *languages_;
    std::map<std::string, QCheckBox *> languageBoxes_;
    std::map<std::string, SettingEditor *> editors_;
    QComboBox *corpus_;
    QComboBox *column_;
    QLabel *problem_;
    std::string columnsOf_;  // the CSV file whose header fills column_
};
