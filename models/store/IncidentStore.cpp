#include "IncidentStore.h"

#include "Clock.h"
#include "FileHolder.h"
#include "SchemaMigrator.h"
#include "SqliteDialect.h"
#include "StoredTime.h"
#include "Tables.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>
#include <QSqlRecord>

#include <filesystem>

#include <unistd.h>


namespace {

QAtomicInt s_connectionCounter;

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so empty text must stay empty text.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.title = q.value(1).toString();
    i.summary = q.value(2).toString();
    i.severity = Severities::fromNumber(q.value(3).toInt()).value_or(Severity::Sev3);
    i.stage = Stages::fromKey(q.value(4).toString()).value_or(Stage::Detection);
    i.declaredAt = StoredTime::fromSql(q.value(5));
    i.detectedAt = StoredTime::fromSql(q.value(6));
    i.mitigatedAt = StoredTime::fromSql(q.value(7));
    i.resolvedAt = StoredTime::fromSql(q.value(8));
    i.drill = q.value(9).toBool();
    i.postmortemDueAt = StoredTime::fromSql(q.value(10));
    i.security = q.value(11).toBool();
    i.impact = q.value(12).toString();
    i.eta = q.value(13).toString();
    return i;
}
const auto kIncidentColumns = QStringLiteral(
    "id, title, summary, severity, stage, declared_at, detected_at, mitigated_at, resolved_at, is_drill, "
    "postmortem_due_at, is_security, impact, eta");

void bindIncident(QSqlQuery &q, const Incident &i)
{
    q.bindValue(QStringLiteral(":title"), text(i.title));
    q.bindValue(QStringLiteral(":summary"), text(i.summary));
    q.bindValue(QStringLiteral(":severity"), int(i.severity));
    q.bindValue(QStringLiteral(":stage"), Stages::key(i.stage));
    q.bindValue(QStringLiteral(":declared"), StoredTime::toSql(i.declaredAt));
    q.bindValue(QStringLiteral(":detected"), StoredTime::toSql(i.detectedAt));
    q.bindValue(QStringLiteral(":mitigated"), StoredTime::toSql(i.mitigatedAt));
    q.bindValue(QStringLiteral(":resolved"), StoredTime::toSql(i.resolvedAt));
    q.bindValue(QStringLiteral(":drill"), i.drill ? 1 : 0);
    q.bindValue(QStringLiteral(":postmortem"), StoredTime::toSql(i.postmortemDueAt));
    q.bindValue(QStringLiteral(":security"), i.security ? 1 : 0);
    q.bindValue(QStringLiteral(":impact"), text(i.impact));
    q.bindValue(QStringLiteral(":eta"), text(i.eta));
}

} // namespace

IncidentStore::IncidentStore(QObject *parent) : QObject(parent)
{
    m_connectionName = QStringLiteral("incident-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_dialect = std::make_unique<SqliteDialect>();
}

IncidentStore::~IncidentStore()
{
    close();
}

bool IncidentStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void IncidentStore::close()
{
    const bool wasOpen = m_db.isValid();
    if (wasOpen) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_lock.reset();
    m_readCopy.reset();
    m_path.clear();
    m_readerUri.clear();
    m_transactionDepth = 0;
    m_pendingSignals.clear();
    if (wasOpen) {
        emit storeReset();
    }
}

Status IncidentStore::open(const QString &path, Access access)
{
    close();
    m_backupPath.clear();
    const Status s = openChecked(QFileInfo(path).absoluteFilePath(), access);
    if (!s) {
        // Leave nothing half-open; the file itself was not written.
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
        }
        m_lock.reset();
        m_readCopy.reset();
        m_path.clear();
        return s;
    }
    emit storeReset();
    return s;
}

Status IncidentStore::openAlongside(const QString &path)
{
    close();
    const QString name = QDir::toNativeSeparators(path);
    m_access = Access::ReadWrite;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    Status s = m_db.open() ? m_dialect->harden(m_db)
                           : Status::failure(tr("%1 cannot be opened: %2").arg(name, m_db.lastError().text()));
    if (s) {
        const auto version = SchemaMigrator::currentVersion(m_db);
        if (!version || version.value() != SchemaMigrator::latestVersion()) {
            s = Status::failure(tr("%1 is not open in this format here.").arg(name));
        }
    }
    if (s) {
        if (const Status prepared = m_dialect->prepareForWriting(m_db); !prepared) {
            s = Status::failure(tr("%1 cannot be prepared for writing: %2").arg(name, prepared.error()));
        }
    }
    if (!s) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return s;
    }
    m_path = path;
    m_readerUri = sqliteUri(path, "?mode=ro");
    return Status::success();
}

