// layerlab: the LayerLab window. `layerlab` opens the bundled spiral example, `layerlab PATH`
// opens a project file or a bundled example by name.
#include "app/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStyle>
#include <QStyleFactory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LayerLab"));
    QApplication::setOrganizationName(QStringLiteral("LayerLab"));
    QApplication::setApplicationVersion(QStringLiteral(LAYERLAB_VERSION));
    // One light look everywhere, whatever the desktop's theme: the canvas is drawn light.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A desktop neural-network playground for teaching."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A project file or a bundled example (default: spiral)."),
                                 QStringLiteral("[project]"));
    parser.process(app);

    MainWindow window;
    window.show();
    window.openStartupProject(parser.positionalArguments().value(0));
    return app.exec();
}
