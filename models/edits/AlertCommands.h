#pragma once

#include "Alert.h"
#include "AlertAck.h"
#include "StoreCommand.h"
#include "TimelineEntry.h"

#include <memory>
#include <optional>

// Links alerts to an incident, freezing each one's labels, annotations and value into the timeline.
class LinkAlertsCommand final : public StoreCommand
{
public:
    LinkAlertsCommand(IncidentStore &store, FailureHandler onFailure, qint64 incidentId, QList<Alert> alerts,
                      QString author);
    void setIncidentId(qint64 id) { m_incidentId = id; }

    Status apply() override;
    Status revert() override;

private:
    qint64 m_incidentId;
    QList<Alert> m_alerts;
    QString m_author;
    QDateTime m_at;
    QList<qint64> m_linkIds;
    QList<qint64> m_entryIds;
};

// Acknowledges an alert with a note (or replaces the note), and says so on the timelines of the incidents it is
// linked to; undo restores what was there.
class AcknowledgeAlertCommand final : public StoreCommand
{
public:
    AcknowledgeAlertCommand(IncidentStore &store, FailureHandler onFailure, AlertAck ack, std::optional<AlertAck> previous,
                            QList<TimelineEntry> stamps);

    Status apply() override;
    Status revert() override;

private:
    AlertAck m_ack;
    std::optional<AlertAck> m_previous;
    QList<TimelineEntry> m_stamps;
};

// Writes what was done to alerts outside the file (a silence made or expired in Alertmanager) on the timelines of
// the incidents they are linked to. Undo takes the entries back; the silence itself is Alertmanager's.
class StampLinkedIncidentsCommand final : public StoreCommand
{
public:
    StampLinkedIncidentsCommand(IncidentStore &store, FailureHandler onFailure, const QString &text,
                                QList<TimelineEntry> stamps);

    Status apply() override;
    Status revert() override;

private:
    QList<TimelineEntry> m_stamps;
};

class DeclareIncidentCommand;

// Declares an incident and links alerts to it in one transaction: both happen, or neither.
class DeclareFromAlertsCommand final : public StoreCommand
{
public:
    DeclareFromAlertsCommand(IncidentStore &store, FailureHandler onFailure, std::unique_ptr<DeclareIncidentCommand> declare,
                             std::unique_ptr<LinkAlertsCommand> link);
    ~DeclareFromAlertsCommand() override;
    qint64 incidentId() const;

    Status apply() override;
    Status revert() override;

private:
    std::unique_ptr<DeclareIncidentCommand> m_declare;
    std::unique_ptr<LinkAlertsCommand> m_link;
};

namespace AlertEvidence {
// The frozen text of an alert on the timeline.
QString describe(const Alert &alert);
} // namespace AlertEvidence
