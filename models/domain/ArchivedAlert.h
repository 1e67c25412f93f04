#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One alert as the console saw it, kept after the server has forgotten it.
struct ArchivedAlert
{
    qint64 id = 0;
    QString identity; // fingerprint or sorted label set
    QString source;   // the server it came from
    QString alertName;
    QJsonObject labels;
    QJsonObject annotations;
    QString state;
    QString value;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QDateTime resolvedAt;
};
