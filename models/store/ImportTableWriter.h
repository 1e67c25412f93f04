#pragma once

#include "Result.h"
#include "TableSchema.h"

#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

class IncidentStore;

// The statements an import needs for the rows of one declared table, prepared once for all of them and run inside
// the store's write(): a row the file already holds (by the table's natural key), whether an id is free, and the
// insert. The JSON exchange decides what to do with each row; the SQL stays in the store.
class ImportTableWriter final
{
public:
    ImportTableWriter(IncidentStore &store, const TableSpec &table);

    // values: one per declared column, in the declaration's order (the id first).
    // The id of the row with the same natural key, if the table has one and the file holds such a row.
    Result<std::optional<qint64>> findByNaturalKey(const QList<QVariant> &values);
    Result<bool> isIdTaken(qint64 id);
    // A null id lets the database choose one; the id the row got comes back.
    Result<qint64> insert(const QList<QVariant> &values);

private:
    IncidentStore &m_store;
    QStringList m_names;
    QStringList m_naturalKey;
    QSqlQuery m_match;
    QSqlQuery m_taken;
    QSqlQuery m_insert;
};
