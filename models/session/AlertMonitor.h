#pragma once

#include "AlertSnapshot.h"
#include "AlertSource.h"
#include "SourceStatus.h"

#include <QObject>
#include <QThread>

class AlertArchiver;
class AlertPoller;

// The UI thread's handle on alert polling: the poller and the archiver live on a thread of their own,
// and only the merged changes and source statuses cross over.
class AlertMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertMonitor)

public:
    explicit AlertMonitor(QObject *parent = nullptr);
    ~AlertMonitor() override;

    void setSources(const QList<AlertSource> &sources);
    QList<AlertSource> sources() const { return m_sources; }
    // The open record: a file's path or a team database's full address; empty: archive nothing.
    void setArchiveRecord(const QString &location);
    void pollNow();

signals:
    void alertsChanged(const AlertDelta &delta);
    void sourceStatusChanged(const SourceStatus &status);
    void sourcesReset(const QStringList &names);
    void archiveUpdated();
    void archiveFailed(const QString &message);
    void archivistChanged(bool archivist); // on a team database: this console writes the shared alert archive

private:
    QThread m_thread;
    AlertPoller *m_poller;
    AlertArchiver *m_archiver;
    QList<AlertSource> m_sources;
};
