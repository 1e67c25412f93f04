#pragma once

#include <QSqlDatabase>
#include <QString>

#include <utility>

// One open record, however it is kept: the connection the store reads and writes through, and whatever keeps the
// record this console's while it is open (for an SQLite file: the writer's lock file and, in a read-only folder, a
// private copy). Each database has its own (sqlite/SqliteFile); destroying it closes the connection.
class RecordConnection
{
public:
    virtual ~RecordConnection() { closeConnection(); }

    QSqlDatabase database() const { return m_db; }
    // How another connection of this process reads the same record without writing it (for SQLite, a URI).
    virtual QString readerLocation() const = 0;
    // Where the record was copied before its schema was upgraded on opening; empty when none was needed.
    virtual QString backupPath() const { return {}; }

protected:
    explicit RecordConnection(QString connectionName) : m_connectionName(std::move(connectionName)) {}
    // Closes the connection and removes it from Qt's list; a subclass holding a lock calls it before letting go.
    void closeConnection()
    {
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
        }
    }

    QString m_connectionName;
    QSqlDatabase m_db; // added under m_connectionName by the subclass that opens it
};
