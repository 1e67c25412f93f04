#pragma once

#include "Result.h"
#include "StoreChange.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

// How consoles on one team database hear of each other's commits: the changes a transaction announces are written
// to change_log inside it, under one lock so the log's order is the commit order; NOTIFY wakes the others, which
// read every row after the last one they saw and skip their own.
class ChangeLog final
{
public:
    static QString channel() { return QStringLiteral("ic_changes"); }
    // Subscribes the connection and starts from the log's end: what is already there is already in the record read.
    static Result<std::unique_ptr<ChangeLog>> listen(const QSqlDatabase &db);
    // For a connection that only tells (the alert archivist's): it never receives, so it needs no subscription.
    static std::unique_ptr<ChangeLog> writer();

    Status record(const QSqlDatabase &db, const StoreChange &change);
    Status send(const QSqlDatabase &db);
    Result<QList<StoreChange>> receive(const QSqlDatabase &db);

    qint64 lastSeen() const { return m_lastSeen; }
    void setAuthor(const QString &name) { m_author = name; } // written on each change, for "who changed it"
    // The name on the latest change of this kind to this incident made by another console; empty when none.
    Result<QString> lastAuthorElsewhere(const QSqlDatabase &db, StoreChange::Kind kind, qint64 incidentId) const;

private:
    ChangeLog(QString console, qint64 lastSeen) : m_console(std::move(console)), m_lastSeen(lastSeen) {}

    QString m_console;
    QString m_author;
    qint64 m_lastSeen = 0;
};
