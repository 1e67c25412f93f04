#pragma once

#include "ArchivedAlert.h"
#include "Incident.h"
#include "Result.h"
#include "ReviewMoment.h"
#include "Role.h"
#include "RoleAssignment.h"
#include "SeverityChange.h"
#include "TimelineEntry.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimeZone>

class IncidentStore;
class Workspace;

// The review meeting's walk through an incident's key moments, with the state of the incident at each one
// (severity, role holders, firing alerts) worked out from the record. Follows the store: an edit elsewhere
// reloads it and keeps the moment being shown.
class ReviewSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewSession)

public:
    ReviewSession(IncidentStore *store, qint64 incidentId, QObject *parent = nullptr);

    qint64 incidentId() const { return m_incidentId; }
    const Incident &incident() const { return m_incident; }
    // Empty when the last load worked; else what went wrong, in words.
    QString loadError() const { return m_loadError; }

    int count() const { return int(m_moments.size()); }
    bool isEmpty() const { return m_moments.isEmpty(); }
    int currentIndex() const { return m_current; } // -1 when there are no key moments
    ReviewMoment current() const { return momentAt(m_current); }
    ReviewMoment momentAt(int index) const; // invalid moment when out of range
    // The state at any time: what severity, role holders and firing alerts the record gives for t.
    Severity severityAt(const QDateTime &t) const;
    QList<ReviewMoment::RoleHolder> rolesAt(const QDateTime &t) const;
    QList<ReviewMoment::FiringAlert> firingAlertsAt(const QDateTime &t) const;

    // Each returns false (and stays put) at a boundary or out of range.
    bool next();
    bool previous();
    bool first();
    bool last();
    bool setCurrentIndex(int index);
    bool setCurrentEntry(qint64 entryId);

    // Adds a typed line as a key moment, as one undoable edit. Without a time of its own the line is placed at the
    // moment being shown (so it lands right after it), or now when there is none; then it becomes the current one.
    Result<qint64> addKeyMoment(Workspace &workspace, const QString &line, const QTimeZone &zone);
    // ownerId 0: nobody yet.
    Result<qint64> addActionItem(Workspace &workspace, const QString &title, qint64 ownerId = 0);

    // Reads everything again from the store, keeping the current moment by entry id (or the nearest in time).
    void reload();

signals:
    // The moment shown, its state or the number of moments changed.
    void currentChanged();

private:
    bool moveTo(int index);
    void reloadIfMine(qint64 incidentId);

    IncidentStore *m_store;
    qint64 m_incidentId;
    Incident m_incident;
    QString m_loadError;
    QList<TimelineEntry> m_moments; // key moments by time, then id; deleted ones left out
    QList<SeverityChange> m_severity;
    QList<RoleAssignment> m_assignments;
    QList<Role> m_roles;
    QList<ArchivedAlert> m_alerts; // linked to the incident
    int m_current = -1;
};
