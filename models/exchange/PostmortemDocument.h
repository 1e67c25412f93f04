#pragma once

#include "MessageTemplate.h"
#include "Postmortem.h"
#include "Result.h"

#include <QDateTime>
#include <QTimeZone>

class IncidentStore;

// The postmortem the playbook asks for, written from the incident's facts through an editable template.
namespace PostmortemDocument {
// templateId 0: the file's first postmortem template (the built-in one unless it was removed).
Result<MessageTemplate> chooseTemplate(const IncidentStore &store, qint64 templateId = 0);
// unsaved: sections being written and not saved yet (the editor's live preview); null: what the file holds.
Result<QString> markdown(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc, const QTimeZone &zone,
                         qint64 templateId = 0, const Postmortem *unsaved = nullptr);

// Where the postmortem stands against the playbook's 48 hours: "Due in 41 h (2026-11-30 14:52 UTC)",
// "Overdue by 3 h", "Distributed 2026-11-29 10:00 UTC, on time"; empty while the incident is unresolved.
struct DueState
{
    QString text;
    bool overdue = false;
};
DueState dueState(const QDateTime &dueAt, const Postmortem &postmortem, const QDateTime &nowUtc, const QTimeZone &zone);
} // namespace PostmortemDocument
