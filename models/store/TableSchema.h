#pragma once

#include "Result.h"
#include "StoredTime.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>
#include <utility>

// How a column's values are written, in the file and in the JSON exchange.
enum class ColumnType
{
    Id,
    Integer,
    Text,
    Time,
    Bool,
    Reference,
    JsonObject
};

// One column, declared once: its SQL name, its name in the exchange, its type and the exchange format version that
// added it. Everything that lists a table's columns (SELECT, INSERT, UPDATE, the exchange, the exports) reads them
// from here.
struct ColumnSpec
{
    ColumnSpec(QString sqlName, QString exchangeName, ColumnType columnType, bool isNullable = false,
               QString referenced = {})
        : sql(std::move(sqlName)), exchange(std::move(exchangeName)), type(columnType), nullable(isNullable),
          refTable(std::move(referenced))
    {}

    QString sql;
    QString exchange;
    ColumnType type = ColumnType::Text;
    bool nullable = false;
    QString refTable;    // SQL name of the referenced table, for ColumnType::Reference
    int since = 1;       // the exchange format version that added it; older exports get the column's default
    QStringList allowed; // the stored keys of an enumerated column; empty: any text
};

struct TableSpec
{
    QString sql;
    QString exchange;
    QList<ColumnSpec> columns;
    QString incidentScope;  // WHERE clause selecting one incident's rows; each ? is the incident id
    QStringList naturalKey; // SQL columns that identify a row already in the file; empty: none

    QStringList columnNames() const;
    // "id, incident_id, …", each name after `prefix` ("e." for a join).
    QString selectList(const QString &prefix = {}) const;
    // Only the named columns, in the order given; each must be declared (a typo is caught on first use).
    QString selectList(const QStringList &names, const QString &prefix = {}) const;
    QString insertStatement() const; // every column, as positional parameters in declaration order
    QString updateStatement() const; // every column but the first (the id), then "WHERE id = ?"
    QString updateStatement(const QStringList &names) const; // only the named columns, then "WHERE id = ?"
    int indexOf(const QString &sqlName) const;               // -1: not declared
    const ColumnSpec &column(const QString &sqlName) const;
};

// A column with the member of the record type it holds: how a value is bound and how a stored one is read back.
template <class Row> struct TypedColumn
{
    ColumnSpec spec;
    std::function<QVariant(const Row &)> toSql;
    std::function<bool(Row &, const QVariant &)> fromSql; // false: a stored value this version does not know
};

// A table whose rows are one record type; reading, binding and the statements all come from its columns.
template <class Row> class RowTable
{
public:
    RowTable(TableSpec spec, QList<TypedColumn<Row>> columns) : m_spec(std::move(spec)), m_columns(std::move(columns))
    {
        m_spec.columns.clear();
        for (const auto &c : m_columns) {
            m_spec.columns.append(c.spec);
        }
    }

    const TableSpec &spec() const { return m_spec; }
    QString selectList(const QString &prefix = {}) const { return m_spec.selectList(prefix); }

    // The row at the query's current position, its columns from `first` on in declaration order. A value this
    // version cannot read is an error naming the table, the row and the value, never a silent default.
    Result<Row> read(const QSqlQuery &q, int first = 0) const
    {
        Row row;
        for (int i = 0; i < m_columns.size(); ++i) {
            const QVariant value = q.value(first + i);
            if (!m_columns.at(i).fromSql(row, value)) {
                return Status::failure(unknownValue(q.value(first).toLongLong(), m_columns.at(i).spec, value));
            }
        }
        return row;
    }
    // Reads every row the query returns; the first value it cannot read fails the whole list. `extra` reads what a
    // join added after the declared columns.
    Result<QList<Row>> readAll(QSqlQuery &q, const std::function<void(Row &, const QSqlQuery &)> &extra = nullptr) const
    {
        QList<Row> rows;
        while (q.next()) {
            auto row = read(q);
            if (!row) {
                return row.status();
            }
            if (extra) {
                extra(row.value(), q);
            }
            rows.append(std::move(row.value()));
        }
        return rows;
    }
    // For insertStatement(): every column in order; an id of 0 is bound as NULL so SQLite chooses it.
    QVariantList insertValues(const Row &row) const
    {
        QVariantList values;
        values.reserve(m_columns.size());
        for (const auto &c : m_columns) {
            values.append(c.toSql(row));
        }
        return values;
    }
    void bindInsert(QSqlQuery &q, const Row &row) const
    {
        for (const QVariant &value : insertValues(row)) {
            q.addBindValue(value);
        }
    }
    // For updateStatement(): every column but the id, then the id.
    QVariantList updateValues(const Row &row) const
    {
        QVariantList values;
        for (int i = 1; i < m_columns.size(); ++i) {
            values.append(m_columns.at(i).toSql(row));
        }
        values.append(m_columns.first().toSql(row));
        return values;
    }
    // For updateStatement(names): the named columns, then the id.
    QVariantList updateValues(const Row &row, const QStringList &names) const
    {
        QVariantList values;
        for (const QString &name : names) {
            values.append(m_columns.at(m_spec.indexOf(name)).toSql(row));
        }
        values.append(m_columns.first().toSql(row));
        return values;
    }
    // The columns (the id never) whose stored values differ between two versions of a row.
    QStringList differingColumns(const Row &a, const Row &b) const
    {
        QStringList names;
        for (int i = 1; i < m_columns.size(); ++i) {
            if (m_columns.at(i).toSql(a) != m_columns.at(i).toSql(b)) {
                names.append(m_columns.at(i).spec.sql);
            }
        }
        return names;
    }
    void bindUpdate(QSqlQuery &q, const Row &row) const
    {
        for (const QVariant &value : updateValues(row)) {
            q.addBindValue(value);
        }
    }

private:
    QString unknownValue(qint64 rowId, const ColumnSpec &column, const QVariant &value) const;

    TableSpec m_spec;
    QList<TypedColumn<Row>> m_columns;
};

