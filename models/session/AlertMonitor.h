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
    void setArchivePath(const QString &path); // the open incident file; empty: archive nothing
    void pollNow();

signals:
    void alertsChanged(const AlertDelta &delta);
    void sourceStatusChanged(const SourceStatus &status);
    void sourcesReset(const QStringList &names);
    void archiveUpdated();
    void archiveFailed(const QString &message);

private:
    QThread m_thread;
    AlertPoller *m_poller;
    AlertArchiver *m_archiver;
    QList<AlertSource> m_sources;
};
