#pragma once

#include <QDateTime>
#include <QString>

// Who held a role on an incident from when to when. A hand-off releases one and starts the next.
struct RoleAssignment
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 roleId = 0;
    qint64 personId = 0;
    QDateTime assumedAt;
    QDateTime releasedAt; // invalid while the role is held

    QString personName; // read from the roster, for display

    bool isCurrent() const { return !releasedAt.isValid(); }
};
