#pragma once

#include "JsonExchange.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

// Imports a JSON export off the UI thread, on a connection of its own to the open file (the window's store keeps the
// writer's lock; SQLite takes the two connections' writes in turn), so a 500 MB export never freezes the window.
// Progress (bytes read of the file's size) arrives as signals; cancel() stops it and nothing is imported.
class ImportJob final : public QObject
{
    Q_OBJECT

public:
    ImportJob(QString databasePath, QString source, QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits: the worker writes the file this job names

    void start();
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    void progressed(qint64 done, qint64 total);
    // message: what was added (ImportSummary::describe), or why nothing was.
    void finished(bool ok, const QString &message);

private:
    QString m_databasePath;
    QString m_source;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Result<JsonExchange::ImportSummary>> m_watcher;
};
