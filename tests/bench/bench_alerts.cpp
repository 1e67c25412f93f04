#include "AlertDecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Worker time to decode and diff 10,000 alerts (target: under 10 ms).
class BenchAlerts final : public QObject
{
    Q_OBJECT

    QByteArray m_prometheus;
    QByteArray m_alertmanager;
    QByteArray m_alertmanagerChanged;

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

    void prometheusFirstPoll()
    {
        QBENCHMARK {
            AlertDecoder decoder;
            AlertSnapshot state;
            const auto out = decoder.decode(AlertDecoder::Format::PrometheusV1, m_prometheus, state);
            QCOMPARE(out->delta.added.size(), 10001);
        }
    }

    void alertmanagerFirstPoll()
    {
        AlertDecoder decoder;
        QBENCHMARK {
            AlertSnapshot state;
            const auto out = decoder.decode(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, state);
            QCOMPARE(out->delta.added.size(), 10000);
        }
    }

    void alertmanagerFivePercentChanged()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        (void)decoder.decode(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, state);
        bool flip = false;
        QBENCHMARK {
            // Alternate between the two answers so every iteration sees 5 % of the alerts change.
            flip = !flip;
            const auto out = decoder.decode(AlertDecoder::Format::AlertmanagerV2, flip ? m_alertmanagerChanged : m_alertmanager, state);
            QCOMPARE(out->delta.changed.size(), 500);
        }
    }

    void unchangedAnswer()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        (void)decoder.decode(AlertDecoder::Format::AlertmanagerV2, m_alertmanager, state);
        QByteArray again(m_alertmanager.constData(), m_alertmanager.size()); // a fresh buffer, as from the network
        again.reserve(again.size() + 4096);
        QBENCHMARK {
            const auto out = decoder.decode(AlertDecoder::Format::AlertmanagerV2, again, state);
            QVERIFY(out->unchanged);
        }
    }
};

QTEST_GUILESS_MAIN(BenchAlerts)
#include "bench_alerts.moc"
