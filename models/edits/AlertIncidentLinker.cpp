#include "AlertIncidentLinker.h"

#include "Clock.h"

AlertIncidentLinker::AlertIncidentLinker(IncidentStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, &AlertIncidentLinker::reload);
    connect(m_store, &IncidentStore::alertLinksChanged, this, &AlertIncidentLinker::reload);
    connect(m_store, &IncidentStore::storeReset, this, &AlertIncidentLinker::reloadAcks);
    connect(m_store, &IncidentStore::alertAckChanged, this, &AlertIncidentLinker::reloadAcks);
    reload();
    reloadAcks();
}

void AlertIncidentLinker::reloadAcks()
{
    m_acked.clear();
    if (m_store->isOpen()) {
        if (const auto acks = m_store->alertAcks()) {
            for (auto it = acks->cbegin(); it != acks->cend(); ++it) {
                m_acked.insert(it.key());
            }
        }
    }
}

void AlertIncidentLinker::reload()
{
    m_links.clear();
    if (m_store->isOpen()) {
        if (auto links = m_store->alertLinksByIdentity()) {
            m_links = links.value();
        }
    }
}

void AlertIncidentLinker::stamp(const QString &identity, const QString &text)
{
    const auto &link = m_links[identity];
    for (qint64 incidentId : link.incidentIds) {
        const auto incident = m_store->incident(incidentId);
        if (!incident || !incident->isOpen()) {
            continue; // a closed incident's timeline is history; leave it be
        }
        TimelineEntry e;
        e.incidentId = incidentId;
        e.occurredAt = Clock::nowUtc();
        e.recordedAt = e.occurredAt;
        e.kind = TimelineEntry::Kind::Detection;
        e.text = text;
        e.source = TimelineEntry::Source::Alert;
        if (const auto id = m_store->insertTimelineEntry(e); !id) {
            emit failed(id.error());
        }
    }
}

// An acknowledgement is for one firing: once the alert resolves, its next firing is news again.
void AlertIncidentLinker::forgetAcks(const QStringList &resolved)
{
    QStringList acked;
    for (const QString &identity : resolved) {
        if (m_acked.contains(identity)) {
            acked.append(identity);
        }
    }
    if (acked.isEmpty()) {
        return;
    }
    // One transaction, so many alerts resolving at once cost one write to disk.
    const Status removed = m_store->write([&]() -> Status {
        for (const QString &identity : acked) {
            if (const Status s = m_store->removeAlertAck(identity); !s) {
                return s;
            }
        }
        return Status::success();
    });
    if (!removed) {
        emit failed(removed.error());
    }
}

void AlertIncidentLinker::sourceStatus(const SourceStatus &status)
{
    if (status.lastSuccess.isValid()) {
        m_states.sourceAnswered(status.source);
    }
}

void AlertIncidentLinker::apply(const AlertDelta &delta)
{
    // Withdrawn: the sources changed, nothing happened to the alerts themselves.
    const bool writable = !delta.withdrawn && m_store->isOpen() && !m_store->isReadOnly();
    if (writable && !delta.resolved.isEmpty()) {
        forgetAcks(delta.resolved);
    }
    const bool stamping = writable && !m_links.isEmpty();
    if (stamping) {
        for (const QString &identity : delta.resolved) {
            if (m_links.contains(identity)) {
                stamp(identity, tr("Alert %1 resolved").arg(m_links[identity].alertName));
            }
        }
    }
    m_states.apply(delta, [&](const Alert &a, std::optional<Alert::State> before, bool fromFirstAnswer) {
        if (!stamping || fromFirstAnswer || !m_links.contains(a.identity)) {
            return; // a first answer says how things were before the console asked, not what just happened
        }
        if (!before) {
            stamp(a.identity, tr("Alert %1 is %2 again").arg(a.alertName(), Alert::stateKey(a.state)));
        } else if (*before != a.state) {
            stamp(a.identity, tr("Alert %1 is now %2").arg(a.alertName(), Alert::stateKey(a.state)));
        }
    });
}
