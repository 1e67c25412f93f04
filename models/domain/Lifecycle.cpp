#include "Lifecycle.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Workspace", text);
}

} // namespace

Lifecycle::StageChange Lifecycle::moveTo(const Incident &before, Stage stage, const QDateTime &now)
{
    StageChange change{before, tr("Stage: %1 → %2").arg(Stages::title(before.stage), Stages::title(stage)), false};
    Incident &after = change.after;
    after.stage = stage;
    const bool resolving = int(stage) >= int(Stage::Review);
    if (int(stage) >= int(Stage::Recovery) && !after.mitigatedAt.isValid()) {
        after.mitigatedAt = now; // contained: what is left is recovery
    }
    if (resolving && !after.resolvedAt.isValid()) {
        after.resolvedAt = now;
        after.postmortemDueAt = now.addSecs(kPostmortemDueHours * 3600);
        change.note += tr(" · resolved; postmortem due within %1 hours").arg(kPostmortemDueHours);
    } else if (!resolving && after.resolvedAt.isValid()) {
        after.resolvedAt = {};
        after.postmortemDueAt = {};
        change.note += tr(" · reopened");
    }
    if (int(stage) < int(Stage::Recovery) && after.mitigatedAt.isValid() && !resolving) {
        after.mitigatedAt = {}; // back in containment: not mitigated after all
    }
    if (after.detectedAt.isValid() && after.mitigatedAt.isValid() && after.mitigatedAt < after.detectedAt) {
        after.mitigatedAt = after.detectedAt;
    }
    change.keyMoment = resolving != before.isResolved();
    return change;
}

QList<ChecklistItem> Lifecycle::unfinishedMitigation(Stage target, const QList<ChecklistItem> &checklist)
{
    QList<ChecklistItem> open;
    if (target != Stage::Review && target != Stage::Closed) {
        return open;
    }
    for (const ChecklistItem &item : checklist) {
        if ((item.stage == Stage::Containment || item.stage == Stage::Recovery) && !item.isDone()) {
            open.append(item);
        }
    }
    return open;
}
