#pragma once

#include "AlertSnapshot.h"
#include "AlertStates.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QTimeZone>

class IncidentListModel;

// A desktop notification the console raises: a title, a line of detail and how long the status bar keeps it.
struct Notification
{
    enum class Kind
    {
        AlertFiring,
        UpdateOverdue
    };
    Kind kind = Kind::AlertFiring;
    QString title;
    QString body;
    bool operator==(const Notification &) const = default;
};
Q_DECLARE_METATYPE(Notification)

// Which events interrupt the person at the keyboard, and each only once: an alert that starts firing (not one a
// source already reported in its first answer, which would pop up on every start), of a severity they asked for;
// a status update that fell due, once per incident and due time.
class NotificationPolicy final
{
public:
    void sourcesReset(const QStringList &sources) { m_states.reset(sources); }
    void sourceAnswered(const QString &source) { m_states.sourceAnswered(source); }

    // None, or one notification that names the alert, or counts them when several started at once.
    QList<Notification> alertsChanged(const AlertDelta &delta, const QStringList &wantedSeverities);
    // One notification per incident whose next update is due by `now` and was not announced for that due time.
    QList<Notification> overdueUpdates(const IncidentListModel &incidents, const QDateTime &now, const QTimeZone &zone);

private:
    AlertStates m_states;
    QSet<QString> m_overdueNotified; // "incident/due time" already announced
};
