#include "AlertmanagerInstance.h"
#include "FaultServer.h"
#include "LoopbackPort.h"
#include "PrometheusInstance.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>

namespace {

constexpr qint64 MiB = 1024 * 1024;

QJsonObject alert(const QString &name, const QString &severity)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject{
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QString(name + QStringLiteral(" test"))}}},
        {QStringLiteral("startsAt"), now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("endsAt"), now.addSecs(3600).toString(Qt::ISODateWithMs)},
        {QStringLiteral("generatorURL"), QStringLiteral("http://127.0.0.1/graph?g0.expr=vector%281%29")}};
}

// alertname of every alert in an Alertmanager /api/v2/alerts answer.
QSet<QString> alertmanagerAlertNames(AlertmanagerInstance &am)
{
    QSet<QString> names;
    const QJsonArray alerts = QJsonDocument::fromJson(am.get(QStringLiteral("/api/v2/alerts"))).array();
    for (const QJsonValue &a : alerts) {
        names.insert(a[QStringLiteral("labels")][QStringLiteral("alertname")].toString());
    }
    return names;
}

// The state of the named alert in a Prometheus /api/v1/alerts answer, empty if it is not there.
QString prometheusAlertState(PrometheusInstance &prom, const QString &name)
{
    const QJsonObject answer = QJsonDocument::fromJson(prom.get(QStringLiteral("/api/v1/alerts"))).object();
    for (const QJsonValue &a : answer[QStringLiteral("data")][QStringLiteral("alerts")].toArray()) {
        if (a[QStringLiteral("labels")][QStringLiteral("alertname")].toString() == name) {
            return a[QStringLiteral("state")].toString();
        }
    }
    return {};
}

QString targetHealth(PrometheusInstance &prom, const QString &job)
{
    const QJsonObject answer = QJsonDocument::fromJson(prom.get(QStringLiteral("/api/v1/targets"))).object();
    for (const QJsonValue &t : answer[QStringLiteral("data")][QStringLiteral("activeTargets")].toArray()) {
        if (t[QStringLiteral("labels")][QStringLiteral("job")].toString() == job) {
            return t[QStringLiteral("health")].toString();
        }
    }
    return {};
}

bool connectionRefused(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return !socket.waitForConnected(3000) && socket.error() == QAbstractSocket::ConnectionRefusedError;
}

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

struct Fetched
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    qint64 elapsedMs = 0;
    int readyReads = 0;
    bool hasContentLength = false;
};

} // namespace

