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
    // Board card facts of an incident (IncidentListModel)
    CommanderRole,          // QString, empty when nobody holds it
    FiringAlertsRole,       // int, firing linked alerts
    NextUpdateDueRole,      // QDateTime, invalid when no update is owed
    NextUpdateAudienceRole, // QString audience key
    PostmortemDueRole,      // QDateTime, set on resolution
    ResolvedRole,           // bool
    SuggestedSeverityRole,  // int 1..3, 0 when there is no pending suggestion
    SuggestionTextRole,     // QString, why
    WarningsRole,           // QStringList
    // Timeline entries (TimelineModel)
    KindRole,            // int, TimelineEntry::Kind
    CustomerVisibleRole, // bool
    DeletedRole,         // bool
    GapRole,             // qint64 seconds since the entry before
};
}
