#pragma once

#include "AlertSnapshot.h"
#include "IncidentStore.h"

#include <QObject>

// Writes a linked alert's later fire and resolve transitions onto its incidents' timelines, as they happen.
class AlertIncidentLinker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertIncidentLinker)

public:
    AlertIncidentLinker(IncidentStore *store, QObject *parent);
    void apply(const AlertDelta &delta);

signals:
    void failed(const QString &message);

private:
    void reload();
    void stamp(const QString &identity, const QString &text);

    IncidentStore *m_store;
    QHash<QString, IncidentStore::LinkedAlert> m_links;
    QHash<QString, Alert::State> m_lastState; // of linked alerts, to tell a real transition
};
