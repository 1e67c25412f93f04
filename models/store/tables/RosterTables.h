#pragma once

#include "StoreTable.h"

// The tables of the roster: people, roles and who held which role when.
// Their statements, how rows are read and bound, and the change each write announces after its commit.
// IncidentStore (the database and the one change notifier) hands these calls here.
class RosterTables final : private StoreTable
{
public:
    explicit RosterTables(IncidentStore &store) : StoreTable(store) {}

    Result<QList<Person>> people() const;
    Result<qint64> insertPerson(const Person &person);
    Status updatePerson(const Person &person);
    Status deletePerson(qint64 id);
    Result<QList<Role>> roles() const;
    Result<qint64> insertRole(const Role &role);
    Status deleteRole(qint64 id);
    Result<QList<RoleAssignment>> assignments(qint64 incidentId) const;
    Result<qint64> insertAssignment(const RoleAssignment &a);
    Status setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt);
    Status deleteAssignment(qint64 id);
    Status deleteHeldAssignment(qint64 id);
};
