#include "IncidentStore.h"

#include "Clock.h"
#include "ChangeLog.h"
#include "DatabaseAddress.h"
#include "TeamOutbox.h"
#include "PostgresDatabase.h"
#include "PostgresDialect.h"
#include "RecordConnection.h"
#include "SchemaMigrator.h"
#include "SqliteDialect.h"
#include "SqliteFile.h"
#include "StoredTime.h"
#include "Tables.h"
#include "tables/AlertTables.h"
#include "tables/IncidentTables.h"
#include "tables/RosterTables.h"
#include "tables/TimelineTables.h"
#include "tables/UpdateTables.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimer>

#include <filesystem>

namespace {

QAtomicInt s_connectionCounter;

} // namespace

IncidentStore::IncidentStore(QObject *parent) : QObject(parent)
{
    m_connectionName = QStringLiteral("incident-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_dialect = std::make_unique<SqliteDialect>();
    m_incidentTables = std::make_unique<IncidentTables>(*this);
    m_timelineTables = std::make_unique<TimelineTables>(*this);
    m_rosterTables = std::make_unique<RosterTables>(*this);
    m_updateTables = std::make_unique<UpdateTables>(*this);
    m_alertTables = std::make_unique<AlertTables>(*this);
}

IncidentStore::~IncidentStore()
{
    close();
}

int IncidentStore::formatVersion()
{
    return SchemaMigrator::latestVersion();
}

bool IncidentStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void IncidentStore::close()
{
    const bool wasOpen = m_db.isValid();
    m_db = QSqlDatabase(); // the connection's last handle goes with m_connection
    m_changeLog.reset();
    m_outbox.reset();
    m_connection.reset();
    m_path.clear();
    m_teamRecord = false;
    m_teamOnline = false;
    if (m_liveness) {
        m_liveness->stop();
    }
    m_transactionDepth = 0;
    m_pendingChanges.clear();
    if (wasOpen) {
        emit storeReset();
    }
}

Status IncidentStore::open(const QString &path, Access access)
{
    close();
    if (DatabaseAddress::isAddress(path)) {
        return openTeamDatabase(path, access);
    }
    m_dialect = std::make_unique<SqliteDialect>();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto opened = SqliteFile::open(absolute, m_connectionName, *m_dialect,
                                   {access == Access::ReadWrite, m_openIncidentLimit});
    if (!opened) {
        return opened.status(); // nothing is left half-open, and the file itself was not written
    }
    adopt(std::move(opened.value()), absolute, access);
    emit storeReset();
    return Status::success();
}

Status IncidentStore::openTeamDatabase(const QString &text, Access access)
{
    const auto address = DatabaseAddress::parse(text);
    if (!address) {
        return address.status();
    }
    m_dialect = std::make_unique<PostgresDialect>();
    auto opened = PostgresDatabase::open(address.value(), m_connectionName, *m_dialect, access == Access::ReadWrite);
    if (!opened) {
        m_dialect = std::make_unique<SqliteDialect>();
        return opened.status();
    }
    const bool mayWrite = opened.value()->mayWrite();
    adopt(std::move(opened.value()), address->redacted(), mayWrite ? access : Access::ReadOnly);
    m_teamRecord = true;
    auto log = ChangeLog::listen(m_db);
    if (!log) {
        close();
        return Status::failure(tr("%1 cannot be followed live: %2").arg(address->redacted(), log.error()));
    }
    m_changeLog = std::move(log.value());
    setPresenceName(m_presenceName);
    m_teamOnline = true;
    if (!m_liveness) {
        m_liveness = new QTimer(this);
        m_liveness->setInterval(2000);
        connect(m_liveness, &QTimer::timeout, this, &IncidentStore::checkTeamConnection);
    }
    m_liveness->start();
    connect(m_db.driver(), &QSqlDriver::notification, this, [this](const QString &name) {
        if (name == ChangeLog::channel()) {
            applyChangesFromOthers();
        }
    });
    if (!isReadOnly()) {
        auto outbox = TeamOutbox::open(m_outboxFile.isEmpty() ? TeamOutbox::fileFor(m_path) : m_outboxFile);
        if (outbox) {
            m_outbox = std::move(outbox.value());
        } else {
            qWarning("incident-console: %s", qPrintable(outbox.error())); // entries typed offline are then refused
        }
    }
    emit storeReset();
    sendOutbox(); // what was typed while the server was away when this console last closed
    return Status::success();
}

Status IncidentStore::openAlongside(const QString &path)
{
    close();
    m_dialect = std::make_unique<SqliteDialect>();
    auto opened = SqliteFile::openAlongside(path, m_connectionName, *m_dialect);
    if (!opened) {
        return opened.status();
    }
    adopt(std::move(opened.value()), path, Access::ReadWrite);
    return Status::success();
}

void IncidentStore::adopt(std::unique_ptr<RecordConnection> connection, const QString &path, Access access)
{
    m_connection = std::move(connection);
    m_db = m_connection->database();
    m_path = path;
    m_access = access;
}

QString IncidentStore::lastBackupPath() const
{
    return m_connection ? m_connection->backupPath() : QString();
}

QString IncidentStore::readerUri() const
{
    return m_connection ? m_connection->readerLocation() : QString();
}

Status IncidentStore::requireWritable() const
{
    if (!isOpen()) {
        return notOpen();
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
    if (m_teamRecord && !isTeamOnline()) {
        return Status::failure(tr("The team database is unreachable, so this was not saved. Timeline entries typed "
                                  "now are kept and sent when it is back."));
    }
    if (m_transactionDepth == 0) {
        m_conflict.reset(); // only the latest edit's conflict is offered to be put on top
        QSqlQuery begin(m_db);
        if (!begin.exec(m_dialect->beginWriting())) {
            return whenTheServerWentAway(
                Status::failure(tr("The file cannot be written: %1").arg(begin.lastError().text())));
        }
    }
    ++m_transactionDepth;
    Status result = body();
    --m_transactionDepth;
    if (m_transactionDepth > 0) {
        return result;
    }
    QSqlQuery end(m_db);
    if (result) {
        result = std::exchange(m_logFailure, Status::success());
    }
    if (result && m_changeLog && !m_pendingChanges.isEmpty()) {
        result = m_changeLog->send(m_db); // the other consoles hear of it when, and only if, it commits
    }
    if (result && !end.exec(QStringLiteral("COMMIT"))) {
        result = Status::failure(tr("The change could not be saved: %1").arg(end.lastError().text()));
    }
    if (!result) {
        end.exec(QStringLiteral("ROLLBACK"));
        m_pendingChanges.clear();
        m_logFailure = Status::success();
        return whenTheServerWentAway(result);
    }
    const auto changes = std::exchange(m_pendingChanges, {});
    for (const StoreChange &change : changes) {
        emitChange(change);
    }
    return result;
}

void IncidentStore::announce(const StoreChange &change)
{
    if (m_transactionDepth == 0) {
        emitChange(change);
        return;
    }
    m_pendingChanges.append(change);
    if (m_changeLog && m_logFailure) {
        m_logFailure = m_changeLog->record(m_db, change);
    }
}

void IncidentStore::emitChange(const StoreChange &c)
{
    using K = StoreChange::Kind;
    switch (c.kind) {
    case K::IncidentInserted:
        emit incidentInserted(c.incidentId);
        break;
    case K::IncidentChanged:
        emit incidentChanged(c.incidentId);
        break;
    case K::IncidentRemoved:
        emit incidentRemoved(c.incidentId);
        break;
    case K::TimelineEntryInserted:
        emit timelineEntryInserted(c.incidentId, c.rowId);
        break;
    case K::TimelineEntryChanged:
        emit timelineEntryChanged(c.incidentId, c.rowId);
        break;
    case K::TimelineEntryRemoved:
        emit timelineEntryRemoved(c.incidentId, c.rowId);
        break;
    case K::TimelineReset:
        emit timelineReset(c.incidentId);
        break;
    case K::TimelineRevisionsChanged:
        emit timelineRevisionsChanged(c.rowId);
        break;
    case K::AssignmentsChanged:
        emit assignmentsChanged(c.incidentId);
        break;
    case K::RosterChanged:
        emit rosterChanged();
        break;
    case K::SeverityHistoryChanged:
        emit severityHistoryChanged(c.incidentId);
        break;
    case K::ChecklistChanged:
        emit checklistChanged(c.incidentId);
        break;
    case K::StatusUpdatesChanged:
        emit statusUpdatesChanged(c.incidentId);
        break;
    case K::ActionItemsChanged:
        emit actionItemsChanged(c.incidentId);
        break;
    case K::PostmortemChanged:
        emit postmortemChanged(c.incidentId);
        break;
    case K::TemplatesChanged:
        emit templatesChanged();
        break;
    case K::AlertArchiveChanged:
        emit alertArchiveChanged();
        break;
    case K::AlertAckChanged:
        emit alertAckChanged(c.identity);
        break;
    case K::AlertLinksChanged:
        emit alertLinksChanged(c.incidentId);
        break;
    case K::StoreReset:
        emit storeReset();
        break;
    }
}

namespace {
// How a console shows itself among the server's connections (pg_stat_activity's application_name).
const QString kPresencePrefix = QStringLiteral("incident-console:");
} // namespace

void IncidentStore::setPresenceName(const QString &name)
{
    m_presenceName = name;
    if (m_changeLog) {
        m_changeLog->setAuthor(name);
    }
    if (!m_teamRecord || !isOpen()) {
        return;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT set_config('application_name', ?, false)"));
    q.addBindValue(QString(kPresencePrefix + name).left(63)); // the server keeps 63 bytes of it
    if (!q.exec()) {
        qWarning("incident-console: %s", qPrintable(q.lastError().text()));
    }
}

Result<QStringList> IncidentStore::othersHere() const
{
    if (!m_teamRecord || !isOpen()) {
        return QStringList();
    }
    auto q = select(QStringLiteral("SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                                   "AND application_name LIKE 'incident-console:%' AND pid <> pg_backend_pid() "
                                   "ORDER BY backend_start"),
                    {}, tr("Could not ask who else is here"));
    if (!q) {
        return q.status();
    }
    QStringList names;
    while (q->next()) {
        const QString name = q->value(0).toString().mid(kPresencePrefix.size()).trimmed();
        if (!name.isEmpty() && !names.contains(name)) {
            names.append(name);
        }
    }
    return names;
}

bool IncidentStore::serverAnswers(QString *reason) const
{
    QSqlQuery probe(m_db);
    if (probe.exec(QStringLiteral("SELECT 1"))) {
        return true;
    }
    if (reason) {
        *reason = probe.lastError().databaseText().trimmed();
    }
    return false;
}

void IncidentStore::goOffline(const QString &reason)
{
    if (m_teamOnline) {
        m_teamOnline = false;
        emit teamConnectionChanged(false, reason.isEmpty() ? tr("the server does not answer") : reason);
    }
}

Status IncidentStore::whenTheServerWentAway(const Status &failed)
{
    if (!m_teamRecord || serverAnswers()) {
        return failed; // the change's own fault, said as it is
    }
    // Not this change's fault: the server went away under it. Nothing of it was saved.
    const Status back = reconnectTeam();
    return Status::failure(back ? tr("The team database went away while this was being saved, so nothing of it was "
                                     "saved. The console is connected again: do it once more.")
                                : tr("The team database is unreachable, so nothing of this was saved: %1")
                                      .arg(back.error()));
}

void IncidentStore::checkTeamConnection()
{
    if (!m_teamRecord || m_transactionDepth > 0) {
        return;
    }
    QString reason;
    if (serverAnswers(&reason)) {
        return;
    }
    goOffline(reason);
    reconnectTeam().ok(); // when it fails the console stays offline and tries again at the next check
}

Status IncidentStore::reconnectTeam()
{
    m_db.close();
    Status ready = m_db.open() ? Status::success() : Status::failure(m_db.lastError().databaseText().trimmed());
    if (ready && !m_db.driver()->subscribeToNotification(ChangeLog::channel())) {
        ready = Status::failure(m_db.driver()->lastError().text());
    }
    if (ready) {
        ready = isReadOnly() ? m_dialect->prepareForReading(m_db) : m_dialect->prepareForWriting(m_db);
    }
    if (!ready) {
        goOffline(ready.error());
        return ready;
    }
    setPresenceName(m_presenceName);
    m_teamOnline = true;
    emit teamConnectionChanged(true, {});
    applyChangesFromOthers(); // everything committed while this console was away
    sendOutbox();
    return Status::success();
}

Status IncidentStore::notOpen() const
{
    // A team console that lost its server is still "open": it says where the record went, and that it comes back.
    return Status::failure(m_teamRecord ? tr("The team database is unreachable; the console reconnects by itself. "
                                             "Timeline entries typed now are kept and sent when it is back.")
                                        : tr("No file is open."));
}

Status IncidentStore::keepForSending(const TimelineEntry &entry)
{
    if (!m_outbox) {
        return Status::failure(tr("There is no outbox to keep this in: it was not saved."));
    }
    if (const Status s = m_outbox->keep(entry); !s) {
        return s;
    }
    emit outboxChanged(m_outbox->count());
    return Status::success();
}

int IncidentStore::waitingToBeSent() const
{
    return m_outbox ? m_outbox->count() : 0;
}

void IncidentStore::sendOutbox()
{
    if (!m_outbox || !m_teamOnline || m_transactionDepth > 0) {
        return;
    }
    const auto waiting = m_outbox->waiting();
    if (!waiting) {
        qWarning("incident-console: %s", qPrintable(waiting.error()));
        return;
    }
    if (waiting->isEmpty()) {
        return;
    }
    for (const TeamOutbox::Waiting &w : waiting.value()) {
        // The token goes in with the entry: one cut off after the server's commit and before the outbox let go of
        // it is found sent already.
        const Status sent = write([&]() -> Status {
            auto receipt = prepare(QStringLiteral("INSERT INTO outbox_receipts (token, entry_id) VALUES (?, 0) "
                                                  "ON CONFLICT (token) DO NOTHING RETURNING token"));
            receipt.addBindValue(w.token);
            if (const Status s = exec(receipt, tr("Could not send the outbox")); !s) {
                return s;
            }
            if (!receipt.next()) {
                return Status::success();
            }
            const auto id = insertTimelineEntry(w.entry);
            if (!id) {
                return id.status();
            }
            auto kept = prepare(QStringLiteral("UPDATE outbox_receipts SET entry_id = ? WHERE token = ?"));
            kept.addBindValue(id.value());
            kept.addBindValue(w.token);
            return exec(kept, tr("Could not send the outbox"));
        });
        if (!sent || !m_outbox->remove(w.seq)) {
            qWarning("incident-console: an outbox entry was not sent yet: %s", qPrintable(sent.error()));
            break;
        }
    }
    emit outboxChanged(m_outbox->count());
}

void IncidentStore::applyChangesFromOthers()
{
    if (!m_changeLog || m_transactionDepth > 0) {
        return;
    }
    const auto changes = m_changeLog->receive(m_db);
    if (!changes) {
        qWarning("incident-console: %s", qPrintable(changes.error()));
        return;
    }
    for (const StoreChange &change : changes.value()) {
        emitChange(change);
    }
}

void IncidentStore::announceReset()
{
    announce(StoreChange::storeReset());
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
        return notOpen();
    }
    // A statement SQLite refused to prepare keeps SQLite's reason ("no such column: x"); running it anyway would
    // only report "Parameter count mismatch".
    const QSqlError prepared = query.lastError();
    if (!query.exec()) {
        return Status::failure(tr("%1: %2").arg(what, (prepared.isValid() ? prepared : query.lastError()).text()));
    }
    return Status::success();
}

Result<QSqlQuery> IncidentStore::select(const QString &sql, const QVariantList &values, const QString &what) const
{
    auto q = prepare(sql);
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (const Status s = exec(q, what); !s) {
        return s;
    }
    return q;
}

Result<qint64> IncidentStore::insertRow(const QString &sql, const QVariantList &values, const QString &what,
                                        const std::function<void(qint64)> &announce)
{
    qint64 newId = 0;
    const Status s = write([&]() -> Status {
        auto q = prepareInsert(sql);
        for (const QVariant &v : values) {
            q.addBindValue(v);
        }
        const auto id = execInsert(q, what);
        if (!id) {
            return id.status();
        }
        newId = id.value();
        announce(newId); // queues the change for after the commit
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
    return changeRow(sql, values, what, [&] { return Status::failure(missing); }, announce);
}

Status IncidentStore::changeRow(const QString &sql, const QVariantList &values, const QString &what,
                                const std::function<Status()> &noRow, const std::function<void(qint64)> &announce)
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
            return noRow();
        }
        announce(q.value(0).toLongLong()); // queues the change for after the commit
        return Status::success();
    });
}

