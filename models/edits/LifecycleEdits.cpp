#include "LifecycleEdits.h"

#include "AlertCommands.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "Lifecycle.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

Result<QList<ChecklistItem>> LifecycleEdits::defaultChecklist() const
{
    const auto defaults = m_workspace.m_store.checklistDefaults();
    if (!defaults) {
        return defaults.status();
    }
    QList<ChecklistItem> items;
    for (const ChecklistDefault &d : defaults.value()) {
        ChecklistItem item;
        item.stage = d.stage;
        item.text = d.text;
        item.position = int(items.size());
        item.isDefault = true;
        items.append(item);
    }
    return items;
}

Result<std::unique_ptr<DeclareIncidentCommand>> LifecycleEdits::declarationCommand(const Declaration &d,
                                                                                   const QString &evidence) const
{
    Incident incident;
    incident.title = d.title.trimmed();
    incident.summary = d.summary.trimmed();
    incident.severity = d.severity;
    incident.stage = Stage::Triage; // declaring is the triage step of the playbook
    incident.declaredAt = Clock::nowUtc();
    incident.drill = d.drill;
    incident.security = d.security;
    if (d.detectedAt.isValid() && d.detectedAt <= incident.declaredAt) {
        incident.detectedAt = d.detectedAt;
    }
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    const auto checklist = defaultChecklist();
    if (!checklist) {
        return checklist.status();
    }
    const QString how = QStringLiteral("%1%2%3").arg(Severities::label(d.severity), d.drill ? tr(" (drill)") : QString(),
                                                     evidence.isEmpty() ? QString() : tr(" from %1").arg(evidence));
    TimelineEntry declared =
        m_workspace.systemEntry(0, TimelineEntry::Kind::Triage, tr("Declared %1: %2").arg(how, incident.title));
    declared.keyMoment = true;
    return std::make_unique<DeclareIncidentCommand>(m_workspace.m_store, m_workspace.onFailure(), incident, declared,
                                                    checklist.value());
}

Result<qint64> LifecycleEdits::declareIncident(const Declaration &declaration)
{
    auto command = declarationCommand(declaration, {});
    if (!command) {
        return command.status();
    }
    auto *raw = command.value().get();
    if (const Status s = m_workspace.push(std::move(command.value())); !s) {
        return s;
    }
    return raw->incidentId();
}

Status LifecycleEdits::setImpactAndEta(qint64 incidentId, const QString &impact, const QString &eta)
{
    const auto before = m_workspace.m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    Incident after = before.value();
    after.impact = impact.trimmed();
    after.eta = eta.trimmed();
    if (after == before.value()) {
        return Status::success();
    }
    QStringList parts;
    if (after.impact != before->impact) {
        parts.append(tr("Impact: %1").arg(after.impact.isEmpty() ? tr("(cleared)") : after.impact));
    }
    if (after.eta != before->eta) {
        parts.append(tr("ETA: %1").arg(after.eta.isEmpty() ? tr("(cleared)") : after.eta));
    }
    const TimelineEntry note =
        m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Note, parts.join(QStringLiteral(" · ")));
    return m_workspace.push(std::make_unique<UpdateIncidentCommand>(
        m_workspace.m_store, m_workspace.onFailure(), tr("Change impact and ETA"), before.value(), after, note));
}

Status LifecycleEdits::setTitleAndSummary(qint64 incidentId, const QString &title, const QString &summary,
                                          const std::optional<Incident> &seen)
{
    const auto before = seen ? Result<Incident>(*seen) : m_workspace.m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    Incident after = before.value();
    after.title = title.trimmed();
    after.summary = summary.trimmed();
    if (after == before.value()) {
        return Status::success();
    }
    if (const QString problem = after.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    QStringList parts;
    if (after.title != before->title) {
        parts.append(tr("Title changed from \"%1\" to \"%2\"").arg(before->title, after.title));
    }
    if (after.summary != before->summary) {
        parts.append(after.summary.isEmpty() ? tr("Summary cleared") : tr("Summary: %1").arg(after.summary));
    }
    const TimelineEntry note =
        m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Note, parts.join(QStringLiteral(" · ")));
    return m_workspace.push(std::make_unique<UpdateIncidentCommand>(
        m_workspace.m_store, m_workspace.onFailure(), tr("Change title and summary"), before.value(), after, note));
}

Status LifecycleEdits::changeStage(qint64 incidentId, Stage stage)
{
    const auto before = m_workspace.m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    if (before->stage == stage) {
        return Status::success();
    }
    const Lifecycle::StageChange change = Lifecycle::moveTo(before.value(), stage, Clock::nowUtc());
    TimelineEntry note = m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Decision, change.note);
    note.keyMoment = change.keyMoment;
    return m_workspace.push(std::make_unique<UpdateIncidentCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                    tr("Move to %1").arg(Stages::title(stage)),
                                                                    before.value(), change.after, note));
}

