#include "IncidentMetrics.h"

#include "IncidentStore.h"
#include "SqlDialect.h"
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

// The pieces every query shares, in the words of the record's database (times as epoch milliseconds, the larger of
// two values, an index hint), so the same report is computed wherever the record is kept.
struct Sql
{
    explicit Sql(const SqlDialect &dialect) : d(dialect) {}

    QString ms(const QString &time) const { return d.epochMilliseconds(time); }
    // Whole milliseconds between two stored times.
    QString msBetween(const QString &from, const QString &to) const { return d.millisecondsBetween(from, to); }
    // Days since 1970-01-01 of the incident's declaration.
    QString dayOfIncident() const { return d.epochDay(QStringLiteral("i.declared_at")); }
    // An incident's clock stops at resolution, else runs until now (never before its declaration).
    QString endOfIncident() const
    {
        return d.greatest(QStringLiteral("COALESCE(i.resolved_at, p.now_at)"), QStringLiteral("i.declared_at"));
    }
    // The parameters every query starts from, bound once as a one-row table so each is bound by position only once
    // (typed, as a server prepares the statement before it sees them), and the incidents they choose. Times compare as text: StoredTime's format sorts as time does.
    QString with() const
    {
        return QStringLiteral("WITH p AS (SELECT CAST(? AS TEXT) AS from_at, CAST(? AS INTEGER) AS drills, CAST(? AS TEXT) AS now_at), "
                              "inc AS (SELECT i.*, %1 AS day FROM incidents i, p WHERE %2) ")
            .arg(dayOfIncident(), QLatin1String(kIncidentFilter));
    }

    // The same choice of incidents, for queries that join the incidents table `i` (and `p`) directly.
    static constexpr auto kIncidentFilter = "i.declared_at >= p.from_at AND (p.drills = 1 OR i.is_drill = 0)";
    // Days since 1970-01-01 of the Monday starting `day`'s week (1970-01-01 was a Thursday).
    static constexpr auto kWeekOfDay = "(day - (day + 3) % 7)";

    const SqlDialect &d;
};

// How many rows a condition holds for, in any SQL (a truth value is not a number everywhere).
QString countWhere(const QString &condition)
{
    return QStringLiteral("COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0)").arg(condition);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentMetrics", text);
}

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