QSqlQuery IncidentStore::prepareInsert(const QString &insertSql) const
{
    return prepare(insertSql + m_dialect->returningId());
}

Result<qint64> IncidentStore::execInsert(QSqlQuery &query, const QString &what)
{
    if (const Status s = exec(query, what); !s) {
        return s;
    }
    if (m_dialect->returningId().isEmpty()) {
        return query.lastInsertId().toLongLong();
    }
    if (!query.next()) {
        return Status::failure(tr("%1: the database did not say which row it added").arg(what));
    }
    return query.value(0).toLongLong();
}

// ---- incidents ----

Result<QList<Incident>> IncidentStore::incidents(bool includeClosed) const
{
    return m_incidentTables->incidents(includeClosed);
}

Result<Incident> IncidentStore::incident(qint64 id) const
{
    return m_incidentTables->incident(id);
}

Result<qint64> IncidentStore::insertIncident(const Incident &incident)
{
    return m_incidentTables->insertIncident(incident);
}

Status IncidentStore::updateIncident(const Incident &incident)
{
    return m_incidentTables->updateIncident(incident);
}

Status IncidentStore::updateIncident(const Incident &before, const Incident &after)
{
    return m_incidentTables->updateIncident(before, after);
}

std::optional<IncidentStore::Conflict> IncidentStore::takeConflict()
{
    return std::exchange(m_conflict, std::nullopt);
}

