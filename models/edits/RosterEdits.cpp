#include "RosterEdits.h"

#include "AlertCommands.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "Lifecycle.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

Result<qint64> RosterEdits::addRole(const QString &name, const QString &responsibility)
{
    if (name.trimmed().isEmpty()) {
        return Status::failure(tr("A role needs a name."));
    }
    const auto roles = m_workspace.m_store.roles();
    if (!roles) {
        return roles.status();
    }
    for (const Role &r : roles.value()) {
        if (r.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return Status::failure(tr("There is already a role called %1.").arg(r.name));
        }
    }
    auto command = std::make_unique<AddRoleCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                    Role{0, name.trimmed(), responsibility.trimmed(), false});
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s;
    }
    return raw->roleId();
}

Result<qint64> RosterEdits::savePerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    const auto people = m_workspace.m_store.people();
    if (!people) {
        return people.status();
    }
    std::optional<Person> before;
    for (const Person &p : people.value()) {
        if (p.id == person.id && person.id != 0) {
            before = p;
        } else if (p.name.compare(person.name.trimmed(), Qt::CaseInsensitive) == 0) {
            return Status::failure(tr("%1 is already on the roster.").arg(p.name));
        }
    }
    if (person.id != 0 && !before) {
        return Status::failure(tr("There is no person %1 on the roster.").arg(person.id));
    }
    if (before && *before == person) {
        return person.id;
    }
    auto command = std::make_unique<SavePersonCommand>(m_workspace.m_store, m_workspace.onFailure(), person, before);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s;
    }
    return raw->personId();
}

Status RosterEdits::assignRole(qint64 incidentId, qint64 roleId, const QString &personName)
{
    const QString name = personName.trimmed();
    if (name.isEmpty()) {
        return Status::failure(tr("Name the person who takes the role."));
    }
    const auto roles = m_workspace.m_store.roles();
    if (!roles) {
        return roles.status();
    }
    const auto role = std::find_if(roles->begin(), roles->end(), [&](const Role &r) { return r.id == roleId; });
    if (role == roles->end()) {
        return Status::failure(tr("There is no role %1.").arg(roleId));
    }
    const auto people = m_workspace.m_store.people();
    if (!people) {
        return people.status();
    }
    const auto history = m_workspace.m_store.assignments(incidentId);
    if (!history) {
        return history.status();
    }

    RoleAssignment assignment;
    assignment.incidentId = incidentId;
    assignment.roleId = roleId;
    assignment.assumedAt = Clock::nowUtc();
    std::optional<Person> newPerson;
    const auto known = std::find_if(people->begin(), people->end(),
                                    [&](const Person &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (known != people->end()) {
        assignment.personId = known->id;
    } else {
        newPerson = Person{0, name, {}, {}};
    }

    qint64 previousId = 0;
    QString previousName;
    for (const RoleAssignment &a : history.value()) {
        if (a.roleId == roleId && a.isCurrent()) {
            previousId = a.id;
            previousName = a.personName;
        }
    }
    if (previousId > 0 && known != people->end() && previousName == known->name) {
        return Status::failure(tr("%1 already holds %2.").arg(known->name, role->name));
    }
    const QString who = known != people->end() ? known->name : name;
    const QString text = previousId > 0 ? tr("%1 hands %2 over to %3").arg(previousName, role->name, who)
                                        : tr("%1 takes %2").arg(who, role->name);
    const TimelineEntry note = m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Decision, text);
    return m_workspace.push(std::make_unique<AssignRoleCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                assignment, newPerson, previousId, note));
}
