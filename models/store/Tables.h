#pragma once

#include "ActionItem.h"
#include "AlertAck.h"
#include "ArchivedAlert.h"
#include "ChecklistItem.h"
#include "Incident.h"
#include "MessageTemplate.h"
#include "Person.h"
#include "Postmortem.h"
#include "Role.h"
#include "RoleAssignment.h"
#include "SeverityChange.h"
#include "StatusUpdate.h"
#include "TableSchema.h"
#include "TimelineEntry.h"

// Rows the store keeps without a record type of their own above store/.
struct StatusUpdateDraft
{
    qint64 id = 0;
    qint64 incidentId = 0;
    StatusUpdate::Audience audience = StatusUpdate::Audience::Internal;
    QString body;
    QDateTime savedAt;
};
struct AlertLink
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 alertId = 0;
    QDateTime linkedAt;
    QString snapshot; // the alert as it was when linked, as JSON text
};

// Every table of the record, declared once. The store's statements, the JSON exchange and the exports take their
// column lists from here, so a new column is one line (and a migration).
namespace Tables {

// The JSON exchange's format version: the latest `since` of any declared column (2 lifecycle; 3 timeline edits;
// 4 impact, ETA, drafts; 5 postmortems; 6 who last edited an entry), so a new column raises it by being declared.
int formatVersion();

const RowTable<Role> &roles();
const RowTable<Person> &people();
const RowTable<Incident> &incidents();
const RowTable<ArchivedAlert> &alertArchive();
const RowTable<MessageTemplate> &templates();
const RowTable<StatusUpdateDraft> &statusUpdateDrafts();
const RowTable<ChecklistDefault> &checklistDefaults();
const RowTable<SeverityChange> &severityChanges();
const RowTable<ChecklistItem> &checklistItems();
const RowTable<RoleAssignment> &roleAssignments();
const RowTable<TimelineEntry> &timelineEntries();
const RowTable<TimelineRevision> &timelineRevisions();
const RowTable<StatusUpdate> &statusUpdates();
const RowTable<ActionItem> &actionItems();
const RowTable<Postmortem> &postmortems();
const RowTable<AlertAck> &alertAcks();
const RowTable<AlertLink> &alertLinks();

// Every table the exchange carries, parents before children so references resolve in one pass.
const QList<TableSpec> &exchanged();

} // namespace Tables
