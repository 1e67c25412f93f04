#include "AlertJson.h"
#include "AlertMonitor.h"
#include "AppSettings.h"
#include "AlertPoller.h"
#include "FaultServer.h"
#include "IncidentStore.h"
#include "JsonExchange.h"
#include "ServerProcess.h"
#include "SilenceRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QJsonObject amAlert(const QString &name, const QString &severity, const QString &instance, int endsInSeconds = 3600)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), name},
                                                              {QStringLiteral("severity"), severity},
                                                              {QStringLiteral("instance"), instance}}},
                       {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QString(name + QStringLiteral(" on ") + instance)}}},
                       {QStringLiteral("startsAt"), now.addSecs(-60).toString(Qt::ISODateWithMs)},
                       {QStringLiteral("endsAt"), now.addSecs(endsInSeconds).toString(Qt::ISODateWithMs)},
                       {QStringLiteral("generatorURL"), QStringLiteral("http://127.0.0.1/graph")}};
}

QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

AlertSource source(AlertSource::Kind kind, const QUrl &url, int timeout = 5)
{
    AlertSource s;
    s.kind = kind;
    s.url = url;
    s.intervalSeconds = 1;
    s.timeoutSeconds = timeout;
    return s;
}

// Collects what a poller or monitor says, as the window would show it.
struct Watcher
{
    QHash<QString, Alert> alerts;
    QHash<QString, SourceStatus> statuses;
    int deltas = 0;
    template <typename Emitter>
    void attach(Emitter *emitter)
    {
        QObject::connect(emitter, &Emitter::alertsChanged, emitter, [this](const AlertDelta &d) {
            ++deltas;
            for (const QString &id : d.resolved) {
                alerts.remove(id);
            }
            for (const Alert &a : d.added + d.changed) {
                alerts.insert(a.identity, a);
            }
        });
        QObject::connect(emitter, &Emitter::sourceStatusChanged, emitter,
                         [this](const SourceStatus &s) { statuses.insert(s.source, s); });
    }
    QString error(const AlertSource &s) const { return statuses.value(s.name()).lastError; }
};

const QByteArray kGoodPrometheus =
    R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"0.25"}]}})";
} // namespace

