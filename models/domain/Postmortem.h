#pragma once

#include <QDateTime>
#include <QString>

// The sections of an incident's postmortem that only the review writes; summary and impact are the incident's own.
struct Postmortem
{
    qint64 incidentId = 0;
    QString rootCause;
    QString wentWell;
    QString wentBadly;
    QDateTime publishedAt; // valid: distributed; on time when not after the incident's postmortem_due_at
    QDateTime updatedAt;

    bool isEmpty() const { return rootCause.isEmpty() && wentWell.isEmpty() && wentBadly.isEmpty() && !publishedAt.isValid(); }
    bool operator==(const Postmortem &) const = default;
};
