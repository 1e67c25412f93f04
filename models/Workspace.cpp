#include "Workspace.h"

#include "Clock.h"
#include "AlertCommands.h"
#include "IncidentCommands.h"

Workspace::Workspace(QObject *parent) : QObject(parent)
{
}

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

Result<qint64> Workspace::declareIncident(const QString &title, Severity severity, const QString &summary, bool drill)
{
    Incident incident;
    incident.title = title.trimmed();
    incident.summary = summary.trimmed();
    incident.severity = severity;
    incident.stage = Stage::Triage; // declaring is the triage step of the playbook
    incident.declaredAt = Clock::nowUtc();
    incident.drill = drill;
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    TimelineEntry declared = systemEntry(0, TimelineEntry::Kind::Triage,
                                         tr("Declared %1%2: %3")
                                             .arg(Severities::label(severity), drill ? tr(" (drill)") : QString(),
                                                  incident.title));
    declared.keyMoment = true;
    auto command = std::make_unique<DeclareIncidentCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, incident, declared);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->incidentId();
}

Result<qint64> Workspace::addTimelineEntry(qint64 incidentId, const QString &text, TimelineEntry::Kind kind,
                                           const QDateTime &occurredAt)
{
    if (text.trimmed().isEmpty()) {
        return Status::failure(tr("A timeline entry needs some text."));
    }
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.recordedAt = Clock::nowUtc();
    entry.occurredAt = occurredAt.isValid() ? occurredAt.toUTC() : entry.recordedAt;
    entry.kind = kind;
    entry.author = m_author;
    entry.text = text; // kept byte for byte, as typed
    entry.source = TimelineEntry::Source::Manual;
    auto command = std::make_unique<AddTimelineEntryCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, entry);
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s;
    }
    return raw->entryId();
}

Status Workspace::changeStage(qint64 incidentId, Stage stage)
{
    const auto before = m_store.incident(incidentId);
    if (!before) {
        return before.status();
    }
    if (before->stage == stage) {
        return Status::success();
    }
    Incident after = before.value();
    after.stage = stage;
    const TimelineEntry note =
        systemEntry(incidentId, TimelineEntry::Kind::Decision,
                    tr("Stage: %1 → %2").arg(Stages::title(before->stage), Stages::title(stage)));
    return push(std::make_unique<ChangeStageCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, before.value(), after, note));
}

Status Workspace::assignRole(qint64 incidentId, qint64 roleId, const QString &personName)
{
    const QString name = personName.trimmed();
    if (name.isEmpty()) {
        return Status::failure(tr("Name the person who takes the role."));
    }
    const auto roles = m_store.roles();
    if (!roles) {
        return roles.status();
    }
    const auto role = std::find_if(roles->begin(), roles->end(), [&](const Role &r) { return r.id == roleId; });
    if (role == roles->end()) {
        return Status::failure(tr("There is no role %1.").arg(roleId));
    }
    const auto people = m_store.people();
    if (!people) {
        return people.status();
    }
    const auto history = m_store.assignments(incidentId);
    if (!history) {
        return history.status();
    }

    RoleAssignment assignment;
    assignment.incidentId = incidentId;
    assignment.roleId = roleId;
    assignment.assumedAt = Clock::nowUtc();
    std::optional<Person> newPerson;
    const auto known = std::find_if(people->begin(), people->end(),
                                    [&](const Person &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (known != people->end()) {
        assignment.personId = known->id;
    } else {
        newPerson = Person{0, name, {}, {}};
    }

    qint64 previousId = 0;
    QString previousName;
    for (const RoleAssignment &a : history.value()) {
        if (a.roleId == roleId && a.isCurrent()) {
            previousId = a.id;
            previousName = a.personName;
        }
    }
    if (previousId > 0 && known != people->end() && previousName == known->name) {
        return Status::failure(tr("%1 already holds %2.").arg(known->name, role->name));
    }
    const QString who = known != people->end() ? known->name : name;
    const QString text = previousId > 0 ? tr("%1 hands %2 over to %3").arg(previousName, role->name, who)
                                        : tr("%1 takes %2").arg(who, role->name);
    const TimelineEntry note = systemEntry(incidentId, TimelineEntry::Kind::Decision, text);
    return push(std::make_unique<AssignRoleCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, assignment, newPerson, previousId, note));
}

Result<QList<Alert>> Workspace::alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const
{
    const auto links = m_store.alertLinksByIdentity();
    if (!links) {
        return links.status();
    }
    QList<Alert> fresh;
    for (const Alert &a : alerts) {
        if (!links->value(a.identity).incidentIds.contains(incidentId)) {
            fresh.append(a);
        }
    }
    return fresh;
}

Status Workspace::linkAlerts(qint64 incidentId, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to link."));
    }
    const auto incident = m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    const auto fresh = alertsNotYetLinked(incidentId, alerts);
    if (!fresh) {
        return fresh.status();
    }
    if (fresh->isEmpty()) {
        return Status::failure(alerts.size() == 1 ? tr("This alert is already linked to %1.").arg(incident->reference())
                                                  : tr("These alerts are already linked to %1.").arg(incident->reference()));
    }
    return push(std::make_unique<LinkAlertsCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, incidentId, fresh.value(), m_author));
}

Result<qint64> Workspace::declareIncidentFromAlerts(const QString &title, Severity severity, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to declare an incident for."));
    }
    Incident incident;
    incident.title = title.trimmed();
    incident.severity = severity;
    incident.stage = Stage::Triage;
    incident.declaredAt = Clock::nowUtc();
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    const QString evidence = alerts.size() == 1 ? tr("1 alert") : tr("%1 alerts").arg(alerts.size());
    TimelineEntry declared = systemEntry(0, TimelineEntry::Kind::Triage,
                                         tr("Declared %1 from %2: %3").arg(Severities::label(severity), evidence, incident.title));
    declared.keyMoment = true;
    auto onFailure = [this](const QString &m) { emit editFailed(m); };
    auto command = std::make_unique<DeclareFromAlertsCommand>(
        m_store, onFailure, std::make_unique<DeclareIncidentCommand>(m_store, onFailure, incident, declared),
        std::make_unique<LinkAlertsCommand>(m_store, onFailure, 0, alerts, m_author));
    auto *raw = command.get();
    if (const Status s = push(std::move(command)); !s) {
        return s; // one transaction: nothing was declared, nothing is on the undo stack
    }
    return raw->incidentId();
}

Status Workspace::acknowledgeAlert(const QString &identity, const QString &note)
{
    const auto acks = m_store.alertAcks();
    if (!acks) {
        return acks.status();
    }
    std::optional<AlertAck> previous;
    if (acks->contains(identity)) {
        previous = acks->value(identity);
    }
    const AlertAck ack{identity, note.trimmed(), m_author, Clock::nowUtc()};
    return push(std::make_unique<AcknowledgeAlertCommand>(
        m_store, [this](const QString &m) { emit editFailed(m); }, ack, previous));
}
