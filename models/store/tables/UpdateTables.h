#pragma once

#include "StoreTable.h"

// The tables of what the incident says to others and leaves behind: status updates and drafts, templates, action items,
// postmortems. Their statements, how rows are read and bound, and the change each write announces after its commit.
// IncidentStore (the database and the one change notifier) hands these calls here.
class UpdateTables final : private StoreTable
{
public:
    explicit UpdateTables(IncidentStore &store) : StoreTable(store) {}

    Result<QList<StatusUpdate>> statusUpdates(qint64 incidentId) const;
    Result<QString> draft(qint64 incidentId, StatusUpdate::Audience audience) const;
    Status saveDraft(qint64 incidentId, StatusUpdate::Audience audience, const QString &body, const QDateTime &at);
    Status deleteDraft(qint64 incidentId, StatusUpdate::Audience audience);
    Result<qint64> insertStatusUpdate(const StatusUpdate &u);
    Result<QList<ActionItem>> actionItems(qint64 incidentId) const;
    Result<QList<ActionItem>> allActionItems(const QDateTime &nowUtc) const;
    Result<qint64> insertActionItem(const ActionItem &a);
    Status updateActionItem(const ActionItem &a);
    Result<Postmortem> postmortem(qint64 incidentId) const;
    Status savePostmortem(const Postmortem &p);
    Status deletePostmortem(qint64 incidentId);
    Status deleteActionItem(qint64 id);
    Result<QList<MessageTemplate>> templates() const;
    Result<qint64> insertTemplate(const MessageTemplate &t);
    Status updateTemplate(const MessageTemplate &t);
    Status deleteTemplate(qint64 id);
};
