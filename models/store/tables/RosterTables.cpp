#include "RosterTables.h"

#include "SqlDialect.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Person trimmed(Person p)
{
    p.name = p.name.trimmed();
    p.handle = p.handle.trimmed();
    p.contact = p.contact.trimmed();
    return p;
}

} // namespace

Result<QList<Person>> RosterTables::people() const
{
    return m_store.selectRows(Tables::people(), QStringLiteral("ORDER BY lower(name), id"), {},
                              tr("Could not read the roster"));
}

Result<qint64> RosterTables::insertPerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return m_store.insertRow(Tables::people(), trimmed(person), tr("Could not add %1 to the roster").arg(person.name),
                             [this](qint64) { m_store.announce(StoreChange::rosterChanged()); });
}

Status RosterTables::updatePerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return m_store.changeRow(Tables::people().spec().updateStatement() + QStringLiteral(" RETURNING id"),
                             Tables::people().updateValues(trimmed(person)), tr("Could not save %1").arg(person.name),
                             tr("There is no person %1 on the roster.").arg(person.id),
                             [this](qint64) { m_store.announce(StoreChange::rosterChanged()); });
}

Status RosterTables::deletePerson(qint64 id)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove person %1 from the roster").arg(id)); !s) {
            return s;
        }
        m_store.announce(StoreChange::rosterChanged());
        return Status::success();
    });
}

Result<QList<Role>> RosterTables::roles() const
{
    return m_store.selectRows(Tables::roles(), QStringLiteral("ORDER BY id"), {}, tr("Could not read the roles"));
}

Result<qint64> RosterTables::insertRole(const Role &role)
{
    if (role.name.trimmed().isEmpty()) {
        return Status::failure(tr("A role needs a name."));
    }
    Role row = role;
    row.name = row.name.trimmed();
    row.responsibility = row.responsibility.trimmed();
    return m_store.insertRow(Tables::roles(), row, tr("Could not add the role %1").arg(role.name),
                             [this](qint64) { m_store.announce(StoreChange::rosterChanged()); });
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
        m_store.announce(StoreChange::rosterChanged());
        return Status::success();
    });
}

Result<QList<RoleAssignment>> RosterTables::assignments(qint64 incidentId) const
{
    const auto &table = Tables::roleAssignments();
    auto q =
        m_store.select(QStringLiteral("SELECT %1, p.name FROM role_assignments a JOIN people p ON p.id = a.person_id "
                                      "WHERE a.incident_id = ? ORDER BY a.assumed_at, a.id")
                           .arg(table.selectList(QStringLiteral("a."))),
                       {incidentId}, tr("Could not read the role assignments"));
    if (!q) {
        return q.status();
    }
    const int nameColumn = int(table.spec().columns.size());
    return table.readAll(
        q.value(), [&](RoleAssignment &a, const QSqlQuery &row) { a.personName = row.value(nameColumn).toString(); });
}

Result<qint64> RosterTables::insertAssignment(const RoleAssignment &a)
{
    return m_store.insertRow(
        Tables::roleAssignments(), a, tr("Could not save the role assignment"),
        [this, incident = a.incidentId](qint64) { m_store.announce(StoreChange::assignmentsChanged(incident)); });
}

Status RosterTables::setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt)
{
    static const QStringList released{QStringLiteral("released_at")};
    RoleAssignment a;
    a.id = assignmentId;
    a.releasedAt = releasedAt;
    return m_store.changeRow(Tables::roleAssignments().spec().updateStatement(released) +
                                 QStringLiteral(" RETURNING incident_id"),
                             Tables::roleAssignments().updateValues(a, released), tr("Could not save the hand-off"),
                             tr("There is no role assignment %1.").arg(assignmentId),
                             [this](qint64 incident) { m_store.announce(StoreChange::assignmentsChanged(incident)); });
}

Status RosterTables::deleteHeldAssignment(qint64 id)
{
    const auto someoneHandedItOn = [&]() -> Status {
        auto rows = m_store.selectRows(Tables::roleAssignments(), QStringLiteral("WHERE id = ?"), {id},
                                       tr("Could not read role assignment %1").arg(id));
        if (!rows || rows->isEmpty()) {
            return rows ? Status::failure(tr("There is no role assignment %1.").arg(id)) : rows.status();
        }
        const qint64 incident = rows->first().incidentId;
        return m_store.refuseConflict(
            incident, tr("%1 handed this role on since; nothing was changed.")
                          .arg(m_store.whoElseChanged(StoreChange::Kind::AssignmentsChanged, incident)));
    };
    return m_store.changeRow(
        QStringLiteral("DELETE FROM role_assignments WHERE id = ? AND released_at IS NULL RETURNING incident_id"), {id},
        tr("Could not remove role assignment %1").arg(id), someoneHandedItOn,
        [this](qint64 incident) { m_store.announce(StoreChange::assignmentsChanged(incident)); });
}

Status RosterTables::deleteAssignment(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM role_assignments WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove role assignment %1").arg(id),
                             tr("There is no role assignment %1.").arg(id),
                             [this](qint64 incident) { m_store.announce(StoreChange::assignmentsChanged(incident)); });
}
