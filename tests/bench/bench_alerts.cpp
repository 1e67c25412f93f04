#include "AlertDecoder.h"
#include "BenchStats.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

// Worker time to decode and diff 10,000 alerts (target: under 10 ms).
class BenchAlerts final : public QObject
{
    Q_OBJECT

    QByteArray m_prometheus;
    QByteArray m_alertmanager;
    QByteArray m_alertmanagerChanged;
    static inline const int kRuns = qEnvironmentVariableIntValue("IC_BENCH_RUNS") > 0 ? qEnvironmentVariableIntValue("IC_BENCH_RUNS") : 15;

    // 10,000 Alertmanager alerts shaped like the captured ones (about 9 MB), with `changedEvery` of them altered.
    static QByteArray alertmanagerBody(int count, int changedEvery, int generation)
    {
        QJsonArray alerts;
        for (int i = 0; i < count; ++i) {
            const bool changed = changedEvery > 0 && i % changedEvery == 0;
            QJsonObject labels{{QStringLiteral("alertname"), QStringLiteral("SocketLatencyHigh%1").arg(i % 40)},
                               {QStringLiteral("severity"), QStringLiteral("SEV-%1").arg(1 + i % 3)},
                               {QStringLiteral("instance"), QStringLiteral("game-%1.eu-west.internal:9100").arg(i)},
                               {QStringLiteral("job"), QStringLiteral("game-server")},
                               {QStringLiteral("cluster"), QStringLiteral("eu-west-1")},
                               {QStringLiteral("service"), QStringLiteral("matchmaking")},
                               {QStringLiteral("pod"), QStringLiteral("matchmaking-7f9c%1").arg(i, 6, 16, QChar(u'0'))}};
            QJsonObject annotations{
                {QStringLiteral("summary"), QStringLiteral("P95 socket latency above 100 ms on game-%1").arg(i)},
                {QStringLiteral("description"),
                 QStringLiteral("The 95th percentile of socket event latency has been %1 ms for 5 minutes on "
                                "game-%2; players in this shard see rubber-banding and delayed actions. %3")
                     .arg(120 + (changed ? generation : 0))
                     .arg(i)
                     .arg(QString(120, QChar(u'.')))},
                {QStringLiteral("runbook_url"), QStringLiteral("https://runbooks.example.invalid/socket-latency")}};
            alerts.append(QJsonObject{
                {QStringLiteral("annotations"), annotations},
                {QStringLiteral("endsAt"), QStringLiteral("2026-11-29T15:00:00.000Z")},
                {QStringLiteral("fingerprint"), QStringLiteral("%1").arg(i, 16, 16, QChar(u'0'))},
                {QStringLiteral("receivers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oncall")}}}},
                {QStringLiteral("startsAt"), QStringLiteral("2026-11-29T14:00:00.000Z")},
                {QStringLiteral("status"), QJsonObject{{QStringLiteral("inhibitedBy"), QJsonArray()},
                                                       {QStringLiteral("silencedBy"), QJsonArray()},
                                                       {QStringLiteral("state"), QStringLiteral("active")}}},
                {QStringLiteral("updatedAt"), QStringLiteral("2026-11-29T14:00:%1.000Z").arg(generation % 60, 2, 10, QChar(u'0'))},
                {QStringLiteral("generatorURL"), QStringLiteral("http://prometheus:9090/graph?g0.expr=histogram_quantile")},
                {QStringLiteral("labels"), labels}});
        }
        return QJsonDocument(alerts).toJson(QJsonDocument::Compact); // Alertmanager writes compact JSON
    }

