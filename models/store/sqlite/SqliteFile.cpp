#include "SqliteFile.h"

#include "Clock.h"
#include "DatabaseAddress.h"
#include "FileHolder.h"
#include "SchemaMigrator.h"
#include "SqlDialect.h"
#include "StoreText.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <unistd.h>

namespace {

// A database address is never opened as a file name: SQLite would make a file (or fail on a folder) named after it.
Status notAnAddress(const QString &path)
{
    if (DatabaseAddress::isAddress(path) || DatabaseAddress::isAddress(QFileInfo(path).fileName())) {
        return Status::failure(storeTr("%1 is a database address, not a file.").arg(path.section(u'@', -1)));
    }
    return Status::success();
}

} // namespace

SqliteFile::SqliteFile(const QString &path, const QString &connectionName)
    : RecordConnection(connectionName), m_path(path)
{}

SqliteFile::~SqliteFile()
{
    closeConnection(); // before the lock file is let go
}

Result<std::unique_ptr<SqliteFile>> SqliteFile::open(const QString &absolutePath, const QString &connectionName,
                                                     const SqlDialect &dialect, const Options &options)
{
    if (const Status s = notAnAddress(absolutePath); !s) {
        return s;
    }
    std::unique_ptr<SqliteFile> file(new SqliteFile(absolutePath, connectionName));
    if (const Status s = file->openChecked(dialect, options); !s) {
        return s; // the destructor closes what was opened; the file itself was not written
    }
    return file;
}

Result<std::unique_ptr<SqliteFile>> SqliteFile::openAlongside(const QString &path, const QString &connectionName,
                                                              const SqlDialect &dialect)
{
    if (const Status s = notAnAddress(path); !s) {
        return s;
    }
    std::unique_ptr<SqliteFile> file(new SqliteFile(path, connectionName));
    const QString name = QDir::toNativeSeparators(path);
    QSqlDatabase &db = file->m_db;
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return Status::failure(storeTr("%1 cannot be opened: %2").arg(name, db.lastError().text()));
    }
    if (const Status s = dialect.harden(db); !s) {
        return s;
    }
    const auto version = SchemaMigrator::currentVersion(db);
    if (!version || version.value() != SchemaMigrator::latestVersion()) {
        return Status::failure(storeTr("%1 is not open in this format here.").arg(name));
    }
    if (const Status prepared = dialect.prepareForWriting(db); !prepared) {
        return Status::failure(storeTr("%1 cannot be prepared for writing: %2").arg(name, prepared.error()));
    }
    file->m_readerUri = uri(path, "?mode=ro");
    return file;
}

