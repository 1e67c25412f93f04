#pragma once

#include "Postmortem.h"
#include "Result.h"
#include "StatusUpdate.h"
#include "TemplateEngine.h"

#include <QDateTime>
#include <QTimeZone>

class IncidentStore;

// Everything a status update or postmortem can say about an incident, as template values: its title, level and
// stage, impact and ETA, roles and holders, times, mitigation steps (timeline actions and ticked checklist items),
// key moments, linked alerts, the last update and when the next is due.
namespace IncidentFactSheet {

const TemplateEngine::Schema &schema();
// Names and what they hold, for the template editor's help.
QList<std::pair<QString, QString>> describeVariables();

// needed: the names the template uses (TemplateEngine::usedNames); the lists it does not use are not read, which
// matters on an incident with a long timeline. Empty: everything.
// audience: whom the update being written is for; {{next_update_at}} is when the one after it is due.
Result<TemplateEngine::Data> build(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc,
                                   const QTimeZone &zone, const QSet<QString> &needed = {},
                                   StatusUpdate::Audience audience = StatusUpdate::Audience::Internal);

// The postmortem's own sections as template values (Markdown the team wrote, "(not written yet)" when empty); the
// editor's preview calls it with sections not saved yet.
void setPostmortemSections(TemplateEngine::Data &data, const Postmortem &postmortem);

} // namespace IncidentFactSheet
