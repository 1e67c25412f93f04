#pragma once

#include "Role.h"
#include "RoleAssignment.h"

#include <QList>
#include <QString>
#include <QStringList>

// Who else is at the team record, in the words the status bar shows: each name with the roles they hold on the
// incident in view ("Here: Dana Kim (Communications Lead), Sam Whitfield (Incident Commander, Scribe)").
namespace Presence {
QString describe(const QStringList &namesHere, const QList<RoleAssignment> &assignments, const QList<Role> &roles);
} // namespace Presence
