#pragma once

#include <QString>

struct Role
{
    // The playbook's four roles have fixed ids in every file.
    enum BuiltinId : qint64 {
        IncidentCommander = 1,
        CommunicationsLead = 2,
        OperationsEngineer = 3,
        SecurityEngineer = 4,
    };

    qint64 id = 0;
    QString name;
    QString responsibility;
    bool builtin = false;

    bool operator==(const Role &) const = default;
};
