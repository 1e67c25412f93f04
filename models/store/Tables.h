#pragma once

#include "TableSchema.h"
#include "TimelineEntry.h"

// Every table of the record, declared once. The store's statements, the JSON exchange and the exports take their
// column lists from here, so a new column is one line (and a migration).
namespace Tables {

// The JSON exchange's format: 2 lifecycle; 3 timeline edits; 4 impact, ETA, drafts; 5 postmortems.
constexpr int kFormatVersion = 5;

const RowTable<TimelineEntry> &timelineEntries();
const RowTable<TimelineRevision> &timelineRevisions();

// Every table the exchange carries, parents before children so references resolve in one pass.
const QList<TableSpec> &exchanged();

} // namespace Tables