private slots:
    void initTestCase()
    {
        QFile f(QStringLiteral(IC_SOURCE_DIR "/tests/data/prometheus-2.42/alerts_10000.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_prometheus = f.readAll();
        // Bodies with spare room after the data, as the poller reads them from the network.
        auto withRoom = [](QByteArray body) {
            body.reserve(body.size() + 4096);
            return body;
        };
        m_prometheus = withRoom(m_prometheus);
        m_alertmanager = withRoom(alertmanagerBody(10000, 0, 0));
        m_alertmanagerChanged = withRoom(alertmanagerBody(10000, 20, 7)); // 5 % changed
        qInfo("Alertmanager body: %.1f MB; Prometheus body: %.1f MB", m_alertmanager.size() / 1e6,
              m_prometheus.size() / 1e6);
    }

    // A first poll: every alert is new. Each run starts from an empty snapshot; the snapshot it built is freed
    // after the clock stops, because a poller never frees one between polls.
    static QString firstPoll(AlertDecoder::Format format, const QByteArray &body, qsizetype expected)
    {
        QList<double> ms;
        for (int run = 0; run < kRuns; ++run) {
            AlertDecoder decoder;
            auto state = std::make_unique<AlertSnapshot>();
            QElapsedTimer clock;
            clock.start();
            const auto out = decoder.decode(format, body, *state);
            ms.append(clock.nsecsElapsed() / 1e6);
            if (!out || out->delta.added.size() != expected) {
                return QStringLiteral("wrong result");
            }
        }
        return stats(ms);
    }

    void prometheusFirstPoll()
    {
        const QString result = firstPoll(AlertDecoder::Format::PrometheusV1, m_prometheus, 10001);
        QVERIFY2(!result.startsWith(u"wrong"), qPrintable(result));
        qInfo("Prometheus, 10,001 alerts, first poll: %s", qPrintable(result));
    }

    void alertmanagerFirstPoll()
    {
        const QString result = firstPoll(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, 10000);
        QVERIFY2(!result.startsWith(u"wrong"), qPrintable(result));
        qInfo("Alertmanager, 10,000 alerts, first poll: %s", qPrintable(result));
    }

    // The steady state of polling: the same 10,000 alerts with 5 % of them changed since the last answer.
    void alertmanagerFivePercentChanged()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        (void)decoder.decode(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, state);
        QList<double> ms;
        bool flip = false;
        for (int run = 0; run < kRuns * 4; ++run) {
            // Alternate between the two answers so every run sees 5 % of the alerts change.
            flip = !flip;
            QElapsedTimer clock;
            clock.start();
            const auto out = decoder.decode(AlertDecoder::Format::AlertmanagerV2,
                                            flip ? m_alertmanagerChanged : m_alertmanager, state);
            ms.append(clock.nsecsElapsed() / 1e6);
            QVERIFY(out);
            QCOMPARE(out->delta.changed.size(), 500);
            QCOMPARE(out->delta.added.size(), 0);
        }
        qInfo("Alertmanager, 10,000 alerts, 5 %% changed: %s", qPrintable(stats(ms)));
    }

    void prometheusValuesChanged()
    {
        // Prometheus reports each alert's value, which moves at every evaluation: here 5 % of them moved.
        QByteArray changed = m_prometheus;
        qsizetype at = 0;
        int n = 0;
        for (int i = 0; (at = changed.indexOf("\"value\":\"", at)) >= 0; ++i, ++at) {
            if (i % 20 == 0) {
                changed[at + 9] = changed[at + 9] == '1' ? '2' : '1';
                ++n;
            }
        }
        changed.reserve(changed.size() + 4096);
        AlertDecoder decoder;
        AlertSnapshot state;
        (void)decoder.decode(AlertDecoder::Format::PrometheusV1, m_prometheus, state);
        QList<double> ms;
        bool flip = false;
        for (int run = 0; run < kRuns * 4; ++run) {
            flip = !flip;
            QElapsedTimer clock;
            clock.start();
            const auto out = decoder.decode(AlertDecoder::Format::PrometheusV1, flip ? changed : m_prometheus, state);
            ms.append(clock.nsecsElapsed() / 1e6);
            QVERIFY(out);
            QCOMPARE(out->delta.changed.size(), n);
        }
        qInfo("Prometheus, 10,001 alerts, %d values changed: %s", n, qPrintable(stats(ms)));
    }

    void unchangedAnswer()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        (void)decoder.decode(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, state);
        QByteArray again(m_alertmanager.constData(), m_alertmanager.size()); // a fresh buffer, as from the network
        again.reserve(again.size() + 4096);
        QList<double> ms;
        for (int run = 0; run < kRuns * 4; ++run) {
            QElapsedTimer clock;
            clock.start();
            const auto out = decoder.decode(AlertDecoder::Format::AlertmanagerV2, again, state);
            ms.append(clock.nsecsElapsed() / 1e6);
            QVERIFY(out->unchanged);
        }
        qInfo("Alertmanager, unchanged answer: %s", qPrintable(stats(ms)));
    }
};

QTEST_GUILESS_MAIN(BenchAlerts)
#include "bench_alerts.moc"