Status IncidentStore::openChecked(const QString &path, Access access)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    m_access = access;

    if (info.exists() && !info.isFile()) {
        return Status::failure(tr("%1 is not a file.").arg(name));
    }
    const bool fresh = !info.exists() || info.size() == 0;
    if (fresh && access == Access::ReadOnly) {
        return Status::failure(tr("%1 does not exist.").arg(name));
    }
    if (!fresh) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Status::failure(tr("%1 cannot be read: %2.").arg(name, file.errorString()));
        }
        static const QByteArray sqliteMagic("SQLite format 3\0", 16);
        if (file.read(16) != sqliteMagic) {
            return Status::failure(
                tr("%1 is not an Incident Console file: it is not an SQLite database. It was left untouched.").arg(name));
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Status::failure(tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    if (access == Access::ReadWrite) {
        if (!fresh && !info.isWritable()) {
            return Status::failure(tr("%1 cannot be written: the file is read-only (its permissions or the disk it is "
                                      "on). Open it read-only, or copy it somewhere you can write.")
                                       .arg(name));
        }
        if (const Status s = takeLock(path); !s) {
            return s;
        }
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (access == Access::ReadOnly) {
        const auto uri = readerUriFor(path);
        if (!uri) {
            return Status::failure(tr("%1 cannot be read here: %2").arg(name, uri.error()));
        }
        m_readerUri = uri.value();
        m_db.setDatabaseName(m_readerUri);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        m_readerUri = sqliteUri(path, "?mode=ro");
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!m_db.open()) {
        return Status::failure(tr("%1 cannot be opened: %2").arg(name, m_db.lastError().text()));
    }
    if (const Status s = m_dialect->harden(m_db); !s) {
        return Status::failure(tr("%1 cannot be opened safely: %2.").arg(name, s.error()));
    }

    QSqlQuery probe(m_db);
    const auto applicationId = m_dialect->applicationId(m_db);
    const auto version = applicationId ? SchemaMigrator::currentVersion(m_db) : Result<int>(applicationId.status());
    const auto tableCount = version ? m_dialect->tableCount(m_db) : Result<int>(version.status());
    if (!tableCount) {
        return Status::failure(tr("%1 cannot be read as a database (%2). It may be damaged; it was left untouched.")
                                   .arg(name, tableCount.error()));
    }

    const bool empty = tableCount.value() == 0 && version.value() == 0;
    if (!empty && applicationId.value() != SchemaMigrator::kApplicationId) {
        return Status::failure(
            tr("%1 is an SQLite database of another program, not an Incident Console file. It was left untouched.")
                .arg(name));
    }
    const int latest = SchemaMigrator::latestVersion();
    if (version.value() < 0) {
        return Status::failure(tr("%1 is not an Incident Console file as any version writes it: its format number %2 "
                                  "is not one. It was left untouched.")
                                   .arg(name)
                                   .arg(version.value()));
    }
    if (version.value() > latest) {
        return Status::failure(tr("%1 was written by a newer Incident Console (file format %2; this version reads up "
                                  "to %3). Update Incident Console to open it. The file was left untouched.")
                                   .arg(name)
                                   .arg(version.value())
                                   .arg(latest));
    }
    if (!empty) {
        const auto differences = SchemaMigrator::schemaDifferences(m_db, version.value());
        if (!differences) {
            return Status::failure(tr("%1 cannot be checked (%2). It may be damaged; it was left untouched.")
                                       .arg(name, differences.error()));
        }
        if (!differences->isEmpty()) {
            constexpr int kShown = 4;
            QString listed = differences->mid(0, kShown).join(QStringLiteral("; "));
            if (differences->size() > kShown) {
                listed += tr("; and %n more", nullptr, int(differences->size() - kShown));
            }
            return Status::failure(tr("%1 is not as Incident Console writes its files (%2), so it is not opened: a "
                                      "changed schema could make the file do things of its own. It was left untouched.")
                                       .arg(name, listed));
        }
        // Before the integrity check, which reads every page: a crafted file of millions is refused at once.
        if (m_openIncidentLimit > 0) {
            if (!probe.exec(QStringLiteral("SELECT count(*) FROM incidents WHERE stage <> 'closed'")) || !probe.next()) {
                return Status::failure(tr("%1 cannot be read (%2). It was left untouched.").arg(name, probe.lastError().text()));
            }
            const qint64 open = probe.value(0).toLongLong();
            probe.finish();
            if (open > m_openIncidentLimit) {
                return Status::failure(tr("%1 holds %L2 open incidents; the window shows open incidents all at once and "
                                          "takes at most %L3. It was left untouched: list, export or close them with "
                                          "incident-console-cli.")
                                           .arg(name)
                                           .arg(open)
                                           .arg(m_openIncidentLimit));
            }
        }
        const auto verdict = m_dialect->integrityCheck(m_db);
        if (!verdict) {
            return Status::failure(tr("%1 cannot be checked (%2). It may be damaged; it was left untouched.")
                                       .arg(name, verdict.error()));
        }
        if (verdict.value() != QStringLiteral("ok")) {
            return Status::failure(
                tr("%1 is damaged (SQLite reports: %2). It was left untouched; open a backup or an export instead.")
                    .arg(name, verdict.value()));
        }
    }
    if (access == Access::ReadOnly) {
        if (version.value() < latest) {
            return Status::failure(tr("%1 is in an older file format; open it once in Incident Console to upgrade it.")
                                       .arg(name));
        }
        m_dialect->prepareForReading(m_db).ok(); // only enforces references; a reader writes none
        m_path = path;
        return Status::success();
    }

    if (const Status s = m_dialect->prepareForWriting(m_db); !s) {
        return Status::failure(tr("%1 cannot be prepared for writing: %2").arg(name, s.error()));
    }

    if (version.value() < latest) {
        if (!empty) {
            m_backupPath = path + QStringLiteral(".format%1-backup-%2.sqlite")
                                      .arg(version.value())
                                      .arg(Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
            if (const Status copied = m_dialect->copyTo(m_db, m_backupPath); !copied) {
                return Status::failure(tr("%1 needs an upgrade, but a copy could not be made first (%2); it was left "
                                          "untouched.")
                                           .arg(name, copied.error()));
            }
        }
        if (const Status s = SchemaMigrator::migrate(m_db, latest); !s) {
            return Status::failure(tr("%1 could not be upgraded: %2. The file keeps its old format%3.")
                                       .arg(name, s.error(),
                                            m_backupPath.isEmpty()
                                                ? QString()
                                                : tr("; a copy from before the attempt is at %1")
                                                      .arg(QDir::toNativeSeparators(m_backupPath))));
        }
    }
    m_path = path;
    return Status::success();
}

QString IncidentStore::sqliteUri(const QString &path, const char *query)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QLatin1String(query);
}

Result<QString> IncidentStore::readerUriFor(const QString &path)
{
    // SQLite reads a WAL file only beside its -shm file, which a read-only folder or medium cannot hold.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool folderWritable = QFileInfo(QFileInfo(path).absolutePath()).isWritable();
    if (folderWritable || (wal.exists() && QFileInfo::exists(path + QStringLiteral("-shm")))) {
        return sqliteUri(path, "?mode=ro");
    }
    if (!wal.exists() || wal.size() == 0) {
        return sqliteUri(path, "?mode=ro&immutable=1"); // nothing there can change it
    }
    // Commits still in the -wal file: read a private copy of both, where the -shm file can be made.
    m_readCopy = std::make_unique<QTemporaryDir>();
    const QString copy = m_readCopy->filePath(QStringLiteral("incidents.sqlite"));
    if (!m_readCopy->isValid() || !QFile::copy(path, copy) || !QFile::copy(wal.filePath(), copy + QStringLiteral("-wal"))) {
        return Status::failure(tr("its folder is read-only and it could not be copied to a temporary folder to be read"));
    }
    return sqliteUri(copy, "?mode=ro");
}

Status IncidentStore::takeLock(const QString &path)
{
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
        return Status::failure(tr("%1 is already open in another Incident Console (process %2 on %3). "
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
            return Status::failure(tr("%1 is in use by process %2 on this machine, which holds SQLite's locks on it "
                                      "(its lock file %3 names no holder). Close that program first.")
                                       .arg(name)
                                       .arg(sqliteHolder)
                                       .arg(QDir::toNativeSeparators(lockPath)));
        }
        constexpr qint64 kWritingLockMs = 5000;
        const bool settled =
            QFileInfo(lockPath).lastModified().msecsTo(QDateTime::currentDateTime()) > kWritingLockMs;
        if (!settled) {
            return Status::failure(
                tr("%1 is being opened by another program right now; try again in a few seconds.").arg(name));
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
        return Status::failure(tr("%1 cannot be opened for writing: its lock file %2 names no holder, and whether "
                                  "one is still alive cannot be told. If no Incident Console has it open, remove %2.")
                                   .arg(name, QDir::toNativeSeparators(lockPath)));
    }
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
        return Status::failure(tr("%1 cannot be written: its folder %2 is read-only, so the console cannot lock the "
                                  "file there. Open it read-only, or copy it to a folder you can write.")
                                   .arg(name, folder));
    }
    return Status::failure(tr("%1 cannot be locked for writing: %2 cannot be created in %3.")
                               .arg(name, QFileInfo(lockPath).fileName(), folder));
}

Status IncidentStore::requireWritable() const
{
    if (!isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    if (m_access == Access::ReadOnly) {
        return Status::failure(tr("%1 is open read-only.").arg(QDir::toNativeSeparators(m_path)));
    }
    return Status::success();
}

Status IncidentStore::write(const std::function<Status()> &body)
{
    if (const Status s = requireWritable(); !s) {
        return s;
    }
    if (m_transactionDepth == 0) {
        QSqlQuery begin(m_db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            return Status::failure(tr("The file cannot be written: %1").arg(begin.lastError().text()));
        }
    }
    ++m_transactionDepth;
    Status result = body();
    --m_transactionDepth;
    if (m_transactionDepth > 0) {
        return result;
    }
    QSqlQuery end(m_db);
    if (result && !end.exec(QStringLiteral("COMMIT"))) {
        result = Status::failure(tr("The change could not be saved: %1").arg(end.lastError().text()));
    }
    if (!result) {
        end.exec(QStringLiteral("ROLLBACK"));
        m_pendingSignals.clear();
        return result;
    }
    const auto signalsToSend = std::exchange(m_pendingSignals, {});
    for (const auto &signal : signalsToSend) {
        signal();
    }
    return result;
}

void IncidentStore::notify(std::function<void()> signal)
{
    if (m_transactionDepth > 0) {
        m_pendingSignals.append(std::move(signal));
    } else {
        signal();
    }
}

void IncidentStore::announceReset()
{
    notify([this] { emit storeReset(); });
}

QSqlQuery IncidentStore::prepare(const QString &sql) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

Status IncidentStore::exec(QSqlQuery &query, const QString &what) const
{
    if (!isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    // A statement SQLite refused to prepare keeps SQLite's reason ("no such column: x"); running it anyway would
    // only report "Parameter count mismatch".
    const QSqlError prepared = query.lastError();
    if (!query.exec()) {
        return Status::failure(tr("%1: %2").arg(what, (prepared.isValid() ? prepared : query.lastError()).text()));
    }
    return Status::success();
}

Result<qint64> IncidentStore::insertRow(const QString &sql, const QVariantList &values, const QString &what,
                                        const std::function<void(qint64)> &announce)
{
    qint64 newId = 0;
    const Status s = write([&]() -> Status {
        auto q = prepare(sql);
        for (const QVariant &v : values) {
            q.addBindValue(v);
        }
        const auto id = execInsert(q, what);
        if (!id) {
            return id.status();
        }
        newId = id.value();
        notify([announce, newId] { announce(newId); });
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return newId;
}

Status IncidentStore::changeRow(const QString &sql, const QVariantList &values, const QString &what,
                                const QString &missing, const std::function<void(qint64)> &announce)
{
    return write([&]() -> Status {
        auto q = prepare(sql);
        for (const QVariant &v : values) {
            q.addBindValue(v);
        }
        if (const Status s = exec(q, what); !s) {
            return s;
        }
        if (!q.next()) {
            return Status::failure(missing);
        }
        notify([announce, owner = q.value(0).toLongLong()] { announce(owner); });
        return Status::success();
    });
}

Result<qint64> IncidentStore::execInsert(QSqlQuery &query, const QString &what)
{
    if (const Status s = exec(query, what); !s) {
        return s;
    }
    return query.lastInsertId().toLongLong();
}

// ---- incidents ----

Result<QList<Incident>> IncidentStore::incidents(bool includeClosed) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM incidents %2 ORDER BY id")
                         .arg(kIncidentColumns, includeClosed ? QString() : QStringLiteral("WHERE stage <> 'closed'")));
    if (const Status s = exec(q, tr("Could not read the incidents")); !s) {
        return s;
    }
    QList<Incident> list;
    while (q.next()) {
        list.append(readIncident(q));
    }
    return list;
}

Result<Incident> IncidentStore::incident(qint64 id) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM incidents WHERE id = ?").arg(kIncidentColumns));
    q.addBindValue(id);
    if (const Status s = exec(q, tr("Could not read incident %1").arg(id)); !s) {
        return s;
    }
    if (!q.next()) {
        return Status::failure(tr("There is no incident %1.").arg(id));
    }
    return readIncident(q);
}

Result<qint64> IncidentStore::insertIncident(const Incident &incident)
{
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    qint64 newId = 0;
    const Status s = write([&]() -> Status {
        auto q = prepare(QStringLiteral("INSERT INTO incidents (id, title, summary, severity, stage, declared_at, "
                                        "detected_at, mitigated_at, resolved_at, is_drill, postmortem_due_at, "
                                        "is_security, impact, eta) VALUES (:id, :title, :summary, :severity, :stage, "
                                        ":declared, :detected, :mitigated, :resolved, :drill, :postmortem, :security, "
                                        ":impact, :eta)"));
        q.bindValue(QStringLiteral(":id"), idOrNull(incident.id));
        bindIncident(q, incident);
        const auto id = execInsert(q, tr("Could not save the incident"));
        if (!id) {
            return id.status();
        }
        newId = id.value();
        notify([this, newId] { emit incidentInserted(newId); });
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return newId;
}

Status IncidentStore::updateIncident(const Incident &incident)
{
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral(
            "UPDATE incidents SET title = :title, summary = :summary, severity = :severity, stage = :stage, "
            "declared_at = :declared, detected_at = :detected, mitigated_at = :mitigated, resolved_at = :resolved, "
            "is_drill = :drill, postmortem_due_at = :postmortem, is_security = :security, impact = :impact, eta = :eta "
            "WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), incident.id);
        bindIncident(q, incident);
        if (const Status s = exec(q, tr("Could not save incident %1").arg(incident.id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no incident %1.").arg(incident.id));
        }
        notify([this, id = incident.id] { emit incidentChanged(id); });
        return Status::success();
    });
}

Status IncidentStore::deleteIncident(qint64 id)
{
    return write([&]() -> Status {
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, QStringLiteral("incident_id = ?"), {id}); !s) {
            return s;
        }
        auto q = prepare(QStringLiteral("DELETE FROM incidents WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = exec(q, tr("Could not remove incident %1").arg(id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no incident %1.").arg(id));
        }
        notify([this, id] { emit incidentRemoved(id); });
        return Status::success();
    });
}

// ---- timeline ----

Result<QList<TimelineEntry>> IncidentStore::timeline(qint64 incidentId, bool includeDeleted) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM timeline_entries WHERE incident_id = ? %2 ORDER BY occurred_at, id")
                         .arg(Tables::timelineEntries().selectList(),
                              includeDeleted ? QString() : QStringLiteral("AND deleted_at IS NULL")));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the timeline")); !s) {
        return s;
    }
    return Tables::timelineEntries().readAll(q);
}

