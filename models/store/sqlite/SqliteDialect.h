#pragma once

#include "SqlDialect.h"

// The record as an SQLite file: JSON id lists, FTS5 for search, pragmas for the settings, VACUUM INTO for copies
// and SQLite's own API for the reads that must not pay a QVariant per cell.
class SqliteDialect final : public SqlDialect
{
public:
    QString idList(const QString &parameter) const override;
    QVariant idListValue(const QList<qint64> &ids) const override;
    QString epochMilliseconds(const QString &column) const override;
    QString millisecondsBetween(const QString &from, const QString &to) const override;
    QString epochDay(const QString &column) const override;
    QString hoursLater(const QString &column, int hours) const override;
    QString greatest(const QString &a, const QString &b) const override;
    QString stillHolds(const QString &column) const override { return column + QStringLiteral(" IS ?"); }
    QString indexHint(const QString &index) const override;
    QString addToSearchIndex(const QString &where) const override;
    QString removeFromSearchIndex(const QString &where) const override;
    QString searchStatement(bool oneIncident) const override;
    QString matchQuery(const QString &words) const override;

    QString returningId() const override { return {}; }
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
