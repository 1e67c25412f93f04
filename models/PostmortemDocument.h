#pragma once

#include "MessageTemplate.h"
#include "Result.h"

#include <QDateTime>
#include <QTimeZone>

class IncidentStore;

// The postmortem the playbook asks for, written from the incident's facts through an editable template.
namespace PostmortemDocument {
// templateId 0: the file's first postmortem template (the built-in one unless it was removed).
Result<MessageTemplate> chooseTemplate(const IncidentStore &store, qint64 templateId = 0);
Result<QString> markdown(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc, const QTimeZone &zone,
                         qint64 templateId = 0);
} // namespace PostmortemDocument
