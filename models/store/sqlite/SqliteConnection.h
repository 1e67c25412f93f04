#pragma once

#include "Result.h"

#include <QSqlDatabase>

struct sqlite3;

// What every connection to an incident file does before it reads a byte of the file's schema: a file may come from
// someone else, so it is data, never code.
namespace SqliteConnection {
// The handle under Qt's QSQLITE driver; null when the driver is not SQLite's.
sqlite3 *handle(const QSqlDatabase &db);
// Defensive mode (the schema cannot be written around SQLite), no trusted schema (functions and virtual tables are
// not run from a file's own schema), no extension loading, and triggers and views switched off: the console's own
// schema has neither, so a file that slipped one in still runs nothing.
Status harden(sqlite3 *db);
} // namespace SqliteConnection
