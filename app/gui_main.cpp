#include "AppSettings.h"
#include "AlertSource.h"
#include "DatabaseAddress.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include <memory>

namespace {
// --help and --version are answered before any window system is touched, so they work without a display.
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v" || arg == "--version") {
            return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> owner;
    if (asksOnlyForText(argc, argv)) {
        owner = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        owner = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral("Incident Console"));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/incident-console.svg")));
    }
    QCoreApplication &app = *owner;
    AppSettings::applyIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Incident Console: run an incident from one window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The incident file to open, or a team database: "
                                               "postgresql://user@host:port/database."),
                                QStringLiteral("FILE|URL"));
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
        const bool reopen = !recent.isEmpty() &&
                            (DatabaseAddress::isAddress(recent.first()) || QFileInfo::exists(recent.first()));
        path = reopen ? recent.first() : AppSettings::defaultDatabasePath();
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
    window.askForAuthorIfUnknown(); // the first run: whose name goes on what is typed
    return app.exec();
}