Status LifecycleEdits::recordSeverity(qint64 incidentId, Severity severity, SeverityChange::Origin origin,
                                      std::optional<Severity> suggested, const QString &reason)
{
    const auto before = m_workspace.m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    Incident after = before.value();
    after.severity = severity;
    SeverityChange change;
    change.incidentId = incidentId;
    change.changedAt = Clock::nowUtc();
    change.severity = severity;
    change.origin = origin;
    change.suggested = suggested;
    change.reason = reason.trimmed();
    change.author = m_workspace.m_author;
    QString text;
    QString commandText;
    switch (origin) {
    case SeverityChange::Origin::SuggestionOverridden:
        text = tr("Kept %1 against the suggested %2: %3")
                   .arg(Severities::label(severity), Severities::label(suggested.value_or(severity)), change.reason);
        commandText = tr("Override suggestion");
        break;
    case SeverityChange::Origin::SuggestionAccepted:
        text = tr("Severity %1 → %2 (suggestion accepted): %3")
                   .arg(Severities::label(before->severity), Severities::label(severity), change.reason);
        commandText = tr("Accept suggested %1").arg(Severities::label(severity));
        break;
    case SeverityChange::Origin::Declared:
    case SeverityChange::Origin::Manual:
        text = tr("Severity %1 → %2: %3")
                   .arg(Severities::label(before->severity), Severities::label(severity), change.reason);
        commandText = tr("Change severity to %1").arg(Severities::label(severity));
        break;
    }
    TimelineEntry note = m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Decision, text);
    note.keyMoment = before->severity != severity;
    return m_workspace.push(std::make_unique<UpdateIncidentCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                    commandText, before.value(), after, note, change));
}

Status LifecycleEdits::changeSeverity(qint64 incidentId, Severity severity, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return Status::failure(tr("Give a reason for the severity change; it goes on the timeline."));
    }
    const auto incident = m_workspace.m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (incident->severity == severity) {
        return Status::failure(tr("%1 is already %2.").arg(incident->reference(), Severities::label(severity)));
    }
    return recordSeverity(incidentId, severity, SeverityChange::Origin::Manual, std::nullopt, reason);
}

Status LifecycleEdits::acceptSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion)
{
    const auto incident = m_workspace.m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (!suggestion.level || *suggestion.level == incident->severity) {
        return Status::failure(tr("There is no different level to accept."));
    }
    return recordSeverity(incidentId, *suggestion.level, SeverityChange::Origin::SuggestionAccepted, suggestion.level,
                          suggestion.explanation);
}

Status LifecycleEdits::overrideSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion,
                                          const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return Status::failure(tr("Give a reason for keeping the level; it goes on the timeline."));
    }
    const auto incident = m_workspace.m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    if (!suggestion.level) {
        return Status::failure(tr("There is no suggestion to override."));
    }
    return recordSeverity(incidentId, incident->severity, SeverityChange::Origin::SuggestionOverridden,
                          suggestion.level, reason);
}

Status LifecycleEdits::setSecurityIncident(qint64 incidentId, bool security)
{
    const auto before = m_workspace.m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    if (before->security == security) {
        return Status::success();
    }
    Incident after = before.value();
    after.security = security;
    const TimelineEntry note = m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Triage,
                                                       security ? tr("Marked as a security incident")
                                                                : tr("No longer marked as a security incident"));
    return m_workspace.push(std::make_unique<UpdateIncidentCommand>(
        m_workspace.m_store, m_workspace.onFailure(),
        security ? tr("Mark as security incident") : tr("Unmark security incident"), before.value(), after, note));
}

Result<qint64> LifecycleEdits::addChecklistItem(qint64 incidentId, Stage stage, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return Status::failure(tr("A checklist item needs some text."));
    }
    const auto items = m_workspace.m_store.checklist(incidentId);
    if (!items) {
        return items.status();
    }
    ChecklistItem item;
    item.incidentId = incidentId;
    item.stage = stage;
    item.text = text.trimmed();
    for (const ChecklistItem &i : items.value()) {
        item.position = std::max(item.position, i.position + 1);
    }
    auto command = std::make_unique<AddChecklistItemCommand>(m_workspace.m_store, m_workspace.onFailure(), item);
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s;
    }
    return raw->itemId();
}

Status LifecycleEdits::setChecklistItemDone(qint64 incidentId, qint64 itemId, bool done)
{
    const auto items = m_workspace.m_store.checklist(incidentId);
    if (!items) {
        return items.status();
    }
    const auto it = std::find_if(items->begin(), items->end(), [&](const ChecklistItem &i) { return i.id == itemId; });
    if (it == items->end()) {
        return Status::failure(tr("There is no checklist item %1 on this incident.").arg(itemId));
    }
    if (it->isDone() == done) {
        return Status::success();
    }
    ChecklistItem after = *it;
    after.doneAt = done ? Clock::nowUtc() : QDateTime();
    after.doneBy = done ? m_workspace.m_author : QString();
    const TimelineEntry note =
        m_workspace.systemEntry(incidentId, TimelineEntry::Kind::Action,
                                done ? tr("Done (%1): %2").arg(Stages::title(it->stage), it->text)
                                     : tr("Not done after all (%1): %2").arg(Stages::title(it->stage), it->text));
    return m_workspace.push(
        std::make_unique<TickChecklistItemCommand>(m_workspace.m_store, m_workspace.onFailure(), *it, after, note));
}
