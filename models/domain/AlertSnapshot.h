#pragma once

#include "Alert.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QStringList>

// What one source reported at its last good poll, kept to tell the next answer's changes.
struct AlertSnapshot
{
    // The alerts themselves go out in the deltas; the poller keeps them. Here only what tells a change.
    struct Entry
    {
        quint64 labelsText = 0; // the key of its entry in byLabelsText
        quint64 content = 0;    // of everything shown but the labels, as read; volatile fields (updatedAt, endsAt) left out
    };
    QHash<quint64, Entry> byIdentity;

    // What each alert looked like in the server's own JSON text, keyed by a hash of its labels' text. An alert
    // whose labels and content arrive written exactly as before is found with one look-up and nothing read.
    struct Seen
    {
        quint64 identity = 0;
        quint64 contentText = 0;
        quint32 generation = 0; // the decode that last reported it
    };
    QHash<quint64, Seen> byLabelsText;

    QByteArray lastBody; // an answer identical to the last one is not parsed at all
    quint32 generation = 0;
};

// The changes one poll brought, keyed by alert identity.
struct AlertDelta
{
    QString source; // the source whose answer brought these changes, when one did
    QList<Alert> added;
    QList<Alert> changed;
    QStringList resolved; // identities no longer reported by this source
    bool withdrawn = false; // `resolved` lists alerts dropped because the sources changed, not resolved ones
    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && resolved.isEmpty(); }
};
Q_DECLARE_METATYPE(AlertDelta)