Status IncidentStore::refuseConflict(qint64 incidentId, const QString &message)
{
    m_conflict = Conflict{incidentId, message};
    return Status::failure(message);
}

QString IncidentStore::whoElseChanged(StoreChange::Kind kind, qint64 incidentId) const
{
    const auto author =
        m_changeLog ? m_changeLog->lastAuthorElsewhere(m_db, kind, incidentId) : Result<QString>(QString());
    return author && !author->isEmpty() ? author.value() : tr("Someone else");
}

Status IncidentStore::deleteIncident(qint64 id)
{
    return m_incidentTables->deleteIncident(id);
}

// ---- timeline ----

Result<QList<TimelineEntry>> IncidentStore::timeline(qint64 incidentId, bool includeDeleted) const
{
    return m_timelineTables->timeline(incidentId, includeDeleted);
}

Result<QList<TimelineEntry>> IncidentStore::keyMomentsAndActions(qint64 incidentId, bool withActions) const
{
    return m_timelineTables->keyMomentsAndActions(incidentId, withActions);
}

Result<TimelineEntry> IncidentStore::timelineEntry(qint64 id) const
{
    return m_timelineTables->timelineEntry(id);
}

Result<qint64> IncidentStore::insertTimelineEntry(const TimelineEntry &entry)
{
    return m_timelineTables->insertTimelineEntry(entry);
}

