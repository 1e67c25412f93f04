#include "IncidentMetrics.h"

#include "IncidentStore.h"
#include "StoredTime.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace IncidentMetrics {

namespace {

const QDate kEpoch(1970, 1, 1);

// The parameters every query starts from, bound once as a one-row table so each is bound by position only once.
// Times compare as text: StoredTime's format sorts as time does.
constexpr auto kParams = "WITH p AS (SELECT ? AS from_at, ? AS drills, ? AS now_at), "
                         "inc AS (SELECT i.*, CAST(julianday(i.declared_at) - 2440587.5 AS INTEGER) AS day "
                         "        FROM incidents i, p WHERE i.declared_at >= p.from_at AND (p.drills OR i.is_drill = 0)) ";
// Days since 1970-01-01 of the Monday starting `day`'s week (1970-01-01 was a Thursday).
constexpr auto kWeekOfDay = "(day - (day + 3) % 7)";
// Whole milliseconds between two stored times (julianday's double is exact to well under a millisecond here).
QString msBetween(const char *from, const char *to)
{
    return QStringLiteral("CAST(ROUND((julianday(%2) - julianday(%1)) * 86400000) AS INTEGER)")
        .arg(QLatin1String(from), QLatin1String(to));
}

QString tr(const char *text) { return QCoreApplication::translate("IncidentMetrics", text); }

Result<QSqlQuery> run(const IncidentStore &store, const QString &sql, const QVariantList &values)
{
    if (!store.isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    QSqlQuery q = store.prepare(sql);
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return Status::failure(tr("Could not compute the metrics: %1").arg(q.lastError().text()));
    }
    return q;
}

// Keyed by the Monday as days since the epoch; the report's list is filled in once the range is known.
struct WeekTable
{
    QHash<qint64, Week> byDay;
    Week &at(qint64 mondayDay)
    {
        auto it = byDay.find(mondayDay);
        if (it == byDay.end()) {
            it = byDay.insert(mondayDay, Week{kEpoch.addDays(mondayDay)});
        }
        return *it;
    }
};

int severityIndex(const QVariant &v) { return std::clamp(v.toInt(), 1, 3) - 1; }

} // namespace

std::optional<double> Week::meanTimeToResolve(Severity s) const
{
    const int i = int(s) - 1;
    return resolvedCount[i] > 0 ? std::optional(resolveMsSum[i] / 1000.0 / double(resolvedCount[i])) : std::nullopt;
}

std::optional<double> Week::meanTimeToMitigate(Severity s) const
{
    const int i = int(s) - 1;
    return mitigatedCount[i] > 0 ? std::optional(mitigateMsSum[i] / 1000.0 / double(mitigatedCount[i])) : std::nullopt;
}

QDate weekOf(const QDateTime &utc)
{
    const QDate day = utc.toUTC().date();
    return day.addDays(1 - day.dayOfWeek());
}

