#include "AppSettings.h"
#include "FaultServer.h"
#include "IncidentInsights.h"
#include "LiveMetricsPanel.h"
#include "MetricChartView.h"
#include "MetricWindow.h"
#include "PrometheusRangeQuery.h"
#include "ServerProcess.h"
#include "SettingsDialog.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

#include <cmath>

namespace {
struct Outcome
{
    std::optional<RangeAnswer> answer;
    QString error;
};

// One query through the real client, waited for on an event loop.
Outcome rangeQuery(const AlertSource &source, const QString &expression, const QDateTime &start, const QDateTime &end,
                   int points)
{
    PrometheusRangeQuery query;
    query.setSource(source);
    Outcome out;
    QEventLoop loop;
    QObject::connect(&query, &PrometheusRangeQuery::answered, &loop, [&](const RangeAnswer &a) {
        out.answer = a;
        loop.quit();
    });
    QObject::connect(&query, &PrometheusRangeQuery::failed, &loop, [&](const QString &message) {
        out.error = message;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    query.run(expression, start, end, points);
    loop.exec();
    return out;
}

AlertSource prometheusAt(const QUrl &url)
{
    AlertSource source;
    source.kind = AlertSource::Kind::Prometheus;
    source.url = url;
    source.timeoutSeconds = 10;
    return source;
}

qsizetype pointsOn(MetricChartView *chart)
{
    qsizetype points = 0;
    for (QAbstractSeries *series : chart->findChild<QChartView *>(QStringLiteral("chartView"))->chart()->series()) {
        auto *line = static_cast<QLineSeries *>(series);
        if (line->name() != QStringLiteral("threshold") && line->objectName() != QStringLiteral("keyMomentMark")) {
            points += line->count();
        }
    }
    return points;
}

// An incident declared four minutes ago, with key moments in and out of its charts' window.
struct Moments
{
    Incident incident;
    TimelineEntry rollback;
    QList<MetricMark> marks;
};

Moments moments()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Moments m;
    m.incident.id = 9;
    m.incident.detectedAt = now.addSecs(-300);
    m.incident.declaredAt = now.addSecs(-240);
    m.rollback.keyMoment = true;
    m.rollback.occurredAt = now.addSecs(-120);
    m.rollback.text = QStringLiteral("Rolled back 3.8.1\nby the book");
    TimelineEntry deleted = m.rollback;
    deleted.text = QStringLiteral("typo");
    deleted.deletedAt = now;
    TimelineEntry plain = m.rollback;
    plain.keyMoment = false;
    plain.text = QStringLiteral("chatter");
    TimelineEntry old = m.rollback;
    old.occurredAt = now.addDays(-2);
    old.text = QStringLiteral("long before the window");
    // The console's own entry for the declaration is the "Declared" mark already; a person's is kept.
    TimelineEntry declaredEntry = m.rollback;
    declaredEntry.occurredAt = m.incident.declaredAt;
    declaredEntry.source = TimelineEntry::Source::System;
    declaredEntry.text = QStringLiteral("Declared SEV-1: DDoS");
    TimelineEntry paged = m.rollback;
    paged.occurredAt = m.incident.declaredAt.addSecs(2);
    paged.text = QStringLiteral("Paged the IC");
    m.marks = IncidentInsights::chartMarks(m.incident, {m.rollback, deleted, plain, old, declaredEntry, paged});
    return m;
}
} // namespace

// The live metrics panel's queries against a real Prometheus scraping the real game server simulator, the faults a
// real server will not produce on demand from a local fault server, and the panel itself.
class TestLiveMetrics final : public QObject
{
    Q_OBJECT

private:
    QProcess m_sim;
    QUrl m_simUrl;
    std::unique_ptr<ServerProcess> m_prometheus;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim.start(QStringLiteral(IC_SIMULATOR_PATH), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(m_sim.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(line));
        m_simUrl = QUrl(line.section(u' ', 2));
        m_prometheus = std::make_unique<ServerProcess>(ServerProcess::Kind::Prometheus);
        QString error;
        QVERIFY2(m_prometheus->startPrometheus({}, {m_simUrl.authority()}, {}, &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_prometheus.reset();
        m_sim.terminate();
        m_sim.waitForFinished(5000);
    }

    void stepFollowsTheWantedPoints_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("points");
        QTest::addColumn<qint64>("step");
        QTest::newRow("an hour on 400 px") << 3600 << 400 << qint64(9);
        QTest::newRow("an hour on 360 px") << 3600 << 360 << qint64(10);
        QTest::newRow("never below a second") << 60 << 400 << qint64(1);
        QTest::newRow("empty window") << 0 << 400 << qint64(1);
    }
    void stepFollowsTheWantedPoints()
    {
        QFETCH(int, seconds);
        QFETCH(int, points);
        QFETCH(qint64, step);
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1795916000, Qt::UTC);
        QCOMPARE(PrometheusRangeQuery::stepSecondsFor(start, start.addSecs(seconds), points), step);
    }