namespace TableSchema {
// "timeline_entries row 12: kind "bogus" is not one this version of Incident Console knows (detection, …)."
QString unknownValue(const TableSpec &table, qint64 rowId, const ColumnSpec &column, const QVariant &value);
// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so empty text must stay empty text.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}
} // namespace TableSchema

template <class Row>
QString RowTable<Row>::unknownValue(qint64 rowId, const ColumnSpec &column, const QVariant &value) const
{
    return TableSchema::unknownValue(m_spec, rowId, column, value);
}

// An enumerated column's words read straight from SQLite's UTF-8 (the fast paths), without a QString per row.
template <class Enum> class StoredWords
{
public:
    StoredWords(const QList<Enum> &values, QString (*key)(Enum))
    {
        for (Enum e : values) {
            m_words.append({key(e).toUtf8(), e});
        }
    }
    std::optional<Enum> decode(QByteArrayView word) const
    {
        for (const auto &[stored, value] : m_words) {
            if (word == stored) {
                return value;
            }
        }
        return std::nullopt;
    }

private:
    QList<std::pair<QByteArray, Enum>> m_words;
};

// The column kinds a record type is declared with. Each takes the member it holds; `since` marks a later column.
namespace Columns {

template <class Row> TypedColumn<Row> id(qint64 Row::*member)
{
    return {{QStringLiteral("id"), QStringLiteral("id"), ColumnType::Id},
            [member](const Row &r) {
                return r.*member > 0 ? QVariant(r.*member) : QVariant(QMetaType::fromType<qint64>());
            },
            [member](Row &r, const QVariant &v) {
                r.*member = v.toLongLong();
                return true;
            }};
}

template <class Row>
TypedColumn<Row> reference(const char *sql, const char *exchange, const char *table, qint64 Row::*member,
                           bool nullable = false)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Reference, nullable,
             QString::fromLatin1(table)},
            [member, nullable](const Row &r) {
                return nullable && r.*member <= 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(r.*member);
            },
            [member](Row &r, const QVariant &v) {
                r.*member = v.toLongLong();
                return true;
            }};
}

template <class Row, class Int> TypedColumn<Row> integer(const char *sql, const char *exchange, Int Row::*member)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Integer},
            [member](const Row &r) { return QVariant(qint64(r.*member)); },
            [member](Row &r, const QVariant &v) {
                r.*member = Int(v.toLongLong());
                return true;
            }};
}

template <class Row> TypedColumn<Row> text(const char *sql, const char *exchange, QString Row::*member)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Text},
            [member](const Row &r) { return QVariant(TableSchema::text(r.*member)); },
            [member](Row &r, const QVariant &v) {
                r.*member = v.toString();
                return true;
            }};
}

