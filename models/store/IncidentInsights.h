#pragma once

#include "Incident.h"
#include "IncidentStore.h"
#include "MetricWindow.h"
#include "SeverityChange.h"
#include "SeverityRules.h"
#include "StatusUpdate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

// What the console works out about an incident from its record, so nobody has to type it:
// time in each severity, when the next update is due, which roles are missing, what to warn about.
namespace IncidentInsights {

// What the incident's charts mark on their time axis, oldest first: when it was detected, declared, mitigated and
// resolved, and each key moment of its timeline (deleted ones left out).
QList<MetricMark> chartMarks(const Incident &incident, const QList<TimelineEntry> &keyMoments);

// Seconds spent at SEV-1, SEV-2, SEV-3 (index 0..2), from declaration to resolution (or now while unresolved).
std::array<qint64, 3> timeInSeverity(const Incident &incident, const QList<SeverityChange> &history, const QDateTime &now);
QString describeTimeInSeverity(const std::array<qint64, 3> &seconds); // "SEV-1 1h 05m · SEV-2 20m"

// The update cadence per audience and level, in minutes; 0: no regular updates expected. Defaults: internal every
// 15 / 30 minutes for SEV-1 / SEV-2, customer every 30 / 60; SEV-3 none. Settings can change them.
int updateIntervalMinutes(StatusUpdate::Audience audience, Severity severity);
int defaultUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity);
void setUpdateIntervalMinutes(StatusUpdate::Audience audience, Severity severity, int minutes);
struct NextUpdate
{
    QDateTime due; // invalid: none expected
    StatusUpdate::Audience audience = StatusUpdate::Audience::Internal;
};
// When the next update to this audience is due: the time the last one announced, else its cadence from the last
// one (or from the declaration). Once resolved, a customer audience that was told (or is owed updates at this
// severity) is owed a final "resolved" update, due at the resolution, until one is published. Invalid when none is owed.
QDateTime nextUpdateDue(const Incident &incident, const IncidentStore::IncidentFacts &facts, StatusUpdate::Audience audience);
// The earliest update owed to any audience.
NextUpdate nextUpdate(const Incident &incident, const IncidentStore::IncidentFacts &facts);

// Still being worked on: open and not yet resolved.
bool isActive(const Incident &incident);
bool isSecurity(const Incident &incident, const IncidentStore::IncidentFacts &facts);
// The roles the playbook wants held at this level; a security incident also needs a Security Engineer.
QList<qint64> requiredRoles(const Incident &incident, const IncidentStore::IncidentFacts &facts);
QList<qint64> missingRoles(const Incident &incident, const IncidentStore::IncidentFacts &facts);

// otherCommands: references of the other active incidents the same person commands.
QStringList warnings(const Incident &incident, const IncidentStore::IncidentFacts &facts,
                     const QStringList &otherCommands);

// The suggestion to show: one that differs from the current level and was not overridden already.
// verdict: what the rules make of the incident's firing alerts (SeverityRules::suggest), kept until they change.
std::optional<SeveritySuggestion> pendingSuggestion(const Incident &incident, const IncidentStore::IncidentFacts &facts,
                                                    const SeveritySuggestion &verdict);

// A message to paste into chat or a pager: the roles still missing and the incident's essentials.
QString pageMessage(const Incident &incident, const IncidentStore::IncidentFacts &facts, const QList<Role> &roles,
                    const QDateTime &now);

} // namespace IncidentInsights
