#include "AlertLoad.h"
#include "ServerProcess.h"

#include <QElapsedTimer>
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

private slots:
    void tenThousandAlerts()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(am.post(QStringLiteral("/api/v2/alerts"), alertLoad(10000, 0, 0), &error), qPrintable(error));
        QList<qint64> ours;
        QList<qint64> theirs;
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
        }
        std::sort(ours.begin(), ours.end());
        std::sort(theirs.begin(), theirs.end());
        qInfo("incident-console-cli alerts --once --json: median %lld ms (min %lld, max %lld), %lld bytes out",
              ours[3], ours.first(), ours.last(), qint64(ourBytes));
        qInfo("amtool alert query -o json:               median %lld ms (min %lld, max %lld), %lld bytes out",
              theirs[3], theirs.first(), theirs.last(), qint64(theirBytes));
        qInfo("ratio (amtool / ours, medians): %.2fx", double(theirs[3]) / double(ours[3]));
        QVERIFY(ourBytes > 1000000);
    }
};

QTEST_GUILESS_MAIN(BenchCliVsAmtool)
#include "bench_cli_vs_amtool.moc"
