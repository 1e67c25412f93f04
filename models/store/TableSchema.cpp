#include "TableSchema.h"

#include <QCoreApplication>

QStringList TableSpec::columnNames() const
{
    QStringList names;
    names.reserve(columns.size());
    for (const ColumnSpec &c : columns) {
        names.append(c.sql);
    }
    return names;
}

QString TableSpec::selectList(const QString &prefix) const
{
    return selectList(columnNames(), prefix);
}

QString TableSpec::selectList(const QStringList &names, const QString &prefix) const
{
    QStringList list;
    list.reserve(names.size());
    for (const QString &name : names) {
        Q_ASSERT_X(indexOf(name) >= 0, "TableSpec::selectList", qPrintable(sql + u'.' + name));
        list.append(prefix + name);
    }
    return list.join(QStringLiteral(", "));
}

QString TableSpec::insertStatement() const
{
    QStringList marks(columns.size(), QStringLiteral("?"));
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(sql, selectList(), marks.join(QStringLiteral(", ")));
}

QString TableSpec::updateStatement() const
{
    QStringList sets;
    for (qsizetype i = 1; i < columns.size(); ++i) {
        sets.append(columns.at(i).sql + QStringLiteral(" = ?"));
    }
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
        .arg(sql, sets.join(QStringLiteral(", ")), columns.first().sql);
}

QString TableSpec::updateStatement(const QStringList &names) const
{
    QStringList sets;
    for (const QString &name : names) {
        Q_ASSERT_X(indexOf(name) > 0, "TableSpec::updateStatement", qPrintable(sql + u'.' + name));
        sets.append(name + QStringLiteral(" = ?"));
    }
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
        .arg(sql, sets.join(QStringLiteral(", ")), columns.first().sql);
}

int TableSpec::indexOf(const QString &sqlName) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).sql == sqlName) {
            return int(i);
        }
    }
    return -1;
}

const ColumnSpec &TableSpec::column(const QString &sqlName) const
{
    const int i = indexOf(sqlName);
    Q_ASSERT_X(i >= 0, "TableSpec::column", qPrintable(sql + u'.' + sqlName));
    return columns.at(i);
}

QString TableSchema::unknownValue(const TableSpec &table, qint64 rowId, const ColumnSpec &column, const QVariant &value)
{
    QString shown = value.isNull() ? QStringLiteral("(empty)") : value.toString();
    if (shown.size() > 40) {
        shown = shown.left(40) + QChar(0x2026);
    }
    const QString known =
        column.allowed.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(column.allowed.join(QStringLiteral(", ")));
    return QCoreApplication::translate("TableSchema",
                                       "%1 row %2: %3 \"%4\" is not one this version of Incident Console knows%5.")
        .arg(table.sql)
        .arg(rowId)
        .arg(column.sql, shown, known);
}
