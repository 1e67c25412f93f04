#pragma once

#include "StoreTable.h"

// The tables of incidents, their severity history and checklists, and the facts a board card shows.
// Their statements, how rows are read and bound, and the change each write announces after its commit.
// IncidentStore (the database and the one change notifier) hands these calls here.
class IncidentTables final : private StoreTable
{
public:
    explicit IncidentTables(IncidentStore &store) : StoreTable(store) {}

    Result<QList<Incident>> incidents(bool includeClosed) const;
    Result<Incident> incident(qint64 id) const;
    Result<qint64> insertIncident(const Incident &incident);
    Status updateIncident(const Incident &incident);
    Status updateIncident(const Incident &before, const Incident &after);
    Status deleteIncident(qint64 id);
    Status startSeverityHistories(const QList<qint64> &incidentIds);
    Result<QList<SeverityChange>> severityChanges(qint64 incidentId) const;
    Result<qint64> insertSeverityChange(const SeverityChange &c);
    Status deleteSeverityChange(qint64 id);
    Result<QList<ChecklistDefault>> checklistDefaults() const;
    Result<QList<ChecklistItem>> checklist(qint64 incidentId) const;
    Result<qint64> insertChecklistItem(const ChecklistItem &i);
    Status setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy);
    Status setChecklistItemDone(qint64 itemId, bool wasDone, const QDateTime &doneAt, const QString &doneBy);
    Status deleteChecklistItem(qint64 id);
    Result<qint64> mostRecentlyActiveIncident() const;
    Result<QHash<qint64, IncidentStore::IncidentFacts>> incidentFacts(const QList<qint64> &incidentIds) const;
};
