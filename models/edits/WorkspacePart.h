#pragma once

#include "Workspace.h"

// What every edits class shares: the workspace whose file, undo stack and author it uses, and the words of its
// messages, in the workspace's translation context.
class WorkspacePart
{
protected:
    explicit WorkspacePart(Workspace &workspace) : m_workspace(workspace) {}
    static QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
    {
        return Workspace::tr(text, disambiguation, n);
    }

    Workspace &m_workspace;
};