Result<QList<TimelineEntry>> IncidentStore::keyMomentsAndActions(qint64 incidentId, bool withActions) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM timeline_entries WHERE incident_id = ? AND deleted_at IS NULL "
                                    "AND (is_key_moment = 1 OR (? AND kind = 'action' AND source = 'manual')) "
                                    "ORDER BY occurred_at, id")
                         .arg(Tables::timelineEntries().selectList()));
    q.addBindValue(incidentId);
    q.addBindValue(withActions ? 1 : 0);
    if (const Status s = exec(q, tr("Could not read the timeline")); !s) {
        return s;
    }
    return Tables::timelineEntries().readAll(q);
}

Result<TimelineEntry> IncidentStore::timelineEntry(qint64 id) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM timeline_entries WHERE id = ?").arg(Tables::timelineEntries().selectList()));
    q.addBindValue(id);
    if (const Status s = exec(q, tr("Could not read timeline entry %1").arg(id)); !s) {
        return s;
    }
    if (!q.next()) {
        return Status::failure(tr("There is no timeline entry %1.").arg(id));
    }
    return Tables::timelineEntries().read(q);
}

Result<qint64> IncidentStore::insertTimelineEntry(const TimelineEntry &entry)
{
    if (!entry.occurredAt.isValid() || !entry.recordedAt.isValid()) {
        return Status::failure(tr("A timeline entry needs the time it happened and the time it was written."));
    }
    qint64 newId = 0;
    const Status s = write([&]() -> Status {
        auto q = prepare(Tables::timelineEntries().spec().insertStatement());
        Tables::timelineEntries().bindInsert(q, entry);
        const auto id = execInsert(q, tr("Could not save the timeline entry"));
        if (!id) {
            return id.status();
        }
        newId = id.value();
        if (const Status s = changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id = ?"), {newId}); !s) {
            return s;
        }
        notify([this, incident = entry.incidentId, newId] { emit timelineEntryInserted(incident, newId); });
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return newId;
}

Status IncidentStore::updateTimelineEntry(const TimelineEntry &entry)
{
    return write([&]() -> Status {
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, QStringLiteral("id = ?"), {entry.id}); !s) {
            return s;
        }
        auto q = prepare(Tables::timelineEntries().spec().updateStatement());
        Tables::timelineEntries().bindUpdate(q, entry);
        if (const Status s = exec(q, tr("Could not save timeline entry %1").arg(entry.id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no timeline entry %1.").arg(entry.id));
        }
        if (const Status s = changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id = ?"), {entry.id}); !s) {
            return s;
        }
        notify([this, incident = entry.incidentId, id = entry.id] { emit timelineEntryChanged(incident, id); });
        return Status::success();
    });
}

Status IncidentStore::deleteTimelineEntry(qint64 id)
{
    return write([&]() -> Status {
        const auto entry = timelineEntry(id);
        if (!entry) {
            return entry.status();
        }
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, QStringLiteral("id = ?"), {id}); !s) {
            return s;
        }
        auto q = prepare(QStringLiteral("DELETE FROM timeline_entries WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = exec(q, tr("Could not remove timeline entry %1").arg(id)); !s) {
            return s;
        }
        notify([this, incident = entry->incidentId, id] { emit timelineEntryRemoved(incident, id); });
        return Status::success();
    });
}

Result<QList<TimelineIndexRow>> IncidentStore::timelineIndex(qint64 incidentId, bool includeDeleted) const
{
    // Raw rows: a QSqlQuery row costs a QVariant per column, which for 100,000 entries is most of the time it takes to
    // open a long timeline. Times come back as integers computed by the database.
    const QByteArray sql =
        QStringLiteral("SELECT id, %1, kind, source, is_key_moment, customer_visible, deleted_at IS NOT NULL "
                       "FROM timeline_entries WHERE incident_id = ?1 %2ORDER BY occurred_at, id")
            .arg(m_dialect->epochMilliseconds(QStringLiteral("occurred_at")),
                 includeDeleted ? QString() : QStringLiteral("AND deleted_at IS NULL "))
            .toUtf8();
    // Decoded with the same key functions the table's declaration uses (no second decoding in SQL).
    static const StoredWords<TimelineEntry::Kind> kinds(TimelineEntry::kinds(), &TimelineEntry::kindKey);
    static const StoredWords<TimelineEntry::Source> sources(
        {TimelineEntry::Source::Manual, TimelineEntry::Source::Alert, TimelineEntry::Source::System},
        &TimelineEntry::sourceKey);
    QList<TimelineIndexRow> rows;
    QString unknown;
    const Status s = forEachRawRow(sql, {incidentId}, [&](const RawRow &raw) {
        TimelineIndexRow r;
        r.id = raw.integer(0);
        r.occurredMs = raw.integer(1);
        const auto kind = kinds.decode(raw.text(2));
        const auto source = sources.decode(raw.text(3));
        if (!kind || !source) {
            const auto &spec = Tables::timelineEntries().spec();
            unknown = TableSchema::unknownValue(spec, r.id, spec.column(kind ? QStringLiteral("source") : QStringLiteral("kind")),
                                                QString::fromUtf8(raw.text(kind ? 3 : 2)));
            return false;
        }
        r.kind = *kind;
        r.source = *source;
        r.keyMoment = raw.integer(4);
        r.customerVisible = raw.integer(5);
        r.deleted = raw.integer(6);
        rows.append(r);
        return true;
    });
    if (!s) {
        return Status::failure(tr("Could not read the timeline: %1").arg(unknown.isEmpty() ? s.error() : unknown));
    }
    return rows;
}

Status IncidentStore::forEachRawRow(const QByteArray &sql, const QList<qint64> &parameters,
                                    const std::function<bool(const RawRow &)> &onRow) const
{
    if (!isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    return m_dialect->forEachRawRow(m_db, sql, parameters, onRow);
}

Status IncidentStore::readSnapshot(const std::function<Status()> &body) const
{
    if (!isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    return m_dialect->readSnapshot(m_db, body);
}

Result<QList<TimelineEntry>> IncidentStore::timelineEntries(const QList<qint64> &ids) const
{
    if (ids.isEmpty()) {
        return QList<TimelineEntry>();
    }
    auto q = prepare(QStringLiteral("SELECT %1 FROM timeline_entries WHERE id IN %2")
                         .arg(Tables::timelineEntries().selectList(), m_dialect->idList()));
    q.addBindValue(m_dialect->idListValue(ids));
    if (const Status s = exec(q, tr("Could not read the timeline")); !s) {
        return s;
    }
    auto read = Tables::timelineEntries().readAll(q);
    if (!read) {
        return read.status();
    }
    QHash<qint64, TimelineEntry> byId;
    for (TimelineEntry &e : read.value()) {
        byId.insert(e.id, std::move(e));
    }
    QList<TimelineEntry> entries;
    entries.reserve(ids.size());
    for (qint64 id : ids) {
        if (const auto it = byId.constFind(id); it != byId.cend()) {
            entries.append(*it);
        }
    }
    return entries;
}

Result<QList<qint64>> IncidentStore::insertTimelineEntries(const QList<TimelineEntry> &entries)
{
    QList<qint64> ids;
    QSet<qint64> incidents;
    const Status s = write([&]() -> Status {
        auto q = prepare(Tables::timelineEntries().spec().insertStatement());
        for (const TimelineEntry &entry : entries) {
            if (!entry.occurredAt.isValid() || !entry.recordedAt.isValid()) {
                return Status::failure(tr("A timeline entry needs the time it happened and the time it was written."));
            }
            Tables::timelineEntries().bindInsert(q, entry);
            const auto id = execInsert(q, tr("Could not save the timeline entries"));
            if (!id) {
                return id.status();
            }
            ids.append(id.value());
            incidents.insert(entry.incidentId);
        }
        if (const Status s = addToSearchIndex(ids); !s) {
            return s;
        }
        for (qint64 incident : std::as_const(incidents)) {
            notify([this, incident] { emit timelineReset(incident); });
        }
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return ids;
}

Status IncidentStore::deleteTimelineEntries(qint64 incidentId, const QList<qint64> &ids)
{
    const QVariant idList = m_dialect->idListValue(ids);
    const QString which = QStringLiteral("incident_id = ? AND id IN ") + m_dialect->idList();
    return write([&]() -> Status {
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, which, {incidentId, idList}); !s) {
            return s;
        }
        auto q = prepare(QStringLiteral("DELETE FROM timeline_entries WHERE ") + which);
        q.addBindValue(incidentId);
        q.addBindValue(idList);
        if (const Status s = exec(q, tr("Could not remove the timeline entries")); !s) {
            return s;
        }
        notify([this, incidentId] { emit timelineReset(incidentId); });
        return Status::success();
    });
}

Result<QList<TimelineRevision>> IncidentStore::timelineRevisions(qint64 entryId) const
{
    auto q = prepare(QStringLiteral("SELECT %1 FROM timeline_revisions WHERE entry_id = ? ORDER BY id")
                         .arg(Tables::timelineRevisions().selectList()));
    q.addBindValue(entryId);
    if (const Status s = exec(q, tr("Could not read the history of entry %1").arg(entryId)); !s) {
        return s;
    }
    return Tables::timelineRevisions().readAll(q);
}

Result<qint64> IncidentStore::insertTimelineRevision(const TimelineRevision &r)
{
    return insertRow(Tables::timelineRevisions().spec().insertStatement(), Tables::timelineRevisions().insertValues(r),
                     tr("Could not record the change of entry %1").arg(r.entryId),
                     [this, entry = r.entryId](qint64) { emit timelineRevisionsChanged(entry); });
}

Status IncidentStore::deleteTimelineRevision(qint64 id)
{
    return changeRow(QStringLiteral("DELETE FROM timeline_revisions WHERE id = ? RETURNING entry_id"), {id},
                     tr("Could not remove revision %1").arg(id), tr("There is no revision %1.").arg(id),
                     [this](qint64 entry) { emit timelineRevisionsChanged(entry); });
}

Status IncidentStore::changeSearchIndex(SearchIndexChange change, const QString &where, const QVariantList &values)
{
    auto q = prepare(change == SearchIndexChange::Add ? m_dialect->addToSearchIndex(where)
                                                      : m_dialect->removeFromSearchIndex(where));
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    return exec(q, tr("Could not update the timeline's search index"));
}

Status IncidentStore::addToSearchIndex(const QList<qint64> &entryIds)
{
    return changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id IN ") + m_dialect->idList(),
                             {m_dialect->idListValue(entryIds)});
}

QString IncidentStore::searchQuery(const QString &words)
{
    return SqliteDialect().matchQuery(words);
}

Result<QList<qint64>> IncidentStore::searchTimeline(const QString &words, qint64 incidentId, int limit) const
{
    const QString query = m_dialect->matchQuery(words);
    if (query.isEmpty()) {
        return QList<qint64>();
    }
    auto q = prepare(m_dialect->searchStatement(incidentId > 0));
    q.addBindValue(query);
    if (incidentId > 0) {
        q.addBindValue(incidentId);
    }
    q.addBindValue(limit);
    if (const Status s = exec(q, tr("Could not search the timeline")); !s) {
        return s;
    }
    QList<qint64> ids;
    while (q.next()) {
        ids.append(q.value(0).toLongLong());
    }
    return ids;
}

// ---- people and roles ----

// ---- severity history and checklists ----

Result<QList<SeverityChange>> IncidentStore::severityChanges(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral("SELECT id, incident_id, changed_at, severity, origin, suggested, reason, author "
                                    "FROM severity_changes WHERE incident_id = ? ORDER BY changed_at, id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the severity history")); !s) {
        return s;
    }
    QList<SeverityChange> list;
    while (q.next()) {
        SeverityChange c;
        c.id = q.value(0).toLongLong();
        c.incidentId = q.value(1).toLongLong();
        c.changedAt = StoredTime::fromSql(q.value(2));
        c.severity = Severities::fromNumber(q.value(3).toInt()).value_or(Severity::Sev3);
        c.origin = SeverityChange::originFromKey(q.value(4).toString()).value_or(SeverityChange::Origin::Manual);
        if (!q.value(5).isNull()) {
            c.suggested = Severities::fromNumber(q.value(5).toInt());
        }
        c.reason = q.value(6).toString();
        c.author = q.value(7).toString();
        list.append(c);
    }
    return list;
}

