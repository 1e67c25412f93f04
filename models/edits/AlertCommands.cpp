#include "AlertCommands.h"

#include "AlertValue.h"

#include "AlertJson.h"
#include "Clock.h"
#include "IncidentCommands.h"
#include "IncidentStore.h"

#include <QJsonDocument>

namespace AlertEvidence {
QString describe(const Alert &a)
{
    QStringList labels;
    for (const auto &[k, v] : a.labels) {
        if (k != QStringLiteral("alertname")) {
            labels.append(k + u'=' + v);
        }
    }
    // Read on the timeline by people: "2026-11-29 01:38:42 UTC", not the stored ISO text.
    const QString since = a.activeSince.isValid()
                              ? a.activeSince.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
                              : QObject::tr("an unknown time");
    QString text = QObject::tr("Alert %1 (%2) linked, %3 since %4")
                       .arg(a.alertName(), a.severity().isEmpty() ? QObject::tr("no severity") : a.severity(),
                            Alert::stateKey(a.state), since);
    if (!a.value.isEmpty()) {
        // Evidence keeps the exact value, said first as people read it ("231 ms (0.231)", "0.49 (4.875e-01)").
        const QString shown = AlertValue::readable(a);
        text += shown == a.value ? QObject::tr(", value %1").arg(a.value)
                                 : QObject::tr(", value %1 (%2)").arg(shown, a.value);
    }
    text += QStringLiteral("\n") + QObject::tr("Labels: %1").arg(labels.join(QStringLiteral(", ")));
    for (const auto &[k, v] : a.annotations) {
        text += QStringLiteral("\n%1: %2").arg(k, v);
    }
    return text;
}
} // namespace AlertEvidence

LinkAlertsCommand::LinkAlertsCommand(IncidentStore &store, FailureHandler onFailure, qint64 incidentId,
                                     QList<Alert> alerts, QString author)
    : StoreCommand(store, std::move(onFailure), (alerts.size() == 1 ? QObject::tr("Link an alert") : QObject::tr("Link %1 alerts").arg(alerts.size()))),
      m_incidentId(incidentId), m_alerts(std::move(alerts)), m_author(std::move(author)), m_at(Clock::nowUtc())
{
}

Status LinkAlertsCommand::apply()
{
    return store().write([this]() -> Status {
        // A redo re-creates the rows with the ids they had, so later commands still find them.
        const bool again = !m_linkIds.isEmpty();
        for (qsizetype i = 0; i < m_alerts.size(); ++i) {
            const Alert &a = m_alerts[i];
            ArchivedAlert row;
            row.identity = a.identity;
            row.source = a.sources.value(0, QStringLiteral(""));
            row.alertName = a.alertName();
            row.labels = AlertJson::pairsToJson(a.labels);
            row.annotations = AlertJson::pairsToJson(a.annotations);
            row.state = Alert::stateKey(a.state);
            row.value = a.value;
            row.firstSeen = a.activeSince.isValid() ? a.activeSince : m_at;
            row.lastSeen = m_at;
            const auto alertId = store().ensureArchivedAlert(row);
            if (!alertId) {
                return alertId.status();
            }
            const QString snapshot = QString::fromUtf8(QJsonDocument(AlertJson::toJson(a)).toJson(QJsonDocument::Compact));
            const auto linkId = store().insertAlertLink(m_incidentId, alertId.value(), m_at, snapshot,
                                                        again ? m_linkIds[i] : 0);
            if (!linkId) {
                return linkId.status();
            }
            TimelineEntry e;
            e.id = again ? m_entryIds[i] : 0;
            e.incidentId = m_incidentId;
            e.occurredAt = m_at;
            e.recordedAt = m_at;
            e.kind = TimelineEntry::Kind::Detection;
            e.author = m_author;
            e.text = AlertEvidence::describe(a);
            e.source = TimelineEntry::Source::Alert;
            const auto entryId = store().insertTimelineEntry(e);
            if (!entryId) {
                return entryId.status();
            }
            if (!again) {
                m_linkIds.append(linkId.value());
                m_entryIds.append(entryId.value());
            }
        }
        return Status::success();
    });
}

