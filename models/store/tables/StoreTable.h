#pragma once

#include "IncidentStore.h"
#include "StoreText.h"

// What every table class of the store shares: the store it writes through (its write(), prepare(), notify() and
// change signals) and the words of its messages, in the store's translation context.
class StoreTable
{
protected:
    explicit StoreTable(IncidentStore &store) : m_store(store) {}
    static QString tr(const char *text) { return storeTr(text); }

    IncidentStore &m_store;
};