Status IncidentStore::updateTimelineEntry(const TimelineEntry &entry)
{
    return m_timelineTables->updateTimelineEntry(entry);
}

Status IncidentStore::deleteTimelineEntry(qint64 id)
{
    return m_timelineTables->deleteTimelineEntry(id);
}

Result<QList<TimelineIndexRow>> IncidentStore::timelineIndex(qint64 incidentId, bool includeDeleted) const
{
    return m_timelineTables->timelineIndex(incidentId, includeDeleted);
}

Status IncidentStore::forEachRawRow(const QByteArray &sql, const QList<qint64> &parameters,
                                    const std::function<bool(const RawRow &)> &onRow) const
{
    if (!isOpen()) {
        return notOpen();
    }
    return m_dialect->forEachRawRow(m_db, sql, parameters, onRow);
}

Status IncidentStore::forEachIncidentToExport(std::optional<qint64> incidentId,
                                              const std::function<bool(const RawRow &)> &onRow) const
{
    QByteArray sql = QByteArrayLiteral("SELECT i.id, i.title, (SELECT count(*) FROM timeline_entries e "
                                       "WHERE e.incident_id = i.id AND e.deleted_at IS NULL) FROM incidents i ");
    if (incidentId) {
        sql += QByteArrayLiteral("WHERE i.id = ?1 ");
    }
    sql += QByteArrayLiteral("ORDER BY i.id");
    return forEachRawRow(sql, incidentId ? QList<qint64>{*incidentId} : QList<qint64>{}, onRow);
}

