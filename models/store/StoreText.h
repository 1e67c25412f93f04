#pragma once

#include <QCoreApplication>
#include <QString>

// The store's messages, in the store's translation context, wherever in store/ the check that says them lives.
inline QString storeTr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("IncidentStore", text, disambiguation, n);
}
