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

// Acknowledges an alert with a note (or replaces the note); undo restores what was there.
class AcknowledgeAlertCommand final : public StoreCommand
{
public:
    AcknowledgeAlertCommand(IncidentStore &store, FailureHandler onFailure, AlertAck ack, std::optional<AlertAck> previous);

    Status apply() override;
    Status revert() override;

private:
    AlertAck m_ack;
    std::optional<AlertAck> m_previous;
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
