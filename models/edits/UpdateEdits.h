#pragma once

#include "WorkspacePart.h"

// The edits of what the incident says and leaves behind: published updates, templates, action items and the postmortem:
// each checks what it is given, builds its command and pushes it on the workspace's undo stack. Workspace, which holds
// the file, the undo history and the author, hands these calls here.
class UpdateEdits final : private WorkspacePart
{
public:
    explicit UpdateEdits(Workspace &workspace) : WorkspacePart(workspace) {}

    Result<qint64> publishUpdate(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                 const QTimeZone &zone);
    Result<qint64> saveTemplate(const MessageTemplate &tmpl);
    Result<qint64> saveActionItem(const ActionItem &item);
    Status savePostmortem(const Postmortem &postmortem);
};
