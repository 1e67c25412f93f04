#include "AlertLoad.h"
#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

// incident-console-cli alerts --once --json against `amtool alert query -o json`, side by side in one run,
// on the same Alertmanager holding 10,000 alerts (target: the console's command at least 2x faster).
class BenchCliVsAmtool final : public QObject
{
    Q_OBJECT

    static qint64 run(const QString &program, const QStringList &args, qsizetype *bytes)
    {
        QProcess p;
        QElapsedTimer clock;
        clock.start();
        p.start(program, args);
        p.waitForFinished(120000);
        const qint64 ms = clock.elapsed();
        *bytes = p.readAllStandardOutput().size();
        if (p.exitCode() != 0) {
            qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
        }
        return ms;
    }

    // What both tools wait for: Alertmanager's own answer, fetched and dropped.
    static qint64 fetch(QNetworkAccessManager &network, const QUrl &url)
    {
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->readAll();
        reply->deleteLater();
        return clock.elapsed();
    }

private slots:
    void tenThousandAlerts()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(am.post(QStringLiteral("/api/v2/alerts"), alertLoad(10000, 0, 0), &error), qPrintable(error));
        QList<qint64> ours;
        QList<qint64> theirs;
        QList<qint64> server;
        QNetworkAccessManager network;
        const QUrl alertsUrl(am.url().toString() + QStringLiteral("/api/v2/alerts"));
        qsizetype ourBytes = 0;
        qsizetype theirBytes = 0;
        for (int i = 0; i < 7; ++i) {
            ours.append(run(QStringLiteral(IC_CLI_PATH),
                            {QStringLiteral("alerts"), QStringLiteral("--alertmanager"), am.url().toString(),
                             QStringLiteral("--once"), QStringLiteral("--json")},
                            &ourBytes));
            theirs.append(run(QStringLiteral("amtool"),
                              {QStringLiteral("alert"), QStringLiteral("query"), QStringLiteral("-o"), QStringLiteral("json"),
                               QStringLiteral("--alertmanager.url=") + am.url().toString()},
                              &theirBytes));
            server.append(fetch(network, alertsUrl));
        }
        std::sort(ours.begin(), ours.end());
        std::sort(theirs.begin(), theirs.end());
        std::sort(server.begin(), server.end());
        qInfo("incident-console-cli alerts --once --json: median %lld ms (min %lld, max %lld), %lld bytes out",
              ours[3], ours.first(), ours.last(), qint64(ourBytes));
        qInfo("amtool alert query -o json:               median %lld ms (min %lld, max %lld), %lld bytes out",
              theirs[3], theirs.first(), theirs.last(), qint64(theirBytes));
        qInfo("Alertmanager's own answer (both wait for it):  median %lld ms (min %lld, max %lld)", server[3],
              server.first(), server.last());
        qInfo("ratio (amtool / ours, medians): %.2fx", double(theirs[3]) / double(ours[3]));
        QVERIFY(ourBytes > 1000000);
    }
};

QTEST_GUILESS_MAIN(BenchCliVsAmtool)
#include "bench_cli_vs_amtool.moc"
