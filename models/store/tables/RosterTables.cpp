#include "RosterTables.h"

#include "SqlDialect.h"
#include "StoreRows.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace StoreRows;

Result<QList<Person>> RosterTables::people() const
{
    return m_store.selectRows<Person>(
        QStringLiteral("SELECT id, name, handle, contact FROM people ORDER BY name COLLATE NOCASE, id"), {},
        tr("Could not read the roster"), [&](const QSqlQuery &q) -> Person {
            return Person{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
        });
}

Result<qint64> RosterTables::insertPerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return m_store.insertRow(QStringLiteral("INSERT INTO people (id, name, handle, contact) VALUES (?, ?, ?, ?)"),
                             {idOrNull(person.id), text(person.name.trimmed()), text(person.handle.trimmed()),
                              text(person.contact.trimmed())},
                             tr("Could not add %1 to the roster").arg(person.name),
                             [this](qint64) { emit m_store.rosterChanged(); });
}

Status RosterTables::updatePerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return m_store.changeRow(
        QStringLiteral("UPDATE people SET name = ?, handle = ?, contact = ? WHERE id = ? RETURNING id"),
        {text(person.name.trimmed()), text(person.handle.trimmed()), text(person.contact.trimmed()), person.id},
        tr("Could not save %1").arg(person.name), tr("There is no person %1 on the roster.").arg(person.id),
        [this](qint64) { emit m_store.rosterChanged(); });
}

Status RosterTables::deletePerson(qint64 id)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove person %1 from the roster").arg(id)); !s) {
            return s;
        }
        m_store.notify([this] { emit m_store.rosterChanged(); });
        return Status::success();
    });
}

Result<QList<Role>> RosterTables::roles() const
{
    return m_store.selectRows<Role>(
        QStringLiteral("SELECT id, name, responsibility, is_builtin FROM roles ORDER BY id"), {},
        tr("Could not read the roles"), [&](const QSqlQuery &q) -> Role {
            return Role{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool()};
        });
}

Result<qint64> RosterTables::insertRole(const Role &role)
{
    if (role.name.trimmed().isEmpty()) {
        return Status::failure(tr("A role needs a name."));
    }
    return m_store.insertRow(
        QStringLiteral("INSERT INTO roles (id, name, responsibility, is_builtin) VALUES (?, ?, ?, ?)"),
        {idOrNull(role.id), text(role.name.trimmed()), text(role.responsibility.trimmed()), role.builtin ? 1 : 0},
        tr("Could not add the role %1").arg(role.name), [this](qint64) { emit m_store.rosterChanged(); });
}

Status RosterTables::deleteRole(qint64 id)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM roles WHERE id = ? AND is_builtin = 0"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove role %1").arg(id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("Role %1 does not exist or is one of the playbook's roles.").arg(id));
        }
        m_store.notify([this] { emit m_store.rosterChanged(); });
        return Status::success();
    });
}

Result<QList<RoleAssignment>> RosterTables::assignments(qint64 incidentId) const
{
    return m_store.selectRows<RoleAssignment>(
        QStringLiteral("SELECT a.id, a.incident_id, a.role_id, a.person_id, a.assumed_at, a.released_at, p.name "
                       "FROM role_assignments a JOIN people p ON p.id = a.person_id WHERE a.incident_id = ? "
                       "ORDER BY a.assumed_at, a.id"),
        {incidentId}, tr("Could not read the role assignments"), [&](const QSqlQuery &q) -> RoleAssignment {
            RoleAssignment a;
            a.id = q.value(0).toLongLong();
            a.incidentId = q.value(1).toLongLong();
            a.roleId = q.value(2).toLongLong();
            a.personId = q.value(3).toLongLong();
            a.assumedAt = StoredTime::fromSql(q.value(4));
            a.releasedAt = StoredTime::fromSql(q.value(5));
            a.personName = q.value(6).toString();
            return a;
        });
}

Result<qint64> RosterTables::insertAssignment(const RoleAssignment &a)
{
    return m_store.insertRow(
        QStringLiteral("INSERT INTO role_assignments (id, incident_id, role_id, person_id, assumed_at, "
                       "released_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {idOrNull(a.id), a.incidentId, a.roleId, a.personId, StoredTime::toSql(a.assumedAt),
         StoredTime::toSql(a.releasedAt)},
        tr("Could not save the role assignment"),
        [this, incident = a.incidentId](qint64) { emit m_store.assignmentsChanged(incident); });
}

Status RosterTables::setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt)
{
    return m_store.changeRow(
        QStringLiteral("UPDATE role_assignments SET released_at = ? WHERE id = ? RETURNING incident_id"),
        {StoredTime::toSql(releasedAt), assignmentId}, tr("Could not save the hand-off"),
        tr("There is no role assignment %1.").arg(assignmentId),
        [this](qint64 incident) { emit m_store.assignmentsChanged(incident); });
}

Status RosterTables::deleteAssignment(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM role_assignments WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove role assignment %1").arg(id),
                             tr("There is no role assignment %1.").arg(id),
                             [this](qint64 incident) { emit m_store.assignmentsChanged(incident); });
}