Result<Report> compute(const IncidentStore &store, const Options &options)
{
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const QDate thisWeek = weekOf(now);
    const QDate firstWeek = options.weeks > 0 ? thisWeek.addDays(-7 * (options.weeks - 1)) : QDate();
    // "0" sorts before every stored time: no lower bound.
    const QString from = firstWeek.isValid() ? StoredTime::toText(QDateTime(firstWeek, QTime(0, 0), QTimeZone::utc()))
                                             : QStringLiteral("0");
    const QVariantList params{from, options.includeDrills ? 1 : 0, StoredTime::toText(now)};
    const QString with = QLatin1String(kParams);
    const QString week = QLatin1String(kWeekOfDay);

    WeekTable table;

    // Counts and durations per week and current severity.
    auto counts = run(store,
                      with + QStringLiteral("SELECT %1 AS week, severity, COUNT(*), "
                                            "COALESCE(SUM(CASE WHEN resolved_at IS NOT NULL THEN %2 END), 0), "
                                            "COUNT(resolved_at), "
                                            "COALESCE(SUM(CASE WHEN mitigated_at IS NOT NULL THEN MAX(0, %3) END), 0), "
                                            "COUNT(mitigated_at) "
                                            "FROM inc GROUP BY week, severity")
                                 .arg(week, msBetween("declared_at", "resolved_at"),
                                      msBetween("declared_at", "mitigated_at")),
                      params);
    if (!counts) {
        return counts.status();
    }
    while (counts->next()) {
        Week &w = table.at(counts->value(0).toLongLong());
        const int s = severityIndex(counts->value(1));
        w.incidents[s] += counts->value(2).toLongLong();
        w.resolveMsSum[s] += counts->value(3).toLongLong();
        w.resolvedCount[s] += counts->value(4).toLongLong();
        w.mitigateMsSum[s] += counts->value(5).toLongLong();
        w.mitigatedCount[s] += counts->value(6).toLongLong();
    }

    // Time at SEV-1 and SEV-2, as IncidentInsights::timeInSeverity measures it: the first step holds from the
    // declaration, each step until the next (clamped into declared..end), the last until resolved or now. An
    // incident with no history (imported from before it existed) held its current level throughout.
    auto levels = run(
        store,
        with + QStringLiteral(
                   ", span AS (SELECT id, day, declared_at, MAX(COALESCE(resolved_at, p.now_at), declared_at) AS end_at "
                   "           FROM inc, p), "
                   "steps AS (SELECT s.incident_id, s.severity, s.changed_at, ROW_NUMBER() OVER w AS n, "
                   "                 LEAD(s.changed_at) OVER w AS next_at "
                   "          FROM severity_changes s WHERE s.incident_id IN (SELECT id FROM inc) "
                   "          WINDOW w AS (PARTITION BY s.incident_id ORDER BY s.changed_at, s.id)), "
                   "pieces AS (SELECT span.day, st.severity, "
                   "  CASE WHEN st.n = 1 THEN span.declared_at "
                   "       ELSE MIN(MAX(st.changed_at, span.declared_at), span.end_at) END AS start_at, "
                   "  CASE WHEN st.next_at IS NULL THEN span.end_at "
                   "       ELSE MIN(MAX(st.next_at, span.declared_at), span.end_at) END AS stop_at "
                   "  FROM steps st JOIN span ON span.id = st.incident_id WHERE st.severity <= 2 "
                   "  UNION ALL "
                   "  SELECT span.day, inc.severity, span.declared_at, span.end_at FROM span JOIN inc ON inc.id = span.id "
                   "  WHERE inc.severity <= 2 "
                   "    AND NOT EXISTS (SELECT 1 FROM severity_changes s WHERE s.incident_id = inc.id)) "
                   "SELECT %1 AS week, severity, COALESCE(SUM(MAX(0, %2)), 0) FROM pieces GROUP BY week, severity")
                   .arg(week, msBetween("start_at", "stop_at")),
        params);
    if (!levels) {
        return levels.status();
    }
    while (levels->next()) {
        Week &w = table.at(levels->value(0).toLongLong());
        (levels->value(1).toInt() == 1 ? w.sev1Ms : w.sev2Ms) += levels->value(2).toLongLong();
    }

    Report report;

    // Postmortems of resolved incidents; a file without a due time gets the playbook's 48 hours after resolution.
    auto postmortems = run(
        store,
        with + QStringLiteral(
                   ", r AS (SELECT COALESCE(inc.postmortem_due_at, "
                   "                        strftime('%Y-%m-%dT%H:%M:%fZ', inc.resolved_at, '+48 hours')) AS due_at, "
                   "               pm.published_at "
                   "        FROM inc LEFT JOIN postmortems pm ON pm.incident_id = inc.id "
                   "        WHERE inc.resolved_at IS NOT NULL) "
                   "SELECT COALESCE(SUM(published_at IS NOT NULL AND published_at <= due_at), 0), "
                   "       COALESCE(SUM(published_at IS NOT NULL AND published_at > due_at), 0), "
                   "       COALESCE(SUM(published_at IS NULL AND due_at >= p.now_at), 0), "
                   "       COALESCE(SUM(published_at IS NULL AND due_at < p.now_at), 0) "
                   "FROM r, p"),
        params);
    if (!postmortems) {
        return postmortems.status();
    }
    if (postmortems->next()) {
        report.postmortems = {postmortems->value(0).toLongLong(), postmortems->value(1).toLongLong(),
                              postmortems->value(2).toLongLong(), postmortems->value(3).toLongLong()};
    }

    // The open backlog of every incident (the range does not apply, drills still do).
    auto items = run(store,
                     QStringLiteral("WITH p AS (SELECT ? AS drills, ? AS now_at) "
                                    "SELECT a.state, COUNT(*), COALESCE(SUM(a.due_at IS NOT NULL AND a.due_at < p.now_at), 0) "
                                    "FROM action_items a JOIN incidents i ON i.id = a.incident_id, p "
                                    "WHERE a.state IN ('open', 'in_progress') AND (p.drills OR i.is_drill = 0) "
                                    "GROUP BY a.state"),
                     {params.at(1), params.at(2)});
    if (!items) {
        return items.status();
    }
    while (items->next()) {
        const bool open = items->value(0).toString() == QLatin1String("open");
        (open ? report.actionItems.open : report.actionItems.inProgress) = items->value(1).toLongLong();
        (open ? report.actionItems.openOverdue : report.actionItems.inProgressOverdue) = items->value(2).toLongLong();
    }

    // Every week from the range's start (or the first incident's week) to this week (or the last incident's, should
    // one be declared ahead of the clock), so gaps show as empty weeks rather than vanish.
    qint64 first = firstWeek.isValid() ? kEpoch.daysTo(firstWeek) : kEpoch.daysTo(thisWeek);
    qint64 last = kEpoch.daysTo(thisWeek);
    for (auto it = table.byDay.cbegin(); it != table.byDay.cend(); ++it) {
        if (!firstWeek.isValid()) {
            first = std::min(first, it.key());
        }
        last = std::max(last, it.key());
    }
    report.weeks.reserve(int((last - first) / 7 + 1));
    for (qint64 day = first; day <= last; day += 7) {
        report.weeks.append(table.byDay.value(day, Week{kEpoch.addDays(day)}));
    }
    return report;
}

} // namespace IncidentMetrics
