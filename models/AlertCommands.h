#pragma once

#include "Alert.h"
#include "AlertAck.h"
#include "StoreCommand.h"
#include "TimelineEntry.h"

#include <optional>

// Links alerts to an incident, freezing each one's labels, annotations and value into the timeline.
class LinkAlertsCommand final : public StoreCommand
{
public:
    LinkAlertsCommand(IncidentStore &store, FailureHandler onFailure, qint64 incidentId, QList<Alert> alerts,
                      QString author);

protected:
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

protected:
    Status apply() override;
    Status revert() override;

private:
    AlertAck m_ack;
    std::optional<AlertAck> m_previous;
};

namespace AlertEvidence {
// The frozen text of an alert on the timeline.
QString describe(const Alert &alert);
} // namespace AlertEvidence
