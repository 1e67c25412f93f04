#include "Clock.h"
#include "IncidentMetrics.h"
#include "IncidentStore.h"
#include "MetricsView.h"
#include "StoredTime.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using IncidentMetrics::Week;

namespace {
QDateTime utc(const QString &text) { return StoredTime::parse(text); }

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

// Wednesday of the week starting Monday 2026-03-16.
const QDateTime kNow = utc(u"2026-03-18T12:00:00.000Z"_s);
} // namespace

// The review metrics of issue #7, computed from a real file with a known set of incidents, and the charts drawn
// from them.
//
// The file (now = Wed 2026-03-18 12:00Z):
//   week of Mon 2026-03-02
//     I1 SEV-2 (was SEV-2 → SEV-1 at +20 min → SEV-2 at +80 min), mitigated +30 min, resolved +2 h; postmortem on time
//     I2 SEV-1 Sun 23:59:59.999 (last moment of the week), mitigated +1 h, resolved +3 h; postmortem late
//   week of Mon 2026-03-09
//     I3 SEV-1 Mon 00:00:00.000, mitigated +90 min, resolved +5 h; no postmortem, due passed: overdue
//     I4 SEV-3 without history, never mitigated, resolved +10 h; unpublished draft, due passed: overdue
//     D1 drill SEV-1, mitigated +10 min, resolved +1 h; postmortem on time
//   week of Mon 2026-03-16 (this week)
//     I5 SEV-2 (SEV-3 → SEV-2 at +1 h), mitigated +45 min, resolved +28 h; postmortem due tomorrow: pending
//     I6 SEV-1 without history, still open (declared 2 h ago)
//   week of Mon 2025-06-02 (outside the last 52 weeks)
//     I7 SEV-3, mitigated +15 min, resolved +1 h; postmortem on time
// Action items: I1 open overdue, in progress not yet due, done and cancelled ones (not counted); I3 open without a
// due time, in progress overdue; D1 open overdue; I7 open overdue.
class TestMetrics final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    IncidentStore m_store;

    qint64 incident(const QString &declared, Severity severity, qint64 mitigatedAfterMs, qint64 resolvedAfterMs,
                    bool drill = false)
    {
        Incident i;
        i.title = u"Incident declared %1"_s.arg(declared);
        i.severity = severity;
        i.declaredAt = utc(declared);
        if (mitigatedAfterMs >= 0) {
            i.mitigatedAt = i.declaredAt.addMSecs(mitigatedAfterMs);
        }
        if (resolvedAfterMs >= 0) {
            i.resolvedAt = i.declaredAt.addMSecs(resolvedAfterMs);
            i.postmortemDueAt = i.resolvedAt.addSecs(kPostmortemDueHours * 3600);
            i.stage = Stage::Review;
        }
        i.drill = drill;
        const auto id = m_store.insertIncident(i);
        [&] { QVERIFY2(id.ok(), qPrintable(id.error())); }();
        return id.ok() ? id.value() : 0;
    }
    void step(qint64 id, const QString &at, Severity severity)
    {
        SeverityChange c;
        c.incidentId = id;
        c.changedAt = utc(at);
        c.severity = severity;
        QVERIFY(m_store.insertSeverityChange(c).ok());
    }
    void publish(qint64 id, const QDateTime &at)
    {
        Postmortem p;
        p.incidentId = id;
        p.rootCause = u"A cause"_s;
        p.publishedAt = at;
        p.updatedAt = at.isValid() ? at : kNow;
        QVERIFY(m_store.savePostmortem(p).ok());
    }
    void item(qint64 id, ActionItem::State state, const QString &due)
    {
        ActionItem a;
        a.incidentId = id;
        a.title = u"Follow up"_s;
        a.state = state;
        a.dueAt = due.isEmpty() ? QDateTime() : utc(due);
        a.createdAt = kNow;
        QVERIFY(m_store.insertActionItem(a).ok());
    }
    IncidentMetrics::Report report(int weeks, bool drills)
    {
        const auto r = IncidentMetrics::compute(m_store, {kNow, weeks, drills});
        [&] { QVERIFY2(r.ok(), qPrintable(r.error())); }();
        return r.ok() ? r.value() : IncidentMetrics::Report{};
    }
    static const Week &week(const IncidentMetrics::Report &r, const QDate &monday)
    {
        static const Week none;
        for (const Week &w : r.weeks) {
            if (w.monday == monday) {
                return w;
            }
        }
        return none;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c()); // week labels in the hover text
        Clock::setSource([] { return kNow; });
        m_path = m_dir.filePath(u"metrics.sqlite"_s);
        QVERIFY(m_store.open(m_path).ok());

        const qint64 i1 = incident(u"2026-03-02T10:00:00.000Z"_s, Severity::Sev2, 30 * kMinute, 2 * kHour);
        step(i1, u"2026-03-02T10:00:00.000Z"_s, Severity::Sev2);
        step(i1, u"2026-03-02T10:20:00.000Z"_s, Severity::Sev1);
        step(i1, u"2026-03-02T11:20:00.000Z"_s, Severity::Sev2);
        publish(i1, utc(u"2026-03-04T09:00:00.000Z"_s)); // due 03-04 12:00

        const qint64 i2 = incident(u"2026-03-08T23:59:59.999Z"_s, Severity::Sev1, kHour, 3 * kHour);
        step(i2, u"2026-03-08T23:59:59.999Z"_s, Severity::Sev1);
        publish(i2, utc(u"2026-03-11T03:59:59.999Z"_s)); // due 03-11 02:59:59.999: an hour late

        const qint64 i3 = incident(u"2026-03-09T00:00:00.000Z"_s, Severity::Sev1, 90 * kMinute, 5 * kHour);
        step(i3, u"2026-03-09T00:00:00.000Z"_s, Severity::Sev1);

        const qint64 i4 = incident(u"2026-03-10T08:00:00.000Z"_s, Severity::Sev3, -1, 10 * kHour);
        publish(i4, QDateTime()); // a draft, never published

        const qint64 d1 = incident(u"2026-03-10T12:00:00.000Z"_s, Severity::Sev1, 10 * kMinute, kHour, true);
        step(d1, u"2026-03-10T12:00:00.000Z"_s, Severity::Sev1);
        publish(d1, utc(u"2026-03-11T12:00:00.000Z"_s));

        const qint64 i5 = incident(u"2026-03-16T09:00:00.000Z"_s, Severity::Sev2, 45 * kMinute, 28 * kHour);
        step(i5, u"2026-03-16T09:00:00.000Z"_s, Severity::Sev3);
        step(i5, u"2026-03-16T10:00:00.000Z"_s, Severity::Sev2);

        incident(u"2026-03-18T10:00:00.000Z"_s, Severity::Sev1, -1, -1); // I6, open, no history

        const qint64 i7 = incident(u"2025-06-03T12:00:00.000Z"_s, Severity::Sev3, 15 * kMinute, kHour);
        step(i7, u"2025-06-03T12:00:00.000Z"_s, Severity::Sev3);
        publish(i7, utc(u"2025-06-04T12:00:00.000Z"_s));

        item(i1, ActionItem::State::Open, u"2026-03-10T00:00:00.000Z"_s);
        item(i1, ActionItem::State::InProgress, u"2026-03-30T00:00:00.000Z"_s);
        item(i1, ActionItem::State::Done, u"2026-03-05T00:00:00.000Z"_s);
        item(i1, ActionItem::State::Cancelled, u"2026-03-05T00:00:00.000Z"_s);
        item(i3, ActionItem::State::Open, QString());
        item(i3, ActionItem::State::InProgress, u"2026-03-17T00:00:00.000Z"_s);
        item(d1, ActionItem::State::Open, u"2026-03-11T00:00:00.000Z"_s);
        item(i7, ActionItem::State::Open, u"2025-07-01T00:00:00.000Z"_s);
    }
    void cleanupTestCase() { Clock::setSource({}); }

    void weekStartsOnMondayUtc()
    {
        QCOMPARE(IncidentMetrics::weekOf(utc(u"2026-03-08T23:59:59.999Z"_s)), QDate(2026, 3, 2));
        QCOMPARE(IncidentMetrics::weekOf(utc(u"2026-03-09T00:00:00.000Z"_s)), QDate(2026, 3, 9));
        // 00:30 in Berlin on Monday is still Sunday in UTC.
        QCOMPARE(IncidentMetrics::weekOf(utc(u"2026-03-09T00:30:00.000+01:00"_s)), QDate(2026, 3, 2));
    }

    void rangeListsEveryWeekIncludingEmptyOnes()
    {
        const auto r12 = report(12, false);
        QCOMPARE(r12.weeks.size(), 12);
        QCOMPARE(r12.weeks.first().monday, QDate(2025, 12, 29));
        QCOMPARE(r12.weeks.last().monday, QDate(2026, 3, 16));
        QCOMPARE(r12.weeks.first().totalIncidents(), qint64(0));

        // All: from the week of the first incident (Mon 2025-06-02) to this week.
        const auto all = report(0, false);
        QCOMPARE(all.weeks.first().monday, QDate(2025, 6, 2));
        QCOMPARE(all.weeks.size(), 42);
        qint64 total = 0;
        for (const Week &w : all.weeks) {
            QCOMPARE(w.monday.dayOfWeek(), 1);
            total += w.totalIncidents();
        }
        QCOMPARE(total, qint64(7)); // every incident but the drill
        QCOMPARE(report(0, true).weeks.size(), 42);
    }

    void incidentsPerWeekBySeverity()
    {
        const auto r = report(12, false);
        const Week &a = week(r, QDate(2026, 3, 2));
        QCOMPARE(a.incidents, (IncidentMetrics::PerSeverity{1, 1, 0})); // I2 (Sunday night) and I1
        const Week &b = week(r, QDate(2026, 3, 9));
        QCOMPARE(b.incidents, (IncidentMetrics::PerSeverity{1, 0, 1})); // I3 (Monday midnight) and I4
        const Week &c = week(r, QDate(2026, 3, 16));
        QCOMPARE(c.incidents, (IncidentMetrics::PerSeverity{1, 1, 0})); // I6 (open) and I5

        const auto withDrills = report(12, true);
        QCOMPARE(week(withDrills, QDate(2026, 3, 9)).incidents, (IncidentMetrics::PerSeverity{2, 0, 1}));
        QCOMPARE(week(withDrills, QDate(2026, 3, 2)).incidents, a.incidents);

        // The old incident only shows in "all".
        QCOMPARE(week(report(0, false), QDate(2025, 6, 2)).incidents, (IncidentMetrics::PerSeverity{0, 0, 1}));
        QCOMPARE(week(report(52, false), QDate(2025, 6, 2)).incidents, (IncidentMetrics::PerSeverity{0, 0, 1}));
        QCOMPARE(week(report(26, false), QDate(2025, 6, 2)).monday, QDate()); // not in the last 26 weeks
    }

    void meanTimesToResolveAndMitigate()
    {
        const auto r = report(12, false);
        const Week &a = week(r, QDate(2026, 3, 2));
        QCOMPARE(a.meanTimeToResolve(Severity::Sev1), std::optional(3 * 3600.0));
        QCOMPARE(a.meanTimeToResolve(Severity::Sev2), std::optional(2 * 3600.0));
        QCOMPARE(a.meanTimeToMitigate(Severity::Sev1), std::optional(3600.0));
        QCOMPARE(a.meanTimeToMitigate(Severity::Sev2), std::optional(30 * 60.0));
        QVERIFY(!a.meanTimeToResolve(Severity::Sev3).has_value());

        const Week &b = week(r, QDate(2026, 3, 9));
        QCOMPARE(b.meanTimeToResolve(Severity::Sev1), std::optional(5 * 3600.0));
        QCOMPARE(b.meanTimeToResolve(Severity::Sev3), std::optional(10 * 3600.0));
        QVERIFY(!b.meanTimeToMitigate(Severity::Sev3).has_value()); // I4 was never marked mitigated
        QCOMPARE(b.resolvedCount, (IncidentMetrics::PerSeverity{1, 0, 1}));
        QCOMPARE(b.mitigatedCount, (IncidentMetrics::PerSeverity{1, 0, 0}));

        // Only finished incidents count: the open SEV-1 of this week has no time to resolve yet.
        const Week &c = week(r, QDate(2026, 3, 16));
        QVERIFY(!c.meanTimeToResolve(Severity::Sev1).has_value());
        QCOMPARE(c.meanTimeToResolve(Severity::Sev2), std::optional(28 * 3600.0));
        QCOMPARE(c.meanTimeToMitigate(Severity::Sev2), std::optional(45 * 60.0));

        // With the drill: mean of I3 (5 h) and D1 (1 h); mitigated 90 and 10 min.
        const auto withDrills = report(12, true); // kept: week() answers a reference into it
        const Week &bd = week(withDrills, QDate(2026, 3, 9));
        QCOMPARE(bd.meanTimeToResolve(Severity::Sev1), std::optional(3 * 3600.0));
        QCOMPARE(bd.meanTimeToMitigate(Severity::Sev1), std::optional(50 * 60.0));
    }

    void timeAtSev1AndSev2FromTheHistory()
    {
        const auto r = report(12, false);
        // I1: 60 min at SEV-1 between its two changes, 20 + 40 min at SEV-2; I2: 3 h at SEV-1.
        const Week &a = week(r, QDate(2026, 3, 2));
        QCOMPARE(a.sev1Ms, 60 * kMinute + 3 * kHour);
        QCOMPARE(a.sev2Ms, 60 * kMinute);
        // I3: 5 h at SEV-1; I4 held SEV-3 (no history) and adds nothing.
        const Week &b = week(r, QDate(2026, 3, 9));
        QCOMPARE(b.sev1Ms, 5 * kHour);
        QCOMPARE(b.sev2Ms, qint64(0));
        // I5: an hour at SEV-3, then SEV-2 until resolved 27 h later; I6 (open, no history): SEV-1 until now.
        const Week &c = week(r, QDate(2026, 3, 16));
        QCOMPARE(c.sev1Ms, 2 * kHour);
        QCOMPARE(c.sev2Ms, 27 * kHour);

        QCOMPARE(week(report(12, true), QDate(2026, 3, 9)).sev1Ms, 6 * kHour);

        // The open incident's clock runs with now.
        const auto later = IncidentMetrics::compute(m_store, {kNow.addSecs(3600), 12, false});
        QVERIFY(later.ok());
        QCOMPARE(week(later.value(), QDate(2026, 3, 16)).sev1Ms, 3 * kHour);
    }

    void postmortemsOnTimeLatePendingOverdue()
    {
        // I1 on time, I2 late, I3 and I4 overdue (nothing / a draft), I5 pending; I6 is open and not counted.
        QCOMPARE(report(12, false).postmortems, (IncidentMetrics::PostmortemCounts{1, 1, 1, 2}));
        QCOMPARE(report(12, true).postmortems, (IncidentMetrics::PostmortemCounts{2, 1, 1, 2}));
        QCOMPARE(report(0, false).postmortems, (IncidentMetrics::PostmortemCounts{2, 1, 1, 2}));
        QCOMPARE(report(0, true).postmortems, (IncidentMetrics::PostmortemCounts{3, 1, 1, 2}));
        // Two days on, I5's postmortem is overdue too.
        const auto later = IncidentMetrics::compute(m_store, {kNow.addDays(2), 12, false});
        QVERIFY(later.ok());
        QCOMPARE(later->postmortems, (IncidentMetrics::PostmortemCounts{1, 1, 0, 3}));
    }

    // A file from before postmortem due times (an import) gets the playbook's 48 hours after resolution.
    void aPostmortemWithoutADueTimeIsDueFortyEightHoursAfterResolution()
    {
        IncidentStore store;
        QVERIFY(store.open(m_dir.filePath(u"no-due.sqlite"_s)).ok());
        const QDateTime resolved = utc(u"2026-03-16T09:00:00.000Z"_s);
        const auto add = [&](qint64 publishedAfterMs) {
            Incident i;
            i.title = u"Imported"_s;
            i.severity = Severity::Sev2;
            i.declaredAt = resolved.addSecs(-3600);
            i.resolvedAt = resolved;
            i.stage = Stage::Review;
            const qint64 id = store.insertIncident(i).value();
            if (publishedAfterMs >= 0) {
                Postmortem p;
                p.incidentId = id;
                p.rootCause = u"A cause"_s;
                p.publishedAt = resolved.addMSecs(publishedAfterMs);
                p.updatedAt = p.publishedAt;
                QVERIFY(store.savePostmortem(p).ok());
            }
        };
        add(48 * kHour);     // at the last moment: on time
        add(48 * kHour + 1); // a millisecond after: late
        add(-1);             // none yet
        const auto pending = IncidentMetrics::compute(store, {resolved.addMSecs(48 * kHour), 0, false});
        QVERIFY2(pending.ok(), qPrintable(pending.error()));
        QCOMPARE(pending->postmortems, (IncidentMetrics::PostmortemCounts{1, 1, 1, 0}));
        const auto overdue = IncidentMetrics::compute(store, {resolved.addMSecs(48 * kHour + 1), 0, false});
        QVERIFY(overdue.ok());
        QCOMPARE(overdue->postmortems, (IncidentMetrics::PostmortemCounts{1, 1, 0, 1}));
    }

    void openActionItemsAndOverdue()
    {
        // Open: I1 (overdue), I3 (no due time), I7 (overdue, counted whatever the range); in progress: I1, I3 (overdue).
        QCOMPARE(report(12, false).actionItems, (IncidentMetrics::ActionItemCounts{3, 2, 2, 1}));
        QCOMPARE(report(0, false).actionItems, (IncidentMetrics::ActionItemCounts{3, 2, 2, 1}));
        QCOMPARE(report(12, true).actionItems, (IncidentMetrics::ActionItemCounts{4, 3, 2, 1}));
    }

    void aClosedStoreIsAnError()
    {
        IncidentStore closed;
        const auto r = IncidentMetrics::compute(closed, {kNow, 12, false});
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }

    void viewDrawsTheFileAndFollowsItsControls()
    {
        MetricsView view(m_store);
        view.resize(1100, 1100);
        view.setRangeWeeks(12);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.report().weeks.size(), 12);

        auto *incidents = view.findChild<QChartView *>(u"incidentsPerWeekChart"_s);
        QVERIFY(incidents);
        const auto *bars = qobject_cast<QStackedBarSeries *>(incidents->chart()->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 3);
        QBarSet *sev1 = bars->barSets().at(0);
        QCOMPARE(sev1->label(), u"SEV-1"_s);
        QCOMPARE(sev1->count(), 12);
        QCOMPARE(sev1->at(10), 1.0); // week of 03-09: I3
        QCOMPARE(bars->barSets().at(2)->at(10), 1.0); // I4

        // The x axis labels some weeks, never more than a dozen.
        const auto *x = qobject_cast<QCategoryAxis *>(incidents->chart()->axes(Qt::Horizontal).first());
        QVERIFY(x);
        QVERIFY(x->count() >= 6 && x->count() <= 12);

        // Mean time to resolve: SEV-1 points at weeks 9 (3 h) and 10 (5 h), in hours.
        auto *resolve = view.findChild<QChartView *>(u"timeToResolveChart"_s);
        auto *line = qobject_cast<QLineSeries *>(resolve->chart()->series().first());
        QCOMPARE(line->name(), u"SEV-1"_s);
        QCOMPARE(line->points(), (QList<QPointF>{{9, 3.0}, {10, 5.0}}));
        QCOMPARE(resolve->chart()->axes(Qt::Vertical).first()->titleText(), u"Hours"_s);
        // Mitigation never took two hours on average here: minutes.
        auto *mitigate = view.findChild<QChartView *>(u"timeToMitigateChart"_s);
        QCOMPARE(mitigate->chart()->axes(Qt::Vertical).first()->titleText(), u"Minutes"_s);
        QCOMPARE(qobject_cast<QLineSeries *>(mitigate->chart()->series().at(1))->points(),
                 (QList<QPointF>{{9, 30.0}, {11, 45.0}}));

        auto *postmortems = view.findChild<QChartView *>(u"postmortemsChart"_s);
        const auto *pie = qobject_cast<QPieSeries *>(postmortems->chart()->series().first());
        QCOMPARE(pie->slices().at(0)->value(), 1.0);
        QCOMPARE(pie->slices().at(3)->value(), 2.0);
        QCOMPARE(pie->slices().at(3)->label(), u"Overdue: 2"_s);

        // Hovering a bar tells its value.
        emit sev1->hovered(true, 10);
        QCOMPARE(view.hoverText(), u"Week of 9 Mar 2026 · SEV-1: 1 (all levels: 2)"_s);
        emit line->hovered(QPointF(10, 5.0), true);
        QVERIFY2(view.hoverText().startsWith(u"Week of 9 Mar 2026 · SEV-1 mean time to resolve: 5 h"_s), qPrintable(view.hoverText()));
        emit pie->slices().at(3)->hovered(true);
        QCOMPARE(view.hoverText(), u"Postmortems overdue: 2 of 5 (40%)"_s);
        emit sev1->hovered(false, 10);
        QVERIFY(!view.hoverText().contains(u"SEV-1"_s));

        // The drills box recomputes: the drill joins week 03-09.
        view.findChild<QCheckBox *>(u"metricsIncludeDrills"_s)->setChecked(true);
        QCOMPARE(sev1->at(10), 2.0);
        QCOMPARE(pie->slices().at(0)->value(), 2.0);
        // And the range: every week since June 2025.
        auto *range = view.findChild<QComboBox *>(u"metricsRange"_s);
        range->setCurrentIndex(range->findData(0));
        QCOMPARE(sev1->count(), 42);
        QVERIFY(x->count() <= 12);
    }

    void viewRefreshesAfterAnEditAndExportsPng()
    {
        MetricsView view(m_store);
        view.resize(1100, 1100);
        view.setRangeWeeks(12);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *incidents = view.findChild<QChartView *>(u"incidentsPerWeekChart"_s);
        QBarSet *sev3 = qobject_cast<QStackedBarSeries *>(incidents->chart()->series().first())->barSets().at(2);
        QCOMPARE(sev3->at(11), 0.0);

        const qint64 added = incident(u"2026-03-17T08:00:00.000Z"_s, Severity::Sev3, -1, -1);
        QTRY_COMPARE(sev3->at(11), 1.0);
        QVERIFY(m_store.deleteIncident(added).ok());
        QTRY_COMPARE(sev3->at(11), 0.0);

        QCOMPARE(view.chartNames().size(), 6);
        for (const QString &name : view.chartNames()) {
            const QString path = m_dir.filePath(name + u".png"_s);
            const Status saved = view.exportChart(name, path);
            QVERIFY2(saved.ok(), qPrintable(saved.error()));
            QVERIFY(QFileInfo(path).size() > 0);
            QImage image(path);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), view.findChild<QChartView *>(name)->size());
        }
        QVERIFY(!view.exportChart(u"noSuchChart"_s, m_dir.filePath(u"x.png"_s)).ok());
    }
};

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
