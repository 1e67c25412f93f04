#include "IncidentCommands.h"

#include "IncidentStore.h"

DeclareIncidentCommand::DeclareIncidentCommand(IncidentStore &store, FailureHandler onFailure, Incident incident,
                                               TimelineEntry declared, QList<ChecklistItem> checklist)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Declare \"%1\"").arg(incident.title)),
      m_incident(std::move(incident)), m_declared(std::move(declared)), m_checklist(std::move(checklist))
{
    m_initialSeverity.changedAt = m_incident.declaredAt;
    m_initialSeverity.severity = m_incident.severity;
    m_initialSeverity.origin = SeverityChange::Origin::Declared;
    m_initialSeverity.author = m_declared.author;
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
        m_initialSeverity.incidentId = id.value();
        const auto changeId = store().insertSeverityChange(m_initialSeverity);
        if (!changeId) {
            return changeId.status();
        }
        m_initialSeverity.id = changeId.value();
        for (ChecklistItem &item : m_checklist) {
            item.incidentId = id.value();
            const auto itemId = store().insertChecklistItem(item);
            if (!itemId) {
                return itemId.status();
            }
            item.id = itemId.value();
        }
        return Status::success();
    });
}

Status DeclareIncidentCommand::revert()
{
    return store().deleteIncident(m_incident.id); // its timeline, history and checklist go with it
}

AddTimelineEntryCommand::AddTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, TimelineEntry entry,
                                                 std::optional<ActionItem> actionItem)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Add timeline entry")), m_entry(std::move(entry)),
      m_actionItem(std::move(actionItem))
{
}

Status AddTimelineEntryCommand::apply()
{
    return store().write([this]() -> Status {
        const auto id = store().insertTimelineEntry(m_entry);
        if (!id) {
            return id.status();
        }
        m_entry.id = id.value();
        if (m_actionItem) {
            const auto itemId = store().insertActionItem(*m_actionItem);
            if (!itemId) {
                return itemId.status();
            }
            m_actionItem->id = itemId.value();
        }
        return Status::success();
    });
}

Status AddTimelineEntryCommand::revert()
{
    return store().write([this]() -> Status {
        if (m_actionItem) {
            if (const Status s = store().deleteActionItem(m_actionItem->id); !s) {
                return s;
            }
        }
        return store().deleteTimelineEntry(m_entry.id);
    });
}

AddTimelineEntriesCommand::AddTimelineEntriesCommand(IncidentStore &store, FailureHandler onFailure, qint64 incidentId,
                                                     QList<TimelineEntry> entries)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Add %1 timeline entries").arg(entries.size())),
      m_incidentId(incidentId), m_entries(std::move(entries))
{
}

Status AddTimelineEntriesCommand::apply()
{
    const auto ids = store().insertTimelineEntries(m_entries);
    if (!ids) {
        return ids.status();
    }
    for (int i = 0; i < m_entries.size(); ++i) {
        m_entries[i].id = ids->at(i); // the same ids on redo
    }
    return Status::success();
}

Status AddTimelineEntriesCommand::revert()
{
    QList<qint64> ids;
    ids.reserve(m_entries.size());
    for (const TimelineEntry &e : std::as_const(m_entries)) {
        ids.append(e.id);
    }
    return store().deleteTimelineEntries(m_incidentId, ids);
}

EditTimelineEntryCommand::EditTimelineEntryCommand(IncidentStore &store, FailureHandler onFailure, const QString &text,
                                                   TimelineEntry before, TimelineEntry after, TimelineRevision revision)
    : StoreCommand(store, std::move(onFailure), text), m_before(std::move(before)), m_after(std::move(after)),
      m_revision(std::move(revision))
{
    m_after.editedAt = m_revision.revisedAt; // the entry names its last change; undo brings back the one before
    m_after.editedBy = m_revision.author;
}

Status EditTimelineEntryCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = store().updateTimelineEntry(m_after); !s) {
            return s;
        }
        const auto id = store().insertTimelineRevision(m_revision);
        if (!id) {
            return id.status();
        }
        m_revision.id = id.value();
        return Status::success();
    });
}

Status EditTimelineEntryCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = store().deleteTimelineRevision(m_revision.id); !s) {
            return s;
        }
        return store().updateTimelineEntry(m_before);
    });
}

UpdateIncidentCommand::UpdateIncidentCommand(IncidentStore &store, FailureHandler onFailure, const QString &text,
                                             Incident before, Incident after, TimelineEntry note,
                                             std::optional<SeverityChange> change)
    : StoreCommand(store, std::move(onFailure), text), m_before(std::move(before)), m_after(std::move(after)),
      m_note(std::move(note)), m_change(std::move(change))
{
}

Status UpdateIncidentCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = store().updateIncident(m_before, m_after); !s) {
            return s;
        }
        if (m_change) {
            const auto id = store().insertSeverityChange(*m_change);
            if (!id) {
                return id.status();
            }
            m_change->id = id.value();
        }
        const auto id = store().insertTimelineEntry(m_note);
        if (!id) {
            return id.status();
        }
        m_note.id = id.value();
        return Status::success();
    });
}

