#pragma once

#include <QDateTime>
#include <QString>

struct Incident;

// The stretch of time the live metrics show for an incident: from 15 minutes before it began (declared, or
// detected if that was earlier) to 15 minutes after it was resolved, or now while it is open.
// A moment a chart of the incident marks on its time axis ("Declared", a key moment's words).
struct MetricMark
{
    QDateTime at;
    QString label;
    bool operator==(const MetricMark &) const = default;
};

struct MetricWindow
{
    static constexpr int kMarginMinutes = 15;

    QDateTime start;
    QDateTime end;

    static MetricWindow forIncident(const Incident &incident, const QDateTime &now);
    bool isValid() const { return start.isValid() && end.isValid() && start < end; }
};
