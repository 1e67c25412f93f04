#pragma once

#include <QDateTime>
#include <QString>

// A published update: immutable once recorded.
struct StatusUpdate
{
    enum class Audience { Internal, Customer };

    qint64 id = 0;
    qint64 incidentId = 0;
    Audience audience = Audience::Internal;
    QString body;
    QDateTime publishedAt;
    QDateTime nextUpdateDue;

    static QString audienceKey(Audience a) { return a == Audience::Internal ? QStringLiteral("internal") : QStringLiteral("customer"); }
};