Status IncidentStore::forEachEntryToExport(std::optional<qint64> incidentId,
                                           const std::function<bool(const RawRow &)> &onRow) const
{
    // In ExportReads::EntryColumn's order, taken from the table's declaration.
    static const QByteArray columns = Tables::timelineEntries()
                                          .spec()
                                          .selectList({QStringLiteral("incident_id"), QStringLiteral("occurred_at"),
                                                       QStringLiteral("kind"), QStringLiteral("source"),
                                                       QStringLiteral("author"), QStringLiteral("text"),
                                                       QStringLiteral("is_key_moment"), QStringLiteral("customer_visible")})
                                          .toUtf8();
    const QByteArray sql = QByteArrayLiteral("SELECT ") + columns + QByteArrayLiteral(" FROM timeline_entries WHERE deleted_at IS NULL ")
                         + (incidentId ? QByteArrayLiteral("AND incident_id = ?1 ORDER BY occurred_at, id")
                                       : QByteArrayLiteral("ORDER BY incident_id, occurred_at, id"));
    return forEachRawRow(sql, incidentId ? QList<qint64>{*incidentId} : QList<qint64>{}, onRow);
}

Status IncidentStore::forEachActionItemToExport(std::optional<qint64> incidentId,
                                                const std::function<bool(const RawRow &)> &onRow) const
{
    QByteArray sql = QByteArrayLiteral("SELECT a.incident_id, i.title, a.title, p.name, a.due_at, a.state, a.created_at "
                                       "FROM action_items a JOIN incidents i ON i.id = a.incident_id "
                                       "LEFT JOIN people p ON p.id = a.owner_id ");
    if (incidentId) {
        sql += QByteArrayLiteral("WHERE a.incident_id = ?1 ");
    }
    sql += QByteArrayLiteral("ORDER BY a.incident_id, a.id");
    return forEachRawRow(sql, incidentId ? QList<qint64>{*incidentId} : QList<qint64>{}, onRow);
}