Result<qint64> IncidentStore::insertSeverityChange(const SeverityChange &c)
{
    return insertRow(QStringLiteral("INSERT INTO severity_changes (id, incident_id, changed_at, severity, origin, "
                                    "suggested, reason, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {idOrNull(c.id), c.incidentId, StoredTime::toSql(c.changedAt), int(c.severity),
                      SeverityChange::originKey(c.origin),
                      c.suggested ? QVariant(int(*c.suggested)) : QVariant(QMetaType::fromType<int>()), text(c.reason),
                      text(c.author)},
                     tr("Could not record the severity change"),
                     [this, incident = c.incidentId](qint64) { emit severityHistoryChanged(incident); });
}

Status IncidentStore::deleteSeverityChange(qint64 id)
{
    return changeRow(QStringLiteral("DELETE FROM severity_changes WHERE id = ? RETURNING incident_id"), {id},
                     tr("Could not remove severity change %1").arg(id), tr("There is no severity change %1.").arg(id),
                     [this](qint64 incident) { emit severityHistoryChanged(incident); });
}

Result<QList<ChecklistDefault>> IncidentStore::checklistDefaults() const
{
    auto q = prepare(QStringLiteral("SELECT id, stage, text FROM checklist_defaults ORDER BY id"));
    if (const Status s = exec(q, tr("Could not read the default checklists")); !s) {
        return s;
    }
    QList<ChecklistDefault> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), Stages::fromKey(q.value(1).toString()).value_or(Stage::Triage),
                     q.value(2).toString()});
    }
    return list;
}

