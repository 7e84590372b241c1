// ExampleCatalog: the bundled examples as the window offers them: name, one-line description
// (the project file's "description") and a thumbnail drawn from the example's network.
#pragma once

#include <QCoreApplication>
#include <QPixmap>
#include <QString>
#include <QVector>

#include <functional>

class QMenu;
namespace nn {
struct Project;
}

// Reads the examples folder each time it is asked, so it lists what is installed.
class ExampleCatalog {
    Q_DECLARE_TR_FUNCTIONS(ExampleCatalog)

public:
    struct Example {
        QString name;         // "spiral": what ProjectFiles::openPath takes
        QString description;  // the file's description, or why it cannot be read
        QPixmap thumbnail;
    };

    static QVector<Example> examples(QSize thumbnailSize = QSize(96, 72));
    // The description's first sentence, for a menu or a card.
    static QString oneLine(const QString &description);
    // The network as a small picture: each layer a box in its category's colour, at its canvas place.
    static QPixmap thumbnail(const nn::Project &project, QSize size);
    // Fills File ▸ Examples: one entry per example with its thumbnail, its name and one line.
    static void fillMenu(QMenu *menu, const std::function<void(const QString &)> &open);
};
