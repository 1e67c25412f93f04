#pragma once

#include <QDateTime>
#include <QString>

// "I have seen this and I am on it", with a note: the console's own, not an Alertmanager silence.
struct AlertAck
{
    QString identity;
    QString note;
    QString author;
    QDateTime at;
    bool operator==(const AlertAck &) const = default;
};
