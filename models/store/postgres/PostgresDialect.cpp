#include "PostgresDialect.h"

#include "StoreText.h"

#include <QSqlDriver>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

#include <libpq-fe.h>

#include <charconv>
#include <memory>

namespace {

// Stored times are "YYYY-MM-DDTHH:MM:SS.mmmZ" text; PostgreSQL reads that form as a timestamp with time zone.
QString asTimestamp(const QString &column)
{
    return QStringLiteral("(%1)::timestamptz").arg(column);
}

// A row of a libpq result, read in place: the cells are libpq's own text, no QVariant or copy per cell (through Qt's
// driver, seven QVariants a row were most of the 250 ms that opening a 100,000-entry timeline took).
class LibpqRawRow final : public RawRow
{
public:
    LibpqRawRow(const PGresult *result, int row) : m_result(result), m_row(row) {}
    QByteArrayView text(int column) const override
    {
        return {PQgetvalue(m_result, m_row, column), qsizetype(PQgetlength(m_result, m_row, column))};
    }
    qint64 integer(int column) const override
    {
        // Integers come back as text; booleans as "t"/"f".
        const char *cell = PQgetvalue(m_result, m_row, column);
        if (cell[0] == 't') {
            return 1;
        }
        qint64 value = 0;
        std::from_chars(cell, cell + PQgetlength(m_result, m_row, column), value);
        return value;
    }
    bool isNull(int column) const override { return PQgetisnull(m_result, m_row, column) != 0; }

private:
    const PGresult *m_result;
    int m_row;
};

Status run(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement)) {
        return Status::failure(q.lastError().text());
    }
    return Status::success();
}

} // namespace

QString PostgresDialect::idList(const QString &parameter) const
{
    return QStringLiteral("(SELECT value::bigint FROM json_array_elements_text(CAST(%1 AS json)))").arg(parameter);
}

QVariant PostgresDialect::idListValue(const QList<qint64> &ids) const
{
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids) {
        list.append(QString::number(id));
    }
    return QString(QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']'));
}

QString PostgresDialect::epochMilliseconds(const QString &column) const
{
    return QStringLiteral("CAST(round(extract(epoch FROM %1) * 1000) AS bigint)").arg(asTimestamp(column));
}

QString PostgresDialect::millisecondsBetween(const QString &from, const QString &to) const
{
    return QStringLiteral("(%1 - %2)").arg(epochMilliseconds(to), epochMilliseconds(from));
}

QString PostgresDialect::epochDay(const QString &column) const
{
    return QStringLiteral("(%1 / 86400000)").arg(epochMilliseconds(column));
}

QString PostgresDialect::hoursLater(const QString &column, int hours) const
{
    return QStringLiteral("to_char((%1 + interval '%2 hours') AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(asTimestamp(column))
        .arg(hours);
}

QString PostgresDialect::greatest(const QString &a, const QString &b) const
{
    return QStringLiteral("GREATEST(%1, %2)").arg(a, b);
}

QString PostgresDialect::indexHint(const QString &) const
{
    return {}; // the planner takes no hints
}

QString PostgresDialect::addToSearchIndex(const QString &where) const
{
    // The GIN index over the entries' words keeps itself; the statement only takes the same parameters.
    return QStringLiteral("SELECT 1 FROM timeline_entries WHERE false AND ") + where;
}

QString PostgresDialect::removeFromSearchIndex(const QString &where) const
{
    return addToSearchIndex(where);
}

QString PostgresDialect::searchStatement(bool oneIncident) const
{
    // The stored words the GIN index is built on; newest first by id, as the file's rowid order. Measured over a
    // million entries the planner's choice is the better one for nearly every query (a common word: it walks the
    // ids backwards and stops at 500); forcing every match first made "latency" take 300 ms instead of 3.
    return QStringLiteral("SELECT e.id FROM timeline_entries e "
                          "WHERE e.search_words @@ to_tsquery('simple', ic_fold(?)) "
                          "%1AND e.deleted_at IS NULL ORDER BY e.id DESC LIMIT ?")
        .arg(oneIncident ? QStringLiteral("AND e.incident_id = ? ") : QString());
}

QString PostgresDialect::matchQuery(const QString &words) const
{
    // Only letters and digits reach the query, each quoted, so nothing typed is read as tsquery syntax; words are
    // split where FTS5's unicode61 splits them; the last is a prefix.
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList terms;
    for (const QString &word : words.split(separators, Qt::SkipEmptyParts)) {
        terms.append(u'\'' + word + u'\'');
    }
    if (terms.isEmpty()) {
        return {}; // no word: nothing to look for
    }
    terms.last() += QStringLiteral(":*");
    return terms.join(QStringLiteral(" & "));
}

QString PostgresDialect::returningId() const
{
    return QStringLiteral(" RETURNING id");
}

QString PostgresDialect::beginWriting() const
{
    return QStringLiteral("BEGIN");
}

Status PostgresDialect::harden(const QSqlDatabase &) const
{
    return Status::success(); // the server runs only what its owner installed
}

Status PostgresDialect::prepareForWriting(const QSqlDatabase &db) const
{
    return run(db, QStringLiteral("SET synchronous_commit = on")); // a commit is on the server's disk
}

Status PostgresDialect::prepareForReading(const QSqlDatabase &db) const
{
    return run(db, QStringLiteral("SET default_transaction_read_only = on"));
}

Result<int> PostgresDialect::applicationId(const QSqlDatabase &) const
{
    return Status::failure(storeTr("A team database says whose it is in its ic_record table."));
}

Result<int> PostgresDialect::tableCount(const QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) || !q.next()) {
        return Status::failure(q.lastError().text());
    }
    return q.value(0).toInt();
}