Result<QList<ChecklistItem>> IncidentStore::checklist(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral("SELECT id, incident_id, stage, text, position, is_default, done_at, done_by "
                                    "FROM checklist_items WHERE incident_id = ? ORDER BY position, id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the checklist")); !s) {
        return s;
    }
    QList<ChecklistItem> list;
    while (q.next()) {
        ChecklistItem i;
        i.id = q.value(0).toLongLong();
        i.incidentId = q.value(1).toLongLong();
        i.stage = Stages::fromKey(q.value(2).toString()).value_or(Stage::Triage);
        i.text = q.value(3).toString();
        i.position = q.value(4).toInt();
        i.isDefault = q.value(5).toBool();
        i.doneAt = StoredTime::fromSql(q.value(6));
        i.doneBy = q.value(7).toString();
        list.append(i);
    }
    // Stages in workflow order, each stage's items in their own order.
    std::stable_sort(list.begin(), list.end(),
                     [](const ChecklistItem &a, const ChecklistItem &b) { return int(a.stage) < int(b.stage); });
    return list;
}

Result<qint64> IncidentStore::insertChecklistItem(const ChecklistItem &i)
{
    if (i.text.trimmed().isEmpty()) {
        return Status::failure(tr("A checklist item needs some text."));
    }
    return insertRow(QStringLiteral("INSERT INTO checklist_items (id, incident_id, stage, text, position, is_default, "
                                    "done_at, done_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {idOrNull(i.id), i.incidentId, Stages::key(i.stage), text(i.text.trimmed()), i.position,
                      i.isDefault ? 1 : 0, StoredTime::toSql(i.doneAt), text(i.doneBy)},
                     tr("Could not save the checklist item"),
                     [this, incident = i.incidentId](qint64) { emit checklistChanged(incident); });
}

Status IncidentStore::setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy)
{
    return changeRow(QStringLiteral("UPDATE checklist_items SET done_at = ?, done_by = ? WHERE id = ? RETURNING incident_id"),
                     {StoredTime::toSql(doneAt), text(doneAt.isValid() ? doneBy : QString()), itemId},
                     tr("Could not tick checklist item %1").arg(itemId), tr("There is no checklist item %1.").arg(itemId),
                     [this](qint64 incident) { emit checklistChanged(incident); });
}

Status IncidentStore::deleteChecklistItem(qint64 id)
{
    return changeRow(QStringLiteral("DELETE FROM checklist_items WHERE id = ? RETURNING incident_id"), {id},
                     tr("Could not remove checklist item %1").arg(id), tr("There is no checklist item %1.").arg(id),
                     [this](qint64 incident) { emit checklistChanged(incident); });
}

Result<QHash<qint64, IncidentStore::IncidentFacts>> IncidentStore::incidentFacts(const QList<qint64> &incidentIds) const
{
    // Which incidents: the given ones, or every open one. The id list goes in as JSON so one statement serves any count.
    QString scope = QStringLiteral("(SELECT id FROM incidents WHERE stage <> 'closed')");
    QVariant idsJson;
    if (!incidentIds.isEmpty()) {
        idsJson = m_dialect->idListValue(incidentIds);
        scope = m_dialect->idList(QStringLiteral(":ids"));
    }
    auto run = [&](const QString &sql, const QString &what) -> Result<QSqlQuery> {
        auto q = prepare(QString(sql).replace(QStringLiteral("$SCOPE"), scope));
        if (idsJson.isValid()) {
            q.bindValue(QStringLiteral(":ids"), idsJson);
        }
        if (const Status s = exec(q, what); !s) {
            return s;
        }
        return q;
    };
    QHash<qint64, IncidentFacts> facts;
    {
        auto q = run(QStringLiteral("SELECT i.id, p.published_at FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id "
                                    "WHERE i.id IN $SCOPE"),
                     tr("Could not read the incidents"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentFacts f;
            f.postmortemPublishedAt = StoredTime::fromSql(q->value(1));
            facts.insert(q->value(0).toLongLong(), f);
        }
    }
    {
        auto q = run(QStringLiteral("SELECT a.incident_id, a.role_id, a.person_id, p.name FROM role_assignments a "
                                    "JOIN people p ON p.id = a.person_id "
                                    "WHERE a.released_at IS NULL AND a.incident_id IN $SCOPE"),
                     tr("Could not read who holds the roles"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentFacts &f = facts[q->value(0).toLongLong()];
            const qint64 role = q->value(1).toLongLong();
            f.heldRoleIds.append(role);
            if (role == Role::IncidentCommander) {
                f.commanderId = q->value(2).toLongLong();
                f.commanderName = q->value(3).toString();
            }
        }
    }
    {
        auto q = run(QStringLiteral("SELECT l.incident_id, a.labels FROM alert_links l "
                                    "JOIN alert_archive a ON a.id = l.alert_id "
                                    "WHERE a.resolved_at IS NULL AND a.state <> 'pending' AND l.incident_id IN $SCOPE ORDER BY l.id"),
                     tr("Could not read the linked alerts"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentFacts &f = facts[q->value(0).toLongLong()];
            ++f.firingAlerts;
            Alert::Pairs labels;
            const QJsonObject o = jsonObject(q->value(1));
            for (auto it = o.begin(); it != o.end(); ++it) { // QJsonObject keeps its keys sorted
                labels.append({it.key(), it.value().toString()});
                if (it.key() == QStringLiteral("category")
                    && it.value().toString().compare(QStringLiteral("security"), Qt::CaseInsensitive) == 0) {
                    f.securityAlerts = true;
                }
            }
            f.firingAlertLabels.append(labels);
        }
    }
    {
        // The latest update per audience: SQLite returns the bare columns of the row that holds the max.
        auto q = run(QStringLiteral("SELECT incident_id, audience, max(published_at), next_update_due FROM status_updates "
                                    "WHERE incident_id IN $SCOPE GROUP BY incident_id, audience"),
                     tr("Could not read the status updates"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentFacts &f = facts[q->value(0).toLongLong()];
            const bool customer = q->value(1).toString() == QStringLiteral("customer");
            (customer ? f.lastCustomerUpdate : f.lastInternalUpdate) = StoredTime::fromSql(q->value(2));
            (customer ? f.nextCustomerDue : f.nextInternalDue) = StoredTime::fromSql(q->value(3));
        }
    }
    {
        auto q = run(QStringLiteral("SELECT incident_id, origin, suggested, max(changed_at || printf('%020d', id)) "
                                    "FROM severity_changes WHERE incident_id IN $SCOPE GROUP BY incident_id"),
                     tr("Could not read the severity history"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            if (q->value(1).toString() == SeverityChange::originKey(SeverityChange::Origin::SuggestionOverridden)) {
                facts[q->value(0).toLongLong()].overriddenSuggestion = Severities::fromNumber(q->value(2).toInt());
            }
        }
    }
    return facts;
}

Result<QList<Person>> IncidentStore::people() const
{
    auto q = prepare(QStringLiteral("SELECT id, name, handle, contact FROM people ORDER BY name COLLATE NOCASE, id"));
    if (const Status s = exec(q, tr("Could not read the roster")); !s) {
        return s;
    }
    QList<Person> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    }
    return list;
}

Result<qint64> IncidentStore::insertPerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return insertRow(QStringLiteral("INSERT INTO people (id, name, handle, contact) VALUES (?, ?, ?, ?)"),
                     {idOrNull(person.id), text(person.name.trimmed()), text(person.handle.trimmed()),
                      text(person.contact.trimmed())},
                     tr("Could not add %1 to the roster").arg(person.name), [this](qint64) { emit rosterChanged(); });
}

Status IncidentStore::updatePerson(const Person &person)
{
    if (person.name.trimmed().isEmpty()) {
        return Status::failure(tr("A person needs a name."));
    }
    return changeRow(QStringLiteral("UPDATE people SET name = ?, handle = ?, contact = ? WHERE id = ? RETURNING id"),
                     {text(person.name.trimmed()), text(person.handle.trimmed()), text(person.contact.trimmed()), person.id},
                     tr("Could not save %1").arg(person.name), tr("There is no person %1 on the roster.").arg(person.id),
                     [this](qint64) { emit rosterChanged(); });
}

Status IncidentStore::deletePerson(qint64 id)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = exec(q, tr("Could not remove person %1 from the roster").arg(id)); !s) {
            return s;
        }
        notify([this] { emit rosterChanged(); });
        return Status::success();
    });
}

