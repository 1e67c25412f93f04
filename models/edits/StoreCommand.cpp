#include "StoreCommand.h"

StoreCommand::StoreCommand(IncidentStore &store, FailureHandler onFailure, const QString &text)
    : m_store(store), m_onFailure(std::move(onFailure))
{
    setText(text);
}

Status StoreCommand::execute()
{
    const Status s = apply();
    m_skipNextRedo = s.ok(); // QUndoStack::push() calls redo(); the edit is already made
    return s;
}

void StoreCommand::redo()
{
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    if (const Status s = apply(); !s) {
        // The stack must not offer to undo what was never done: drop the command.
        setObsolete(true);
        if (m_onFailure) {
            m_onFailure(QObject::tr("Redo \"%1\" failed: %2").arg(text(), s.error()));
        }
    }
}

void StoreCommand::undo()
{
    if (const Status s = revert(); !s) {
        setObsolete(true); // nor offer to redo over a state it did not leave
        if (m_onFailure) {
            m_onFailure(QObject::tr("Undo \"%1\" failed: %2").arg(text(), s.error()));
        }
    }
}
