#pragma once

#include "ActionItem.h"
#include "ChecklistItem.h"
#include "Incident.h"
#include "MessageTemplate.h"
#include "Person.h"
#include "Role.h"
#include "RoleAssignment.h"
#include "SeverityChange.h"
#include "Postmortem.h"
#include "StoreCommand.h"
#include "TimelineEntry.h"

// Declares an incident and stamps the declaration on its timeline, as one edit. The incident starts its severity
// history and gets the playbook's checklists; every row keeps its id across undo and redo.
class DeclareIncidentCommand final : public StoreCommand
{
public:
    DeclareIncidentCommand(IncidentStore &store, FailureHandler onFailure, Incident incident, TimelineEntry declared,
                           QList<ChecklistItem> checklist);
    qint64 incidentId() const { return m_incident.id; }

    Status apply() override;
    Status revert() override;

private:
    Incident m_incident;
    TimelineEntry m_declared;
    SeverityChange m_initialSeverity;
    QList<ChecklistItem> m_checklist;
};

// Adds an entry; a typed "TODO:" line also adds its action item, in the same edit.
class AddTimelineEntryCommand final : public StoreCommand
{
public:
    AddTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, TimelineEntry entry,
                            std::optional<ActionItem> actionItem = std::nullopt);
    qint64 entryId() const { return m_entry.id; }

    Status apply() override;
    Status revert() override;

private:
    TimelineEntry m_entry;
    std::optional<ActionItem> m_actionItem;
};

// Adds many entries at once (a pasted log), in one transaction and one undo step.
class AddTimelineEntriesCommand final : public StoreCommand
{
public:
    AddTimelineEntriesCommand(IncidentStore &store, FailureHandler onFailure, qint64 incidentId,
                              QList<TimelineEntry> entries);

    Status apply() override;
    Status revert() override;

private:
    qint64 m_incidentId;
    QList<TimelineEntry> m_entries;
};

// Changes an entry (or deletes it, which hides it) and records what it was before, who changed it and why.
class EditTimelineEntryCommand final : public StoreCommand
{
public:
    EditTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, const QString &text, TimelineEntry before,
                             TimelineEntry after, TimelineRevision revision);

    Status apply() override;
    Status revert() override;

private:
    TimelineEntry m_before;
    TimelineEntry m_after;
    TimelineRevision m_revision;
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

// Any edit of the incident row (stage, severity, flags), with its timeline note and, for severity, the history step.
class UpdateIncidentCommand final : public StoreCommand
{
public:
    UpdateIncidentCommand(IncidentStore &store, FailureHandler onFailure, const QString &text, Incident before,
                          Incident after, TimelineEntry note, std::optional<SeverityChange> change = std::nullopt);

    Status apply() override;
    Status revert() override;

private:
    Incident m_before;
    Incident m_after;
    TimelineEntry m_note;
    std::optional<SeverityChange> m_change;
};

class AddChecklistItemCommand final : public StoreCommand
{
public:
    AddChecklistItemCommand(IncidentStore &store, FailureHandler onFailure, ChecklistItem item);
    qint64 itemId() const { return m_item.id; }

    Status apply() override;
    Status revert() override;

private:
    ChecklistItem m_item;
};

// Ticks or unticks a checklist item and stamps the timeline.
class TickChecklistItemCommand final : public StoreCommand
{
public:
    TickChecklistItemCommand(IncidentStore &store, FailureHandler onFailure, ChecklistItem before, ChecklistItem after,
                             TimelineEntry note);

    Status apply() override;
    Status revert() override;

private:
    ChecklistItem m_before;
    ChecklistItem m_after;
    TimelineEntry m_note;
};

class AddRoleCommand final : public StoreCommand
{
public:
    AddRoleCommand(IncidentStore &store, FailureHandler onFailure, Role role);
    qint64 roleId() const { return m_role.id; }

    Status apply() override;
    Status revert() override;

private:
    Role m_role;
};

// Adds a template, or (with a previous version) changes one.
class SaveTemplateCommand final : public StoreCommand
{
public:
    SaveTemplateCommand(IncidentStore &store, FailureHandler onFailure, MessageTemplate tmpl,
                        std::optional<MessageTemplate> before);
    qint64 templateId() const { return m_template.id; }

    Status apply() override;
    Status revert() override;

private:
    MessageTemplate m_template;
    std::optional<MessageTemplate> m_before;
};

// Adds a person to the roster, or (with a previous version) edits one.
class SavePersonCommand final : public StoreCommand
{
public:
    SavePersonCommand(IncidentStore &store, FailureHandler onFailure, Person person, std::optional<Person> before);
    qint64 personId() const { return m_person.id; }

    Status apply() override;
    Status revert() override;

private:
    Person m_person;
    std::optional<Person> m_before;
};

// Adds an action item (no id yet) or changes one: title, owner, due time, state.
class SaveActionItemCommand final : public StoreCommand
{
public:
    SaveActionItemCommand(IncidentStore &store, FailureHandler onFailure, ActionItem item, std::optional<ActionItem> before);
    qint64 itemId() const { return m_item.id; }

    Status apply() override;
    Status revert() override;

private:
    ActionItem m_item;
    std::optional<ActionItem> m_before;
};

// The postmortem's written sections and its distribution time, replaced as a whole.
class SavePostmortemCommand final : public StoreCommand
{
public:
    SavePostmortemCommand(IncidentStore &store, FailureHandler onFailure, Postmortem after, Postmortem before,
                          const QString &text);

    Status apply() override;
    Status revert() override;

private:
    Postmortem m_after;
    Postmortem m_before;
};

