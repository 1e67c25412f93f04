#include "IncidentCommands.h"

#include "IncidentStore.h"

DeclareIncidentCommand::DeclareIncidentCommand(IncidentStore &store, FailureHandler onFailure, Incident incident,
                                               TimelineEntry declared)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Declare \"%1\"").arg(incident.title)),
      m_incident(std::move(incident)), m_declared(std::move(declared))
{
}

Status DeclareIncidentCommand::apply()
{
    return store().write([this]() -> Status {
        const auto id = store().insertIncident(m_incident);
        if (!id) {
            return id.status();
        }
        m_incident.id = id.value();
        m_declared.incidentId = id.value();
        const auto entryId = store().insertTimelineEntry(m_declared);
        if (!entryId) {
            return entryId.status();
        }
        m_declared.id = entryId.value();
        return Status::success();
    });
}

Status DeclareIncidentCommand::revert()
{
    return store().deleteIncident(m_incident.id); // its timeline goes with it
}

AddTimelineEntryCommand::AddTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, TimelineEntry entry)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Add timeline entry")), m_entry(std::move(entry))
{
}

Status AddTimelineEntryCommand::apply()
{
    const auto id = store().insertTimelineEntry(m_entry);
    if (!id) {
        return id.status();
    }
    m_entry.id = id.value();
    return Status::success();
}

Status AddTimelineEntryCommand::revert()
{
    return store().deleteTimelineEntry(m_entry.id);
}

ChangeStageCommand::ChangeStageCommand(IncidentStore &store, FailureHandler onFailure, Incident before, Incident after,
                                       TimelineEntry note)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Move to %1").arg(Stages::title(after.stage))),
      m_before(std::move(before)), m_after(std::move(after)), m_note(std::move(note))
{
}

Status ChangeStageCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = store().updateIncident(m_after); !s) {
            return s;
        }
        const auto id = store().insertTimelineEntry(m_note);
        if (!id) {
            return id.status();
        }
        m_note.id = id.value();
        return Status::success();
    });
}

Status ChangeStageCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = store().deleteTimelineEntry(m_note.id); !s) {
            return s;
        }
        return store().updateIncident(m_before);
    });
}

AssignRoleCommand::AssignRoleCommand(IncidentStore &store, FailureHandler onFailure, RoleAssignment assignment,
                                     std::optional<Person> newPerson, qint64 previousAssignmentId, TimelineEntry note)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Assign role")), m_assignment(std::move(assignment)),
      m_newPerson(std::move(newPerson)), m_previousAssignmentId(previousAssignmentId), m_note(std::move(note))
{
}

Status AssignRoleCommand::apply()
{
    return store().write([this]() -> Status {
        if (m_newPerson) {
            const auto id = store().insertPerson(*m_newPerson);
            if (!id) {
                return id.status();
            }
            m_newPerson->id = id.value();
            m_assignment.personId = id.value();
        }
        if (m_previousAssignmentId > 0) {
            if (const Status s = store().setAssignmentReleased(m_previousAssignmentId, m_assignment.assumedAt); !s) {
                return s;
            }
        }
        const auto id = store().insertAssignment(m_assignment);
        if (!id) {
            return id.status();
        }
        m_assignment.id = id.value();
        const auto noteId = store().insertTimelineEntry(m_note);
        if (!noteId) {
            return noteId.status();
        }
        m_note.id = noteId.value();
        return Status::success();
    });
}

Status AssignRoleCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = store().deleteTimelineEntry(m_note.id); !s) {
            return s;
        }
        if (const Status s = store().deleteAssignment(m_assignment.id); !s) {
            return s;
        }
        if (m_previousAssignmentId > 0) {
            if (const Status s = store().setAssignmentReleased(m_previousAssignmentId, {}); !s) {
                return s;
            }
        }
        if (m_newPerson) {
            return store().deletePerson(m_newPerson->id);
        }
        return Status::success();
    });
}
