#pragma once

#include "RecordConnection.h"
#include "Result.h"

#include <memory>

class QLockFile;
class QTemporaryDir;
class SqlDialect;

// The record as one SQLite file, opened the one safe way: a file that is not SQLite, is damaged, belongs to another
// program, comes from a newer version or is open for writing in another console is refused and left untouched; a
// writer holds the lock file beside it and upgrades an older format after copying it.
class SqliteFile final : public RecordConnection
{
public:
    struct Options
    {
        bool writable = true;
        // Refuse, before reading every page, a file with more open incidents than this; 0: no limit.
        qint64 openIncidentLimit = 0;
    };

    static Result<std::unique_ptr<SqliteFile>> open(const QString &absolutePath, const QString &connectionName,
                                                    const SqlDialect &dialect, const Options &options);
    // A second writer connection to a file this process already has open and up to date: no lock of its own and no
    // upgrade, the same safety settings and durable commits (an import's worker, the alert archiver).
    static Result<std::unique_ptr<SqliteFile>> openAlongside(const QString &path, const QString &connectionName,
                                                             const SqlDialect &dialect);
    ~SqliteFile() override;

    QString readerLocation() const override { return m_readerUri; }
    QString backupPath() const override { return m_backupPath; }

    // The SQLite URI of a file, with its query ("?mode=ro").
    static QString uri(const QString &path, const char *query);

private:
    SqliteFile(const QString &path, const QString &connectionName);
    Status openChecked(const SqlDialect &dialect, const Options &options);
    // The writer's lock beside the file; an abandoned one (empty or unreadable, its holder dead) is taken over.
    Status takeLock();
    Result<QString> readerUriFor();

    QString m_path;
    QString m_readerUri;
    QString m_backupPath;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTemporaryDir> m_readCopy; // where a file in a read-only folder is read, when it must be copied
};
