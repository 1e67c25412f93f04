#include "SqliteDialect.h"

#include "SqliteConnection.h"
#include "StoreText.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

#include <sqlite3.h>

namespace {

class SqliteRawRow final : public RawRow
{
public:
    explicit SqliteRawRow(sqlite3_stmt *statement) : m_statement(statement) {}
    QByteArrayView text(int column) const override
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }

private:
    sqlite3_stmt *m_statement;
};

// One pragma (or other statement) whose failure says what was being done.
Status run(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement)) {
        return Status::failure(q.lastError().text());
    }
    return Status::success();
}

Result<QVariant> single(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement) || !q.next()) {
        return Status::failure(q.lastError().text());
    }
    return q.value(0);
}

} // namespace

QString SqliteDialect::idList(const QString &parameter) const
{
    return QStringLiteral("(SELECT value FROM json_each(%1))").arg(parameter);
}

QVariant SqliteDialect::idListValue(const QList<qint64> &ids) const
{
    // A JSON array: json_each reads it, and one statement serves any count.
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids) {
        list.append(QString::number(id));
    }
    return QString(QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']'));
}

QString SqliteDialect::epochMilliseconds(const QString &column) const
{
    // Stored times are always "YYYY-MM-DDTHH:MM:SS.mmmZ"; julianday is exact to well under a millisecond.
    return QStringLiteral("CAST(round((julianday(%1) - 2440587.5) * 86400000.0) AS INTEGER)").arg(column);
}

QString SqliteDialect::millisecondsBetween(const QString &from, const QString &to) const
{
    // One subtraction of julian days before rounding: half the work of two epochMilliseconds(), the same result.
    return QStringLiteral("CAST(round((julianday(%2) - julianday(%1)) * 86400000.0) AS INTEGER)").arg(from, to);
}

QString SqliteDialect::epochDay(const QString &column) const
{
    return QStringLiteral("CAST(julianday(%1) - 2440587.5 AS INTEGER)").arg(column);
}

QString SqliteDialect::hoursLater(const QString &column, int hours) const
{
    return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', %1, '+%2 hours')").arg(column).arg(hours);
}

QString SqliteDialect::greatest(const QString &a, const QString &b) const
{
    return QStringLiteral("max(%1, %2)").arg(a, b); // max() of two arguments is SQLite's scalar maximum
}

QString SqliteDialect::indexHint(const QString &index) const
{
    return QStringLiteral("INDEXED BY ") + index;
}

QString SqliteDialect::addToSearchIndex(const QString &where) const
{
    return QStringLiteral("INSERT INTO timeline_search (rowid, text) SELECT id, text FROM timeline_entries WHERE ") +
           where;
}

QString SqliteDialect::removeFromSearchIndex(const QString &where) const
{
    // fts5's 'delete' takes the text the entry was indexed with, so it runs before the entry changes.
    return QStringLiteral("INSERT INTO timeline_search (timeline_search, rowid, text) "
                          "SELECT 'delete', id, text FROM timeline_entries WHERE ") +
           where;
}

QString SqliteDialect::searchStatement(bool oneIncident) const
{
    // Newest first: rowid order needs no ranking pass, so a common word over a million entries still answers at once.
    return QStringLiteral("SELECT e.id FROM timeline_search s JOIN timeline_entries e ON e.id = s.rowid "
                          "WHERE timeline_search MATCH ? %1AND e.deleted_at IS NULL ORDER BY s.rowid DESC LIMIT ?")
        .arg(oneIncident ? QStringLiteral("AND e.incident_id = ? ") : QString());
}

QString SqliteDialect::matchQuery(const QString &words) const
{
    // Each word quoted, so no character is taken as FTS5 syntax.
    QStringList terms;
    for (const QString &word : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        QString quoted = word;
        quoted.replace(u'"', QStringLiteral("\"\""));
        terms.append(QString(u'"' + quoted + u'"'));
    }
    if (!terms.isEmpty()) {
        terms.last() += u'*'; // the word being typed
    }
    return terms.join(u' ');
}

QString SqliteDialect::beginWriting() const
{
    return QStringLiteral("BEGIN IMMEDIATE"); // takes the write lock now, not at the first write
}

Status SqliteDialect::harden(const QSqlDatabase &db) const
{
    return SqliteConnection::harden(SqliteConnection::handle(db));
}

Status SqliteDialect::prepareForWriting(const QSqlDatabase &db) const
{
    // Durable commits: a crash or power loss keeps every committed edit.
    for (const auto &pragma : {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"),
                               QStringLiteral("PRAGMA synchronous = FULL")}) {
        if (const Status s = run(db, pragma); !s) {
            return s;
        }
    }
    return Status::success();
}

Status SqliteDialect::prepareForReading(const QSqlDatabase &db) const
{
    return run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
}

Result<int> SqliteDialect::applicationId(const QSqlDatabase &db) const
{
    const auto id = single(db, QStringLiteral("PRAGMA application_id"));
    return id ? Result<int>(id->toInt()) : Result<int>(id.status());
}

