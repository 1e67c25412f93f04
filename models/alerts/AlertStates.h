#pragma once

#include "AlertSnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <functional>
#include <optional>

// Follows each alert's state across the merged deltas, to tell what really happened to an alert from what a source
// says in its first answer after the sources were set: an alert in a first answer was already so before the console
// asked (at start-up, or after Settings changed the sources).
class AlertStates final
{
public:
    // The sources changed to `polled`: a new source's next answer is a first one, while a source polled before keeps
    // counting as answered. The states are kept across the change, so nothing already firing is news again.
    void reset(const QStringList &polled = {});
    void sourceAnswered(const QString &source); // after the delta of its answer

    // Calls `each` for every added or changed alert with its state before this delta (none if it was not known) and
    // whether it comes from a source's first answer and started before the console asked; then keeps the new
    // states. Resolved alerts are forgotten; withdrawn ones (the sources changed) are kept.
    using Visit = std::function<void(const Alert &alert, std::optional<Alert::State> before, bool fromFirstAnswer)>;
    void apply(const AlertDelta &delta, const Visit &each = {});

private:
    QHash<QString, Alert::State> m_states;
    QSet<QString> m_answered;
    QDateTime m_resetAt; // an alert active only since then is news even in a first answer
};
