#pragma once

#include <QDateTime>
#include <QString>

struct ActionItem
{
    enum class State { Open, InProgress, Done, Cancelled };

    qint64 id = 0;
    qint64 incidentId = 0;
    QString title;
    qint64 ownerId = 0; // 0: nobody yet
    QDateTime dueAt;
    State state = State::Open;
    QDateTime createdAt;

    static QString stateKey(State s);
};
