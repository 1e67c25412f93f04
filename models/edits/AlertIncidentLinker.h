#pragma once

#include "AlertSnapshot.h"
#include "AlertStates.h"
#include "SourceStatus.h"
#include "IncidentStore.h"

#include <QObject>
#include <QSet>

// What alerts do to the file as they change: a linked alert's later fire and resolve transitions go onto its
// incidents' timelines, and a resolved alert's acknowledgement is dropped.
class AlertIncidentLinker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertIncidentLinker)

public:
    AlertIncidentLinker(IncidentStore *store, QObject *parent);
    void apply(const AlertDelta &delta);
    // What a source says in its first answer after these was already so: it is not stamped as a transition.
    void resetSources(const QStringList &names) { m_states.reset(names); }
    void sourceStatus(const SourceStatus &status);

signals:
    void failed(const QString &message);

private:
    void reload();
    void reloadAcks();
    void stamp(const QString &identity, const QString &text);
    void forgetAcks(const QStringList &resolved);

    IncidentStore *m_store;
    QHash<QString, IncidentStore::LinkedAlert> m_links;
    AlertStates m_states; // of every alert, so one linked while pending is stamped when it starts firing
    QSet<QString> m_acked; // identities with an acknowledgement, so a resolve costs no query when none has one
};
