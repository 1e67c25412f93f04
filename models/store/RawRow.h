#pragma once

#include <QByteArrayView>

struct sqlite3_stmt;

// One result row straight from SQLite, for exporters that stream large tables without a QVariant per cell.
// Valid only inside the callback that receives it.
class RawRow final
{
public:
    explicit RawRow(sqlite3_stmt *statement) : m_statement(statement) {}
    QByteArrayView text(int column) const; // UTF-8; empty for NULL
    qint64 integer(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_statement;
};
