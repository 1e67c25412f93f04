#pragma once

#include "Severity.h"
#include "TimelineEntry.h"

#include <QDateTime>
#include <QList>
#include <QString>

// One key moment as the review meeting sees it: the entry and the state of the incident at that time.
struct ReviewMoment
{
    struct RoleHolder
    {
        QString role;
        QString person;
        bool operator==(const RoleHolder &) const = default;
    };
    struct FiringAlert
    {
        QString name;
        QString severityLabel; // the alert's own "severity" label; empty when it has none
        QDateTime since;       // first seen
        bool operator==(const FiringAlert &) const = default;
    };

    TimelineEntry entry;
    Severity severity = Severity::Sev3;
    QList<RoleHolder> roles;          // in the roster's role order
    QList<FiringAlert> firingAlerts;  // oldest first
    int index = -1;                   // 0-based; -1: no moment (the incident has no key moments)
    int count = 0;

    bool isValid() const { return index >= 0; }
};