int severityIndex(const QVariant &v)
{
    return std::clamp(v.toInt(), 1, 3) - 1;
}

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
    const Sql sql(store.dialect());
    const QString with = sql.with();
    const QString week = QLatin1String(Sql::kWeekOfDay);

    WeekTable table;

    // Counts and durations per week and current severity.
    auto counts = run(
        store,
        with + QStringLiteral("SELECT %1 AS week, severity, COUNT(*), "
                              "COALESCE(SUM(CASE WHEN resolved_at IS NOT NULL THEN %2 END), 0), "
                              "COUNT(resolved_at), "
                              "COALESCE(SUM(CASE WHEN mitigated_at IS NOT NULL THEN %3 END), 0), "
                              "COUNT(mitigated_at) "
                              "FROM inc GROUP BY week, severity")
                   .arg(week, sql.msBetween(QStringLiteral("declared_at"), QStringLiteral("resolved_at")),
                        store.dialect().greatest(QStringLiteral("0"), sql.msBetween(QStringLiteral("declared_at"),
                                                                                    QStringLiteral("mitigated_at")))),
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
    // declaration, each step until the next (clamped into declared..end), the last until resolved or now. One pass
    // over the history in its index's order, times as integer ms: a window function over the same rows is several
    // times slower in SQLite.
    auto history = run(store,
                       QStringLiteral("WITH p AS (SELECT CAST(? AS TEXT) AS from_at, CAST(? AS INTEGER) AS drills, CAST(? AS TEXT) AS now_at) "
                                      "SELECT s.incident_id, s.severity, %1, %2, %3, %4 "
                                      "FROM p, severity_changes s %6 "
                                      "CROSS JOIN incidents i WHERE i.id = s.incident_id AND %5 "
                                      "ORDER BY s.incident_id, s.changed_at, s.id")
                           .arg(sql.ms(QStringLiteral("s.changed_at")), sql.ms(QStringLiteral("i.declared_at")),
                                sql.ms(sql.endOfIncident()), sql.dayOfIncident(), QLatin1String(Sql::kIncidentFilter),
                                store.dialect().indexHint(QStringLiteral("severity_changes_by_incident"))),
                       params);
    if (!history) {
        return history.status();
    }
    {
        qint64 incident = 0;
        qint64 from = 0;
        qint64 end = 0;
        qint64 monday = 0;
        int level = 3;
        const auto spend = [&](qint64 until) {
            if (until > from && level <= 2) {
                Week &w = table.at(monday);
                (level == 1 ? w.sev1Ms : w.sev2Ms) += until - from;
            }
        };
        while (history->next()) {
            const qint64 id = history->value(0).toLongLong();
            const int severity = history->value(1).toInt();
            if (id != incident) {
                if (incident != 0) {
                    spend(end);
                }
                incident = id;
                from = history->value(3).toLongLong(); // declared
                end = history->value(4).toLongLong();
                const qint64 day = history->value(5).toLongLong();
                monday = day - (day + 3) % 7;
                level = severity;
                continue;
            }
            const qint64 at = std::clamp(history->value(2).toLongLong(), from, end);
            spend(at);
            from = std::max(from, at);
            level = severity;
        }
        if (incident != 0) {
            spend(end);
        }
    }
    // Incidents with no history (imported from before it existed) held their current level throughout.
    auto noHistory = run(store,
                         QStringLiteral("WITH p AS (SELECT CAST(? AS TEXT) AS from_at, CAST(? AS INTEGER) AS drills, CAST(? AS TEXT) AS now_at) "
                                        "SELECT %1 - (%1 + 3) % 7, i.severity, SUM(%2 - %3) FROM incidents i, p "
                                        "WHERE %4 AND i.severity <= 2 "
                                        "AND NOT EXISTS (SELECT 1 FROM severity_changes s WHERE s.incident_id = i.id) "
                                        "GROUP BY 1, 2")
                             .arg(sql.dayOfIncident(), sql.ms(sql.endOfIncident()),
                                  sql.ms(QStringLiteral("i.declared_at")), QLatin1String(Sql::kIncidentFilter)),
                         params);
    if (!noHistory) {
        return noHistory.status();
    }
    while (noHistory->next()) {
        Week &w = table.at(noHistory->value(0).toLongLong());
        (noHistory->value(1).toInt() == 1 ? w.sev1Ms : w.sev2Ms) += noHistory->value(2).toLongLong();
    }

    Report report;

    // Postmortems of resolved incidents; a file without a due time gets the playbook's 48 hours after resolution.
    auto postmortems =
        run(store,
            with + QStringLiteral(", r AS (SELECT COALESCE(inc.postmortem_due_at, %1) AS due_at, pm.published_at "
                                  "        FROM inc LEFT JOIN postmortems pm ON pm.incident_id = inc.id "
                                  "        WHERE inc.resolved_at IS NOT NULL) "
                                  "SELECT %2, %3, %4, %5 FROM r, p")
                       .arg(store.dialect().hoursLater(QStringLiteral("inc.resolved_at"), 48),
                            countWhere(QStringLiteral("published_at IS NOT NULL AND published_at <= due_at")),
                            countWhere(QStringLiteral("published_at IS NOT NULL AND published_at > due_at")),
                            countWhere(QStringLiteral("published_at IS NULL AND due_at >= p.now_at")),
                            countWhere(QStringLiteral("published_at IS NULL AND due_at < p.now_at"))),
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
                     QStringLiteral("WITH p AS (SELECT CAST(? AS INTEGER) AS drills, CAST(? AS TEXT) AS now_at) "
                                    "SELECT a.state, COUNT(*), %1 "
                                    "FROM action_items a JOIN incidents i ON i.id = a.incident_id, p "
                                    "WHERE a.state IN ('open', 'in_progress') AND (p.drills = 1 OR i.is_drill = 0) "
                                    "GROUP BY a.state")
                         .arg(countWhere(QStringLiteral("a.due_at IS NOT NULL AND a.due_at < p.now_at"))),
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
