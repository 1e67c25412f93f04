#include "ActionItem.h"

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
