#pragma once

#include <QString>
#include <QtGlobal>

// One committed change, as the store's signals announce it: which kind, for which incident, row or alert. The store
// queues them during a transaction and emits them after the commit; on a team database it also writes them to the
// change log in the same transaction, so every other console emits the same signals for it.
struct StoreChange
{
    enum class Kind
    {
        IncidentInserted,
        IncidentChanged,
        IncidentRemoved,
        TimelineEntryInserted,
        TimelineEntryChanged,
        TimelineEntryRemoved,
        TimelineReset,
        TimelineRevisionsChanged,
        AssignmentsChanged,
        RosterChanged,
        SeverityHistoryChanged,
        ChecklistChanged,
        StatusUpdatesChanged,
        ActionItemsChanged,
        PostmortemChanged,
        TemplatesChanged,
        AlertArchiveChanged,
        AlertAckChanged,
        AlertLinksChanged,
        StoreReset,
    };

    Kind kind = Kind::StoreReset;
    qint64 incidentId = 0;
    qint64 rowId = 0; // the entry for timeline kinds
    QString identity; // the alert, for acknowledgements

    bool operator==(const StoreChange &) const = default;

    static StoreChange incidentInserted(qint64 id) { return {Kind::IncidentInserted, id, 0, {}}; }
    static StoreChange incidentChanged(qint64 id) { return {Kind::IncidentChanged, id, 0, {}}; }
    static StoreChange incidentRemoved(qint64 id) { return {Kind::IncidentRemoved, id, 0, {}}; }
    static StoreChange timelineEntryInserted(qint64 incident, qint64 entry)
    {
        return {Kind::TimelineEntryInserted, incident, entry, {}};
    }
    static StoreChange timelineEntryChanged(qint64 incident, qint64 entry)
    {
        return {Kind::TimelineEntryChanged, incident, entry, {}};
    }
    static StoreChange timelineEntryRemoved(qint64 incident, qint64 entry)
    {
        return {Kind::TimelineEntryRemoved, incident, entry, {}};
    }
    static StoreChange timelineReset(qint64 incident) { return {Kind::TimelineReset, incident, 0, {}}; }
    static StoreChange timelineRevisionsChanged(qint64 entry) { return {Kind::TimelineRevisionsChanged, 0, entry, {}}; }
    static StoreChange assignmentsChanged(qint64 incident) { return {Kind::AssignmentsChanged, incident, 0, {}}; }
    static StoreChange rosterChanged() { return {Kind::RosterChanged, 0, 0, {}}; }
    static StoreChange severityHistoryChanged(qint64 incident)
    {
        return {Kind::SeverityHistoryChanged, incident, 0, {}};
    }
    static StoreChange checklistChanged(qint64 incident) { return {Kind::ChecklistChanged, incident, 0, {}}; }
    static StoreChange statusUpdatesChanged(qint64 incident) { return {Kind::StatusUpdatesChanged, incident, 0, {}}; }
    static StoreChange actionItemsChanged(qint64 incident) { return {Kind::ActionItemsChanged, incident, 0, {}}; }
    static StoreChange postmortemChanged(qint64 incident) { return {Kind::PostmortemChanged, incident, 0, {}}; }
    static StoreChange templatesChanged() { return {Kind::TemplatesChanged, 0, 0, {}}; }
    static StoreChange alertArchiveChanged() { return {Kind::AlertArchiveChanged, 0, 0, {}}; }
    static StoreChange alertAckChanged(const QString &identity) { return {Kind::AlertAckChanged, 0, 0, identity}; }
    static StoreChange alertLinksChanged(qint64 incident) { return {Kind::AlertLinksChanged, incident, 0, {}}; }
    static StoreChange storeReset() { return {Kind::StoreReset, 0, 0, {}}; }
};