    void windowCoversTheIncidentWithMargins()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1795916000, Qt::UTC);
        Incident open;
        open.declaredAt = now.addSecs(-3600);
        open.detectedAt = now.addSecs(-4000); // detected before it was declared: the window starts there
        MetricWindow w = MetricWindow::forIncident(open, now);
        QCOMPARE(w.start, now.addSecs(-4000 - 15 * 60));
        QCOMPARE(w.end, now);
        Incident resolved = open;
        resolved.resolvedAt = now.addSecs(-7200 + 4000); // long ago: the window ends 15 min after
        resolved.declaredAt = now.addSecs(-7200);
        resolved.detectedAt = {};
        w = MetricWindow::forIncident(resolved, now);
        QCOMPARE(w.start, now.addSecs(-7200 - 15 * 60));
        QCOMPARE(w.end, resolved.resolvedAt.addSecs(15 * 60));
        resolved.resolvedAt = now.addSecs(-60); // resolved a minute ago: not past now
        QCOMPARE(MetricWindow::forIncident(resolved, now).end, now);
        QVERIFY(!MetricWindow::forIncident(Incident{}, now).isValid());
    }

    void defaultExpressionsReturnSeriesAndHonourTheStep_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("label"); // what tells the series apart; empty: one series
        QTest::newRow("P95 socket latency") << 0 << QString();
        QTest::newRow("error log rate") << 1 << QStringLiteral("component");
        QTest::newRow("security events rate") << 2 << QStringLiteral("type");
    }
    void defaultExpressionsReturnSeriesAndHonourTheStep()
    {
        QFETCH(int, index);
        QFETCH(QString, label);
        const MetricExpression metric = MetricExpression::defaults().at(index);
        const AlertSource source = prometheusAt(m_prometheus->url());
        const int points = 40;
        Outcome out;
        // A rate needs two scrapes in its window: ask again until Prometheus has them (1 s scrapes).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QDateTime end = QDateTime::currentDateTimeUtc();
                out = rangeQuery(source, metric.expression, end.addSecs(-120), end, points);
                return out.answer && !out.answer->series.isEmpty() &&
                       std::all_of(out.answer->series.begin(), out.answer->series.end(),
                                   [](const RangeSeries &s) { return s.points.size() >= 2; });
            }(),
            20000);
        QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
        const RangeAnswer &answer = *out.answer;
        QCOMPARE(answer.stepSeconds, qint64(3)); // 120 s over 40 points
        QCOMPARE(answer.requestedPoints, points);
        QVERIFY(answer.mostPointsReturned <= points + 1);
        QVERIFY(!answer.decimated);
        for (const RangeSeries &series : answer.series) {
            QVERIFY(series.points.size() <= points + 1);
            if (label.isEmpty()) {
                QCOMPARE(answer.series.size(), 1);
            } else {
                QVERIFY2(series.labels.contains(label), qPrintable(series.labels.keys().join(u',')));
            }
            for (qsizetype i = 0; i < series.points.size(); ++i) {
                QVERIFY(std::isfinite(series.points[i].y()));
                QVERIFY(series.points[i].y() >= 0);
                if (i > 0) { // on the step's grid
                    const qint64 gap = qint64(series.points[i].x() - series.points[i - 1].x());
                    QCOMPARE(gap % (answer.stepSeconds * 1000), qint64(0));
                }
            }
        }
        if (index == 0) { // latency in ms: the simulator's normal traffic has a P95 above nothing and below a second
            const double p95 = answer.series.first().points.last().y();
            QVERIFY2(p95 > 0 && p95 < 1000, qPrintable(QString::number(p95)));
        }
    }

    void badExpressionGivesPrometheusOwnWords()
    {
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const Outcome out =
            rangeQuery(prometheusAt(m_prometheus->url()), QStringLiteral("sum(rate(game_server_error_log_total[1m])"),
                       end.addSecs(-60), end, 60);
        QVERIFY(!out.answer);
        // Prometheus 2.42 answers 400 {"errorType":"bad_data","error":"1:42: parse error: ..."}: its words, not ours.
        QVERIFY2(out.error.startsWith(QStringLiteral("HTTP 400: 1:42: parse error: unclosed left parenthesis")),
                 qPrintable(out.error));
    }

    void nanAndInfAreLeftOutAndPlusSurvivesTheUrl()
    {
        // -1, 0 and 1 over 0 or 1 as time() moves: -Inf, NaN, +Inf and finite values from real Prometheus. The '+'
        // is there because a form-encoded '+' would reach Prometheus as a space and break the expression.
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const Outcome out =
            rangeQuery(prometheusAt(m_prometheus->url()),
                       QStringLiteral("(vector(time() % 3 - 1) + 0) / vector(time() % 2)"), end.addSecs(-12), end, 12);
        QVERIFY2(out.answer, qPrintable(out.error));
        QCOMPARE(out.answer->series.size(), 1);
        QVERIFY(out.answer->skippedValues >= 4);
        QVERIFY(out.answer->series.first().points.size() >= 4);
        QCOMPARE(out.answer->skippedValues + out.answer->series.first().points.size(),
                 qsizetype(out.answer->mostPointsReturned));
        for (const QPointF &p : out.answer->series.first().points) {
            QVERIFY(std::isfinite(p.y()));
        }
    }

    void faults_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        using M = FaultServer::Mode;
        QTest::newRow("refused") << -1 << 0 << QByteArray() << QStringLiteral("connection refused");
        QTest::newRow("HTTP 500, plain text") << int(M::Respond) << 500 << QByteArray("upstream exploded\n")
                                              << QStringLiteral("HTTP 500: upstream exploded");
        QTest::newRow("HTTP 503, Prometheus's words")
            << int(M::Respond) << 503
            << QByteArray(R"({"status":"error","errorType":"unavailable","error":"TSDB not ready"})")
            << QStringLiteral("HTTP 503: TSDB not ready");
        QTest::newRow("garbage JSON") << int(M::Respond) << 200
                                      << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)")
                                      << QStringLiteral(
                                             "not a Prometheus query_range answer at byte 60: unterminated array");
        QTest::newRow("an instant query's answer")
            << int(M::Respond) << 200
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << QStringLiteral(
                   "not a Prometheus query_range answer: \"data.resultType\" is \"vector\", expected \"matrix\"");
        QTest::newRow("an alerts answer")
            << int(M::Respond) << 200 << QByteArray(R"({"status":"success","data":{"alerts":[]}})")
            << QStringLiteral("\"data.resultType\" is \"\", expected \"matrix\"");
        QTest::newRow("values not pairs")
            << int(M::Respond) << 200
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}})")
            << QStringLiteral("result[0].values[0] is not a [time, \"value\"] pair");
        QTest::newRow("huge") << int(M::Huge) << 200 << QByteArray()
                              << QStringLiteral("answer larger than the 64 MiB cap");
        QTest::newRow("hangs") << int(M::Hang) << 200 << QByteArray() << QStringLiteral("timed out after 1 s");
    }
    void faults()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        FaultServer server;
        QVERIFY(server.listen());
        server.setMode(FaultServer::Mode(std::max(mode, 0)));
        server.setResponse(status, body);
        AlertSource source = prometheusAt(mode < 0 ? FaultServer::refusedUrl() : server.url());
        source.timeoutSeconds = 1;
        source.auth = AlertSource::Auth::Bearer;
        source.password = QStringLiteral("s3cret");
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const Outcome out = rangeQuery(source, QStringLiteral("up"), end.addSecs(-600), end, 100);
        QVERIFY(!out.answer);
        QVERIFY2(out.error.contains(expected), qPrintable(out.error));
        if (mode >= 0) { // what was asked, and with the source's credentials
            QVERIFY2(server.lastRequest().startsWith("GET /api/v1/query_range?query=up&start="),
                     server.lastRequest().constData());
            QVERIFY(server.lastRequest().contains("&step=6 "));
            QVERIFY(server.lastRequest().contains("Authorization: Bearer s3cret"));
        }
    }

    void moreThanAskedIsThinnedKeepingSpikes()
    {
        // A server that ignores the step (1000 one-second points for 100 wanted): thinned, and the spike survives.
        const qint64 t0 = QDateTime::currentSecsSinceEpoch() - 1000;
        QByteArray values;
        for (int i = 0; i < 1000; ++i) {
            values += (i ? "," : "") + QByteArray("[") + QByteArray::number(t0 + i) + ",\"" +
                      QByteArray::number(i == 567 ? 999 : 10 + i % 7) + "\"]";
        }
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(
            200, R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"x"},"values":[)" +
                     values + "]}]}}");
        const Outcome out =
            rangeQuery(prometheusAt(server.url()), QStringLiteral("up"), QDateTime::fromSecsSinceEpoch(t0, Qt::UTC),
                       QDateTime::fromSecsSinceEpoch(t0 + 1000, Qt::UTC), 100);
        QVERIFY2(out.answer, qPrintable(out.error));
        QVERIFY(out.answer->decimated);
        QCOMPARE(out.answer->mostPointsReturned, 1000);
        const QList<QPointF> &points = out.answer->series.first().points;
        QVERIFY2(points.size() <= 100 && points.size() >= 50, qPrintable(QString::number(points.size())));
        QVERIFY(std::any_of(points.begin(), points.end(), [](const QPointF &p) { return p.y() == 999; }));
        QVERIFY(std::any_of(points.begin(), points.end(), [](const QPointF &p) { return p.y() == 10; }));
        QVERIFY(std::is_sorted(points.begin(), points.end(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    }

    void expressionsAreKeptInSettingsAndEditedInTheDialog()
    {
        AppSettings settings;
        settings.restoreDefaultLiveMetricExpressions();
        QCOMPARE(settings.liveMetricExpressions(), MetricExpression::defaults());
        QCOMPARE(MetricExpression::defaults().first().threshold, std::optional<double>(100));
        const QList<MetricExpression> mine{
            {QStringLiteral("Players"), QStringLiteral("game_server_connected_players"), QString(), std::nullopt},
            {QStringLiteral("Half"), QStringLiteral("vector(0.5)"), QStringLiteral("%"), 0.25}};
        settings.setLiveMetricExpressions(mine);
        QCOMPARE(AppSettings().liveMetricExpressions(), mine);
        settings.setLiveMetricExpressions({}); // an emptied list stays empty rather than coming back as the defaults
        QVERIFY(AppSettings().liveMetricExpressions().isEmpty());
        settings.restoreDefaultLiveMetricExpressions();

        SettingsDialog dialog({}, nullptr);
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("metricsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        table->setCurrentCell(2, 0);
        dialog.findChild<QPushButton *>(QStringLiteral("removeMetricButton"))->click();
        table->item(0, 3)->setText(QStringLiteral("150"));
        dialog.accept();
        QList<MetricExpression> edited = MetricExpression::defaults().mid(0, 2);
        edited[0].threshold = 150;
        QCOMPARE(AppSettings().liveMetricExpressions(), edited);

        SettingsDialog again({}, nullptr);
        again.findChild<QPushButton *>(QStringLiteral("restoreMetricDefaultsButton"))->click();
        QCOMPARE(again.findChild<QTableWidget *>(QStringLiteral("metricsTable"))->rowCount(), 3);
        again.accept();
        QCOMPARE(AppSettings().liveMetricExpressions(), MetricExpression::defaults());
    }

    void panelShowsSeriesAndKeepsThemWhenPrometheusGoesAway()
    {
        // A Prometheus of its own, so stopping it leaves the shared one to the other tests.
        ServerProcess prometheus(ServerProcess::Kind::Prometheus);
        QString error;
        QVERIFY2(prometheus.startPrometheus({}, {m_simUrl.authority()}, {}, &error), qPrintable(error));

        LiveMetricsPanel panel(nullptr);
        panel.resize(700, 900);
        panel.setExpressions(
            {{QStringLiteral("Players"), QStringLiteral("game_server_connected_players"), QString(), 1e6},
             MetricExpression::defaults().first()});
        panel.show();
        auto *message = panel.findChild<QLabel *>(QStringLiteral("liveMetricsMessage"));
        QVERIFY(message->text().contains(QStringLiteral("No Prometheus source configured")));
        AlertSource alertmanager = prometheusAt(QUrl(QStringLiteral("http://127.0.0.1:9")));
        alertmanager.kind = AlertSource::Kind::Alertmanager;
        panel.setSources({alertmanager}); // only Prometheus sources count
        QVERIFY(message->text().contains(QStringLiteral("No Prometheus source configured")));
        panel.setSources({alertmanager, prometheusAt(prometheus.url())});

        Incident incident;
        incident.id = 7;
        incident.declaredAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        panel.setIncident(incident);
        QVERIFY2(message->text().contains(QStringLiteral("INC-7")), qPrintable(message->text()));
        auto *players = panel.findChild<MetricChartView *>(QStringLiteral("metricChart_0"));
        auto *latency = panel.findChild<MetricChartView *>(QStringLiteral("metricChart_1"));
        QVERIFY(players && latency);
        auto *status = players->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                panel.refresh();
                return pointsOn(players) > 0 && pointsOn(latency) > 0;
            }(),
            20000);
        QVERIFY2(status->text().startsWith(QStringLiteral("Updated")), qPrintable(status->text()));
        // The threshold is a dashed line over the whole window, and the axis carries the unit.
        QChart *chart = latency->findChild<QChartView *>(QStringLiteral("chartView"))->chart();
        auto *threshold = static_cast<QLineSeries *>(chart->series().first());
        QCOMPARE(threshold->name(), QStringLiteral("threshold"));
        QCOMPARE(threshold->pen().style(), Qt::DashLine);
        QCOMPARE(threshold->count(), 2);
        QCOMPARE(threshold->at(0).y(), 100.0);
        // The unit is on the axis; with the 100 ms line in range, values read as whole milliseconds.
        QCOMPARE(static_cast<QValueAxis *>(chart->axes(Qt::Vertical).first())->labelFormat(),
                 QStringLiteral("%.0f ms"));
        // About one point per pixel of the plot: the step follows the chart's width over the incident's window.
        const int plotWidth =
            int(players->findChild<QChartView *>(QStringLiteral("chartView"))->chart()->plotArea().width());
        QVERIFY(plotWidth > 100);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                panel.refresh();
                const MetricWindow window = MetricWindow::forIncident(incident, QDateTime::currentDateTimeUtc());
                const qint64 step = PrometheusRangeQuery::stepSecondsFor(window.start, window.end, plotWidth);
                return status->text().contains(QStringLiteral(", step %1 s").arg(step));
            }(),
            10000);

        const qsizetype shown = pointsOn(players);
        prometheus.stop();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                panel.refresh();
                return status->text().contains(QStringLiteral("connection refused"));
            }(),
            10000);
        QVERIFY2(status->text().contains(QStringLiteral("showing data from")), qPrintable(status->text()));
        QCOMPARE(pointsOn(players), shown); // the last good lines stay

        panel.clearIncident();
        QCOMPARE(pointsOn(players), 0);
        QVERIFY(message->text().contains(QStringLiteral("Select an incident")));
    }

    // What a chart marks: detection, declaration, mitigation, resolution and the key moments, oldest first.
    void chartMarksAreTheIncidentsMoments()
    {
        const Moments m = moments();
        QCOMPARE(m.marks.size(), 5);
        QCOMPARE(m.marks.at(0).label, QStringLiteral("long before the window"));
        QCOMPARE(m.marks.at(1).label, QStringLiteral("Detected"));
        QCOMPARE(m.marks.at(2).label, QStringLiteral("Declared"));
        QCOMPARE(m.marks.at(3).label, QStringLiteral("Paged the IC")); // the console's own "Declared SEV-1" is not repeated
        QCOMPARE(m.marks.at(4).label, QStringLiteral("Rolled back 3.8.1"));
    }

    void chartsNameTheirSeriesAndMarkTheIncidentsMoments()
    {
        const Moments m = moments();
        const Incident &incident = m.incident;
        const TimelineEntry &rollback = m.rollback;
        const QList<MetricMark> &marks = m.marks;
        LiveMetricsPanel panel(nullptr);
        panel.resize(700, 900);
        panel.setExpressions({MetricExpression::defaults().at(1)}); // error log rate, one series per component
        panel.show();
        panel.setSources({prometheusAt(m_prometheus->url())});
        panel.setIncident(incident);
        panel.setMarks(marks);
        auto *chart = panel.findChild<MetricChartView *>(QStringLiteral("metricChart_0"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                panel.refresh();
                return pointsOn(chart) > 0;
            }(),
            20000);
        QChart *qchart = chart->findChild<QChartView *>(QStringLiteral("chartView"))->chart();
        // Only the moments inside the window are drawn, as dotted lines, numbered and named under the chart.
        QList<QLineSeries *> markLines;
        QStringList seriesNames;
        for (QAbstractSeries *series : qchart->series()) {
            auto *line = static_cast<QLineSeries *>(series);
            if (line->objectName() == QStringLiteral("keyMomentMark")) {
                markLines.append(line);
            } else {
                seriesNames.append(line->name());
            }
        }
        QCOMPARE(markLines.size(), 3);
        QCOMPARE(markLines.first()->pen().style(), Qt::DotLine);
        QCOMPARE(markLines.last()->at(0).x(), double(rollback.occurredAt.toMSecsSinceEpoch()));
        const QString caption = chart->findChild<QLabel *>(QStringLiteral("marksLabel"))->text();
        QVERIFY2(caption.startsWith(QStringLiteral("1 %1 Detected").arg(incident.detectedAt.toLocalTime().toString(QStringLiteral("HH:mm")))),
                 qPrintable(caption));
        QVERIFY2(caption.endsWith(QStringLiteral("3 %1 Rolled back 3.8.1").arg(rollback.occurredAt.toLocalTime().toString(QStringLiteral("HH:mm")))),
                 qPrintable(caption));
        // Two seconds apart, their numbers would print on each other: one number names both.
        QVERIFY2(caption.contains(QStringLiteral("Declared; Paged the IC")), qPrintable(caption));
        // Several series: the legend is shown and names each by the label that tells them apart; marks stay out of it.
        QTRY_VERIFY_WITH_TIMEOUT(seriesNames.size() > 1 || [&] {
            panel.refresh();
            seriesNames.clear();
            for (QAbstractSeries *series : qchart->series()) {
                if (series->objectName() != QStringLiteral("keyMomentMark")) {
                    seriesNames.append(series->name());
                }
            }
            return seriesNames.size() > 1;
        }(), 20000);
        QVERIFY(qchart->legend()->isVisible());
        for (const QString &name : std::as_const(seriesNames)) {
            QVERIFY2(name.startsWith(QStringLiteral("component=")), qPrintable(name));
        }
        for (QLineSeries *line : std::as_const(markLines)) {
            for (QLegendMarker *marker : qchart->legend()->markers(line)) {
                QVERIFY(!marker->isVisible());
            }
        }
        // Another incident: its own marks only.
        panel.clearIncident();
        QVERIFY(chart->findChild<QLabel *>(QStringLiteral("marksLabel"))->isHidden());
    }
};

QTEST_MAIN(TestLiveMetrics)
#include "tst_livemetrics.moc"