Result<QList<Role>> IncidentStore::roles() const
{
    auto q = prepare(QStringLiteral("SELECT id, name, responsibility, is_builtin FROM roles ORDER BY id"));
    if (const Status s = exec(q, tr("Could not read the roles")); !s) {
        return s;
    }
    QList<Role> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool()});
    }
    return list;
}

Result<qint64> IncidentStore::insertRole(const Role &role)
{
    if (role.name.trimmed().isEmpty()) {
        return Status::failure(tr("A role needs a name."));
    }
    return insertRow(QStringLiteral("INSERT INTO roles (id, name, responsibility, is_builtin) VALUES (?, ?, ?, ?)"),
                     {idOrNull(role.id), text(role.name.trimmed()), text(role.responsibility.trimmed()), role.builtin ? 1 : 0},
                     tr("Could not add the role %1").arg(role.name), [this](qint64) { emit rosterChanged(); });
}

Status IncidentStore::deleteRole(qint64 id)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("DELETE FROM roles WHERE id = ? AND is_builtin = 0"));
        q.addBindValue(id);
        if (const Status s = exec(q, tr("Could not remove role %1").arg(id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("Role %1 does not exist or is one of the playbook's roles.").arg(id));
        }
        notify([this] { emit rosterChanged(); });
        return Status::success();
    });
}

Result<QList<RoleAssignment>> IncidentStore::assignments(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral(
        "SELECT a.id, a.incident_id, a.role_id, a.person_id, a.assumed_at, a.released_at, p.name "
        "FROM role_assignments a JOIN people p ON p.id = a.person_id WHERE a.incident_id = ? "
        "ORDER BY a.assumed_at, a.id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the role assignments")); !s) {
        return s;
    }
    QList<RoleAssignment> list;
    while (q.next()) {
        RoleAssignment a;
        a.id = q.value(0).toLongLong();
        a.incidentId = q.value(1).toLongLong();
        a.roleId = q.value(2).toLongLong();
        a.personId = q.value(3).toLongLong();
        a.assumedAt = StoredTime::fromSql(q.value(4));
        a.releasedAt = StoredTime::fromSql(q.value(5));
        a.personName = q.value(6).toString();
        list.append(a);
    }
    return list;
}

Result<qint64> IncidentStore::insertAssignment(const RoleAssignment &a)
{
    return insertRow(QStringLiteral("INSERT INTO role_assignments (id, incident_id, role_id, person_id, assumed_at, "
                                    "released_at) VALUES (?, ?, ?, ?, ?, ?)"),
                     {idOrNull(a.id), a.incidentId, a.roleId, a.personId, StoredTime::toSql(a.assumedAt),
                      StoredTime::toSql(a.releasedAt)},
                     tr("Could not save the role assignment"),
                     [this, incident = a.incidentId](qint64) { emit assignmentsChanged(incident); });
}

Status IncidentStore::setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt)
{
    return changeRow(QStringLiteral("UPDATE role_assignments SET released_at = ? WHERE id = ? RETURNING incident_id"),
                     {StoredTime::toSql(releasedAt), assignmentId}, tr("Could not save the hand-off"),
                     tr("There is no role assignment %1.").arg(assignmentId),
                     [this](qint64 incident) { emit assignmentsChanged(incident); });
}

Status IncidentStore::deleteAssignment(qint64 id)
{
    return changeRow(QStringLiteral("DELETE FROM role_assignments WHERE id = ? RETURNING incident_id"), {id},
                     tr("Could not remove role assignment %1").arg(id), tr("There is no role assignment %1.").arg(id),
                     [this](qint64 incident) { emit assignmentsChanged(incident); });
}

// ---- status updates, action items, templates, alerts ----

Result<QList<StatusUpdate>> IncidentStore::statusUpdates(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral("SELECT id, incident_id, audience, body, published_at, next_update_due "
                                    "FROM status_updates WHERE incident_id = ? ORDER BY published_at, id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the status updates")); !s) {
        return s;
    }
    QList<StatusUpdate> list;
    while (q.next()) {
        StatusUpdate u;
        u.id = q.value(0).toLongLong();
        u.incidentId = q.value(1).toLongLong();
        u.audience = q.value(2).toString() == QStringLiteral("customer") ? StatusUpdate::Audience::Customer
                                                                        : StatusUpdate::Audience::Internal;
        u.body = q.value(3).toString();
        u.publishedAt = StoredTime::fromSql(q.value(4));
        u.nextUpdateDue = StoredTime::fromSql(q.value(5));
        list.append(u);
    }
    return list;
}

Result<QString> IncidentStore::draft(qint64 incidentId, StatusUpdate::Audience audience) const
{
    auto q = prepare(QStringLiteral("SELECT body FROM status_update_drafts WHERE incident_id = ? AND audience = ?"));
    q.addBindValue(incidentId);
    q.addBindValue(StatusUpdate::audienceKey(audience));
    if (const Status s = exec(q, tr("Could not read the draft")); !s) {
        return s;
    }
    return q.next() ? q.value(0).toString() : QString();
}

Status IncidentStore::saveDraft(qint64 incidentId, StatusUpdate::Audience audience, const QString &body, const QDateTime &at)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("INSERT INTO status_update_drafts (incident_id, audience, body, saved_at) "
                                        "VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, audience) DO UPDATE SET "
                                        "body = excluded.body, saved_at = excluded.saved_at"));
        q.addBindValue(incidentId);
        q.addBindValue(StatusUpdate::audienceKey(audience));
        q.addBindValue(text(body));
        q.addBindValue(StoredTime::toSql(at));
        return exec(q, tr("Could not save the draft"));
    });
}

