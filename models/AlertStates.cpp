#include "AlertStates.h"

void AlertStates::reset()
{
    m_answered.clear();
}

void AlertStates::sourceAnswered(const QString &source)
{
    m_answered.insert(source);
}

void AlertStates::apply(const AlertDelta &delta, const Visit &each)
{
    for (const QString &identity : delta.resolved) {
        m_states.remove(identity);
    }
    for (const QList<Alert> *alerts : {&delta.added, &delta.changed}) {
        for (const Alert &a : *alerts) {
            auto known = m_states.find(a.identity);
            if (each) {
                const bool fromFirstAnswer = std::none_of(a.sources.begin(), a.sources.end(),
                                                          [this](const QString &s) { return m_answered.contains(s); });
                each(a, known != m_states.end() ? std::optional(*known) : std::nullopt, fromFirstAnswer);
            }
            if (known != m_states.end()) {
                *known = a.state;
            } else {
                m_states.insert(a.identity, a.state);
            }
        }
    }
}
