#pragma once

#include <QString>

// Who holds an incident file now, told from the operating system's locks rather than from what a lock file says:
// a lock file can be left empty by a process killed while writing it, but the kernel drops a dead process's locks.
namespace FileHolder {
// The process holding SQLite's locks on the database: any connection in WAL mode (SQLite keeps a read lock on the
// -shm file's DMS byte while it has the file open) or in a transaction on the file itself. 0 when none does,
// -1 when it cannot be told.
qint64 sqliteHolder(const QString &databasePath);
// The process holding a native lock on a lock file (QLockFile takes one for as long as it holds the lock); 0 when
// none does, -1 when one does but does not say which, or when it cannot be told.
qint64 lockFileHolder(const QString &lockPath);
} // namespace FileHolder
