#pragma once

#include "WorkspacePart.h"

// The edits of what is written on the timeline: entries typed, pasted or added, edited, moved, pinned and deleted: each
// checks what it is given, builds its command and pushes it on the workspace's undo stack. Workspace, which holds the
// file, the undo history and the author, hands these calls here.
class TimelineEdits final : private WorkspacePart
{
public:
    explicit TimelineEdits(Workspace &workspace) : WorkspacePart(workspace) {}

    Result<qint64> addTimelineEntry(qint64 incidentId, const QString &text, TimelineEntry::Kind kind,
                                    const QDateTime &occurredAt);
    Result<qint64> addTimelineLine(qint64 incidentId, const QString &input, TimelineEntry::Kind defaultKind,
                                   const QTimeZone &zone, const QDateTime &occurredAt);
    Result<int> addTimelineEntries(qint64 incidentId, const QList<TimelineInput::LogEntry> &entries,
                                   TimelineEntry::Kind kind);
    Status editTimelineEntry(const TimelineEntry &changed, const QString &reason);
    Status deleteTimelineEntry(qint64 entryId, const QString &reason);
    Status setKeyMoment(qint64 entryId, bool keyMoment);

private:
    // A typed entry the team database could not take because it is away: kept in the outbox (id 0) instead of lost.
    Result<qint64> keepWhileAway(const TimelineEntry &entry, bool withActionItem, const Status &refused);
};
