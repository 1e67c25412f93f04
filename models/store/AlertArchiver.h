#pragma once

#include "AlertSnapshot.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <memory>

class RecordConnection;

// Keeps every alert the console sees in the file's alert_archive, with its own SQLite connection on the
// poller's thread: 10,000 alerts arriving must not cost the UI thread a frame.
class AlertArchiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertArchiver)

public:
    explicit AlertArchiver(QObject *parent = nullptr);
    ~AlertArchiver() override;

    void setDatabasePath(const QString &path); // empty: stop archiving
    void record(const AlertDelta &delta);
    // After every source has answered once: rows still open from an earlier session that no source reports
    // any more are closed, so the history does not show long-gone alerts as firing.
    void reconcile(const QStringList &currentIdentities);
    // A source answered: its open alerts were seen now (cheap, at most every 30 s per source).
    void touch(const QString &source);

signals:
    void archived(int rows);
    void failed(const QString &message);

private:
    void closeDatabase();
    bool write(const AlertDelta &delta); // one transaction; false (and `failed` emitted) when SQLite refused


    std::unique_ptr<RecordConnection> m_file;
    QSqlDatabase m_db; // m_file's connection, kept at hand
    QString m_connection;
    QHash<QString, qint64> m_lastTouch;
    QList<AlertDelta> m_pending; // refused writes (file busy), retried in order before the next one
};