Result<QString> PostgresDialect::integrityCheck(const QSqlDatabase &) const
{
    return QStringLiteral("ok"); // the server checks its own pages
}

Status PostgresDialect::copyTo(const QSqlDatabase &, const QString &) const
{
    return Status::failure(storeTr("A team database is not copied as a file: export it as JSON and import that into a "
                                   "new file."));
}

Status PostgresDialect::copyIncident(const QString &, const QString &, qint64, const QList<TableSpec> &,
                                     const QStringList &) const
{
    return copyTo({}, {});
}

Status PostgresDialect::forEachRawRow(const QSqlDatabase &db, const QByteArray &sql, const QList<qint64> &parameters,
                                      const std::function<bool(const RawRow &)> &onRow) const
{
    // The readers write SQLite's parameters (?1, or ? counted in order); the values are integers, so they go into
    // the statement as numbers. Quoted text is left as it is.
    const QString source = QString::fromUtf8(sql);
    QString statement;
    statement.reserve(source.size());
    qsizetype next = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == u'\'') {
            quoted = !quoted;
        }
        if (c != u'?' || quoted) {
            statement += c;
            continue;
        }
        qsizetype end = i + 1;
        while (end < source.size() && source.at(end).isDigit()) {
            ++end;
        }
        const qsizetype index = end > i + 1 ? source.mid(i + 1, end - i - 1).toLongLong() - 1 : next++;
        if (index < 0 || index >= parameters.size()) {
            return Status::failure(
                storeTr("A statement asks for parameter %1 of %2.").arg(index + 1).arg(parameters.size()));
        }
        statement += QString::number(parameters.at(index));
        i = end - 1;
    }
    // Qt's driver hands out its libpq connection; this statement runs on it, between the driver's own.
    const QVariant handle = db.driver()->handle();
    // Qt names the type by libpq's struct: "pg_conn*" (older Qt: "PGconn*").
    const char *type = handle.typeName();
    PGconn *connection = handle.isValid() && (qstrcmp(type, "pg_conn*") == 0 || qstrcmp(type, "PGconn*") == 0)
                             ? *static_cast<PGconn *const *>(handle.data())
                             : nullptr;
    if (!connection) {
        return Status::failure(storeTr("The team database's connection is not open."));
    }
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, statement.toUtf8().constData()),
                                                               &PQclear);
    if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        return Status::failure(QString::fromUtf8(PQerrorMessage(connection)).trimmed());
    }
    const int rows = PQntuples(result.get());
    for (int i = 0; i < rows; ++i) {
        if (!onRow(LibpqRawRow(result.get(), i))) {
            return Status::failure(storeTr("stopped before the end"));
        }
    }
    return Status::success();
}

Status PostgresDialect::readSnapshot(const QSqlDatabase &db, const std::function<Status()> &body) const
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))) {
        // Already inside a transaction (a PostgreSQL warning, not an error, elsewhere): that one is the snapshot.
        return body();
    }
    const Status s = body();
    q.exec(QStringLiteral("COMMIT"));
    return s;
}
