#pragma once

#include <QString>

// Who holds an incident file now, told from the operating system's locks rather than from what a lock file says:
// a lock file can be left empty by a process killed while writing it, but the kernel drops a dead process's locks.
namespace FileHolder {
// The process holding SQLite's locks on the database: any connection in WAL mode (SQLite keeps a read lock on the
// -shm file's DMS byte while it has the file open) or in a transaction on the file itself. 0 when none does,
// -1 when it cannot be told.
qint64 sqliteHolder(const QString &databasePath);
// Claims an abandoned lock file for taking over: an open descriptor holding its native lock (QLockFile takes one
// for as long as it holds a lock, so none can be had while a live holder has it), or -1 when another process holds
// or claims it. Keep it open until the new lock is taken, then close it: a second console taking over at the same
// moment finds the old file claimed, or the new one held.
int claimLockFile(const QString &lockPath);
} // namespace FileHolder
