#pragma once

#include "IncidentExporter.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

// Runs an export off the UI thread with a read-only connection of its own, so a long PDF or a 100,000-entry timeline
// never freezes the window. Progress arrives as signals; cancel() stops it and leaves any old file as it was.
class ExportJob final : public QObject
{
    Q_OBJECT

public:
    ExportJob(QString databasePath, ExportRequest request, QString target, QObject *parent = nullptr);
    ~ExportJob() override; // cancels and waits: the worker reads the file this job names

    void start();
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString target() const { return m_target; }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(bool ok, const QString &error);

private:
    QString m_databasePath;
    ExportRequest m_request;
    QString m_target;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Status> m_watcher;
};