Status IncidentStore::deleteDraft(qint64 incidentId, StatusUpdate::Audience audience)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("DELETE FROM status_update_drafts WHERE incident_id = ? AND audience = ?"));
        q.addBindValue(incidentId);
        q.addBindValue(StatusUpdate::audienceKey(audience));
        return exec(q, tr("Could not remove the draft"));
    });
}

Result<qint64> IncidentStore::insertStatusUpdate(const StatusUpdate &u)
{
    return insertRow(QStringLiteral("INSERT INTO status_updates (id, incident_id, audience, body, published_at, "
                                    "next_update_due) VALUES (?, ?, ?, ?, ?, ?)"),
                     {idOrNull(u.id), u.incidentId, StatusUpdate::audienceKey(u.audience), text(u.body),
                      StoredTime::toSql(u.publishedAt), StoredTime::toSql(u.nextUpdateDue)},
                     tr("Could not record the status update"),
                     [this, incident = u.incidentId](qint64) { emit statusUpdatesChanged(incident); });
}

namespace {
const char *const kActionItemColumns = "SELECT id, incident_id, title, owner_id, due_at, state, created_at FROM action_items ";

ActionItem actionItemFrom(const QSqlQuery &q)
{
    ActionItem a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.title = q.value(2).toString();
    a.ownerId = q.value(3).toLongLong();
    a.dueAt = StoredTime::fromSql(q.value(4));
    a.state = ActionItem::stateFromKey(q.value(5).toString()).value_or(ActionItem::State::Open);
    a.createdAt = StoredTime::fromSql(q.value(6));
    return a;
}
} // namespace

Result<QList<ActionItem>> IncidentStore::actionItems(qint64 incidentId) const
{
    auto q = prepare(QLatin1String(kActionItemColumns) + QStringLiteral("WHERE incident_id = ? ORDER BY id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the action items")); !s) {
        return s;
    }
    QList<ActionItem> list;
    while (q.next()) {
        list.append(actionItemFrom(q));
    }
    return list;
}

Result<QList<ActionItem>> IncidentStore::allActionItems(const QDateTime &nowUtc) const
{
    // Stored times are fixed-width UTC text, so comparing them as text compares the times.
    auto q = prepare(QLatin1String(kActionItemColumns) +
                     QStringLiteral("ORDER BY state NOT IN ('open', 'in_progress'), "
                                    "state IN ('open', 'in_progress') AND due_at IS NOT NULL AND due_at < ? DESC, "
                                    "due_at IS NULL, due_at, id"));
    q.addBindValue(StoredTime::toSql(nowUtc));
    if (const Status s = exec(q, tr("Could not read the action items")); !s) {
        return s;
    }
    QList<ActionItem> list;
    while (q.next()) {
        list.append(actionItemFrom(q));
    }
    return list;
}

Result<qint64> IncidentStore::insertActionItem(const ActionItem &a)
{
    return insertRow(QStringLiteral("INSERT INTO action_items (id, incident_id, title, owner_id, due_at, state, "
                                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {idOrNull(a.id), a.incidentId, text(a.title), idOrNull(a.ownerId), StoredTime::toSql(a.dueAt),
                      ActionItem::stateKey(a.state), StoredTime::toSql(a.createdAt.isValid() ? a.createdAt : Clock::nowUtc())},
                     tr("Could not save the action item"),
                     [this, incident = a.incidentId](qint64) { emit actionItemsChanged(incident); });
}

Status IncidentStore::updateActionItem(const ActionItem &a)
{
    return changeRow(QStringLiteral("UPDATE action_items SET title = ?, owner_id = ?, due_at = ?, state = ? "
                                    "WHERE id = ? RETURNING incident_id"),
                     {text(a.title), idOrNull(a.ownerId), StoredTime::toSql(a.dueAt), ActionItem::stateKey(a.state), a.id},
                     tr("Could not change action item %1").arg(a.id), tr("There is no action item %1.").arg(a.id),
                     [this](qint64 incident) { emit actionItemsChanged(incident); });
}

Result<Postmortem> IncidentStore::postmortem(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral("SELECT root_cause, went_well, went_badly, published_at, updated_at "
                                    "FROM postmortems WHERE incident_id = ?"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the postmortem")); !s) {
        return s;
    }
    Postmortem p;
    p.incidentId = incidentId;
    if (q.next()) {
        p.rootCause = q.value(0).toString();
        p.wentWell = q.value(1).toString();
        p.wentBadly = q.value(2).toString();
        p.publishedAt = StoredTime::fromSql(q.value(3));
        p.updatedAt = StoredTime::fromSql(q.value(4));
    }
    return p;
}

Status IncidentStore::savePostmortem(const Postmortem &p)
{
    return changeRow(
        QStringLiteral("INSERT INTO postmortems (incident_id, root_cause, went_well, went_badly, published_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET root_cause = excluded.root_cause, "
                       "went_well = excluded.went_well, went_badly = excluded.went_badly, "
                       "published_at = excluded.published_at, updated_at = excluded.updated_at RETURNING incident_id"),
        {p.incidentId, text(p.rootCause), text(p.wentWell), text(p.wentBadly), StoredTime::toSql(p.publishedAt),
         StoredTime::toSql(p.updatedAt.isValid() ? p.updatedAt : Clock::nowUtc())},
        tr("Could not save the postmortem"), tr("There is no incident %1.").arg(p.incidentId),
        [this](qint64 incident) { emit postmortemChanged(incident); });
}

Status IncidentStore::deletePostmortem(qint64 incidentId)
{
    return changeRow(QStringLiteral("DELETE FROM postmortems WHERE incident_id = ? RETURNING incident_id"), {incidentId},
                     tr("Could not remove the postmortem"), tr("INC-%1 has no postmortem to remove.").arg(incidentId),
                     [this](qint64 incident) { emit postmortemChanged(incident); });
}

Status IncidentStore::deleteActionItem(qint64 id)
{
    return changeRow(QStringLiteral("DELETE FROM action_items WHERE id = ? RETURNING incident_id"), {id},
                     tr("Could not remove action item %1").arg(id), tr("There is no action item %1.").arg(id),
                     [this](qint64 incident) { emit actionItemsChanged(incident); });
}

Result<QList<MessageTemplate>> IncidentStore::templates() const
{
    auto q = prepare(QStringLiteral("SELECT id, name, audience, body, is_builtin FROM templates ORDER BY id"));
    if (const Status s = exec(q, tr("Could not read the templates")); !s) {
        return s;
    }
    QList<MessageTemplate> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toBool()});
    }
    return list;
}

Result<qint64> IncidentStore::insertTemplate(const MessageTemplate &t)
{
    return insertRow(QStringLiteral("INSERT INTO templates (id, name, audience, body, is_builtin) VALUES (?, ?, ?, ?, ?)"),
                     {idOrNull(t.id), text(t.name), text(t.audience), text(t.body), t.builtin ? 1 : 0},
                     tr("Could not save the template %1").arg(t.name), [this](qint64) { emit templatesChanged(); });
}

Status IncidentStore::updateTemplate(const MessageTemplate &t)
{
    return changeRow(QStringLiteral("UPDATE templates SET name = ?, audience = ?, body = ? WHERE id = ? RETURNING id"),
                     {text(t.name), text(t.audience), text(t.body), t.id}, tr("Could not save the template %1").arg(t.name),
                     tr("There is no template %1.").arg(t.id), [this](qint64) { emit templatesChanged(); });
}

Status IncidentStore::deleteTemplate(qint64 id)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = exec(q, tr("Could not remove template %1").arg(id)); !s) {
            return s;
        }
        notify([this] { emit templatesChanged(); });
        return Status::success();
    });
}

