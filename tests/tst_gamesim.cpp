#include "AlertMonitor.h"
#include "GameServerModel.h"
#include "IncidentStore.h"
#include "ServerProcess.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray http(const QString &method, const QUrl &url, int *status = nullptr, const QByteArray &body = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.sendCustomRequest(request, method.toLatin1(), body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status) {
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

double metric(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(QByteArray(series + ' '))) {
            return line.mid(series.size() + 1).toDouble();
        }
    }
    return -1;
}
} // namespace

// The demo game server, and the shipped rules on real Prometheus and Alertmanager firing and resolving from it.
class TestGameSim final : public QObject
{
    Q_OBJECT

private:
    QProcess m_sim;
    QUrl m_url;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim.start(QStringLiteral(IC_SIMULATOR_PATH), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(m_sim.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(line));
        m_url = QUrl(line.section(u' ', 2));
    }
    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished(5000);
    }

    void servesValidMetricsThatOnlyGrow()
    {
        int status = 0;
        const QByteArray first = http(QStringLiteral("GET"), m_url.resolved(QUrl(QStringLiteral("/metrics"))), &status);
        QCOMPARE(status, 200);
        for (const char *name : {"game_server_error_log_total", "game_server_security_events_total",
                                 "game_server_socket_latency_seconds_bucket", "game_server_rate_limited_requests_total",
                                 "game_server_auth_failures_total", "game_server_auth_attempts_total",
                                 "game_server_connected_players", "game_server_plugin_up"}) {
            QVERIFY2(first.contains(name), name);
        }
        QProcess promtool;
        promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(promtool.waitForStarted());
        promtool.write(first);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(10000));
        QVERIFY2(promtool.exitCode() == 0, promtool.readAllStandardError().constData());

        QTest::qWait(300);
        http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/ddos"))), &status);
        QCOMPARE(status, 200);
        QTest::qWait(300);
        const QByteArray second = http(QStringLiteral("GET"), m_url.resolved(QUrl(QStringLiteral("/metrics"))));
        const QByteArray count = "game_server_socket_latency_seconds_count";
        QVERIFY(metric(second, count) > metric(first, count));
        const QByteArray ddos = "game_server_security_events_total{type=\"ddos_suspected\"}";
        QVERIFY(metric(second, ddos) >= metric(first, ddos));
        http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/normal"))), &status);
    }

    void scenariosSwitchAndBadRequestsAreRefused()
    {
        int status = 0;
        http(QStringLiteral("POST"), m_url.resolved(QUrl(QStringLiteral("/scenario"))), &status, "latency-regression");
        QCOMPARE(status, 200);
        QCOMPARE(http(QStringLiteral("GET"), m_url.resolved(QUrl(QStringLiteral("/scenario")))).trimmed(), QByteArray("latency-regression"));
        const QByteArray refusal = http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/meteor"))), &status);
        QCOMPARE(status, 400);
        QVERIFY(refusal.contains("plugin-crash"));
        http(QStringLiteral("GET"), m_url.resolved(QUrl(QStringLiteral("/nope"))), &status);
        QCOMPARE(status, 404);
        http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/normal"))), &status);

        QProcess outside;
        outside.start(QStringLiteral(IC_SIMULATOR_PATH), {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QVERIFY(outside.waitForFinished(5000));
        QCOMPARE(outside.exitCode(), 2);
    }

    void latencyScenarioMovesP95AcrossTheLine()
    {
        // P95 from the model's histogram over a stretch of time, as Prometheus would compute it.
        auto p95 = [](const QString &scenario) {
            GameServerModel model(scenario);
            model.advance(60);
            const QByteArray text = model.exposition();
            const double total = metric(text, "game_server_socket_latency_seconds_bucket{le=\"+Inf\"}");
            for (double le : GameServerModel::kBuckets) {
                const double below = metric(text, QByteArray("game_server_socket_latency_seconds_bucket{le=\"" + QByteArray::number(le) + "\"}"));
                if (below >= 0.95 * total) {
                    return le;
                }
            }
            return 99.0;
        };
        QVERIFY(p95(QStringLiteral("normal")) <= 0.1);
        QVERIFY(p95(QStringLiteral("latency-regression")) > 0.1);
    }

    void shippedRulesFireAndResolveThroughTheWholeStack()
    {
        // The shipped rules with demo timings: short windows and no "for", so the test takes seconds.
        QFile rulesFile(QStringLiteral(IC_SOURCE_DIR "/resources/rules/game-server.rules.yml"));
        QVERIFY(rulesFile.open(QIODevice::ReadOnly));
        QString rules = QString::fromUtf8(rulesFile.readAll());
        rules.replace(QRegularExpression(QStringLiteral("for: \\d+m")), QStringLiteral("for: 0s"));
        rules.replace(QStringLiteral("[1m]"), QStringLiteral("[4s]"));

        ServerProcess am(ServerProcess::Kind::Alertmanager);
        ServerProcess prometheus(ServerProcess::Kind::Prometheus);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(prometheus.startPrometheus(rules.toUtf8(), {m_url.authority()}, {am.hostPort()}, &error), qPrintable(error));

        const QString file = m_dir.filePath(QStringLiteral("stack.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(file).ok());
        AlertMonitor monitor;
        QHash<QString, Alert> shown;
        connect(&monitor, &AlertMonitor::alertsChanged, this, [&](const AlertDelta &d) {
            for (const QString &id : d.resolved) {
                shown.remove(id);
            }
            for (const Alert &a : d.added + d.changed) {
                shown.insert(a.identity, a);
            }
        });
        monitor.setArchiveRecord(file);
        AlertSource source;
        source.kind = AlertSource::Kind::Alertmanager;
        source.url = am.url();
        source.intervalSeconds = 1;
        monitor.setSources({source});

        int status = 0;
        http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/auth-failure"))), &status);
        QCOMPARE(status, 200);
        auto authAlert = [&] {
            return std::find_if(shown.begin(), shown.end(), [](const Alert &a) {
                return a.alertName() == QStringLiteral("AuthenticationFailures");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(authAlert() != shown.end(), 40000);
        QCOMPARE(authAlert()->severity(), QStringLiteral("SEV-1"));
        QVERIFY(authAlert()->annotation(u"runbook_url").startsWith(QStringLiteral("https://")));
        const QString identity = authAlert()->identity;

        http(QStringLiteral("PUT"), m_url.resolved(QUrl(QStringLiteral("/scenario/normal"))), &status);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.contains(identity), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto archive = store.archivedAlerts();
                return std::any_of(archive->begin(), archive->end(), [&](const ArchivedAlert &a) {
                    return a.identity == identity && a.resolvedAt.isValid() && a.firstSeen.isValid();
                });
            }(),
            10000);
        monitor.setArchiveRecord({});
    }
};

QTEST_GUILESS_MAIN(TestGameSim)
#include "tst_gamesim.moc"