Status UpdateIncidentCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = store().deleteTimelineEntry(m_note.id); !s) {
            return s;
        }
        if (m_change) {
            if (const Status s = store().deleteSeverityChange(m_change->id); !s) {
                return s;
            }
        }
        return store().updateIncident(m_after, m_before); // refused when someone changed those fields since
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
        if (const Status s = store().deleteHeldAssignment(m_assignment.id); !s) {
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

AddChecklistItemCommand::AddChecklistItemCommand(IncidentStore &store, FailureHandler onFailure, ChecklistItem item)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Add checklist item")), m_item(std::move(item))
{
}

Status AddChecklistItemCommand::apply()
{
    const auto id = store().insertChecklistItem(m_item);
    if (!id) {
        return id.status();
    }
    m_item.id = id.value();
    return Status::success();
}

Status AddChecklistItemCommand::revert()
{
    return store().deleteChecklistItem(m_item.id);
}

TickChecklistItemCommand::TickChecklistItemCommand(IncidentStore &store, FailureHandler onFailure, ChecklistItem before,
                                                   ChecklistItem after, TimelineEntry note)
    : StoreCommand(store, std::move(onFailure),
                   after.isDone() ? QObject::tr("Tick checklist item") : QObject::tr("Untick checklist item")),
      m_before(std::move(before)), m_after(std::move(after)), m_note(std::move(note))
{
}

Status TickChecklistItemCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = store().setChecklistItemDone(m_after.id, m_before.isDone(), m_after.doneAt, m_after.doneBy);
            !s) {
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

Status TickChecklistItemCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = store().deleteTimelineEntry(m_note.id); !s) {
            return s;
        }
        return store().setChecklistItemDone(m_before.id, m_after.isDone(), m_before.doneAt, m_before.doneBy);
    });
}

AddRoleCommand::AddRoleCommand(IncidentStore &store, FailureHandler onFailure, Role role)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Add role %1").arg(role.name)), m_role(std::move(role))
{
}

Status AddRoleCommand::apply()
{
    const auto id = store().insertRole(m_role);
    if (!id) {
        return id.status();
    }
    m_role.id = id.value();
    return Status::success();
}

Status AddRoleCommand::revert()
{
    return store().deleteRole(m_role.id);
}

SavePersonCommand::SavePersonCommand(IncidentStore &store, FailureHandler onFailure, Person person,
                                     std::optional<Person> before)
    : StoreCommand(store, std::move(onFailure),
                   before ? QObject::tr("Edit %1").arg(before->name) : QObject::tr("Add %1 to the roster").arg(person.name)),
      m_person(std::move(person)), m_before(std::move(before))
{
}

Status SavePersonCommand::apply()
{
    if (m_before) {
        return store().updatePerson(m_person);
    }
    const auto id = store().insertPerson(m_person);
    if (!id) {
        return id.status();
    }
    m_person.id = id.value();
    return Status::success();
}

Status SavePersonCommand::revert()
{
    return m_before ? store().updatePerson(*m_before) : store().deletePerson(m_person.id);
}

SaveTemplateCommand::SaveTemplateCommand(IncidentStore &store, FailureHandler onFailure, MessageTemplate tmpl,
                                         std::optional<MessageTemplate> before)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Save template %1").arg(tmpl.name)),
      m_template(std::move(tmpl)), m_before(std::move(before))
{
}

Status SaveTemplateCommand::apply()
{
    if (m_before) {
        return store().updateTemplate(m_template);
    }
    const auto id = store().insertTemplate(m_template);
    if (!id) {
        return id.status();
    }
    m_template.id = id.value();
    return Status::success();
}

Status SaveTemplateCommand::revert()
{
    return m_before ? store().updateTemplate(*m_before) : store().deleteTemplate(m_template.id);
}

SaveActionItemCommand::SaveActionItemCommand(IncidentStore &store, FailureHandler onFailure, ActionItem item,
                                             std::optional<ActionItem> before)
    : StoreCommand(store, std::move(onFailure),
                   before ? QObject::tr("Edit action item \"%1\"").arg(before->title)
                          : QObject::tr("Add action item \"%1\"").arg(item.title)),
      m_item(std::move(item)), m_before(std::move(before))
{
}

Status SaveActionItemCommand::apply()
{
    if (m_before) {
        return store().updateActionItem(m_item);
    }
    const auto id = store().insertActionItem(m_item); // keeps the id on redo
    if (!id) {
        return id.status();
    }
    m_item.id = id.value();
    return Status::success();
}

Status SaveActionItemCommand::revert()
{
    return m_before ? store().updateActionItem(*m_before) : store().deleteActionItem(m_item.id);
}

SavePostmortemCommand::SavePostmortemCommand(IncidentStore &store, FailureHandler onFailure, Postmortem after,
                                             Postmortem before, const QString &text)
    : StoreCommand(store, std::move(onFailure), text), m_after(std::move(after)), m_before(std::move(before))
{
}

Status SavePostmortemCommand::apply()
{
    return store().savePostmortem(m_after);
}

Status SavePostmortemCommand::revert()
{
    // No saved time: there was no row before this edit, so undo leaves none (an empty row would differ in exports).
    return m_before.updatedAt.isValid() ? store().savePostmortem(m_before) : store().deletePostmortem(m_before.incidentId);
}
