#pragma once

#include <Qt>

// Custom item data roles shared by every model of the core.
namespace ModelRoles {
enum : int {
    IdRole = Qt::UserRole + 1, // the row's id in the file (qint64)
    IncidentIdRole,
    SeverityRole, // int 1..3
    StageRole,    // int, Stage enum value
    OpenRole,     // bool
    DrillRole,    // bool
    SourceRole,   // timeline entry source key
    KeyMomentRole,
    TimeRole, // QDateTime in UTC, for sorting
};
}
