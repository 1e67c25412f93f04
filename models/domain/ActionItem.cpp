#include "ActionItem.h"

#include <QCoreApplication>

QString ActionItem::stateKey(State s)
{
    switch (s) {
    case State::Open:
        return QStringLiteral("open");
    case State::InProgress:
        return QStringLiteral("in_progress");
    case State::Done:
        return QStringLiteral("done");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QList<ActionItem::State> ActionItem::states()
{
    return {State::Open, State::InProgress, State::Done, State::Cancelled};
}

QString ActionItem::stateTitle(State s)
{
    switch (s) {
    case State::Open:
        return QCoreApplication::translate("ActionItem", "Open");
    case State::InProgress:
        return QCoreApplication::translate("ActionItem", "In progress");
    case State::Done:
        return QCoreApplication::translate("ActionItem", "Done");
    case State::Cancelled:
        return QCoreApplication::translate("ActionItem", "Cancelled");
    }
    return {};
}

std::optional<ActionItem::State> ActionItem::stateFromKey(const QString &key)
{
    for (State s : states()) {
        if (stateKey(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}
