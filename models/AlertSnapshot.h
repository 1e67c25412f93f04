#pragma once

#include "Alert.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QStringList>

// What one source reported at its last good poll, kept to tell the next answer's changes.
struct AlertSnapshot
{
    struct Entry
    {
        quint64 contentHash = 0; // of everything shown; volatile fields (updatedAt, endsAt) left out
        quint32 seen = 0;        // the decode generation that last reported it
        Alert alert;
    };
    QHash<quint64, Entry> byIdentity;
    QByteArray lastBody; // an answer identical to the last one is not parsed at all
    quint32 generation = 0;
};

// The changes one poll brought, keyed by alert identity.
struct AlertDelta
{
    QString source;
    QList<Alert> added;
    QList<Alert> changed;
    QStringList resolved; // identities no longer reported by this source
    bool withdrawn = false; // `resolved` lists alerts dropped because the sources changed, not resolved ones
    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && resolved.isEmpty(); }
};
Q_DECLARE_METATYPE(AlertDelta)