Status LinkAlertsCommand::revert()
{
    return store().write([this]() -> Status {
        for (qint64 id : std::as_const(m_entryIds)) {
            if (const Status s = store().deleteTimelineEntry(id); !s) {
                return s;
            }
        }
        for (qint64 id : std::as_const(m_linkIds)) {
            if (const Status s = store().deleteAlertLink(id); !s) {
                return s;
            }
        }
        return Status::success();
    });
}

namespace {
// Inserts the entries, keeping the ids of a first apply so a redo brings back the same rows.
Status insertStamps(IncidentStore &store, QList<TimelineEntry> &stamps)
{
    for (TimelineEntry &e : stamps) {
        const auto id = store.insertTimelineEntry(e);
        if (!id) {
            return id.status();
        }
        e.id = id.value();
    }
    return Status::success();
}

Status removeStamps(IncidentStore &store, const QList<TimelineEntry> &stamps)
{
    for (const TimelineEntry &e : stamps) {
        if (const Status s = store.deleteTimelineEntry(e.id); !s) {
            return s;
        }
    }
    return Status::success();
}
} // namespace

AcknowledgeAlertCommand::AcknowledgeAlertCommand(IncidentStore &store, FailureHandler onFailure, AlertAck ack,
                                                 std::optional<AlertAck> previous, QList<TimelineEntry> stamps)
    : StoreCommand(store, std::move(onFailure), QObject::tr("Acknowledge alert")), m_ack(std::move(ack)),
      m_previous(std::move(previous)), m_stamps(std::move(stamps))
{
}

Status AcknowledgeAlertCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = store().setAlertAck(m_ack); !s) {
            return s;
        }
        return insertStamps(store(), m_stamps);
    });
}

Status AcknowledgeAlertCommand::revert()
{
    // Only while this ack is the one in the file: if the alert resolved since, its ack was dropped with that firing,
    // and bringing back an older one would mark the next firing as handled.
    return store().write([this]() -> Status {
        if (const Status s = removeStamps(store(), m_stamps); !s) {
            return s;
        }
        const auto acks = store().alertAcks();
        if (acks && acks->value(m_ack.identity) != m_ack) {
            return Status::success();
        }
        return m_previous ? store().setAlertAck(*m_previous) : store().removeAlertAck(m_ack.identity);
    });
}

StampLinkedIncidentsCommand::StampLinkedIncidentsCommand(IncidentStore &store, FailureHandler onFailure,
                                                         const QString &text, QList<TimelineEntry> stamps)
    : StoreCommand(store, std::move(onFailure), text), m_stamps(std::move(stamps))
{
}

Status StampLinkedIncidentsCommand::apply()
{
    return store().write([this] { return insertStamps(store(), m_stamps); });
}

Status StampLinkedIncidentsCommand::revert()
{
    return store().write([this] { return removeStamps(store(), m_stamps); });
}

DeclareFromAlertsCommand::DeclareFromAlertsCommand(IncidentStore &store, FailureHandler onFailure,
                                                   std::unique_ptr<DeclareIncidentCommand> declare,
                                                   std::unique_ptr<LinkAlertsCommand> link)
    : StoreCommand(store, std::move(onFailure), declare->text()), m_declare(std::move(declare)), m_link(std::move(link))
{
}

DeclareFromAlertsCommand::~DeclareFromAlertsCommand() = default;

qint64 DeclareFromAlertsCommand::incidentId() const
{
    return m_declare->incidentId();
}

Status DeclareFromAlertsCommand::apply()
{
    return store().write([this]() -> Status {
        if (const Status s = m_declare->apply(); !s) {
            return s;
        }
        m_link->setIncidentId(m_declare->incidentId());
        return m_link->apply();
    });
}

Status DeclareFromAlertsCommand::revert()
{
    return store().write([this]() -> Status {
        if (const Status s = m_link->revert(); !s) {
            return s;
        }
        return m_declare->revert();
    });
}
