#pragma once

#include "StoreTable.h"

// The tables of the alert archive, acknowledgements and the links between alerts and incidents.
// Their statements, how rows are read and bound, and the change each write announces after its commit.
// IncidentStore (the database and the one change notifier) hands these calls here.
class AlertTables final : private StoreTable
{
public:
    explicit AlertTables(IncidentStore &store) : StoreTable(store) {}

    Result<QList<ArchivedAlert>> archivedAlerts(int limit, int offset) const;
    Result<qint64> insertArchivedAlert(const ArchivedAlert &a);
    Result<QHash<QString, AlertAck>> alertAcks() const;
    Status setAlertAck(const AlertAck &ack);
    Status removeAlertAck(const QString &identity);
    Result<qint64> ensureArchivedAlert(const ArchivedAlert &alert);
    Result<qint64> insertAlertLink(qint64 incidentId, qint64 alertId, const QDateTime &at, const QString &snapshot,
                                   qint64 id);
    Status deleteAlertLink(qint64 linkId);
    Result<QHash<QString, IncidentStore::LinkedAlert>> alertLinksByIdentity() const;
    Result<QList<ArchivedAlert>> linkedArchivedAlerts(qint64 incidentId) const;
};
