#include "AlertTables.h"

#include "SqlDialect.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <limits>
#include <QSqlError>
#include <QSqlQuery>

Result<QList<ArchivedAlert>> AlertTables::archivedAlerts(int limit, int offset) const
{
    // "No limit" is the largest number rather than SQLite's -1, which PostgreSQL refuses.
    const qint64 rows = limit < 0 ? std::numeric_limits<qint64>::max() : limit;
    return m_store.selectRows(Tables::alertArchive(), QStringLiteral("ORDER BY last_seen DESC, id LIMIT ? OFFSET ?"),
                              {rows, offset}, tr("Could not read the alert archive"));
}

Result<qint64> AlertTables::insertArchivedAlert(const ArchivedAlert &a)
{
    return m_store.insertRow(Tables::alertArchive(), a, tr("Could not archive the alert %1").arg(a.alertName),
                             [this](qint64) { m_store.announce(StoreChange::alertArchiveChanged()); });
}

Result<QHash<QString, AlertAck>> AlertTables::alertAcks() const
{
    const auto rows = m_store.selectRows(Tables::alertAcks(), {}, {}, tr("Could not read the acknowledgements"));
    if (!rows) {
        return rows.status();
    }
    QHash<QString, AlertAck> acks;
    for (const AlertAck &a : rows.value()) {
        acks.insert(a.identity, a);
    }
    return acks;
}

Status AlertTables::setAlertAck(const AlertAck &ack)
{
    // One acknowledgement per alert: a second replaces the first.
    return m_store.write([&]() -> Status {
        auto q =
            m_store.prepare(Tables::alertAcks().spec().insertStatement() +
                            QStringLiteral(" ON CONFLICT (identity) DO UPDATE SET note = excluded.note, "
                                           "author = excluded.author, acknowledged_at = excluded.acknowledged_at"));
        Tables::alertAcks().bindInsert(q, ack);
        if (const Status s = m_store.exec(q, tr("Could not save the acknowledgement")); !s) {
            return s;
        }
        m_store.announce(StoreChange::alertAckChanged(ack.identity));
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
        m_store.announce(StoreChange::alertAckChanged(identity));
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
    const AlertLink link{id, incidentId, alertId, at, snapshot};
    return m_store.insertRow(Tables::alertLinks(), link, tr("Could not link the alert"), [this, incidentId](qint64) {
        m_store.announce(StoreChange::alertLinksChanged(incidentId));
    });
}

Status AlertTables::deleteAlertLink(qint64 linkId)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM alert_links WHERE id = ? RETURNING incident_id"), {linkId},
                             tr("Could not remove the alert link"), tr("There is no alert link %1.").arg(linkId),
                             [this](qint64 incident) { m_store.announce(StoreChange::alertLinksChanged(incident)); });
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
    return m_store.selectRows(Tables::alertArchive(),
                              QStringLiteral("WHERE id IN (SELECT alert_id FROM alert_links WHERE incident_id = ?) "
                                             "ORDER BY first_seen, id"),
                              {incidentId}, tr("Could not read the incident's alerts"));
}
