#include "AlertEdits.h"

#include "AlertCommands.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "Lifecycle.h"
#include "LifecycleEdits.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

Result<QList<Alert>> AlertEdits::alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const
{
    const auto links = m_workspace.m_store.alertLinksByIdentity();
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

Status AlertEdits::linkAlerts(qint64 incidentId, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to link."));
    }
    const auto incident = m_workspace.m_store.incident(incidentId);
    if (!incident) {
        return incident.status();
    }
    const auto fresh = alertsNotYetLinked(incidentId, alerts);
    if (!fresh) {
        return fresh.status();
    }
    if (fresh->isEmpty()) {
        return Status::failure(alerts.size() == 1
                                   ? tr("This alert is already linked to %1.").arg(incident->reference())
                                   : tr("These alerts are already linked to %1.").arg(incident->reference()));
    }
    return m_workspace.push(std::make_unique<LinkAlertsCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                incidentId, fresh.value(), m_workspace.m_author));
}

Result<qint64> AlertEdits::declareIncidentFromAlerts(const Declaration &declaration, const QList<Alert> &alerts)
{
    if (alerts.isEmpty()) {
        return Status::failure(tr("Select the alerts to declare an incident for."));
    }
    // The incident was detected when its evidence began: the earliest of the alerts' starts.
    Declaration withEvidence = declaration;
    for (const Alert &alert : alerts) {
        if (alert.activeSince.isValid()
            && (!withEvidence.detectedAt.isValid() || alert.activeSince < withEvidence.detectedAt)) {
            withEvidence.detectedAt = alert.activeSince;
        }
    }
    auto declare = m_workspace.m_lifecycleEdits->declarationCommand(
        withEvidence, alerts.size() == 1 ? tr("1 alert") : tr("%1 alerts").arg(alerts.size()));
    if (!declare) {
        return declare.status();
    }
    auto command = std::make_unique<DeclareFromAlertsCommand>(
        m_workspace.m_store, m_workspace.onFailure(), std::move(declare.value()),
        std::make_unique<LinkAlertsCommand>(m_workspace.m_store, m_workspace.onFailure(), 0, alerts,
                                            m_workspace.m_author));
    auto *raw = command.get();
    if (const Status s = m_workspace.push(std::move(command)); !s) {
        return s; // one transaction: nothing was declared, nothing is on the undo stack
    }
    return raw->incidentId();
}

Status AlertEdits::acknowledgeAlert(const QString &identity, const QString &note)
{
    const auto acks = m_workspace.m_store.alertAcks();
    if (!acks) {
        return acks.status();
    }
    std::optional<AlertAck> previous;
    if (acks->contains(identity)) {
        previous = acks->value(identity);
    }
    const AlertAck ack{identity, note.trimmed(), m_workspace.m_author, Clock::nowUtc()};
    const auto links = m_workspace.m_store.alertLinksByIdentity();
    if (!links) {
        return links.status();
    }
    const QString name = links->value(identity).alertName;
    const QString text = ack.note.isEmpty() ? tr("Acknowledged alert %1").arg(name)
                                            : tr("Acknowledged alert %1: %2").arg(name, ack.note);
    const auto stamps = stampsFor(links.value(), {identity}, TimelineEntry::Kind::Triage, text);
    if (!stamps) {
        return stamps.status();
    }
    return m_workspace.push(std::make_unique<AcknowledgeAlertCommand>(m_workspace.m_store, m_workspace.onFailure(), ack,
                                                                      previous, stamps.value()));
}

Status AlertEdits::stampLinkedIncidents(const QStringList &identities, TimelineEntry::Kind kind, const QString &text)
{
    const auto links = m_workspace.m_store.alertLinksByIdentity();
    if (!links) {
        return links.status();
    }
    const auto stamps = stampsFor(links.value(), identities, kind, text);
    if (!stamps) {
        return stamps.status();
    }
    if (stamps->isEmpty()) {
        return Status::success(); // no incident holds these alerts: nothing to say, and no empty undo step
    }
    return m_workspace.push(std::make_unique<StampLinkedIncidentsCommand>(m_workspace.m_store, m_workspace.onFailure(),
                                                                          text.section(u':', 0, 0), stamps.value()));
}

Result<QList<TimelineEntry>> AlertEdits::stampsFor(const QHash<QString, IncidentStore::LinkedAlert> &links,
                                                   const QStringList &identities, TimelineEntry::Kind kind,
                                                   const QString &text) const
{
    QList<qint64> incidentIds;
    for (const QString &identity : identities) {
        for (qint64 id : links.value(identity).incidentIds) {
            if (!incidentIds.contains(id)) {
                incidentIds.append(id);
            }
        }
    }
    const QDateTime now = Clock::nowUtc();
    QList<TimelineEntry> stamps;
    for (qint64 id : std::as_const(incidentIds)) {
        const auto incident = m_workspace.m_store.incident(id);
        if (!incident) {
            return incident.status();
        }
        if (incident->stage == Stage::Closed) {
            continue; // a closed record is not written on by what happens to its alerts later
        }
        TimelineEntry e;
        e.incidentId = id;
        e.occurredAt = now;
        e.recordedAt = now;
        e.kind = kind;
        e.author = m_workspace.m_author;
        e.text = text;
        e.source = TimelineEntry::Source::Manual;
        stamps.append(e);
    }
    return stamps;
}
