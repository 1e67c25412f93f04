#pragma once

#include "DatabaseAddress.h"
#include "RecordConnection.h"
#include "Result.h"

#include <memory>

class SqlDialect;

// A team record on a PostgreSQL server, opened the one safe way: a database that is not ours (tables of someone
// else's, no record row) or from a newer Incident Console is refused and left untouched; an empty one is set up
// with the numbered migrations in resources/migrations-postgresql and a row saying whose it is and in which format.
class PostgresDatabase final : public RecordConnection
{
public:
    static constexpr auto kApplication = "incident-console";

    static int latestFormat();
    static Result<std::unique_ptr<PostgresDatabase>> open(const DatabaseAddress &address, const QString &connectionName,
                                                          const SqlDialect &dialect, bool writable);
    QString readerLocation() const override { return {}; } // readers share the server, not a file
    // False for a seat whose database role may only read (stakeholders, the review meeting's projector): PostgreSQL
    // refuses its writes itself, and the console opens it read-only and says so.
    bool mayWrite() const { return m_mayWrite; }

private:
    explicit PostgresDatabase(const QString &connectionName) : RecordConnection(connectionName) {}
    Status openChecked(const DatabaseAddress &address, const SqlDialect &dialect, bool writable);
    Status migrate(int from, const QString &name);

    bool m_mayWrite = false;
};
