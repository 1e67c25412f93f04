#include "AlertStates.h"

#include "Clock.h"

void AlertStates::reset(const QStringList &polled)
{
    const QSet<QString> stillPolled(polled.begin(), polled.end());
    m_answered.intersect(stillPolled);
    m_resetAt = Clock::nowUtc();
}

void AlertStates::sourceAnswered(const QString &source)
{
    m_answered.insert(source);
}

void AlertStates::apply(const AlertDelta &delta, const Visit &each)
{
    if (!delta.withdrawn) {
        for (const QString &identity : delta.resolved) {
            m_states.remove(identity);
        }
    }
    // A delta names the source whose answer it is; one built without (tests, imports) is judged by its alerts.
    const bool firstAnswer = !delta.source.isEmpty() && !m_answered.contains(delta.source);
    for (const QList<Alert> *alerts : {&delta.added, &delta.changed}) {
        for (const Alert &a : *alerts) {
            auto known = m_states.find(a.identity);
            if (each) {
                const bool unanswered = delta.source.isEmpty()
                                            ? std::none_of(a.sources.begin(), a.sources.end(),
                                                           [this](const QString &s) { return m_answered.contains(s); })
                                            : firstAnswer;
                const bool startedSince = m_resetAt.isValid() && a.activeSince.isValid() && a.activeSince > m_resetAt;
                each(a, known != m_states.end() ? std::optional(*known) : std::nullopt, unanswered && !startedSince);
            }
            if (known != m_states.end()) {
                *known = a.state;
            } else {
                m_states.insert(a.identity, a.state);
            }
        }
    }
}
