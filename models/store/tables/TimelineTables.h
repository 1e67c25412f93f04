#pragma once

#include "StoreTable.h"

// The tables of timeline entries, their revisions, the light index and the full-text search.
// Their statements, how rows are read and bound, and the change each write announces after its commit.
// IncidentStore (the database and the one change notifier) hands these calls here.
class TimelineTables final : private StoreTable
{
public:
    explicit TimelineTables(IncidentStore &store) : StoreTable(store) {}

    // The full-text index follows the entries from here, not by triggers (the file holds none): the entries
    // matching `where` join it after they are written, or leave it before they change or go.
    enum class SearchIndexChange
    {
        Add,
        Remove
    };
    Result<QList<TimelineEntry>> timeline(qint64 incidentId, bool includeDeleted) const;
    Result<QList<TimelineEntry>> keyMomentsAndActions(qint64 incidentId, bool withActions) const;
    Result<TimelineEntry> timelineEntry(qint64 id) const;
    Result<qint64> insertTimelineEntry(const TimelineEntry &entry);
    Status updateTimelineEntry(const TimelineEntry &entry);
    Status deleteTimelineEntry(qint64 id);
    Result<QList<TimelineIndexRow>> timelineIndex(qint64 incidentId, bool includeDeleted) const;
    Result<QList<TimelineEntry>> timelineEntries(const QList<qint64> &ids) const;
    Result<QList<qint64>> insertTimelineEntries(const QList<TimelineEntry> &entries);
    Status deleteTimelineEntries(qint64 incidentId, const QList<qint64> &ids);
    Result<QList<TimelineRevision>> timelineRevisions(qint64 entryId) const;
    Result<qint64> insertTimelineRevision(const TimelineRevision &r);
    Status deleteTimelineRevision(qint64 id);
    Status changeSearchIndex(SearchIndexChange change, const QString &where, const QVariantList &values);
    Status addToSearchIndex(const QList<qint64> &entryIds);
    Result<QList<qint64>> searchTimeline(const QString &words, qint64 incidentId, int limit) const;
};