// Polling real Prometheus and Alertmanager servers, and surviving the faults real servers do not make on demand.
class TestAlertSources final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void alertmanagerAlertsShowArchiveAndResolve()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(am.post(QStringLiteral("/api/v2/alerts"),
                         json({amAlert(QStringLiteral("SocketLatencyHigh"), QStringLiteral("SEV-2"), QStringLiteral("game-1")),
                               amAlert(QStringLiteral("SocketLatencyHigh"), QStringLiteral("SEV-2"), QStringLiteral("game-2")),
                               amAlert(QStringLiteral("AuthenticationFailures"), QStringLiteral("SEV-1"), QStringLiteral("auth-1"))}),
                         &error),
                 qPrintable(error));

        const QString file = m_dir.filePath(QStringLiteral("archive.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(file).ok());
        AlertMonitor monitor;
        Watcher seen;
        seen.attach(&monitor);
        QSignalSpy archived(&monitor, &AlertMonitor::archiveUpdated);
        monitor.setArchiveRecord(file);
        const AlertSource src = source(AlertSource::Kind::Alertmanager, am.url());
        monitor.setSources({src});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 3, 15000);
        QVERIFY(seen.statuses.value(src.name()).lastSuccess.isValid());
        QCOMPARE(seen.statuses.value(src.name()).alertCount, 3);
        QVERIFY(seen.statuses.value(src.name()).roundTripMs >= 0);

        // Every alert seen is archived, in the file, and survives a restart of the store.
        QTRY_VERIFY_WITH_TIMEOUT(archived.count() >= 1, 5000);
        QCOMPARE(store.archivedAlerts()->size(), 3);

        // Resolve one: Alertmanager forgets it, the console infers it, the archive keeps it with a resolve time.
        QVERIFY(am.post(QStringLiteral("/api/v2/alerts"),
                        json({amAlert(QStringLiteral("SocketLatencyHigh"), QStringLiteral("SEV-2"), QStringLiteral("game-2"), -1)})));
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 2, 15000);
        auto someResolved = [&store] {
            const auto archive = store.archivedAlerts();
            return std::any_of(archive->begin(), archive->end(), [](const ArchivedAlert &a) { return a.resolvedAt.isValid(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(someResolved(), 10000);

        monitor.setArchiveRecord({});
    }

    void silencesAreMadeListedAndExpired()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(am.post(QStringLiteral("/api/v2/alerts"),
                         json({amAlert(QStringLiteral("AuthenticationFailures"), QStringLiteral("SEV-1"), QStringLiteral("auth-1"))}),
                         &error),
                 qPrintable(error));
        AlertMonitor monitor;
        Watcher seen;
        seen.attach(&monitor);
        const AlertSource src = source(AlertSource::Kind::Alertmanager, am.url());
        monitor.setSources({src});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 1, 15000);

        // A silence made from an alert: Alertmanager accepts it and the alert shows as suppressed.
        const Alert auth = *std::find_if(seen.alerts.begin(), seen.alerts.end(), [](const Alert &a) {
            return a.alertName() == QStringLiteral("AuthenticationFailures");
        });
        SilenceRequest silence(nullptr);
        QSignalSpy done(&silence, &SilenceRequest::finished);
        silence.send(src, auth, 30, QStringLiteral("dana"), QStringLiteral("rollback under way"));
        QVERIFY(done.wait(10000));
        const QString silenceId = done.first().at(0).toString();
        QVERIFY2(!silenceId.isEmpty(), qPrintable(done.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(seen.alerts.value(auth.identity).state == Alert::State::Suppressed, 15000);
        QVERIFY(seen.alerts.value(auth.identity).silencedBy.contains(silenceId));

        // Listed with who made it, why and how long it has left; it matches the alert it was made from.
        QSignalSpy listed(&silence, &SilenceRequest::listed);
        silence.list(src);
        QVERIFY(listed.wait(10000));
        QCOMPARE(listed.first().at(2).toString(), QString());
        const auto silences = listed.first().at(1).value<QList<Silence>>();
        QCOMPARE(silences.size(), 1);
        QCOMPARE(silences.first().id, silenceId);
        QCOMPARE(silences.first().createdBy, QStringLiteral("dana"));
        QCOMPARE(silences.first().comment, QStringLiteral("rollback under way"));
        QCOMPARE(silences.first().state, Silence::State::Active);
        QVERIFY(silences.first().matches(auth));
        const QString left = silences.first().timeLeft(QDateTime::currentDateTimeUtc());
        QVERIFY2(left == QStringLiteral("30 min left") || left == QStringLiteral("29 min left"), qPrintable(left));

        // Expired from the console: Alertmanager keeps it as expired and the alert is active again.
        QSignalSpy expired(&silence, &SilenceRequest::expired);
        silence.expire(src, silenceId);
        QVERIFY(expired.wait(10000));
        QCOMPARE(expired.first().at(1).toString(), QString());
        silence.list(src);
        QVERIFY(listed.wait(10000));
        QCOMPARE(listed.last().at(1).value<QList<Silence>>().first().state, Silence::State::Expired);
        monitor.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(seen.alerts.value(auth.identity).state == Alert::State::Firing, 15000);
        // An unknown id is Alertmanager's refusal in its words (0.25 answers 500); an id that would change the path is
        // not sent.
        silence.expire(src, QStringLiteral("00000000-0000-0000-0000-000000000000"));
        QVERIFY(expired.wait(10000));
        QVERIFY2(expired.last().at(1).toString().contains(QStringLiteral("refused to expire the silence: HTTP 500: silence not found")),
                 qPrintable(expired.last().at(1).toString()));
        silence.expire(src, QStringLiteral("../../-/quit"));
        QVERIFY(expired.wait(10000));
        QVERIFY(expired.last().at(1).toString().contains(QStringLiteral("is not a silence id")));

        // A silence Alertmanager refuses: its error is shown.
        Alert noLabels;
        silence.send(src, noLabels, 30, QStringLiteral("dana"), QStringLiteral("x"));
        QVERIFY(done.wait(10000));
        QVERIFY(done.last().at(0).toString().isEmpty());
        // Alertmanager 0.25 answers 422 for a silence without matchers.
        QVERIFY2(done.last().at(1).toString().contains(QStringLiteral("Alertmanager refused the silence: HTTP 4")),
                 qPrintable(done.last().at(1).toString()));
    }

    void aFileOpenedMidSessionGetsWhatIsFiring()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, kGoodPrometheus);
        AlertMonitor monitor;
        Watcher seen;
        seen.attach(&monitor);
        monitor.setSources({source(AlertSource::Kind::Prometheus, server.url())});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 1, 10000);
        // Nothing changes on the server from now on; the file opened now must still get the alert.
        const QString file = m_dir.filePath(QStringLiteral("late.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(file).ok());
        monitor.setArchiveRecord(file);
        QCOMPARE(store.archivedAlerts()->size(), 1);
        QCOMPARE(store.archivedAlerts()->first().alertName, QStringLiteral("SocketLatencyHigh"));
        monitor.setArchiveRecord({});
    }

    void haPairShowsEachAlertOnce()
    {
        ServerProcess a(ServerProcess::Kind::Alertmanager);
        ServerProcess b(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(a.startAlertmanager(&error), qPrintable(error));
        QVERIFY2(b.startAlertmanager(&error), qPrintable(error));
        QVERIFY(a.url() != b.url());
        const QByteArray body = json({amAlert(QStringLiteral("RateLimitPersistent"), QStringLiteral("SEV-2"), QStringLiteral("lb-1")),
                                      amAlert(QStringLiteral("RateLimitPersistent"), QStringLiteral("SEV-2"), QStringLiteral("lb-2"))});
        QVERIFY(a.post(QStringLiteral("/api/v2/alerts"), body));
        QVERIFY(b.post(QStringLiteral("/api/v2/alerts"), body));
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        const AlertSource sa = source(AlertSource::Kind::Alertmanager, a.url(), 2);
        const AlertSource sb = source(AlertSource::Kind::Alertmanager, b.url(), 2);
        poller.setSources({sa, sb});
        QTRY_VERIFY_WITH_TIMEOUT(seen.statuses.size() == 2 && seen.alerts.size() == 2 &&
                                     seen.alerts.begin()->sources.size() == 2,
                                 15000);
        QCOMPARE(seen.alerts.size(), 2);
        // One peer dies: each alert is still shown once, and the survivor keeps answering for it.
        b.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!seen.error(sb).isEmpty(), 15000);
        QVERIFY2(seen.error(sb).contains(QStringLiteral("connection refused")), qPrintable(seen.error(sb)));
        QCOMPARE(seen.alerts.size(), 2);
        QVERIFY(seen.error(sa).isEmpty());
    }

    void prometheusFiresAndResolvesAndMergesWithItsAlertmanager()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        ServerProcess prometheus(ServerProcess::Kind::Prometheus);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        // One rule that keeps firing, one that fires for 6 s out of every 12: real rules that fire and resolve.
        const QByteArray rules = "groups:\n  - name: test\n    rules:\n"
                                 "      - alert: AlwaysFiring\n        expr: vector(1)\n        labels:\n          severity: SEV-2\n"
                                 "      - alert: BlinkingAlert\n        expr: (vector(time()) % 12) < 6\n        labels:\n"
                                 "          severity: SEV-3\n        annotations:\n          summary: fires and resolves\n";
        QVERIFY2(prometheus.startPrometheus(rules, {}, {am.hostPort()}, &error), qPrintable(error));
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        poller.setSources({source(AlertSource::Kind::Prometheus, prometheus.url()),
                           source(AlertSource::Kind::Alertmanager, am.url())});
        auto named = [&](const QString &name) -> const Alert * {
            for (const Alert &a : std::as_const(seen.alerts)) {
                if (a.alertName() == name) {
                    return &a;
                }
            }
            return nullptr;
        };
        // Prometheus and the Alertmanager it feeds report the same alert: shown once, from both.
        QTRY_VERIFY_WITH_TIMEOUT(named(QStringLiteral("AlwaysFiring")) && named(QStringLiteral("AlwaysFiring"))->sources.size() == 2,
                                 40000);
        QCOMPARE(named(QStringLiteral("AlwaysFiring"))->severity(), QStringLiteral("SEV-2"));
        QVERIFY(!named(QStringLiteral("AlwaysFiring"))->value.isEmpty()); // Prometheus gives the value
        // The blinking one fires, then resolves: absent from both servers.
        QTRY_VERIFY_WITH_TIMEOUT(named(QStringLiteral("BlinkingAlert")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!named(QStringLiteral("BlinkingAlert")), 30000);
        QVERIFY(named(QStringLiteral("AlwaysFiring")));
    }

    void faultsAreNamedAndTheLastGoodAlertsStay_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        using M = FaultServer::Mode;
        QTest::newRow("HTTP 500") << int(M::Respond) << 500 << QByteArray("internal error") << QStringLiteral("HTTP 500: internal error");
        QTest::newRow("Prometheus 503") << int(M::Respond) << 503
                                        << QByteArray(R"({"status":"error","errorType":"unavailable","error":"TSDB not ready"})")
                                        << QStringLiteral("HTTP 503: TSDB not ready");
        QTest::newRow("garbage") << int(M::Respond) << 200 << QByteArray("<html>proxy error</html>")
                                 << QStringLiteral("not a Prometheus alerts response at byte");
        QTest::newRow("truncated JSON") << int(M::Respond) << 200 << kGoodPrometheus.left(120)
                                        << QStringLiteral("not a Prometheus alerts response at byte");
        QTest::newRow("wrong shape") << int(M::Respond) << 200 << QByteArray(R"({"status":"success","data":{"groups":[]}})")
                                     << QStringLiteral("has no \"alerts\" list");
        QTest::newRow("cut connection") << int(M::TruncatedBody) << 200 << kGoodPrometheus
                                        << QStringLiteral("closed the connection");
        QTest::newRow("hang") << int(M::Hang) << 200 << QByteArray() << QStringLiteral("timed out after 1 s");
        QTest::newRow("slow drip") << int(M::SlowDrip) << 200 << kGoodPrometheus << QStringLiteral("timed out after 1 s");
        QTest::newRow("huge") << int(M::Huge) << 200 << QByteArray() << QStringLiteral("larger than the 64 MiB cap");
    }
    void faultsAreNamedAndTheLastGoodAlertsStay()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, kGoodPrometheus);
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        const AlertSource src = source(AlertSource::Kind::Prometheus, server.url(), 1);
        poller.setSources({src});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 1, 10000);

        server.setMode(FaultServer::Mode(mode));
        server.setResponse(status, body);
        server.setDripInterval(300);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.error(src).isEmpty(), 20000);
        QVERIFY2(seen.error(src).contains(expected), qPrintable(seen.error(src)));
        QCOMPARE(seen.alerts.size(), 1); // still shown (the window marks it stale)

        // It recovers by itself once the server behaves.
        server.setMode(FaultServer::Mode::Respond);
        server.setResponse(200, kGoodPrometheus);
        QTRY_VERIFY_WITH_TIMEOUT(seen.error(src).isEmpty(), 20000);
        QCOMPARE(seen.alerts.size(), 1);
    }

    void refusedConnectionBacksOff()
    {
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        const AlertSource src = source(AlertSource::Kind::Alertmanager, FaultServer::refusedUrl());
        QList<SourceStatus> history;
        connect(&poller, &AlertPoller::sourceStatusChanged, this, [&](const SourceStatus &s) { history.append(s); });
        poller.setSources({src});
        QTRY_VERIFY_WITH_TIMEOUT(history.size() >= 3, 20000);
        QCOMPARE(history[0].lastError, QStringLiteral("connection refused"));
        // Waits grow: 1 s, 2 s, 4 s ...
        const auto wait = [](const SourceStatus &s) { return s.lastErrorAt.msecsTo(s.nextPollAt); };
        QVERIFY(wait(history[1]) >= 2 * wait(history[0]) - 100);
        QVERIFY(wait(history[2]) >= 2 * wait(history[1]) - 100);
        QCOMPARE(history[2].consecutiveFailures, 3);
    }

    void credentialsAreSentButNeverKept()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, R"([{"labels":{"alertname":"A","severity":"SEV-3"},"annotations":{},"startsAt":"2026-11-29T14:00:00Z","endsAt":"2026-11-29T15:00:00Z","updatedAt":"2026-11-29T14:00:00Z","fingerprint":"f","receivers":[],"status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"generatorURL":""}])");
        AlertSource src = source(AlertSource::Kind::Alertmanager, server.url());
        src.auth = AlertSource::Auth::Basic;
        src.username = QStringLiteral("ic");
        src.password = QStringLiteral("s3cret-pa55");
        const QString file = m_dir.filePath(QStringLiteral("creds.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(file).ok());
        AlertMonitor monitor;
        QSignalSpy archived(&monitor, &AlertMonitor::archiveUpdated);
        monitor.setArchiveRecord(file);
        monitor.setSources({src});
        QTRY_VERIFY_WITH_TIMEOUT(archived.count() >= 1, 10000);
        QVERIFY(server.lastRequest().contains(QByteArray("Authorization: Basic " + QByteArray("ic:s3cret-pa55").toBase64())));
        monitor.setArchiveRecord({});
        // Not in the file, not in an export.
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("s3cret-pa55"));
        QVERIFY(!JsonExchange::exportFile(store)->contains("s3cret-pa55"));
        QVERIFY(!src.name().contains(QStringLiteral("s3cret")));

        // The settings keep it, in a file only its owner may read.
        AppSettings settings;
        settings.setAlertSources({src});
        QCOMPARE(AppSettings().alertSources().value(0).password, QStringLiteral("s3cret-pa55"));
        QCOMPARE(QFile::permissions(settings.fileName()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ReadUser),
                 QFileDevice::ReadUser);
        settings.setAlertSources({});
    }

    // A script's secrets stay out of the process list: from a file, the environment, or the console's Settings.
    void theCommandLineTakesSecretsFromAFileTheEnvironmentOrSettings()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, kGoodPrometheus);
        auto run = [&](const QStringList &arguments, const QProcessEnvironment &env) {
            QProcess cli;
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral(IC_CLI_PATH), QStringList{QStringLiteral("alerts"), QStringLiteral("--once")} + arguments);
            // The fault server answers on this thread's event loop.
            for (int waited = 0; cli.state() != QProcess::NotRunning && waited < 30000; waited += 20) {
                QTest::qWait(20);
            }
            return cli.exitCode() == 0 ? QString() : QString::fromUtf8(cli.readAllStandardError());
        };
        const QProcessEnvironment plain = QProcessEnvironment::systemEnvironment();
        QUrl withUser = server.url();
        withUser.setUserName(QStringLiteral("ic"));

        const QString secretFile = m_dir.filePath(QStringLiteral("password.txt"));
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from-the-file\n");
        f.close();
        QCOMPARE(run({QStringLiteral("--prometheus"), withUser.toString(), QStringLiteral("--password-file"), secretFile}, plain),
                 QString());
        QVERIFY(server.lastRequest().contains(QByteArray("Authorization: Basic " + QByteArray("ic:from-the-file").toBase64())));

        QProcessEnvironment withToken = plain;
        withToken.insert(QStringLiteral("IC_ALERTS_TOKEN"), QStringLiteral("tok-from-env"));
        QCOMPARE(run({QStringLiteral("--prometheus"), server.url().toString()}, withToken), QString());
        QVERIFY(server.lastRequest().contains("Authorization: Bearer tok-from-env"));

        const QString missing = run({QStringLiteral("--prometheus"), withUser.toString(), QStringLiteral("--password-file"),
                                     m_dir.filePath(QStringLiteral("nope.txt"))}, plain);
        QVERIFY2(missing.contains(QStringLiteral("nope.txt cannot be read")), qPrintable(missing));

        // A source kept in Settings, by its address: its stored credentials go with it. The settings are written
        // as the window writes them, then put where the command line (its own HOME's config folder) reads them.
        const QString organization = QCoreApplication::organizationName();
        const QString application = QCoreApplication::applicationName();
        AppSettings::applyIdentity();
        AlertSource kept = source(AlertSource::Kind::Prometheus, server.url());
        kept.auth = AlertSource::Auth::Bearer;
        kept.password = QStringLiteral("tok-from-settings");
        QString written;
        {
            AppSettings settings;
            settings.setAlertSources({kept});
            settings.sync();
            written = settings.fileName();
        }
        const QString config = m_dir.filePath(QStringLiteral("config"));
        QDir().mkpath(config + QStringLiteral("/incident-console"));
        QVERIFY(QFile::copy(written, config + QStringLiteral("/incident-console/incident-console.conf")));
        AppSettings().setAlertSources({});
        QCoreApplication::setOrganizationName(organization);
        QCoreApplication::setApplicationName(application);
        QProcessEnvironment withSettings = plain;
        withSettings.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        const QString bySource = run({QStringLiteral("--source"), server.url().toString()}, withSettings);
        QCOMPARE(bySource, QString());
        QVERIFY(server.lastRequest().contains("Authorization: Bearer tok-from-settings"));
        const QString unknown = run({QStringLiteral("--source"), QStringLiteral("http://127.0.0.1:1")}, plain);
        QVERIFY2(unknown.contains(QStringLiteral("is not a source in Settings")), qPrintable(unknown));
    }

    // Text from a server is shown, never run: no escape sequence reaches the terminal, no line is forged.
    void serverTextNeverDrivesTheTerminal()
    {
        FaultServer server;
        QVERIFY(server.listen());
        // Written with JSON escapes as a server would send them: ESC and BEL in the labels and the error.
        server.setResponse(200, "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":"
                                "\"X\\u001b]0;pwned\\u0007\",\"severity\":\"SEV-3\"},\"annotations\":{\"summary\":"
                                "\"ok\\u001b[2J\\nfiring     SEV-3   AllGood\"},\"state\":\"firing\","
                                "\"activeAt\":\"2026-11-29T14:00:00Z\",\"value\":\"1\"}]}}");
        auto run = [&] {
            QProcess cli;
            cli.start(QStringLiteral(IC_CLI_PATH), {QStringLiteral("alerts"), QStringLiteral("--prometheus"),
                                                     server.url().toString(), QStringLiteral("--once")});
            for (int waited = 0; cli.state() != QProcess::NotRunning && waited < 30000; waited += 20) {
                QTest::qWait(20);
            }
            return std::pair{cli.readAllStandardOutput(), cli.readAllStandardError()};
        };
        const auto [out, err] = run();
        QVERIFY2(!out.contains(char(27)) && !out.contains(char(7)), out.constData());
        QVERIFY2(out.contains("X\\e]0;pwned\\x07"), out.constData());
        QCOMPARE(out.count('\n'), 2); // the alert and "1 alerts": no forged line
        QVERIFY(err.isEmpty());

        server.setResponse(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                                "\"error\":\"bad\\u001b[2J\\nsecond line\"}");
        const auto [out2, err2] = run();
        QVERIFY2(!err2.contains(char(27)), err2.constData());
        QVERIFY2(err2.contains("bad\\e[2J\\nsecond line"), err2.constData());
        QCOMPARE(err2.count('\n'), 1);
    }

    // An answer that will not unpack (here a "gzip bomb": 64 MB of zeros in 64 KB) is named, not "Decompression
    // failed: " with nothing after it.
    void aCompressedAnswerThatWillNotUnpackIsNamed()
    {
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
        QVERIFY(gzip.waitForStarted());
        const QByteArray zeros(1 << 20, '\0');
        for (int i = 0; i < 64; ++i) {
            gzip.write(zeros);
            gzip.waitForBytesWritten(-1);
        }
        gzip.closeWriteChannel();
        QVERIFY(gzip.waitForFinished(60000));
        const QByteArray bomb = gzip.readAllStandardOutput();
        QVERIFY(bomb.size() > 1000 && bomb.size() < 1 << 20);
        for (const QByteArray &body : {bomb, QByteArray("\x1f\x8b\x08\x00garbage, not gzip")}) {
            FaultServer server;
            QVERIFY(server.listen());
            server.setMode(FaultServer::Mode::Gzipped);
            server.setResponse(200, body);
            AlertPoller poller;
            Watcher seen;
            seen.attach(&poller);
            const AlertSource src = source(AlertSource::Kind::Prometheus, server.url());
            poller.setSources({src});
            QTRY_VERIFY_WITH_TIMEOUT(seen.statuses.value(src.name()).isFailing(), 20000);
            const QString error = seen.statuses.value(src.name()).lastError;
            QVERIFY2(!error.trimmed().endsWith(u':') && error.size() > 20, qPrintable(error));
            poller.stop();
        }
    }

    void tlsWithAnExtraCaFile()
    {
        // A CA and a server certificate for 127.0.0.1, made here with openssl.
        const QString dir = m_dir.path();
        auto openssl = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(dir);
            p.start(QStringLiteral("openssl"), args);
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                         QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=Incident Console test CA")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}));
        QFile ext(m_dir.filePath(QStringLiteral("san.ext")));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                         QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.ext")}));
        QFile web(m_dir.filePath(QStringLiteral("web.yml")));
        QVERIFY(web.open(QIODevice::WriteOnly));
        web.write("tls_server_config:\n  cert_file: " + m_dir.filePath(QStringLiteral("server.pem")).toUtf8() +
                  "\n  key_file: " + m_dir.filePath(QStringLiteral("server.key")).toUtf8() + "\n");
        web.close();

        ServerProcess prometheus(ServerProcess::Kind::Prometheus);
        QString error;
        const QByteArray rules = "groups:\n  - name: t\n    rules:\n      - alert: AlwaysFiring\n        expr: vector(1)\n";
        QVERIFY2(prometheus.startPrometheus(rules, {}, {}, &error, web.fileName()), qPrintable(error));
        QCOMPARE(prometheus.url().scheme(), QStringLiteral("https"));

        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        AlertSource trusted = source(AlertSource::Kind::Prometheus, prometheus.url());
        trusted.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        poller.setSources({trusted});
        QTRY_VERIFY_WITH_TIMEOUT(seen.statuses.size() == 1 && seen.alerts.size() == 1, 20000);
        QVERIFY2(seen.error(trusted).isEmpty(), qPrintable(seen.error(trusted)));

        // Without the CA the certificate is not trusted, and the console says so, even while another source of the
        // same poller reaches the same server with the CA (no pooled connection is shared between sources).
        AlertSource untrusted = source(AlertSource::Kind::Prometheus, prometheus.url());
        untrusted.url.setPath(QStringLiteral("/")); // another source name for the same server
        poller.setSources({trusted, untrusted});
        QTRY_VERIFY_WITH_TIMEOUT(!seen.error(untrusted).isEmpty(), 20000);
        QVERIFY2(seen.error(untrusted).contains(QStringLiteral("TLS handshake failed")), qPrintable(seen.error(untrusted)));
        QVERIFY2(seen.error(trusted).isEmpty(), qPrintable(seen.error(trusted)));

        // A CA file that is not there says so, rather than a bare handshake failure; a silence to it too.
        AlertSource misspelt = trusted;
        misspelt.caFile = m_dir.filePath(QStringLiteral("no-such-ca.pem"));
        poller.setSources({misspelt});
        QTRY_VERIFY_WITH_TIMEOUT(!seen.error(misspelt).isEmpty(), 10000);
        QVERIFY2(seen.error(misspelt).contains(QStringLiteral("no-such-ca.pem has no certificates")), qPrintable(seen.error(misspelt)));
        SilenceRequest silence(nullptr);
        QSignalSpy done(&silence, &SilenceRequest::finished);
        silence.send(misspelt, seen.alerts.isEmpty() ? Alert() : *seen.alerts.begin(), 60, QStringLiteral("ic"), QStringLiteral("test"));
        QVERIFY(done.wait(5000));
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("has no certificates")), qPrintable(done.first().at(1).toString()));
    }

    // Both executables take user:password@ in an address as basic authentication, and never print the password.
    void commandLineAddresses()
    {
        const auto withUser = AlertSource::fromAddress(AlertSource::Kind::Alertmanager,
                                                       QStringLiteral("https://ops:p%40ss@127.0.0.1:9093/am"));
        QVERIFY2(withUser.ok(), qPrintable(withUser.error()));
        QCOMPARE(withUser->auth, AlertSource::Auth::Basic);
        QCOMPARE(withUser->username, QStringLiteral("ops"));
        QCOMPARE(withUser->password, QStringLiteral("p@ss"));
        QCOMPARE(withUser->url, QUrl(QStringLiteral("https://127.0.0.1:9093/am")));
        QVERIFY(!withUser->name().contains(QStringLiteral("ops")));

        const auto plain = AlertSource::fromAddress(AlertSource::Kind::Prometheus, QStringLiteral("http://127.0.0.1:9090"));
        QVERIFY(plain.ok());
        QCOMPARE(plain->auth, AlertSource::Auth::None);

        const auto wrong = AlertSource::fromAddress(AlertSource::Kind::Prometheus, QStringLiteral("ftp://ops:secret@127.0.0.1"));
        QVERIFY(!wrong.ok());
        QVERIFY2(!wrong.error().contains(QStringLiteral("secret")), qPrintable(wrong.error()));
        QVERIFY2(wrong.error().contains(QStringLiteral("ftp://…@127.0.0.1")), qPrintable(wrong.error()));
        // Without a scheme Qt reads "ops" as one, and finds no user at all: the text is masked, not the URL.
        for (const QString &typed : {QStringLiteral("ops:secret@127.0.0.1:9093"), QStringLiteral("https:/ops:secret@host")}) {
            const auto noScheme = AlertSource::fromAddress(AlertSource::Kind::Alertmanager, typed);
            QVERIFY(!noScheme.ok());
            QVERIFY2(!noScheme.error().contains(QStringLiteral("secret")), qPrintable(noScheme.error()));
        }

        QProcess cli;
        cli.start(QStringLiteral(IC_CLI_PATH), {QStringLiteral("alerts"), QStringLiteral("--prometheus"),
                                                 QStringLiteral("ftp://ops:secret@127.0.0.1"), QStringLiteral("--once")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY(cli.exitCode() != 0);
        const QByteArray said = cli.readAllStandardOutput() + cli.readAllStandardError();
        QVERIFY2(!said.contains("secret"), said.constData());
        QVERIFY2(said.contains("is not an http:// or https:// address"), said.constData());
    }

    void bearerTokenIsSent()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, kGoodPrometheus);
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        AlertSource src = source(AlertSource::Kind::Prometheus, server.url());
        src.auth = AlertSource::Auth::Bearer;
        src.password = QStringLiteral("tok-123");
        poller.setSources({src});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 1, 10000);
        QVERIFY(server.lastRequest().contains("Authorization: Bearer tok-123"));
    }

    // Qt would send the Authorization header on to wherever a source redirects: with credentials, only redirects
    // on the source's own host and port are followed, and the user is told why.
    void credentialsNeverFollowARedirectElsewhere()
    {
        FaultServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setResponse(200, kGoodPrometheus);
        FaultServer redirecting;
        QVERIFY(redirecting.listen());
        redirecting.setResponse(302, QByteArray());
        redirecting.setLocation(QUrl(elsewhere.url().toString() + QStringLiteral("/api/v1/alerts")));

        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        AlertSource withToken = source(AlertSource::Kind::Prometheus, redirecting.url());
        withToken.auth = AlertSource::Auth::Bearer;
        withToken.password = QStringLiteral("tok-secret");
        poller.setSources({withToken});
        QTRY_VERIFY_WITH_TIMEOUT(!seen.error(withToken).isEmpty(), 10000);
        QVERIFY2(seen.error(withToken).contains(QStringLiteral("redirected where the console does not follow")), qPrintable(seen.error(withToken)));
        QCOMPARE(elsewhere.requestCount(), 0);
        QVERIFY(redirecting.lastRequest().contains("Authorization: Bearer tok-secret"));

        // Without credentials there is nothing to leak: the redirect is followed.
        poller.setSources({source(AlertSource::Kind::Prometheus, redirecting.url())});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 1, 10000);
        QVERIFY(elsewhere.requestCount() >= 1);
        QVERIFY(!elsewhere.lastRequest().contains("Authorization"));
    }

    void commandLineAlertsOnce()
    {
        ServerProcess am(ServerProcess::Kind::Alertmanager);
        QString error;
        QVERIFY2(am.startAlertmanager(&error), qPrintable(error));
        QVERIFY(am.post(QStringLiteral("/api/v2/alerts"),
                        json({amAlert(QStringLiteral("DDoSSuspected"), QStringLiteral("SEV-1"), QStringLiteral("edge-1")),
                              amAlert(QStringLiteral("PluginCrashErrors"), QStringLiteral("SEV-3"), QStringLiteral("game-4"))})));
        QProcess cli;
        cli.start(QStringLiteral(IC_CLI_PATH), {QStringLiteral("alerts"), QStringLiteral("--alertmanager"), am.url().toString(),
                                                 QStringLiteral("--once"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray alerts = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts[0][QStringLiteral("severity")].toString(), QStringLiteral("SEV-1")); // worst first
        QCOMPARE(alerts[0][QStringLiteral("labels")][QStringLiteral("instance")].toString(), QStringLiteral("edge-1"));

        // With one source the command line prints straight from the answer; it must print what the window's
        // poller holds, texts with quotes, escapes and other scripts included.
        QJsonObject unusual = amAlert(QStringLiteral("Caf\u00e9 \"quoted\" \\ path"), QStringLiteral("SEV-2"),
                                      QStringLiteral("\u6e38\u620f-1\tline\nbreak"));
        QVERIFY(am.post(QStringLiteral("/api/v2/alerts"), json({unusual})));
        cli.start(QStringLiteral(IC_CLI_PATH), {QStringLiteral("alerts"), QStringLiteral("--alertmanager"), am.url().toString(),
                                                 QStringLiteral("--once"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray printed = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(printed.size(), 3);
        AlertPoller poller;
        Watcher seen;
        seen.attach(&poller);
        poller.setSources({source(AlertSource::Kind::Alertmanager, am.url())});
        QTRY_COMPARE_WITH_TIMEOUT(seen.alerts.size(), 3, 10000);
        for (const QJsonValue &value : printed) {
            const QJsonObject object = value.toObject();
            const QString identity = object.value(QStringLiteral("identity")).toString();
            QVERIFY2(seen.alerts.contains(identity), qPrintable(identity));
            QCOMPARE(object, AlertJson::toJson(seen.alerts.value(identity)));
        }
        QCOMPARE(printed[1][QStringLiteral("alertname")].toString(), QStringLiteral("Caf\u00e9 \"quoted\" \\ path"));

        cli.start(QStringLiteral(IC_CLI_PATH), {QStringLiteral("alerts"), QStringLiteral("--alertmanager"),
                                                 FaultServer::refusedUrl().toString(), QStringLiteral("--once")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 1);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("connection refused")), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertSources)
#include "tst_alertsources.moc"
