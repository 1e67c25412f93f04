#include "AppSettings.h"
#include "AlertSource.h"
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
    const QCommandLineOption prometheus(QStringLiteral("prometheus"),
                                        QStringLiteral("Poll this Prometheus for this run (repeatable)."), QStringLiteral("URL"));
    const QCommandLineOption alertmanager(QStringLiteral("alertmanager"),
                                          QStringLiteral("Poll this Alertmanager for this run (repeatable)."), QStringLiteral("URL"));
    parser.addOption(prometheus);
    parser.addOption(alertmanager);
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
    QList<AlertSource> sources;
    for (const auto &[option, kind] : {std::pair{&prometheus, AlertSource::Kind::Prometheus},
                                       std::pair{&alertmanager, AlertSource::Kind::Alertmanager}}) {
        for (const QString &value : parser.values(*option)) {
            Result<AlertSource> source = AlertSource::fromAddress(kind, value);
            if (!source) {
                qCritical("incident-console: %s", qPrintable(source.error()));
                return 2;
            }
            source->intervalSeconds = AppSettings().pollIntervalSeconds();
            sources.append(*source);
        }
    }
    if (!sources.isEmpty()) {
        window.setAlertSourceOverride(sources);
    }
    window.show();
    window.openFile(path);
    return app.exec();
}
