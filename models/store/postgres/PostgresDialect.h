#pragma once

#include "SqlDialect.h"

// A team record on PostgreSQL 15: id lists as JSON arrays, a GIN index over the folded words for search, row ids
// returned by the INSERT itself, and transactions that PostgreSQL serialises on its own. What has no counterpart
// on a server (a copy of the whole database into a file, the one-incident SQLite copy) is refused in words; the
// JSON exchange moves a team record instead.
class PostgresDialect final : public SqlDialect
{
public:
    QString idList(const QString &parameter) const override;
    QVariant idListValue(const QList<qint64> &ids) const override;
    QString epochMilliseconds(const QString &column) const override;
    QString millisecondsBetween(const QString &from, const QString &to) const override;
    QString epochDay(const QString &column) const override;
    QString hoursLater(const QString &column, int hours) const override;
    QString greatest(const QString &a, const QString &b) const override;
    QString stillHolds(const QString &column) const override
    {
        return column + QStringLiteral(" IS NOT DISTINCT FROM ?");
    }
    QString indexHint(const QString &index) const override;
    QString addToSearchIndex(const QString &where) const override;
    QString removeFromSearchIndex(const QString &where) const override;
    QString searchStatement(bool oneIncident) const override;
    QString matchQuery(const QString &words) const override;
    QString returningId() const override;

    QString beginWriting() const override;
    Status harden(const QSqlDatabase &db) const override;
    Status prepareForWriting(const QSqlDatabase &db) const override;
    Status prepareForReading(const QSqlDatabase &db) const override;
    Result<int> applicationId(const QSqlDatabase &db) const override;
    Result<int> tableCount(const QSqlDatabase &db) const override;
    Result<QString> integrityCheck(const QSqlDatabase &db) const override;
    Status copyTo(const QSqlDatabase &db, const QString &destination) const override;
    Status copyIncident(const QString &sourceUri, const QString &emptyFile, qint64 incidentId,
                        const QList<TableSpec> &tables, const QStringList &fileWideTables) const override;
    Status forEachRawRow(const QSqlDatabase &db, const QByteArray &sql, const QList<qint64> &parameters,
                         const std::function<bool(const RawRow &)> &onRow) const override;
    Status readSnapshot(const QSqlDatabase &db, const std::function<Status()> &body) const override;
};
