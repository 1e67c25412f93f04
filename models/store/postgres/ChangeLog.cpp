#include "ChangeLog.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <iterator>

namespace {

using K = StoreChange::Kind;

// The stored words, one per kind, in the enum's order.
constexpr const char *kKinds[] = {
    "incident_inserted",      "incident_changed",       "incident_removed",         "timeline_entry_inserted",
    "timeline_entry_changed", "timeline_entry_removed", "timeline_reset",           "timeline_revisions_changed",
    "assignments_changed",    "roster_changed",         "severity_history_changed", "checklist_changed",
    "status_updates_changed", "action_items_changed",   "postmortem_changed",       "templates_changed",
    "alert_archive_changed",  "alert_ack_changed",      "alert_links_changed",      "store_reset",
};
static_assert(std::size(kKinds) == size_t(K::StoreReset) + 1, "one word per kind");

// A word a newer console wrote that this one does not know: reading everything again is always right.
K kindOf(const QString &word)
{
    for (size_t i = 0; i < std::size(kKinds); ++i) {
        if (word == QLatin1String(kKinds[i])) {
            return K(i);
        }
    }
    return K::StoreReset;
}

// One lock for every console's log writes: held to the commit, so the log's numbers follow the commit order and a
// reader that has seen number n has seen everything before it.
constexpr auto kLogLock = "SELECT pg_advisory_xact_lock(hashtext('incident-console change log'))";

} // namespace

Result<std::unique_ptr<ChangeLog>> ChangeLog::listen(const QSqlDatabase &db)
{
    if (!db.driver()->subscribeToNotification(channel())) {
        return Status::failure(db.driver()->lastError().text());
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM change_log")) || !q.next()) {
        return Status::failure(q.lastError().text());
    }
    return std::unique_ptr<ChangeLog>(
        new ChangeLog(QUuid::createUuid().toString(QUuid::WithoutBraces), q.value(0).toLongLong()));
}

std::unique_ptr<ChangeLog> ChangeLog::writer()
{
    return std::unique_ptr<ChangeLog>(new ChangeLog(QUuid::createUuid().toString(QUuid::WithoutBraces), 0));
}

Status ChangeLog::record(const QSqlDatabase &db, const StoreChange &change)
{
    QSqlQuery q(db);
    if (!q.exec(QLatin1String(kLogLock))) {
        return Status::failure(q.lastError().text());
    }
    q.prepare(
        QStringLiteral("INSERT INTO change_log (console, author, kind, incident_id, row_id, identity) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_console);
    q.addBindValue(m_author.isNull() ? QStringLiteral("") : m_author);
    q.addBindValue(QString::fromLatin1(kKinds[int(change.kind)]));
    q.addBindValue(change.incidentId);
    q.addBindValue(change.rowId);
    q.addBindValue(change.identity.isNull() ? QStringLiteral("") : change.identity);
    if (!q.exec()) {
        return Status::failure(q.lastError().text());
    }
    return Status::success();
}

Result<QString> ChangeLog::lastAuthorElsewhere(const QSqlDatabase &db, StoreChange::Kind kind, qint64 incidentId) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT author FROM change_log WHERE kind = ? AND incident_id = ? AND console <> ? "
                             "ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(QString::fromLatin1(kKinds[int(kind)]));
    q.addBindValue(incidentId);
    q.addBindValue(m_console);
    if (!q.exec()) {
        return Status::failure(q.lastError().text());
    }
    return q.next() ? q.value(0).toString() : QString();
}

Status ChangeLog::send(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("NOTIFY ") + channel())) {
        return Status::failure(q.lastError().text());
    }
    return Status::success();
}

Result<QList<StoreChange>> ChangeLog::receive(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT seq, console, kind, incident_id, row_id, identity FROM change_log WHERE seq > ? ORDER BY seq"));
    q.addBindValue(m_lastSeen);
    if (!q.exec()) {
        return Status::failure(q.lastError().text());
    }
    QList<StoreChange> changes;
    while (q.next()) {
        m_lastSeen = q.value(0).toLongLong();
        if (q.value(1).toString() == m_console) {
            continue; // announced here when it committed
        }
        changes.append(
            {kindOf(q.value(2).toString()), q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString()});
    }
    return changes;
}
