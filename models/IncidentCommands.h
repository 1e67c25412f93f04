#pragma once

#include "Incident.h"
#include "Person.h"
#include "RoleAssignment.h"
#include "StoreCommand.h"
#include "TimelineEntry.h"

// Declares an incident and stamps the declaration on its timeline, as one edit.
class DeclareIncidentCommand final : public StoreCommand
{
public:
    DeclareIncidentCommand(IncidentStore &store, FailureHandler onFailure, Incident incident, TimelineEntry declared);
    qint64 incidentId() const { return m_incident.id; }

    Status apply() override;
    Status revert() override;

private:
    Incident m_incident;
    TimelineEntry m_declared;
};

class AddTimelineEntryCommand final : public StoreCommand
{
public:
    AddTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, TimelineEntry entry);
    qint64 entryId() const { return m_entry.id; }

    Status apply() override;
    Status revert() override;

private:
    TimelineEntry m_entry;
};

// Moves the incident to another stage of the workflow and records it on the timeline.
class ChangeStageCommand final : public StoreCommand
{
public:
    ChangeStageCommand(IncidentStore &store, FailureHandler onFailure, Incident before, Incident after,
                       TimelineEntry note);

    Status apply() override;
    Status revert() override;

private:
    Incident m_before;
    Incident m_after;
    TimelineEntry m_note;
};

// Hands a role to a person (adding them to the roster if new), releasing the previous holder.
class AssignRoleCommand final : public StoreCommand
{
public:
    AssignRoleCommand(IncidentStore &store, FailureHandler onFailure, RoleAssignment assignment,
                      std::optional<Person> newPerson, qint64 previousAssignmentId, TimelineEntry note);

    Status apply() override;
    Status revert() override;

private:
    RoleAssignment m_assignment;
    std::optional<Person> m_newPerson;
    qint64 m_previousAssignmentId = 0;
    TimelineEntry m_note;
};
