#pragma once

#include "Result.h"
#include "TimelineEntry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

// Timeline entries typed while the team database was away, kept in a small SQLite file of this console's own until
// they are sent. Each carries a token the server keeps with the entry it becomes, so an entry whose sending was
// cut short (committed on the server, not yet removed here) is recognised and never sent twice.
class TeamOutbox final
{
public:
    struct Waiting
    {
        qint64 seq = 0; // the order they were typed in
        QString token;
        TimelineEntry entry;
    };

    ~TeamOutbox();
    // Where the outbox of one team database lives (by its address without a password), under this user's data.
    static QString fileFor(const QString &redactedAddress);
    static Result<std::unique_ptr<TeamOutbox>> open(const QString &file);

    Status keep(const TimelineEntry &entry); // committed (durably) before it returns
    Result<QList<Waiting>> waiting() const;  // oldest first
    Status remove(qint64 seq);
    int count() const;

private:
    explicit TeamOutbox(QString connectionName) : m_connectionName(std::move(connectionName)) {}

    QString m_connectionName;
    QSqlDatabase m_db;
};
