#pragma once

#include "RawRow.h"
#include "Result.h"
#include "TableSchema.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>

// What is said differently in each database the record can be kept in. The tables' declarations and the statements
// built from them are shared; where a statement or a connection needs something only one database has, it asks
// the dialect. SQLite's is sqlite/SqliteDialect; another database's goes beside it, and nothing above store/ changes.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // ---- pieces of statements ----
    // Many ids bound as one parameter, so one prepared statement serves any count: what follows "IN", and the value.
    virtual QString idList(const QString &parameter = QStringLiteral("?")) const = 0;
    virtual QVariant idListValue(const QList<qint64> &ids) const = 0;
    // An expression for a stored time's UTC milliseconds since the epoch, computed where the rows are.
    virtual QString epochMilliseconds(const QString &column) const = 0;
    // Whole milliseconds from one stored time to another, and the whole days since 1970-01-01 of a stored time: the
    // review metrics compute them for every incident, so each database says them its fastest way.
    virtual QString millisecondsBetween(const QString &from, const QString &to) const = 0;
    virtual QString epochDay(const QString &column) const = 0;
    // A stored time some hours later, in the stored form, so it compares as text with other stored times.
    virtual QString hoursLater(const QString &column, int hours) const = 0;
    // The larger of two values of a row (not an aggregate).
    virtual QString greatest(const QString &a, const QString &b) const = 0;
    // "<column> still holds the bound value", NULL matching NULL.
    virtual QString stillHolds(const QString &column) const = 0;
    // A hint that a table is read through the named index, where the database takes hints; empty where it does not.
    virtual QString indexHint(const QString &index) const = 0;
    // The timeline's full-text index, kept by the store in the same transaction as the entries: the entries
    // matching `where` join it after they are written, or leave it before they change or go.
    virtual QString addToSearchIndex(const QString &where) const = 0;
    virtual QString removeFromSearchIndex(const QString &where) const = 0;
    // Entry ids matching the words, newest first. Binds: matchQuery(words), the incident when oneIncident, the limit.
    virtual QString searchStatement(bool oneIncident) const = 0;
    // The words a person typed as the database's query: every word taken literally, the last as a prefix.
    virtual QString matchQuery(const QString &words) const = 0;

    // What follows an INSERT so that it returns the new row's id as its one row; empty where the driver tells
    // the id by itself (QSqlQuery::lastInsertId).
    virtual QString returningId() const = 0;

    // ---- the connection ----
    // What starts a writer's transaction: one that holds the right to write from its first statement, so a
    // transaction never fails halfway for want of it.
    virtual QString beginWriting() const = 0;
    // What every connection is set to before anything is read: nothing in the database runs code of its own.
    virtual Status harden(const QSqlDatabase &db) const = 0;
    // A writer's settings: references enforced, every commit durable.
    virtual Status prepareForWriting(const QSqlDatabase &db) const = 0;
    virtual Status prepareForReading(const QSqlDatabase &db) const = 0;
    // Telling whose database this is: the number a program stamped on it, and whether it holds any table at all.
    virtual Result<int> applicationId(const QSqlDatabase &db) const = 0;
    virtual Result<int> tableCount(const QSqlDatabase &db) const = 0;
    // The database's own check of its storage: "ok", or what is damaged.
    virtual Result<QString> integrityCheck(const QSqlDatabase &db) const = 0;
    // A consistent copy of the whole database into a new file, while others go on writing.
    virtual Status copyTo(const QSqlDatabase &db, const QString &destination) const = 0;
    // Copies one incident's rows (each table's incidentScope) and the file-wide tables whole from the database at
    // sourceUri into emptyFile, a freshly migrated file of the same schema, replacing the defaults it holds.
    virtual Status copyIncident(const QString &sourceUri, const QString &emptyFile, qint64 incidentId,
                                const QList<TableSpec> &tables, const QStringList &fileWideTables) const = 0;
    // Runs a SELECT with integer parameters ?1, ?2 … and hands each row to onRow; onRow returns false to stop (the
    // result then says so). One statement, so the rows are one consistent snapshot.
    virtual Status forEachRawRow(const QSqlDatabase &db, const QByteArray &sql, const QList<qint64> &parameters,
                                 const std::function<bool(const RawRow &)> &onRow) const = 0;
    // Runs body inside one read transaction (nested calls share the outer one).
    virtual Status readSnapshot(const QSqlDatabase &db, const std::function<Status()> &body) const = 0;
};
