#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

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

    static QList<State> states();
    static QString stateKey(State s);
    static QString stateTitle(State s);
    static std::optional<State> stateFromKey(const QString &key);
    bool isOpen() const { return state == State::Open || state == State::InProgress; }
    bool isOverdue(const QDateTime &nowUtc) const { return isOpen() && dueAt.isValid() && dueAt < nowUtc; }

    bool operator==(const ActionItem &) const = default;
};
