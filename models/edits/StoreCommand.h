#pragma once

#include "Result.h"

#include <QUndoCommand>

#include <functional>

class IncidentStore;

// An undoable edit of the store. The first redo runs when the edit is made, so a refused edit never
// reaches the undo stack; a later undo or redo that fails is reported through the failure callback.
class StoreCommand : public QUndoCommand
{
public:
    using FailureHandler = std::function<void(const QString &)>;

    StoreCommand(IncidentStore &store, FailureHandler onFailure, const QString &text);

    // Makes the edit for the first time; push the command only when this succeeds.
    Status execute();

    void redo() final;
    void undo() final;

    // The edit itself, for this command and for composites that run several in one transaction.
    virtual Status apply() = 0;  // (re)do the edit, keeping ids stable across redo
    virtual Status revert() = 0; // undo it exactly

protected:
    IncidentStore &store() const { return m_store; }

private:
    IncidentStore &m_store;
    FailureHandler m_onFailure;
    bool m_skipNextRedo = false;
};
