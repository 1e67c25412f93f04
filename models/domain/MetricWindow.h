#pragma once

#include <QDateTime>

struct Incident;

// The stretch of time the live metrics show for an incident: from 15 minutes before it began (declared, or
// detected if that was earlier) to 15 minutes after it was resolved, or now while it is open.
struct MetricWindow
{
    static constexpr int kMarginMinutes = 15;

    QDateTime start;
    QDateTime end;

    static MetricWindow forIncident(const Incident &incident, const QDateTime &now);
    bool isValid() const { return start.isValid() && end.isValid() && start < end; }
};
