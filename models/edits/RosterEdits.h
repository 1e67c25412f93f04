#pragma once

#include "WorkspacePart.h"

// The edits of the roster: roles, people and who holds which role: each checks what it is given, builds its command and
// pushes it on the workspace's undo stack. Workspace, which holds the file, the undo history and the author, hands
// these calls here.
class RosterEdits final : private WorkspacePart
{
public:
    explicit RosterEdits(Workspace &workspace) : WorkspacePart(workspace) {}

    Result<qint64> addRole(const QString &name, const QString &responsibility);
    Result<qint64> savePerson(const Person &person);
    Status assignRole(qint64 incidentId, qint64 roleId, const QString &personName);
};
