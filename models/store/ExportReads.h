#pragma once

// The columns of the rows the store hands the text exports (IncidentStore::forEach…ToExport), by position.
namespace ExportReads {
enum IncidentColumn { IncidentId, IncidentTitle, LiveEntryCount };
enum EntryColumn { EntryIncident, EntryOccurredAt, EntryKind, EntrySource, EntryAuthor, EntryText, EntryKeyMoment,
                   EntryCustomerVisible };
enum ActionItemColumn { ItemIncident, ItemIncidentTitle, ItemTitle, ItemOwner, ItemDueAt, ItemState, ItemCreatedAt };
} // namespace ExportReads