Status SqliteFile::openChecked(const SqlDialect &dialect, const Options &options)
{
    const QString &path = m_path;
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    const bool writable = options.writable;

    if (info.exists() && !info.isFile()) {
        return Status::failure(storeTr("%1 is not a file.").arg(name));
    }
    const bool fresh = !info.exists() || info.size() == 0;
    if (fresh && !writable) {
        return Status::failure(storeTr("%1 does not exist.").arg(name));
    }
    if (!fresh) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Status::failure(storeTr("%1 cannot be read: %2.").arg(name, file.errorString()));
        }
        static const QByteArray sqliteMagic("SQLite format 3\0", 16);
        if (file.read(16) != sqliteMagic) {
            return Status::failure(
                storeTr("%1 is not an Incident Console file: it is not an SQLite database. It was left untouched.")
                    .arg(name));
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Status::failure(
            storeTr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    if (writable) {
        if (!fresh && !info.isWritable()) {
            return Status::failure(
                storeTr("%1 cannot be written: the file is read-only (its permissions or the disk it is "
                        "on). Open it read-only, or copy it somewhere you can write.")
                    .arg(name));
        }
        if (const Status s = takeLock(); !s) {
            return s;
        }
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!writable) {
        const auto uri = readerUriFor();
        if (!uri) {
            return Status::failure(storeTr("%1 cannot be read here: %2").arg(name, uri.error()));
        }
        m_readerUri = uri.value();
        m_db.setDatabaseName(m_readerUri);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        m_readerUri = uri(path, "?mode=ro");
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!m_db.open()) {
        return Status::failure(storeTr("%1 cannot be opened: %2").arg(name, m_db.lastError().text()));
    }
    if (const Status s = dialect.harden(m_db); !s) {
        return Status::failure(storeTr("%1 cannot be opened safely: %2.").arg(name, s.error()));
    }

    QSqlQuery probe(m_db);
    const auto applicationId = dialect.applicationId(m_db);
    const auto version = applicationId ? SchemaMigrator::currentVersion(m_db) : Result<int>(applicationId.status());
    const auto tableCount = version ? dialect.tableCount(m_db) : Result<int>(version.status());
    if (!tableCount) {
        return Status::failure(
            storeTr("%1 cannot be read as a database (%2). It may be damaged; it was left untouched.")
                .arg(name, tableCount.error()));
    }

    const bool empty = tableCount.value() == 0 && version.value() == 0;
    if (!empty && applicationId.value() != SchemaMigrator::kApplicationId) {
        return Status::failure(
            storeTr("%1 is an SQLite database of another program, not an Incident Console file. It was left untouched.")
                .arg(name));
    }
    const int latest = SchemaMigrator::latestVersion();
    if (version.value() < 0) {
        return Status::failure(
            storeTr("%1 is not an Incident Console file as any version writes it: its format number %2 "
                    "is not one. It was left untouched.")
                .arg(name)
                .arg(version.value()));
    }
    if (version.value() > latest) {
        return Status::failure(
            storeTr("%1 was written by a newer Incident Console (file format %2; this version reads up "
                    "to %3). Update Incident Console to open it. The file was left untouched.")
                .arg(name)
                .arg(version.value())
                .arg(latest));
    }
    if (!empty) {
        const auto differences = SchemaMigrator::schemaDifferences(m_db, version.value());
        if (!differences) {
            return Status::failure(storeTr("%1 cannot be checked (%2). It may be damaged; it was left untouched.")
                                       .arg(name, differences.error()));
        }
        if (!differences->isEmpty()) {
            constexpr int kShown = 4;
            QString listed = differences->mid(0, kShown).join(QStringLiteral("; "));
            if (differences->size() > kShown) {
                listed += storeTr("; and %n more", nullptr, int(differences->size() - kShown));
            }
            return Status::failure(
                storeTr("%1 is not as Incident Console writes its files (%2), so it is not opened: a "
                        "changed schema could make the file do things of its own. It was left untouched.")
                    .arg(name, listed));
        }
        // Before the integrity check, which reads every page: a crafted file of millions is refused at once.
        if (options.openIncidentLimit > 0) {
            if (!probe.exec(QStringLiteral("SELECT count(*) FROM incidents WHERE stage <> 'closed'")) ||
                !probe.next()) {
                return Status::failure(
                    storeTr("%1 cannot be read (%2). It was left untouched.").arg(name, probe.lastError().text()));
            }
            const qint64 open = probe.value(0).toLongLong();
            probe.finish();
            if (open > options.openIncidentLimit) {
                return Status::failure(
                    storeTr("%1 holds %L2 open incidents; the window shows open incidents all at once and "
                            "takes at most %L3. It was left untouched: list, export or close them with "
                            "incident-console-cli.")
                        .arg(name)
                        .arg(open)
                        .arg(options.openIncidentLimit));
            }
        }
        const auto verdict = dialect.integrityCheck(m_db);
        if (!verdict) {
            return Status::failure(storeTr("%1 cannot be checked (%2). It may be damaged; it was left untouched.")
                                       .arg(name, verdict.error()));
        }
        if (verdict.value() != QStringLiteral("ok")) {
            return Status::failure(
                storeTr(
                    "%1 is damaged (SQLite reports: %2). It was left untouched; open a backup or an export instead.")
                    .arg(name, verdict.value()));
        }
    }
    if (!writable) {
        if (version.value() < latest) {
            return Status::failure(
                storeTr("%1 is in an older file format; open it once in Incident Console to upgrade it.").arg(name));
        }
        dialect.prepareForReading(m_db).ok(); // only enforces references; a reader writes none
        return Status::success();
    }

    if (const Status s = dialect.prepareForWriting(m_db); !s) {
        return Status::failure(storeTr("%1 cannot be prepared for writing: %2").arg(name, s.error()));
    }

    if (version.value() < latest) {
        if (!empty) {
            m_backupPath = path + QStringLiteral(".format%1-backup-%2.sqlite")
                                      .arg(version.value())
                                      .arg(Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
            if (const Status copied = dialect.copyTo(m_db, m_backupPath); !copied) {
                return Status::failure(
                    storeTr("%1 needs an upgrade, but a copy could not be made first (%2); it was left "
                            "untouched.")
                        .arg(name, copied.error()));
            }
        }
        if (const Status s = SchemaMigrator::migrate(m_db, latest); !s) {
            return Status::failure(storeTr("%1 could not be upgraded: %2. The file keeps its old format%3.")
                                       .arg(name, s.error(),
                                            m_backupPath.isEmpty()
                                                ? QString()
                                                : storeTr("; a copy from before the attempt is at %1")
                                                      .arg(QDir::toNativeSeparators(m_backupPath))));
        }
    }
    return Status::success();
}

QString SqliteFile::uri(const QString &path, const char *query)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QLatin1String(query);
}

Result<QString> SqliteFile::readerUriFor()
{
    const QString &path = m_path;
    // SQLite reads a WAL file only beside its -shm file, which a read-only folder or medium cannot hold.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool folderWritable = QFileInfo(QFileInfo(path).absolutePath()).isWritable();
    if (folderWritable || (wal.exists() && QFileInfo::exists(path + QStringLiteral("-shm")))) {
        return uri(path, "?mode=ro");
    }
    if (!wal.exists() || wal.size() == 0) {
        return uri(path, "?mode=ro&immutable=1"); // nothing there can change it
    }
    // Commits still in the -wal file: read a private copy of both, where the -shm file can be made.
    m_readCopy = std::make_unique<QTemporaryDir>();
    const QString copy = m_readCopy->filePath(QStringLiteral("incidents.sqlite"));
    if (!m_readCopy->isValid() || !QFile::copy(path, copy) ||
        !QFile::copy(wal.filePath(), copy + QStringLiteral("-wal"))) {
        return Status::failure(
            storeTr("its folder is read-only and it could not be copied to a temporary folder to be read"));
    }
    return uri(copy, "?mode=ro");
}

Status SqliteFile::takeLock()
{
    const QString &path = m_path;
    const QString name = QDir::toNativeSeparators(path);
    const QString lockPath = path + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(lockPath);
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however old
    if (m_lock->tryLock(0)) {
        return Status::success();
    }
    qint64 pid = 0;
    QString host;
    QString app;
    if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &app)) {
        return Status::failure(storeTr("%1 is already open in another Incident Console (process %2 on %3). "
                                       "Only one program may write to a file at a time: close it there first.")
                                   .arg(name)
                                   .arg(pid)
                                   .arg(host));
    }
    if (m_lock->error() == QLockFile::LockFailedError) {
        // A lock that names no holder: its writer was killed between creating it and writing its process id (QLockFile
        // writes it within microseconds), or a power cut lost it. Its holder cannot be alive when the lock is older
        // than that, no process holds the lock file's native lock, and no process holds SQLite's locks on the file.
        const qint64 sqliteHolder = FileHolder::sqliteHolder(path);
        if (sqliteHolder > 0) {
            return Status::failure(
                storeTr("%1 is in use by process %2 on this machine, which holds SQLite's locks on it "
                        "(its lock file %3 names no holder). Close that program first.")
                    .arg(name)
                    .arg(sqliteHolder)
                    .arg(QDir::toNativeSeparators(lockPath)));
        }
        constexpr qint64 kWritingLockMs = 5000;
        const bool settled = QFileInfo(lockPath).lastModified().msecsTo(QDateTime::currentDateTime()) > kWritingLockMs;
        if (!settled) {
            return Status::failure(
                storeTr("%1 is being opened by another program right now; try again in a few seconds.").arg(name));
        }
        // Claimed (its native lock held) before it is looked at again and removed: another console taking over at
        // the same moment finds it claimed, or finds the new lock held; neither removes a live lock.
        const int claim = sqliteHolder == 0 ? FileHolder::claimLockFile(lockPath) : -1;
        if (claim >= 0) {
            const bool stillAbandoned = !m_lock->getLockInfo(&pid, &host, &app);
            if (stillAbandoned) {
                QFile::remove(lockPath);
            }
            const bool taken = stillAbandoned && m_lock->tryLock(0);
            ::close(claim);
            if (taken) {
                return Status::success();
            }
        }
        return Status::failure(
            storeTr("%1 cannot be opened for writing: its lock file %2 names no holder, and whether "
                    "one is still alive cannot be told. If no Incident Console has it open, remove %2.")
                .arg(name, QDir::toNativeSeparators(lockPath)));
    }
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
        return Status::failure(
            storeTr("%1 cannot be written: its folder %2 is read-only, so the console cannot lock the "
                    "file there. Open it read-only, or copy it to a folder you can write.")
                .arg(name, folder));
    }
    return Status::failure(storeTr("%1 cannot be locked for writing: %2 cannot be created in %3.")
                               .arg(name, QFileInfo(lockPath).fileName(), folder));
}
