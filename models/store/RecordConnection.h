#pragma once

#include <QSqlDatabase>
#include <QString>

// One open record, however it is kept: the connection the store reads and writes through, and whatever keeps the
// record this console's while it is open (for an SQLite file: the writer's lock file and, in a read-only folder, a
// private copy). Each database has its own (sqlite/SqliteFile); destroying it closes the connection.
class RecordConnection
{
public:
    virtual ~RecordConnection() = default;

    virtual QSqlDatabase database() const = 0;
    // How another connection of this process reads the same record without writing it (for SQLite, a URI).
    virtual QString readerLocation() const = 0;
    // Where the record was copied before its schema was upgraded on opening; empty when none was needed.
    virtual QString backupPath() const { return {}; }
};
