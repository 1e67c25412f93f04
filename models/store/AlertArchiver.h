#pragma once

#include "AlertSnapshot.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <memory>

class ChangeLog;
class RecordConnection;

// Keeps every alert the console sees in the record's alert_archive, with its own connection on the poller's thread:
// 10,000 alerts arriving must not cost the UI thread a frame. On a team database every console polls, but only one
// writes: the archivist, who holds a PostgreSQL advisory lock for as long as its connection lives. The others keep
// what is firing now and try the lock at every poll; the one that gets it writes that whole state first, so a
// transition made while nobody held the lock is not missed, and the upsert by identity never doubles a row.
class AlertArchiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertArchiver)

public:
    explicit AlertArchiver(QObject *parent = nullptr);
    ~AlertArchiver() override;

    // A file's path or a team database's address (with its password, as it was opened); empty: stop archiving.
    void setRecord(const QString &location);
    // Whether this console writes the archive now: always on an open file; on a team database, while it holds the
    // lock.
    bool isArchivist() const { return m_archivist; }
    void record(const AlertDelta &delta);
    // After every source has answered once: rows still open from an earlier session that no source reports
    // any more are closed, so the history does not show long-gone alerts as firing.
    void reconcile(const QStringList &currentIdentities);
    // A source answered: its open alerts were seen now (cheap, at most every 30 s per source).
    void touch(const QString &source);

signals:
    void archived(int rows);
    void failed(const QString &message);
    void archivistChanged(bool archivist);

private:
    void closeDatabase();
    bool write(const AlertDelta &delta); // one transaction; false (and `failed` emitted) when the database refused
    void keepCurrent(const AlertDelta &delta);
    // On a team database: takes the archivist's lock when it is free, and then writes what is firing now.
    void tryToTakeOver();
    void loseTheLock(); // the connection failed under a write: the lock may be gone with it


    std::unique_ptr<RecordConnection> m_file;
    QSqlDatabase m_db; // m_file's connection, kept at hand
    QString m_connection;
    QHash<QString, qint64> m_lastTouch;
    QList<AlertDelta> m_pending; // refused writes (file busy), retried in order before the next one
    bool m_team = false;
    bool m_archivist = false;
    std::unique_ptr<ChangeLog> m_log;  // on a team database: tells the other consoles the archive moved
    QHash<QString, Alert> m_current;   // on a team database: what is firing now, written whole on taking over
    bool m_reconciled = false;         // every source has answered once: m_current is the whole truth
};
