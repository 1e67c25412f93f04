#pragma once

#include "LabelMatcher.h"

#include <QDateTime>
#include <QMetaType>
#include <QList>
#include <QString>

// An Alertmanager silence as the console lists it: who made it, why, what it matches and until when.
struct Silence
{
    enum class State { Pending, Active, Expired };

    QString id;
    QString source; // the Alertmanager source's name
    State state = State::Active;
    QString createdBy;
    QString comment;
    QDateTime startsAt;
    QDateTime endsAt;
    QList<LabelMatcher> matchers;

    // As Alertmanager writes them: alertname="X", severity=~"SEV-.*"
    QString matchersText() const;
    bool matches(const Alert &alert) const { return !matchers.isEmpty() && LabelMatcher::matchesAll(matchers, alert); }
    // "1 h 12 min left", "starts in 5 min", "expired"
    QString timeLeft(const QDateTime &now) const;
    // What a silence's creator must give: empty when both are there, else what is missing in words.
    static QString missingDetails(const QString &createdBy, const QString &comment);
};

Q_DECLARE_METATYPE(Silence)