// The harness itself, against the real servers and QNetworkAccessManager: other tests rely on it doing what it says.
class TestHarness final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static void requireServers()
    {
        if (LoopbackServerProcess::findProgram(QStringLiteral("prometheus")).isEmpty() ||
            LoopbackServerProcess::findProgram(QStringLiteral("prometheus-alertmanager")).isEmpty()) {
            QSKIP("prometheus and prometheus-alertmanager are not installed");
        }
    }

    Fetched fetch(const QUrl &url, int transferTimeoutMs = 0, const QByteArray *postBody = nullptr,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        request.setTransferTimeout(transferTimeoutMs);
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
        }
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = nullptr;
        if (postBody) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            reply = m_network.post(request, *postBody);
        } else {
            reply = m_network.get(request);
        }
        Fetched result;
        QEventLoop loop;
        connect(reply, &QNetworkReply::readyRead, &loop, [&] {
            ++result.readyReads;
            result.body += reply->readAll();
        });
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit); // the test fails rather than hangs
        if (!reply->isFinished()) {
            loop.exec();
        }
        if (reply->isOpen()) { // a timed-out reply is already closed
            result.body += reply->readAll();
        }
        result.error = reply->isFinished() ? reply->error() : QNetworkReply::UnknownNetworkError;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.hasContentLength = reply->hasRawHeader("Content-Length");
        result.elapsedMs = clock.elapsed();
        reply->abort();
        reply->deleteLater();
        return result;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    void loopbackPortIsFree()
    {
        const quint16 port = LoopbackPort::findFree();
        QVERIFY(port != 0);
        QTcpServer server;
        QVERIFY2(server.listen(QHostAddress::LocalHost, port), qPrintable(server.errorString()));
    }

    void alertmanagerTakesAlertsAndStops()
    {
        requireServers();
        AlertmanagerInstance am;
        QString error;
        QVERIFY2(am.start(&error), qPrintable(error));
        QCOMPARE(am.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(am.processId() > 0);
        int status = 0;
        am.get(QStringLiteral("/-/ready"), &status);
        QCOMPARE(status, 200);

        QVERIFY2(am.postAlerts({alert(QStringLiteral("HarnessFirst"), QStringLiteral("SEV-2")),
                                alert(QStringLiteral("HarnessSecond"), QStringLiteral("SEV-3"))},
                               &error),
                 qPrintable(error));
        const QSet<QString> expected{QStringLiteral("HarnessFirst"), QStringLiteral("HarnessSecond")};
        QTRY_COMPARE_WITH_TIMEOUT(alertmanagerAlertNames(am), expected, 10000);

        // A bad body is refused and said so.
        QVERIFY(!am.postAlerts({QJsonValue(42)}, &error));
        QVERIFY2(error.contains(QStringLiteral("400")), qPrintable(error));

        const qint64 pid = am.processId();
        am.stop();
        QCOMPARE(am.processId(), 0);
        QVERIFY(processGone(pid));
        QVERIFY(connectionRefused(quint16(am.url().port())));
    }

    void prometheusFiresIntoAlertmanager()
    {
        requireServers();
        AlertmanagerInstance am;
        QString error;
        QVERIFY2(am.start(&error), qPrintable(error));

        // A /metrics target, to show the scrape configuration is wired.
        FaultServer metrics;
        QVERIFY(metrics.listen());
        metrics.setResponse(200, "harness_up 1\n", "text/plain; version=0.0.4");

        const QByteArray rules = "groups:\n"
                                 "  - name: t\n"
                                 "    rules:\n"
                                 "      - alert: AlwaysFiring\n"
                                 "        expr: vector(1)\n"
                                 "        labels: {severity: SEV-3}\n"
                                 "        annotations: {summary: test}\n";
        const QString amAddress = am.url().authority();
        const QString metricsAddress = metrics.url().authority();
        PrometheusInstance prom;
        QVERIFY2(prom.start(rules, {metricsAddress}, {amAddress}, &error), qPrintable(error));
        QVERIFY(prom.processId() > 0);

        QTRY_COMPARE_WITH_TIMEOUT(prometheusAlertState(prom, QStringLiteral("AlwaysFiring")), QStringLiteral("firing"),
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(alertmanagerAlertNames(am).contains(QStringLiteral("AlwaysFiring")), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(targetHealth(prom, QStringLiteral("game-server")), QStringLiteral("up"), 10000);
        QVERIFY(metrics.lastRequest().startsWith("GET /metrics "));

        const qint64 pid = prom.processId();
        prom.stop();
        QVERIFY(processGone(pid));
        QVERIFY(connectionRefused(quint16(prom.url().port())));
    }

    void prometheusStartFailureSaysWhy()
    {
        requireServers();
        PrometheusInstance prom;
        QString error;
        QVERIFY(!prom.start({}, {}, {}, &error, QStringLiteral("not-a-duration")));
        QVERIFY2(error.contains(QStringLiteral("not-a-duration")), qPrintable(error)); // from the server's own log
        QCOMPARE(prom.processId(), 0);
    }

    void twoAlertmanagersGetDistinctPorts()
    {
        requireServers();
        AlertmanagerInstance first;
        AlertmanagerInstance second;
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        QVERIFY2(second.start(&error), qPrintable(error));
        QVERIFY(first.url().port() != second.url().port());
        int status = 0;
        first.get(QStringLiteral("/-/ready"), &status);
        QCOMPARE(status, 200);
        second.get(QStringLiteral("/-/ready"), &status);
        QCOMPARE(status, 200);
    }

    void faultRespond()
    {
        FaultServer server;
        QVERIFY(server.listen());
        const QByteArray body = R"({"status":"error","errorType":"unavailable","error":"busy"})";
        server.setResponse(503, body);
        const Fetched got = fetch(server.url().resolved(QUrl(QStringLiteral("/api/v1/alerts"))), 0, nullptr,
                                  {{"Authorization", "Bearer harness-secret"}, {"X-Harness-Check", "42"}});
        QCOMPARE(got.status, 503);
        QCOMPARE(got.body, body);
        QVERIFY(got.hasContentLength);
        QCOMPARE(server.requestCount(), 1);
        const QByteArray head = server.lastRequest().toLower();
        QVERIFY2(head.startsWith("get /api/v1/alerts http/1.1\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nauthorization: bearer harness-secret\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nx-harness-check: 42\r\n"), head.constData());
    }

    void faultRefused()
    {
        const Fetched got = fetch(FaultServer::refusedUrl());
        QCOMPARE(got.error, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(FaultServer::refusedUrl(), FaultServer::refusedUrl());
    }

    void faultHang()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode::Hang);
        const Fetched got = fetch(server.url(), 500);
        // Qt 6.4 reports a transfer timeout as OperationCanceledError; later versions as TimeoutError.
        QVERIFY2(got.error == QNetworkReply::OperationCanceledError || got.error == QNetworkReply::TimeoutError,
                 qPrintable(QString::number(got.error)));
        QCOMPARE(got.status, 0);
        QVERIFY2(got.elapsedMs >= 450 && got.elapsedMs < 5000, qPrintable(QString::number(got.elapsedMs)));
        QCOMPARE(server.requestCount(), 1);
    }

    void faultGarbage()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode::Garbage);
        const Fetched got = fetch(server.url());
        QCOMPARE(got.error, QNetworkReply::NoError);
        QCOMPARE(got.status, 200);
        QVERIFY(!got.body.isEmpty());
        QJsonParseError parseError{};
        QJsonDocument::fromJson(got.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
    }

    void faultTruncatedBody()
    {
        FaultServer server;
        QVERIFY(server.listen());
        const QByteArray body = QJsonDocument(QJsonArray{alert(QStringLiteral("Cut"), QStringLiteral("SEV-1")),
                                                         alert(QStringLiteral("Short"), QStringLiteral("SEV-2"))})
                                    .toJson(QJsonDocument::Compact);
        server.setResponse(200, body);
        server.setMode(FaultServer::Mode::TruncatedBody);
        const Fetched got = fetch(server.url());
        QVERIFY2(got.error != QNetworkReply::NoError || got.body.size() < body.size(),
                 qPrintable(QString::number(got.error)));
        QVERIFY(got.body != body);
    }

    void faultSlowDrip()
    {
        FaultServer server;
        QVERIFY(server.listen());
        const QByteArray body = R"([{"labels":{"alertname":"Drip"}}])"; // 33 bytes: 9 chunks of at most 4
        const int chunks = int((body.size() + 3) / 4);
        constexpr int IntervalMs = 30;
        server.setResponse(200, body);
        server.setMode(FaultServer::Mode::SlowDrip);
        server.setDripInterval(IntervalMs);
        const Fetched got = fetch(server.url());
        QCOMPARE(got.error, QNetworkReply::NoError);
        QCOMPARE(got.body, body);
        QVERIFY2(got.elapsedMs >= (chunks - 1) * IntervalMs, qPrintable(QString::number(got.elapsedMs)));
        QVERIFY2(got.readyReads >= 3, qPrintable(QString::number(got.readyReads))); // it came in pieces
    }

    void faultHuge()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode::Huge); // default size: 80 MiB

        QNetworkReply *reply = m_network.get(QNetworkRequest(server.url()));
        reply->setReadBufferSize(MiB); // the client, too, keeps only a little at a time
        qint64 received = 0;
        QByteArray start;
        QEventLoop loop;
        connect(reply, &QNetworkReply::readyRead, &loop, [&] {
            const QByteArray chunk = reply->readAll();
            if (start.isEmpty()) {
                start = chunk.left(16);
            }
            received += chunk.size();
            if (received > 64 * MiB) {
                reply->abort(); // finished follows
            }
        });
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(40000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY2(received > 64 * MiB, qPrintable(QString::number(received)));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QStringLiteral("application/json")));
        QVERIFY(!reply->hasRawHeader("Content-Length"));
        QVERIFY(start.startsWith("[{\"annotations\""));
        reply->deleteLater();
    }

    void faultHugeIsExactValidJson()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode::Huge);
        constexpr qint64 Size = 300000;
        server.setHugeSize(Size);
        const Fetched got = fetch(server.url());
        QCOMPARE(got.error, QNetworkReply::NoError);
        QCOMPARE(got.body.size(), Size);
        QJsonParseError parseError{};
        const QJsonArray alerts = QJsonDocument::fromJson(got.body, &parseError).array();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QVERIFY(alerts.size() > 100);
        QCOMPARE(alerts.first()[QStringLiteral("labels")][QStringLiteral("alertname")].toString(),
                 QStringLiteral("GameServerPacketLoss"));
        QVERIFY(alerts.first()[QStringLiteral("fingerprint")] != alerts.last()[QStringLiteral("fingerprint")]);
    }

    void faultCloseImmediately()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode::CloseImmediately);
        const Fetched got = fetch(server.url());
        QVERIFY(got.error != QNetworkReply::NoError);
        QCOMPARE(got.status, 0);
        QVERIFY(got.body.isEmpty());
        QVERIFY(server.requestCount() >= 1); // Qt may retry once on a connection closed before any answer
    }

    void faultServesManyRequests()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, "[]");
        for (int i = 0; i < 5; ++i) {
            const Fetched got = fetch(server.url());
            QCOMPARE(got.status, 200);
            QCOMPARE(got.body, QByteArray("[]"));
        }
        // A large request body is read in full before the answer, so the close is clean and the answer arrives.
        const QByteArray big(2 * MiB, 'x');
        const Fetched posted = fetch(server.url(), 0, &big);
        QCOMPARE(posted.error, QNetworkReply::NoError);
        QCOMPARE(posted.status, 200);
        QCOMPARE(server.requestCount(), 6);
        QVERIFY(server.lastRequest().startsWith("POST / HTTP/1.1\r\n"));
        QVERIFY(server.lastRequest().endsWith("\r\n\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestHarness)
#include "tst_harness.moc"