Result<int> SqliteDialect::tableCount(const QSqlDatabase &db) const
{
    const auto count = single(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    return count ? Result<int>(count->toInt()) : Result<int>(count.status());
}

Result<QString> SqliteDialect::integrityCheck(const QSqlDatabase &db) const
{
    const auto verdict = single(db, QStringLiteral("PRAGMA quick_check"));
    return verdict ? Result<QString>(verdict->toString()) : Result<QString>(verdict.status());
}

Status SqliteDialect::copyTo(const QSqlDatabase &db, const QString &destination) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(destination);
    if (!q.exec()) {
        return Status::failure(q.lastError().text());
    }
    return Status::success();
}

Status SqliteDialect::copyIncident(const QString &sourceUri, const QString &emptyFile, qint64 incidentId,
                                   const QList<TableSpec> &tables, const QStringList &fileWideTables) const
{
    // A connection of its own on nothing, the source attached read-only first (so the scopes' unqualified table
    // names read the source) and the copy second; every statement names where it writes.
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return Status::failure(storeTr("SQLite could not start a connection"));
    }
    auto run = [db](const QByteArray &sql, const QList<QVariant> &values = {}) -> Status {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
            return Status::failure(QString::fromUtf8(sqlite3_errmsg(db)));
        }
        for (int i = 0; i < values.size(); ++i) {
            if (values.at(i).typeId() == QMetaType::QString) {
                const QByteArray text = values.at(i).toString().toUtf8();
                sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(statement, i + 1, values.at(i).toLongLong());
            }
        }
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        }
        const QString error = step == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(statement);
        return error.isEmpty() ? Status::success() : Status::failure(error);
    };
    Status s = SqliteConnection::harden(db);
    if (s) {
        s = run("ATTACH ? AS src", {sourceUri});
    }
    if (s) {
        s = run("ATTACH ? AS copy",
                {QString(QUrl::fromLocalFile(emptyFile).toString(QUrl::FullyEncoded) + u"?mode=rw")});
    }
    if (s) {
        s = run("PRAGMA foreign_keys = ON");
    }
    if (s) {
        s = run("BEGIN");
    }
    // The migrations' defaults make way for the file's own, children first.
    for (auto table = tables.crbegin(); s && table != tables.crend(); ++table) {
        s = run("DELETE FROM copy." + table->sql.toUtf8());
    }
    for (const TableSpec &table : tables) {
        if (!s) {
            break;
        }
        const QByteArray columns = table.columnNames().join(QStringLiteral(", ")).toUtf8();
        const bool whole = fileWideTables.contains(table.sql);
        QByteArray sql = "INSERT INTO copy." + table.sql.toUtf8() + " (" + columns + ") SELECT " + columns +
                         " FROM src." + table.sql.toUtf8();
        if (!whole) {
            sql += " WHERE " + table.incidentScope.toUtf8();
        }
        const QList<QVariant> values(whole ? 0 : table.incidentScope.count(u'?'), QVariant(incidentId));
        if (s = run(sql, values); !s) {
            s = Status::failure(QStringLiteral("%1: %2").arg(table.sql, s.error()));
        }
    }
    if (s) {
        s = run("INSERT INTO copy.timeline_search (timeline_search) VALUES ('rebuild')");
    }
    if (s) {
        s = run("COMMIT");
    }
    if (!s) {
        (void)run("ROLLBACK");
    }
    if (s) {
        s = run("VACUUM copy"); // the migrations' defaults leave no pages behind
    }
    if (sqlite3_close(db) != SQLITE_OK && s) {
        s = Status::failure(storeTr("SQLite could not close the copy"));
    }
    return s;
}

Status SqliteDialect::forEachRawRow(const QSqlDatabase &connection, const QByteArray &sql,
                                    const QList<qint64> &parameters,
                                    const std::function<bool(const RawRow &)> &onRow) const
{
    sqlite3 *db = SqliteConnection::handle(connection);
    if (!db) {
        return Status::failure(storeTr("The SQLite driver gave no handle."));
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    for (int i = 0; i < parameters.size(); ++i) {
        sqlite3_bind_int64(statement, i + 1, parameters.at(i));
    }
    const SqliteRawRow row(statement);
    int step = SQLITE_ROW;
    bool stopped = false;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        if (!onRow(row)) {
            stopped = true;
            break;
        }
    }
    const QString error = stopped               ? storeTr("stopped before the end")
                          : step == SQLITE_DONE ? QString()
                                                : QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(statement);
    return error.isEmpty() ? Status::success() : Status::failure(error);
}

Status SqliteDialect::readSnapshot(const QSqlDatabase &connection, const std::function<Status()> &body) const
{
    sqlite3 *db = SqliteConnection::handle(connection);
    if (!db) {
        return Status::failure(storeTr("The SQLite driver gave no handle."));
    }
    if (!sqlite3_get_autocommit(db)) {
        return body(); // already inside a transaction: that one is the snapshot
    }
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        return Status::failure(storeTr("Could not start reading: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    }
    const Status s = body();
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); // a read transaction: nothing to lose either way
    return s;
}