Status IncidentStore::forEachTableRow(const TableSpec &table, std::optional<qint64> incidentId,
                                      const std::function<bool(const RawRow &)> &onRow) const
{
    QByteArray sql = QStringLiteral("SELECT %1 FROM %2").arg(table.selectList(), table.sql).toUtf8();
    QList<qint64> parameters;
    if (incidentId) {
        sql += " WHERE " + table.incidentScope.toUtf8();
        parameters = QList<qint64>(table.incidentScope.count(u'?'), *incidentId);
    }
    sql += QByteArrayLiteral(" ORDER BY id");
    return forEachRawRow(sql, parameters, onRow);
}

Status IncidentStore::startSeverityHistories(const QList<qint64> &incidentIds)
{
    return m_incidentTables->startSeverityHistories(incidentIds);
}

Status IncidentStore::readSnapshot(const std::function<Status()> &body) const
{
    if (!isOpen()) {
        return notOpen();
    }
    if (m_transactionDepth > 0 || m_snapshotDepth > 0) {
        return body(); // the transaction already open is the snapshot
    }
    ++m_snapshotDepth;
    const Status s = m_dialect->readSnapshot(m_db, body);
    --m_snapshotDepth;
    return s;
}

Result<QList<TimelineEntry>> IncidentStore::timelineEntries(const QList<qint64> &ids) const
{
    return m_timelineTables->timelineEntries(ids);
}

Result<QList<qint64>> IncidentStore::insertTimelineEntries(const QList<TimelineEntry> &entries)
{
    return m_timelineTables->insertTimelineEntries(entries);
}

Status IncidentStore::deleteTimelineEntries(qint64 incidentId, const QList<qint64> &ids)
{
    return m_timelineTables->deleteTimelineEntries(incidentId, ids);
}

Result<QList<TimelineRevision>> IncidentStore::timelineRevisions(qint64 entryId) const
{
    return m_timelineTables->timelineRevisions(entryId);
}

Result<qint64> IncidentStore::insertTimelineRevision(const TimelineRevision &r)
{
    return m_timelineTables->insertTimelineRevision(r);
}

Status IncidentStore::deleteTimelineRevision(qint64 id)
{
    return m_timelineTables->deleteTimelineRevision(id);
}