namespace {
// Rows of SELECT id, identity, source, alert_name, labels, annotations, state, value, first_seen, last_seen,
// resolved_at FROM alert_archive, in that order.
QList<ArchivedAlert> archivedAlertsFrom(QSqlQuery &q)
{
    QList<ArchivedAlert> list;
    while (q.next()) {
        ArchivedAlert a;
        a.id = q.value(0).toLongLong();
        a.identity = q.value(1).toString();
        a.source = q.value(2).toString();
        a.alertName = q.value(3).toString();
        a.labels = jsonObject(q.value(4));
        a.annotations = jsonObject(q.value(5));
        a.state = q.value(6).toString();
        a.value = q.value(7).toString();
        a.firstSeen = StoredTime::fromSql(q.value(8));
        a.lastSeen = StoredTime::fromSql(q.value(9));
        a.resolvedAt = StoredTime::fromSql(q.value(10));
        list.append(a);
    }
    return list;
}
} // namespace

Result<QList<ArchivedAlert>> IncidentStore::archivedAlerts(int limit, int offset) const
{
    auto q = prepare(QStringLiteral("SELECT id, identity, source, alert_name, labels, annotations, state, value, "
                                    "first_seen, last_seen, resolved_at FROM alert_archive ORDER BY last_seen DESC, id "
                                    "LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (const Status s = exec(q, tr("Could not read the alert archive")); !s) {
        return s;
    }
    return archivedAlertsFrom(q);
}

Result<qint64> IncidentStore::insertArchivedAlert(const ArchivedAlert &a)
{
    return insertRow(QStringLiteral("INSERT INTO alert_archive (id, identity, source, alert_name, labels, annotations, "
                                    "state, value, first_seen, last_seen, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {idOrNull(a.id), text(a.identity), text(a.source), text(a.alertName), jsonText(a.labels),
                      jsonText(a.annotations), text(a.state), text(a.value), StoredTime::toSql(a.firstSeen),
                      StoredTime::toSql(a.lastSeen), StoredTime::toSql(a.resolvedAt)},
                     tr("Could not archive the alert %1").arg(a.alertName), [this](qint64) { emit alertArchiveChanged(); });
}

Result<QHash<QString, AlertAck>> IncidentStore::alertAcks() const
{
    auto q = prepare(QStringLiteral("SELECT identity, note, author, acknowledged_at FROM alert_acks"));
    if (const Status s = exec(q, tr("Could not read the acknowledgements")); !s) {
        return s;
    }
    QHash<QString, AlertAck> acks;
    while (q.next()) {
        const AlertAck a{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), StoredTime::fromSql(q.value(3))};
        acks.insert(a.identity, a);
    }
    return acks;
}

Status IncidentStore::setAlertAck(const AlertAck &ack)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("INSERT INTO alert_acks (identity, note, author, acknowledged_at) "
                                        "VALUES (?, ?, ?, ?) ON CONFLICT (identity) DO UPDATE SET note = excluded.note, "
                                        "author = excluded.author, acknowledged_at = excluded.acknowledged_at"));
        q.addBindValue(ack.identity);
        q.addBindValue(text(ack.note));
        q.addBindValue(text(ack.author));
        q.addBindValue(StoredTime::toSql(ack.at));
        if (const Status s = exec(q, tr("Could not save the acknowledgement")); !s) {
            return s;
        }
        notify([this, identity = ack.identity] { emit alertAckChanged(identity); });
        return Status::success();
    });
}

Status IncidentStore::removeAlertAck(const QString &identity)
{
    return write([&]() -> Status {
        auto q = prepare(QStringLiteral("DELETE FROM alert_acks WHERE identity = ?"));
        q.addBindValue(identity);
        if (const Status s = exec(q, tr("Could not remove the acknowledgement")); !s) {
            return s;
        }
        notify([this, identity] { emit alertAckChanged(identity); });
        return Status::success();
    });
}

Result<qint64> IncidentStore::ensureArchivedAlert(const ArchivedAlert &alert)
{
    qint64 id = 0;
    const Status s = write([&]() -> Status {
        auto find = prepare(QStringLiteral("SELECT id FROM alert_archive WHERE identity = ?"));
        find.addBindValue(alert.identity);
        if (const Status e = exec(find, tr("Could not read the alert archive")); !e) {
            return e;
        }
        if (find.next()) {
            id = find.value(0).toLongLong();
            return Status::success();
        }
        const auto inserted = insertArchivedAlert(alert);
        if (!inserted) {
            return inserted.status();
        }
        id = inserted.value();
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return id;
}

Result<qint64> IncidentStore::insertAlertLink(qint64 incidentId, qint64 alertId, const QDateTime &at,
                                              const QString &snapshot, qint64 id)
{
    return insertRow(QStringLiteral("INSERT INTO alert_links (id, incident_id, alert_id, linked_at, snapshot) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {idOrNull(id), incidentId, alertId, StoredTime::toSql(at), text(snapshot)}, tr("Could not link the alert"),
                     [this, incidentId](qint64) { emit alertLinksChanged(incidentId); });
}

Status IncidentStore::deleteAlertLink(qint64 linkId)
{
    return changeRow(QStringLiteral("DELETE FROM alert_links WHERE id = ? RETURNING incident_id"), {linkId},
                     tr("Could not remove the alert link"), tr("There is no alert link %1.").arg(linkId),
                     [this](qint64 incident) { emit alertLinksChanged(incident); });
}

Result<QHash<QString, IncidentStore::LinkedAlert>> IncidentStore::alertLinksByIdentity() const
{
    auto q = prepare(QStringLiteral("SELECT a.identity, a.alert_name, l.incident_id FROM alert_links l "
                                    "JOIN alert_archive a ON a.id = l.alert_id ORDER BY l.incident_id"));
    if (const Status s = exec(q, tr("Could not read the alert links")); !s) {
        return s;
    }
    QHash<QString, LinkedAlert> links;
    while (q.next()) {
        LinkedAlert &l = links[q.value(0).toString()];
        l.alertName = q.value(1).toString();
        l.incidentIds.append(q.value(2).toLongLong());
    }
    return links;
}

Status IncidentStore::saveCopy(const QString &destination, const std::function<Status(const QString &)> &build) const
{
    if (!isOpen()) {
        return Status::failure(tr("No file is open."));
    }
    const QString target = QFileInfo(destination).absoluteFilePath();
    if (target == m_path) {
        return Status::failure(tr("A copy cannot replace the file it is made from."));
    }
    // Written beside the target, then swapped in, so a failed copy leaves the old one.
    const QString partial = target + QStringLiteral(".partial");
    auto removePartial = [&] {
        for (const char *suffix : {"", "-journal", "-wal", "-shm"}) {
            QFile::remove(partial + QLatin1String(suffix));
        }
    };
    removePartial();
    Status made = Status::success();
    if (build) {
        IncidentStore empty; // the migrations' schema and defaults, nothing else, for build to fill
        made = empty.open(partial);
        empty.close();
        if (made) {
            made = build(partial);
        }
    } else {
        if (const Status copied = m_dialect->copyTo(m_db, partial); !copied) {
            made = Status::failure(tr("Could not write a copy to %1: %2").arg(QDir::toNativeSeparators(target), copied.error()));
        }
    }
    if (!made) {
        removePartial();
        return made;
    }
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(partial).toStdString(), QFile::encodeName(target).toStdString(), error);
    if (error) {
        removePartial();
        return Status::failure(tr("Could not move the copy into place at %1: %2.")
                                   .arg(QDir::toNativeSeparators(target), QString::fromStdString(error.message())));
    }
    return Status::success();
}

// ---- review mode ----

Result<QList<ArchivedAlert>> IncidentStore::linkedArchivedAlerts(qint64 incidentId) const
{
    auto q = prepare(QStringLiteral("SELECT a.id, a.identity, a.source, a.alert_name, a.labels, a.annotations, a.state, "
                                    "a.value, a.first_seen, a.last_seen, a.resolved_at FROM alert_links l "
                                    "JOIN alert_archive a ON a.id = l.alert_id WHERE l.incident_id = ? "
                                    "ORDER BY a.first_seen, a.id"));
    q.addBindValue(incidentId);
    if (const Status s = exec(q, tr("Could not read the incident's alerts")); !s) {
        return s;
    }
    return archivedAlertsFrom(q);
}