template <class Row>
TypedColumn<Row> time(const char *sql, const char *exchange, QDateTime Row::*member, bool nullable = false)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Time, nullable},
            [member](const Row &r) { return StoredTime::toSql(r.*member); },
            [member](Row &r, const QVariant &v) {
                r.*member = StoredTime::fromSql(v);
                return true;
            }};
}

template <class Row> TypedColumn<Row> flag(const char *sql, const char *exchange, bool Row::*member)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Bool},
            [member](const Row &r) { return QVariant(r.*member ? 1 : 0); },
            [member](Row &r, const QVariant &v) {
                r.*member = v.toBool();
                return true;
            }};
}

// An enum stored as a word: `key` is the one encoding, used both ways; a word it does not produce is refused.
template <class Row, class Enum>
TypedColumn<Row> enumerated(const char *sql, const char *exchange, Enum Row::*member, const QList<Enum> &values,
                            QString (*key)(Enum))
{
    ColumnSpec spec{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Text};
    for (Enum e : values) {
        spec.allowed.append(key(e));
    }
    return {spec, [member, key](const Row &r) { return QVariant(key(r.*member)); },
            [member, values, key](Row &r, const QVariant &v) {
                const QString stored = v.toString();
                for (Enum e : values) {
                    if (key(e) == stored) {
                        r.*member = e;
                        return true;
                    }
                }
                return false;
            }};
}

// An enum stored as its number (a severity's level): `fromNumber` is the one decoding; a number it refuses is refused.
template <class Row, class Enum>
TypedColumn<Row> numbered(const char *sql, const char *exchange, Enum Row::*member,
                          std::optional<Enum> (*fromNumber)(int))
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Integer},
            [member](const Row &r) { return QVariant(int(r.*member)); },
            [member, fromNumber](Row &r, const QVariant &v) {
                bool ok = false;
                const auto value = fromNumber(v.toInt(&ok));
                if (!ok || !value) {
                    return false;
                }
                r.*member = *value;
                return true;
            }};
}

// The id of a row whose record type does not keep it (one postmortem per incident, one acknowledgement per alert):
// the database chooses it on insert, and a read leaves the record as it is.
template <class Row> TypedColumn<Row> rowId()
{
    return {{QStringLiteral("id"), QStringLiteral("id"), ColumnType::Id},
            [](const Row &) { return QVariant(QMetaType::fromType<qint64>()); },
            [](Row &, const QVariant &) { return true; }};
}

// A level that may be absent (NULL): `fromNumber` is the one decoding, as for numbered().
template <class Row, class Enum>
TypedColumn<Row> optionalNumbered(const char *sql, const char *exchange, std::optional<Enum> Row::*member,
                                  std::optional<Enum> (*fromNumber)(int))
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::Integer, true},
            [member](const Row &r) {
                return r.*member ? QVariant(int(*(r.*member))) : QVariant(QMetaType::fromType<int>());
            },
            [member, fromNumber](Row &r, const QVariant &v) {
                if (v.isNull()) {
                    r.*member = std::nullopt;
                    return true;
                }
                bool ok = false;
                r.*member = fromNumber(v.toInt(&ok));
                return ok && (r.*member).has_value();
            }};
}

// A JSON object kept as compact text in the file and as an object in the exchange.
template <class Row> TypedColumn<Row> json(const char *sql, const char *exchange, QJsonObject Row::*member)
{
    return {{QString::fromLatin1(sql), QString::fromLatin1(exchange), ColumnType::JsonObject},
            [member](const Row &r) {
                return QVariant(QString::fromUtf8(QJsonDocument(r.*member).toJson(QJsonDocument::Compact)));
            },
            [member](Row &r, const QVariant &v) {
                r.*member = QJsonDocument::fromJson(v.toString().toUtf8()).object();
                return true;
            }};
}

// The same, for a record that keeps the object's text as it was written (an alert link's snapshot).
template <class Row> TypedColumn<Row> jsonText(const char *sql, const char *exchange, QString Row::*member)
{
    auto column = text(sql, exchange, member);
    column.spec.type = ColumnType::JsonObject;
    return column;
}

template <class Row> TypedColumn<Row> since(int version, TypedColumn<Row> column)
{
    column.spec.since = version;
    return column;
}

} // namespace Columns
