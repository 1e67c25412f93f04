#include "BenchStats.h"
#include "Clock.h"
#include "IncidentMetrics.h"
#include "IncidentStore.h"
#include "MetricsView.h"
#include "StoredTime.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

namespace {
const QDateTime kStart(QDate(2023, 3, 1), QTime(0, 0), QTimeZone::utc());
const QDateTime kNow(QDate(2026, 3, 18), QTime(12, 0), QTimeZone::utc());
constexpr int kIncidents = 20000;

// A small deterministic generator, so every run measures the same file.
quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

QVariant at(const QDateTime &t) { return StoredTime::toSql(t); }

// 20,000 incidents spread evenly over three years up to now, the last 40 still open; one in twenty a drill; a
// quarter escalated and calmed down again (three severity steps), the rest one step; postmortems published on time,
// late or not at all; one to three action items each in every state.
void fill(const QString &path)
{
    IncidentStore store;
    QVERIFY(store.open(path).ok());
    const qint64 spacing = kStart.secsTo(kNow) / kIncidents;
    const Status s = store.write([&]() -> Status {
        QSqlQuery incident = store.prepare(QStringLiteral(
            "INSERT INTO incidents (id, title, severity, stage, declared_at, mitigated_at, resolved_at, is_drill, "
            "postmortem_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery step = store.prepare(
            QStringLiteral("INSERT INTO severity_changes (incident_id, changed_at, severity, origin) VALUES (?, ?, ?, ?)"));
        QSqlQuery postmortem = store.prepare(QStringLiteral(
            "INSERT INTO postmortems (incident_id, root_cause, published_at, updated_at) VALUES (?, 'cause', ?, ?)"));
        QSqlQuery item = store.prepare(QStringLiteral(
            "INSERT INTO action_items (incident_id, title, due_at, state, created_at) VALUES (?, 'Follow up', ?, ?, ?)"));
        const QStringList states{QStringLiteral("open"), QStringLiteral("in_progress"), QStringLiteral("done"),
                                 QStringLiteral("done"), QStringLiteral("cancelled")};
        for (int i = 1; i <= kIncidents; ++i) {
            const quint32 r = mix(quint32(i));
            const int severity = 1 + int(r % 7 < 1 ? 0 : r % 7 < 3 ? 1 : 2); // fewer SEV-1s than SEV-3s
            const QDateTime declared = kStart.addSecs(qint64(i) * spacing + (r >> 8) % 600);
            const bool open = i > kIncidents - 40;
            const QDateTime mitigated = declared.addSecs(300 + (r >> 4) % (severity * 3600));
            const QDateTime resolved = open ? QDateTime() : mitigated.addSecs(600 + (r >> 12) % (severity * 8 * 3600));
            const QDateTime due = open ? QDateTime() : resolved.addSecs(48 * 3600);
            incident.addBindValue(i);
            incident.addBindValue(QStringLiteral("Incident %1").arg(i));
            incident.addBindValue(severity);
            incident.addBindValue(open ? QStringLiteral("containment") : QStringLiteral("closed"));
            incident.addBindValue(at(declared));
            incident.addBindValue(open && i % 2 ? QVariant() : at(mitigated));
            incident.addBindValue(at(resolved));
            incident.addBindValue(r % 20 == 0 ? 1 : 0);
            incident.addBindValue(at(due));
            if (!incident.exec()) {
                return Status::failure(QStringLiteral("incident insert failed"));
            }
            const bool escalated = r % 4 == 0;
            const QList<std::pair<qint64, int>> steps =
                escalated ? QList<std::pair<qint64, int>>{{0, std::min(3, severity + 1)}, {900, 1}, {2400, severity}}
                          : QList<std::pair<qint64, int>>{{0, severity}};
            for (const auto &[after, level] : steps) {
                step.addBindValue(i);
                step.addBindValue(at(declared.addSecs(after)));
                step.addBindValue(level);
                step.addBindValue(after == 0 ? QStringLiteral("declared") : QStringLiteral("manual"));
                step.exec();
            }
            if (!open && r % 10 < 7) {
                const QDateTime published = resolved.addSecs(r % 10 < 5 ? 24 * 3600 : 60 * 3600);
                postmortem.addBindValue(i);
                postmortem.addBindValue(at(published));
                postmortem.addBindValue(at(published));
                postmortem.exec();
            }
            for (quint32 k = 0; k < 1 + (r >> 20) % 3; ++k) {
                item.addBindValue(i);
                item.addBindValue(at(declared.addDays(14 + int(k) * 7)));
                item.addBindValue(states.at(int((r >> (k * 3)) % quint32(states.size()))));
                item.addBindValue(at(declared));
                item.exec();
            }
        }
        return Status::success();
    });
    QVERIFY2(s.ok(), qPrintable(s.error()));
}

} // namespace

// The metrics view over 20,000 incidents (target: computed and painted in under 300 ms).
class BenchMetrics final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([] { return kNow; });
        m_path = m_dir.filePath(QStringLiteral("metrics.sqlite"));
        QElapsedTimer t;
        t.start();
        fill(m_path);
        qInfo().noquote() << "  wrote 20,000 incidents in" << t.elapsed() << "ms";
    }
    void cleanupTestCase() { Clock::setSource({}); }

    void computeOnly()
    {
        IncidentStore store;
        QVERIFY(store.open(m_path, IncidentStore::Access::ReadOnly).ok());
        for (int weeks : {0, 52}) {
            QList<double> ms;
            qint64 incidents = 0;
            for (int run = 0; run < 30; ++run) {
                QElapsedTimer t;
                t.start();
                const auto report = IncidentMetrics::compute(store, {kNow, weeks, false});
                ms.append(t.nsecsElapsed() / 1e6);
                QVERIFY(report.ok());
                incidents = 0;
                for (const auto &w : report->weeks) {
                    incidents += w.totalIncidents();
                }
            }
            qInfo().noquote() << QStringLiteral("Compute metrics (%1, drills excluded, %2 incidents):")
                                     .arg(weeks ? QStringLiteral("last %1 weeks").arg(weeks) : QStringLiteral("all weeks"))
                                     .arg(incidents)
                              << stats(ms);
        }
    }

    void computeRefreshAndPaint()
    {
        IncidentStore store;
        QVERIFY(store.open(m_path, IncidentStore::Access::ReadOnly).ok());
        QList<double> first;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer t;
            t.start();
            MetricsView view(store);
            view.resize(1400, 1000);
            view.setRangeWeeks(0);
            view.show(); // computes on first show
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCoreApplication::processEvents();
            view.repaint();
            first.append(t.nsecsElapsed() / 1e6);
        }
        qInfo().noquote() << "Build the view, compute (all weeks) and paint it the first time:" << stats(first);

        MetricsView view(store);
        view.resize(1400, 1000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int weeks : {0, 52, 12}) {
            view.setRangeWeeks(weeks);
            QCoreApplication::processEvents();
            QList<double> ms;
            QList<double> computeMs;
            for (int run = 0; run < 30; ++run) {
                QElapsedTimer t;
                t.start();
                view.refresh();
                computeMs.append(t.nsecsElapsed() / 1e6); // compute + filling the series
                QCoreApplication::processEvents();         // the charts lay themselves out
                view.repaint();
                ms.append(t.nsecsElapsed() / 1e6);
            }
            QVERIFY(!view.report().weeks.isEmpty());
            const QString range =
                weeks ? QStringLiteral("last %1 weeks").arg(weeks) : QStringLiteral("all %1 weeks").arg(view.report().weeks.size());
            qInfo().noquote() << QStringLiteral("Refresh (%1): compute + fill the charts + lay out + paint:").arg(range)
                              << stats(ms);
            qInfo().noquote() << "  of which compute + fill the charts:" << stats(computeMs);
        }
    }
};

QTEST_MAIN(BenchMetrics)
#include "bench_metrics.moc"
