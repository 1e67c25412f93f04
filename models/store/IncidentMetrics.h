#pragma once

#include "Result.h"
#include "Severity.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <array>
#include <optional>

class IncidentStore;

// The trends a team reviews after the fact (issue #7), read straight from the file in a few grouped queries so a
// file with tens of thousands of incidents is summed by SQLite, not walked row by row in C++.
//
// Weekly figures are bucketed by the ISO week (Monday 00:00 UTC) of an incident's declared_at and by the incident's
// current severity. Time spent in SEV-1/SEV-2 is attributed to the week the incident was declared, even when the
// incident ran on into the next week.
namespace IncidentMetrics {

struct Options
{
    QDateTime now;              // UTC; open incidents run until now, overdue is measured against it
    int weeks = 0;              // the last N ISO weeks, this one included; 0: every week since the first incident
    bool includeDrills = false; // drills are rehearsals: left out unless asked for
};

// Index 0 is SEV-1, 2 is SEV-3.
using PerSeverity = std::array<qint64, 3>;

struct Week
{
    QDate monday;
    PerSeverity incidents{0, 0, 0};
    // Sums (ms) and counts of the incidents that have the end time; the mean is sum / count.
    PerSeverity resolveMsSum{0, 0, 0};
    PerSeverity resolvedCount{0, 0, 0};
    PerSeverity mitigateMsSum{0, 0, 0};
    PerSeverity mitigatedCount{0, 0, 0};
    qint64 sev1Ms = 0; // time the week's incidents spent at SEV-1, until resolved (or now)
    qint64 sev2Ms = 0;

    // Mean seconds from declared to resolved / mitigated; nullopt when no incident of that level has the time.
    std::optional<double> meanTimeToResolve(Severity s) const;
    std::optional<double> meanTimeToMitigate(Severity s) const;
    qint64 totalIncidents() const { return incidents[0] + incidents[1] + incidents[2]; }

    bool operator==(const Week &) const = default;
};

// Resolved incidents (declared in the range) by where their postmortem stands against postmortem_due_at
// (resolved_at + 48 h when a file has no due time).
struct PostmortemCounts
{
    qint64 onTime = 0;  // published no later than due
    qint64 late = 0;    // published after due
    qint64 pending = 0; // not published, not yet due
    qint64 overdue = 0; // not published, due time passed
    qint64 total() const { return onTime + late + pending + overdue; }
    bool operator==(const PostmortemCounts &) const = default;
};

// The open backlog now, over every incident (not only the range): open work stays open however old its incident.
struct ActionItemCounts
{
    qint64 open = 0;
    qint64 openOverdue = 0; // due_at before now
    qint64 inProgress = 0;
    qint64 inProgressOverdue = 0;
    bool operator==(const ActionItemCounts &) const = default;
};

struct Report
{
    QList<Week> weeks; // every week of the range, oldest first, empty weeks included so the axis is even
    PostmortemCounts postmortems;
    ActionItemCounts actionItems;
};

// Monday 00:00 UTC of the ISO week holding `utc`, as a date.
QDate weekOf(const QDateTime &utc);

Result<Report> compute(const IncidentStore &store, const Options &options);

} // namespace IncidentMetrics
