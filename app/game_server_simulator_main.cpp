#include "GameServerModel.h"
#include "MetricsHttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("game-server-simulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IC_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A demo game server for drills: serves /metrics with the playbook's "
                                                    "metrics. Switch scenarios with PUT /scenario/NAME."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Loopback address and port (port 0: any free one)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("Start in: %1.").arg(GameServerModel::scenarios().join(QStringLiteral(", "))),
                                      QStringLiteral("NAME"), QStringLiteral("normal"));
    parser.addOptions({listen, scenario});
    parser.process(app);

    const QString where = parser.value(listen);
    const QHostAddress host(where.section(u':', 0, -2));
    bool portOk = false;
    const uint port = where.section(u':', -1).toUInt(&portOk);
    if (host.isNull() || !host.isLoopback() || !portOk || port > 65535) {
        std::fprintf(stderr, "game-server-simulator: --listen must be a loopback HOST:PORT such as 127.0.0.1:9100\n");
        return 2;
    }
    GameServerModel model;
    if (!model.setScenario(parser.value(scenario))) {
        std::fprintf(stderr, "game-server-simulator: unknown scenario \"%s\"\n", qPrintable(parser.value(scenario)));
        return 2;
    }
    MetricsHttpServer server(&model);
    if (!server.listen(host, quint16(port))) {
        std::fprintf(stderr, "game-server-simulator: cannot listen on %s: %s\n", qPrintable(where), qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on http://%s:%u\n", qPrintable(host.toString()), server.port());
    std::fflush(stdout);
    return app.exec();
}
