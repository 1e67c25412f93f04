#include "ImportTableWriter.h"

#include "IncidentStore.h"

ImportTableWriter::ImportTableWriter(IncidentStore &store, const TableSpec &table)
    : m_store(store), m_names(table.columnNames()), m_naturalKey(table.naturalKey)
{
    if (!m_naturalKey.isEmpty()) {
        QStringList conditions;
        for (const QString &key : std::as_const(m_naturalKey)) {
            conditions.append(key + QStringLiteral(" = ?"));
        }
        m_match = store.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2").arg(table.sql, conditions.join(QStringLiteral(" AND "))));
    }
    m_taken = store.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table.sql));
    m_insert = store.prepareInsert(table.insertStatement());
}

Result<std::optional<qint64>> ImportTableWriter::findByNaturalKey(const QList<QVariant> &values)
{
    if (m_naturalKey.isEmpty()) {
        return std::optional<qint64>();
    }
    for (const QString &key : std::as_const(m_naturalKey)) {
        m_match.addBindValue(values.value(m_names.indexOf(key)));
    }
    if (const Status s = m_store.exec(m_match, QString()); !s) {
        return s;
    }
    std::optional<qint64> found;
    if (m_match.next()) {
        found = m_match.value(0).toLongLong();
    }
    m_match.finish();
    return found;
}

Result<bool> ImportTableWriter::isIdTaken(qint64 id)
{
    m_taken.addBindValue(id);
    if (const Status s = m_store.exec(m_taken, QString()); !s) {
        return s;
    }
    const bool taken = m_taken.next();
    m_taken.finish();
    return taken;
}

Result<qint64> ImportTableWriter::insert(const QList<QVariant> &values)
{
    for (const QVariant &v : values) {
        m_insert.addBindValue(v);
    }
    const auto id = m_store.execInsert(m_insert, QString());
    m_insert.finish();
    return id;
}
