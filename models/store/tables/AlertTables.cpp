#include "AlertTables.h"

#include "SqlDialect.h"
#include "StoreRows.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace StoreRows;

Result<QList<ArchivedAlert>> AlertTables::archivedAlerts(int limit, int offset) const
{
    auto q = m_store.prepare(
        QStringLiteral("SELECT id, identity, source, alert_name, labels, annotations, state, value, "
                       "first_seen, last_seen, resolved_at FROM alert_archive ORDER BY last_seen DESC, id "
                       "LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (const Status s = m_store.exec(q, tr("Could not read the alert archive")); !s) {
        return s;
    }
    return archivedAlertsFrom(q);
}

Result<qint64> AlertTables::insertArchivedAlert(const ArchivedAlert &a)
{
    return m_store.insertRow(
        QStringLiteral("INSERT INTO alert_archive (id, identity, source, alert_name, labels, annotations, "
                       "state, value, first_seen, last_seen, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {idOrNull(a.id), text(a.identity), text(a.source), text(a.alertName), jsonText(a.labels),
         jsonText(a.annotations), text(a.state), text(a.value), StoredTime::toSql(a.firstSeen),
         StoredTime::toSql(a.lastSeen), StoredTime::toSql(a.resolvedAt)},
        tr("Could not archive the alert %1").arg(a.alertName), [this](qint64) { emit m_store.alertArchiveChanged(); });
}

Result<QHash<QString, AlertAck>> AlertTables::alertAcks() const
{
    auto q = m_store.prepare(QStringLiteral("SELECT identity, note, author, acknowledged_at FROM alert_acks"));
    if (const Status s = m_store.exec(q, tr("Could not read the acknowledgements")); !s) {
        return s;
    }
    QHash<QString, AlertAck> acks;
    while (q.next()) {
        const AlertAck a{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         StoredTime::fromSql(q.value(3))};
        acks.insert(a.identity, a);
    }
    return acks;
}

Status AlertTables::setAlertAck(const AlertAck &ack)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(
            QStringLiteral("INSERT INTO alert_acks (identity, note, author, acknowledged_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (identity) DO UPDATE SET note = excluded.note, "
                           "author = excluded.author, acknowledged_at = excluded.acknowledged_at"));
        q.addBindValue(ack.identity);
        q.addBindValue(text(ack.note));
        q.addBindValue(text(ack.author));
        q.addBindValue(StoredTime::toSql(ack.at));
        if (const Status s = m_store.exec(q, tr("Could not save the acknowledgement")); !s) {
            return s;
        }
        m_store.notify([this, identity = ack.identity] { emit m_store.alertAckChanged(identity); });
        return Status::success();
    });
}

Status AlertTables::removeAlertAck(const QString &identity)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM alert_acks WHERE identity = ?"));
        q.addBindValue(identity);
        if (const Status s = m_store.exec(q, tr("Could not remove the acknowledgement")); !s) {
            return s;
        }
        m_store.notify([this, identity] { emit m_store.alertAckChanged(identity); });
        return Status::success();
    });
}

Result<qint64> AlertTables::ensureArchivedAlert(const ArchivedAlert &alert)
{
    qint64 id = 0;
    const Status s = m_store.write([&]() -> Status {
        auto find = m_store.prepare(QStringLiteral("SELECT id FROM alert_archive WHERE identity = ?"));
        find.addBindValue(alert.identity);
        if (const Status e = m_store.exec(find, tr("Could not read the alert archive")); !e) {
            return e;
        }
        if (find.next()) {
            id = find.value(0).toLongLong();
            return Status::success();
        }
        const auto inserted = insertArchivedAlert(alert);
        if (!inserted) {
            return inserted.status();
        }
        id = inserted.value();
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return id;
}

Result<qint64> AlertTables::insertAlertLink(qint64 incidentId, qint64 alertId, const QDateTime &at,
                                            const QString &snapshot, qint64 id)
{
    return m_store.insertRow(QStringLiteral("INSERT INTO alert_links (id, incident_id, alert_id, linked_at, snapshot) "
                                            "VALUES (?, ?, ?, ?, ?)"),
                             {idOrNull(id), incidentId, alertId, StoredTime::toSql(at), text(snapshot)},
                             tr("Could not link the alert"),
                             [this, incidentId](qint64) { emit m_store.alertLinksChanged(incidentId); });
}

Status AlertTables::deleteAlertLink(qint64 linkId)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM alert_links WHERE id = ? RETURNING incident_id"), {linkId},
                             tr("Could not remove the alert link"), tr("There is no alert link %1.").arg(linkId),
                             [this](qint64 incident) { emit m_store.alertLinksChanged(incident); });
}

Result<QHash<QString, IncidentStore::LinkedAlert>> AlertTables::alertLinksByIdentity() const
{
    auto q = m_store.prepare(QStringLiteral("SELECT a.identity, a.alert_name, l.incident_id FROM alert_links l "
                                            "JOIN alert_archive a ON a.id = l.alert_id ORDER BY l.incident_id"));
    if (const Status s = m_store.exec(q, tr("Could not read the alert links")); !s) {
        return s;
    }
    QHash<QString, IncidentStore::LinkedAlert> links;
    while (q.next()) {
        IncidentStore::LinkedAlert &l = links[q.value(0).toString()];
        l.alertName = q.value(1).toString();
        l.incidentIds.append(q.value(2).toLongLong());
    }
    return links;
}

Result<QList<ArchivedAlert>> AlertTables::linkedArchivedAlerts(qint64 incidentId) const
{
    auto q = m_store.prepare(
        QStringLiteral("SELECT a.id, a.identity, a.source, a.alert_name, a.labels, a.annotations, a.state, "
                       "a.value, a.first_seen, a.last_seen, a.resolved_at FROM alert_links l "
                       "JOIN alert_archive a ON a.id = l.alert_id WHERE l.incident_id = ? "
                       "ORDER BY a.first_seen, a.id"));
    q.addBindValue(incidentId);
    if (const Status s = m_store.exec(q, tr("Could not read the incident's alerts")); !s) {
        return s;
    }
    return archivedAlertsFrom(q);
}
