#pragma once

#include "Incident.h"
#include "TableSchema.h"
#include "TimelineEntry.h"

// Every table of the record, declared once. The store's statements, the JSON exchange and the exports take their
// column lists from here, so a new column is one line (and a migration).
namespace Tables {

// The JSON exchange's format version: the latest `since` of any declared column (2 lifecycle; 3 timeline edits;
// 4 impact, ETA, drafts; 5 postmortems), so a new column raises it by being declared.
int formatVersion();

const RowTable<Incident> &incidents();
const RowTable<TimelineEntry> &timelineEntries();
const RowTable<TimelineRevision> &timelineRevisions();

// Every table the exchange carries, parents before children so references resolve in one pass.
const QList<TableSpec> &exchanged();

} // namespace Tables
