#pragma once

#include "Incident.h"
#include "WorkspacePart.h"

#include <memory>
#include <optional>

class DeclareIncidentCommand;

// The edits of an incident through the workflow: declaring it, its stage, severity, impact and ETA, and its checklists:
// each checks what it is given, builds its command and pushes it on the workspace's undo stack. Workspace, which holds
// the file, the undo history and the author, hands these calls here.
class LifecycleEdits final : private WorkspacePart
{
public:
    explicit LifecycleEdits(Workspace &workspace) : WorkspacePart(workspace) {}

    Result<QList<ChecklistItem>> defaultChecklist() const;
    Result<qint64> declareIncident(const Declaration &declaration);
    // The command that declares: the checked incident row, its key "Declared …" entry naming the evidence (e.g.
    // "from 3 alerts"; empty for none) and the default checklist. Declaring by hand and from alerts share it.
    Result<std::unique_ptr<DeclareIncidentCommand>> declarationCommand(const Declaration &declaration,
                                                                       const QString &evidence) const;
    Status setImpactAndEta(qint64 incidentId, const QString &impact, const QString &eta);
    // `seen`: the incident as the person saw it when they began typing; a field someone changed since is a conflict.
    // Without it, the incident as stored now.
    Status setTitleAndSummary(qint64 incidentId, const QString &title, const QString &summary,
                              const std::optional<Incident> &seen = std::nullopt);
    Status changeStage(qint64 incidentId, Stage stage);
    Status recordSeverity(qint64 incidentId, Severity severity, SeverityChange::Origin origin,
                          std::optional<Severity> suggested, const QString &reason);
    Status changeSeverity(qint64 incidentId, Severity severity, const QString &reason);
    Status acceptSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion);
    Status overrideSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion, const QString &reason);
    Status setSecurityIncident(qint64 incidentId, bool security);
    Result<qint64> addChecklistItem(qint64 incidentId, Stage stage, const QString &text);
    Status setChecklistItemDone(qint64 incidentId, qint64 itemId, bool done);
};