Status IncidentStore::addToSearchIndex(const QList<qint64> &entryIds)
{
    return m_timelineTables->addToSearchIndex(entryIds);
}

QString IncidentStore::searchQuery(const QString &words)
{
    return SqliteDialect().matchQuery(words);
}

Result<QList<qint64>> IncidentStore::searchTimeline(const QString &words, qint64 incidentId, int limit) const
{
    return m_timelineTables->searchTimeline(words, incidentId, limit);
}

// ---- people and roles ----

// ---- severity history and checklists ----

Result<QList<SeverityChange>> IncidentStore::severityChanges(qint64 incidentId) const
{
    return m_incidentTables->severityChanges(incidentId);
}

Result<qint64> IncidentStore::insertSeverityChange(const SeverityChange &c)
{
    return m_incidentTables->insertSeverityChange(c);
}

Status IncidentStore::deleteSeverityChange(qint64 id)
{
    return m_incidentTables->deleteSeverityChange(id);
}

Result<QList<ChecklistDefault>> IncidentStore::checklistDefaults() const
{
    return m_incidentTables->checklistDefaults();
}

Result<QList<ChecklistItem>> IncidentStore::checklist(qint64 incidentId) const
{
    return m_incidentTables->checklist(incidentId);
}

Result<qint64> IncidentStore::insertChecklistItem(const ChecklistItem &i)
{
    return m_incidentTables->insertChecklistItem(i);
}

Status IncidentStore::setChecklistItemDone(qint64 itemId, bool wasDone, const QDateTime &doneAt, const QString &doneBy)
{
    return m_incidentTables->setChecklistItemDone(itemId, wasDone, doneAt, doneBy);
}

Status IncidentStore::setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy)
{
    return m_incidentTables->setChecklistItemDone(itemId, doneAt, doneBy);
}

Status IncidentStore::deleteChecklistItem(qint64 id)
{
    return m_incidentTables->deleteChecklistItem(id);
}

Result<QHash<qint64, IncidentStore::IncidentFacts>> IncidentStore::incidentFacts(const QList<qint64> &incidentIds) const
{
    return m_incidentTables->incidentFacts(incidentIds);
}

Result<qint64> IncidentStore::mostRecentlyActiveIncident() const
{
    return m_incidentTables->mostRecentlyActiveIncident();
}

Result<QList<Person>> IncidentStore::people() const
{
    return m_rosterTables->people();
}

Result<qint64> IncidentStore::insertPerson(const Person &person)
{
    return m_rosterTables->insertPerson(person);
}

Status IncidentStore::updatePerson(const Person &person)
{
    return m_rosterTables->updatePerson(person);
}

Status IncidentStore::deletePerson(qint64 id)
{
    return m_rosterTables->deletePerson(id);
}

Result<QList<Role>> IncidentStore::roles() const
{
    return m_rosterTables->roles();
}

Result<qint64> IncidentStore::insertRole(const Role &role)
{
    return m_rosterTables->insertRole(role);
}

Status IncidentStore::deleteRole(qint64 id)
{
    return m_rosterTables->deleteRole(id);
}

Result<QList<RoleAssignment>> IncidentStore::assignments(qint64 incidentId) const
{
    return m_rosterTables->assignments(incidentId);
}

Result<qint64> IncidentStore::insertAssignment(const RoleAssignment &a)
{
    return m_rosterTables->insertAssignment(a);
}

Status IncidentStore::setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt)
{
    return m_rosterTables->setAssignmentReleased(assignmentId, releasedAt);
}

Status IncidentStore::deleteAssignment(qint64 id)
{
    return m_rosterTables->deleteAssignment(id);
}

Status IncidentStore::deleteHeldAssignment(qint64 id)
{
    return m_rosterTables->deleteHeldAssignment(id);
}

// ---- status updates, action items, templates, alerts ----

Result<QList<StatusUpdate>> IncidentStore::statusUpdates(qint64 incidentId) const
{
    return m_updateTables->statusUpdates(incidentId);
}

Result<QString> IncidentStore::draft(qint64 incidentId, StatusUpdate::Audience audience) const
{
    return m_updateTables->draft(incidentId, audience);
}

Status IncidentStore::saveDraft(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                const QDateTime &at)
{
    return m_updateTables->saveDraft(incidentId, audience, body, at);
}

