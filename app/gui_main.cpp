#include "AppSettings.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppSettings::applyIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Incident Console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/incident-console.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Incident Console: run an incident from one window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The incident file to open."), QStringLiteral("FILE"));
    parser.addOption(db);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The incident file to open (same as --db)."));
    parser.process(app);

    QString path = parser.value(db);
    if (path.isEmpty() && !parser.positionalArguments().isEmpty()) {
        path = parser.positionalArguments().first();
    }
    if (path.isEmpty()) {
        const QStringList recent = AppSettings().recentFiles();
        path = !recent.isEmpty() && QFileInfo::exists(recent.first()) ? recent.first() : AppSettings::defaultDatabasePath();
    }

    MainWindow window;
    window.show();
    window.openFile(path);
    return app.exec();
}
