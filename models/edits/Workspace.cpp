#include "Workspace.h"

#include "AlertCommands.h"
#include "AlertEdits.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "LifecycleEdits.h"
#include "RosterEdits.h"
#include "TemplateEngine.h"
#include "TimelineEdits.h"
#include "UpdateChecks.h"
#include "UpdateEdits.h"

#include <QRegularExpression>

Workspace::Workspace(QObject *parent)
    : QObject(parent), m_timelineEdits(std::make_unique<TimelineEdits>(*this)),
      m_lifecycleEdits(std::make_unique<LifecycleEdits>(*this)), m_rosterEdits(std::make_unique<RosterEdits>(*this)),
      m_updateEdits(std::make_unique<UpdateEdits>(*this)), m_alertEdits(std::make_unique<AlertEdits>(*this))
{}

Workspace::~Workspace()
{
    m_undoStack.clear(); // commands refer to the store
}

Status Workspace::open(const QString &path, IncidentStore::Access access)
{
    m_undoStack.clear();
    return m_store.open(path, access);
}

void Workspace::close()
{
    m_undoStack.clear();
    m_store.close();
}

Status Workspace::push(std::unique_ptr<StoreCommand> command)
{
    if (const Status s = command->execute(); !s) {
        return s;
    }
    m_undoStack.push(command.release());
    return Status::success();
}

StoreCommand::FailureHandler Workspace::onFailure()
{
    return [this](const QString &m) { emit editFailed(m); };
}

TimelineEntry Workspace::systemEntry(qint64 incidentId, TimelineEntry::Kind kind, const QString &text) const
{
    TimelineEntry e;
    e.incidentId = incidentId;
    e.occurredAt = Clock::nowUtc();
    e.recordedAt = e.occurredAt;
    e.kind = kind;
    e.author = m_author;
    e.text = text;
    e.source = TimelineEntry::Source::System;
    return e;
}

Result<qint64> Workspace::declareIncident(const Declaration &declaration)
{
    return m_lifecycleEdits->declareIncident(declaration);
}

Result<qint64> Workspace::declareIncident(const QString &title, Severity severity, const QString &summary, bool drill,
                                          bool security)
{
    return declareIncident(Declaration{title, severity, summary, drill, security, {}});
}

Result<qint64> Workspace::addTimelineEntry(qint64 incidentId, const QString &text, TimelineEntry::Kind kind,
                                           const QDateTime &occurredAt)
{
    return m_timelineEdits->addTimelineEntry(incidentId, text, kind, occurredAt);
}

Result<qint64> Workspace::addTimelineLine(qint64 incidentId, const QString &input, TimelineEntry::Kind defaultKind,
                                          const QTimeZone &zone, const QDateTime &occurredAt)
{
    return m_timelineEdits->addTimelineLine(incidentId, input, defaultKind, zone, occurredAt);
}

Result<int> Workspace::addTimelineEntries(qint64 incidentId, const QList<TimelineInput::LogEntry> &entries,
                                          TimelineEntry::Kind kind)
{
    return m_timelineEdits->addTimelineEntries(incidentId, entries, kind);
}

Status Workspace::editTimelineEntry(const TimelineEntry &changed, const QString &reason)
{
    return m_timelineEdits->editTimelineEntry(changed, reason);
}

Status Workspace::deleteTimelineEntry(qint64 entryId, const QString &reason)
{
    return m_timelineEdits->deleteTimelineEntry(entryId, reason);
}

Status Workspace::setKeyMoment(qint64 entryId, bool keyMoment)
{
    return m_timelineEdits->setKeyMoment(entryId, keyMoment);
}

Result<qint64> Workspace::publishUpdate(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                        const QTimeZone &zone)
{
    return m_updateEdits->publishUpdate(incidentId, audience, body, zone);
}

Result<qint64> Workspace::saveTemplate(const MessageTemplate &tmpl)
{
    return m_updateEdits->saveTemplate(tmpl);
}

Status Workspace::setImpactAndEta(qint64 incidentId, const QString &impact, const QString &eta)
{
    return m_lifecycleEdits->setImpactAndEta(incidentId, impact, eta);
}

Status Workspace::setTitleAndSummary(qint64 incidentId, const QString &title, const QString &summary,
                                     const std::optional<Incident> &seen)
{
    return m_lifecycleEdits->setTitleAndSummary(incidentId, title, summary, seen);
}

Status Workspace::changeStage(qint64 incidentId, Stage stage)
{
    return m_lifecycleEdits->changeStage(incidentId, stage);
}

Status Workspace::changeSeverity(qint64 incidentId, Severity severity, const QString &reason)
{
    return m_lifecycleEdits->changeSeverity(incidentId, severity, reason);
}

Status Workspace::acceptSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion)
{
    return m_lifecycleEdits->acceptSuggestion(incidentId, suggestion);
}

Status Workspace::overrideSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion, const QString &reason)
{
    return m_lifecycleEdits->overrideSuggestion(incidentId, suggestion, reason);
}

Status Workspace::setSecurityIncident(qint64 incidentId, bool security)
{
    return m_lifecycleEdits->setSecurityIncident(incidentId, security);
}

Result<qint64> Workspace::addChecklistItem(qint64 incidentId, Stage stage, const QString &text)
{
    return m_lifecycleEdits->addChecklistItem(incidentId, stage, text);
}

Status Workspace::setChecklistItemDone(qint64 incidentId, qint64 itemId, bool done)
{
    return m_lifecycleEdits->setChecklistItemDone(incidentId, itemId, done);
}

Result<qint64> Workspace::addRole(const QString &name, const QString &responsibility)
{
    return m_rosterEdits->addRole(name, responsibility);
}

Result<qint64> Workspace::saveActionItem(const ActionItem &item)
{
    return m_updateEdits->saveActionItem(item);
}

Status Workspace::savePostmortem(const Postmortem &postmortem)
{
    return m_updateEdits->savePostmortem(postmortem);
}

Result<qint64> Workspace::savePerson(const Person &person)
{
    return m_rosterEdits->savePerson(person);
}

Status Workspace::assignRole(qint64 incidentId, qint64 roleId, const QString &personName)
{
    return m_rosterEdits->assignRole(incidentId, roleId, personName);
}

Result<QList<Alert>> Workspace::alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const
{
    return m_alertEdits->alertsNotYetLinked(incidentId, alerts);
}

Status Workspace::linkAlerts(qint64 incidentId, const QList<Alert> &alerts)
{
    return m_alertEdits->linkAlerts(incidentId, alerts);
}

Result<qint64> Workspace::declareIncidentFromAlerts(const Declaration &declaration, const QList<Alert> &alerts)
{
    return m_alertEdits->declareIncidentFromAlerts(declaration, alerts);
}

Status Workspace::acknowledgeAlert(const QString &identity, const QString &note)
{
    return m_alertEdits->acknowledgeAlert(identity, note);
}

Status Workspace::stampLinkedIncidents(const QStringList &identities, TimelineEntry::Kind kind, const QString &text)
{
    return m_alertEdits->stampLinkedIncidents(identities, kind, text);
}