Status IncidentStore::deleteDraft(qint64 incidentId, StatusUpdate::Audience audience)
{
    return m_updateTables->deleteDraft(incidentId, audience);
}

Result<qint64> IncidentStore::insertStatusUpdate(const StatusUpdate &u)
{
    return m_updateTables->insertStatusUpdate(u);
}

Result<QList<ActionItem>> IncidentStore::actionItems(qint64 incidentId) const
{
    return m_updateTables->actionItems(incidentId);
}

Result<QList<ActionItem>> IncidentStore::allActionItems(const QDateTime &nowUtc) const
{
    return m_updateTables->allActionItems(nowUtc);
}

Result<qint64> IncidentStore::insertActionItem(const ActionItem &a)
{
    return m_updateTables->insertActionItem(a);
}

Status IncidentStore::updateActionItem(const ActionItem &a)
{
    return m_updateTables->updateActionItem(a);
}

Result<Postmortem> IncidentStore::postmortem(qint64 incidentId) const
{
    return m_updateTables->postmortem(incidentId);
}

Status IncidentStore::savePostmortem(const Postmortem &p)
{
    return m_updateTables->savePostmortem(p);
}

Status IncidentStore::deletePostmortem(qint64 incidentId)
{
    return m_updateTables->deletePostmortem(incidentId);
}

Status IncidentStore::deleteActionItem(qint64 id)
{
    return m_updateTables->deleteActionItem(id);
}

Result<QList<MessageTemplate>> IncidentStore::templates() const
{
    return m_updateTables->templates();
}

Result<qint64> IncidentStore::insertTemplate(const MessageTemplate &t)
{
    return m_updateTables->insertTemplate(t);
}

Status IncidentStore::updateTemplate(const MessageTemplate &t)
{
    return m_updateTables->updateTemplate(t);
}

Status IncidentStore::deleteTemplate(qint64 id)
{
    return m_updateTables->deleteTemplate(id);
}

Result<QList<ArchivedAlert>> IncidentStore::archivedAlerts(int limit, int offset) const
{
    return m_alertTables->archivedAlerts(limit, offset);
}

Result<qint64> IncidentStore::insertArchivedAlert(const ArchivedAlert &a)
{
    return m_alertTables->insertArchivedAlert(a);
}

Result<QHash<QString, AlertAck>> IncidentStore::alertAcks() const
{
    return m_alertTables->alertAcks();
}

Status IncidentStore::setAlertAck(const AlertAck &ack)
{
    return m_alertTables->setAlertAck(ack);
}

Status IncidentStore::removeAlertAck(const QString &identity)
{
    return m_alertTables->removeAlertAck(identity);
}

Result<qint64> IncidentStore::ensureArchivedAlert(const ArchivedAlert &alert)
{
    return m_alertTables->ensureArchivedAlert(alert);
}

Result<qint64> IncidentStore::insertAlertLink(qint64 incidentId, qint64 alertId, const QDateTime &at,
                                              const QString &snapshot, qint64 id)
{
    return m_alertTables->insertAlertLink(incidentId, alertId, at, snapshot, id);
}

Status IncidentStore::deleteAlertLink(qint64 linkId)
{
    return m_alertTables->deleteAlertLink(linkId);
}

Result<QHash<QString, IncidentStore::LinkedAlert>> IncidentStore::alertLinksByIdentity() const
{
    return m_alertTables->alertLinksByIdentity();
}

Status IncidentStore::copyIncidentInto(qint64 incidentId, const QString &emptyFile) const
{
    if (!isOpen()) {
        return notOpen();
    }
    static const QStringList fileWide{QStringLiteral("roles"), QStringLiteral("templates"),
                                      QStringLiteral("checklist_defaults")};
    return m_dialect->copyIncident(readerUri(), emptyFile, incidentId, Tables::exchanged(), fileWide);
}

Status IncidentStore::saveCopy(const QString &destination, const std::function<Status(const QString &)> &build) const
{
    if (!isOpen()) {
        return notOpen();
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
            made = Status::failure(
                tr("Could not write a copy to %1: %2").arg(QDir::toNativeSeparators(target), copied.error()));
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
    return m_alertTables->linkedArchivedAlerts(incidentId);
}
