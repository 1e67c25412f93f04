#pragma once

#include "TimelineEntry.h"
#include "WorkspacePart.h"

// The edits of alerts and incidents: linking, declaring from alerts, acknowledging: each checks what it is given,
// builds its command and pushes it on the workspace's undo stack. Workspace, which holds the file, the undo history and
// the author, hands these calls here.
class AlertEdits final : private WorkspacePart
{
public:
    explicit AlertEdits(Workspace &workspace) : WorkspacePart(workspace) {}

    Result<QList<Alert>> alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const;
    Status linkAlerts(qint64 incidentId, const QList<Alert> &alerts);
    Result<qint64> declareIncidentFromAlerts(const Declaration &declaration, const QList<Alert> &alerts);
    Status acknowledgeAlert(const QString &identity, const QString &note);
    Status stampLinkedIncidents(const QStringList &identities, TimelineEntry::Kind kind, const QString &text);

private:
    // One entry per incident (not closed) that any of these alerts is linked to, by the workspace's author, now.
    // links: the file's links by alert identity, read once by the caller.
    Result<QList<TimelineEntry>> stampsFor(const QHash<QString, IncidentStore::LinkedAlert> &links,
                                           const QStringList &identities, TimelineEntry::Kind kind, const QString &text) const;
};
