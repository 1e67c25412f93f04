#pragma once

#include <QDateTime>
#include <QList>
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

    static QList<Audience> audiences() { return {Audience::Internal, Audience::Customer}; }
    static QString audienceKey(Audience a) { return a == Audience::Internal ? QStringLiteral("internal") : QStringLiteral("customer"); }
};
