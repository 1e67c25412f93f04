#pragma once

#include "ChecklistItem.h"
#include "Incident.h"
#include "Stage.h"

#include <QDateTime>
#include <QList>
#include <QString>

// What moving an incident through the playbook's workflow implies, decided without a file: reaching Eradication &
// Recovery marks it mitigated; reaching review or closing resolves it and sets the postmortem due 48 hours later;
// going back before review reopens it, and back into containment it is not mitigated after all.
namespace Lifecycle {

struct StageChange
{
    Incident after;
    QString note;           // the timeline's words for the move
    bool keyMoment = false; // resolving or reopening is one of the incident's key moments
};

StageChange moveTo(const Incident &before, Stage stage, const QDateTime &now);

// Containment and recovery items not ticked, when moving to review or closing: what is asked about first (once).
// Empty for any other move.
QList<ChecklistItem> unfinishedMitigation(Stage target, const QList<ChecklistItem> &checklist);

} // namespace Lifecycle
