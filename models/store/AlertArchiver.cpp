#include "AlertArchiver.h"

#include "ChangeLog.h"
#include "DatabaseAddress.h"
#include "PostgresDatabase.h"
#include "PostgresDialect.h"
#include "SqliteDialect.h"
#include "SqliteFile.h"
#include "StoredTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString pairsJson(const Alert::Pairs &pairs)
{
    QJsonObject o;
    for (const auto &[k, v] : pairs) {
        o.insert(k, v);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Session-level: held until released or until the archivist's connection ends (its console closed, crashed or lost
// the server), which is what lets another take over.
constexpr auto kArchivistLock = "SELECT pg_try_advisory_lock(hashtext('incident-console alert archivist'))";
constexpr auto kArchivistUnlock = "SELECT pg_advisory_unlock(hashtext('incident-console alert archivist'))";
} // namespace

AlertArchiver::AlertArchiver(QObject *parent) : QObject(parent)
{
    m_connection = QStringLiteral("alert-archiver-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

AlertArchiver::~AlertArchiver()
{
    closeDatabase();
}

void AlertArchiver::closeDatabase()
{
    if (m_archivist && m_team) {
        // Said at once rather than when the server notices the connection gone, so the next console takes over at
        // its next poll.
        QSqlQuery(m_db).exec(QLatin1String(kArchivistUnlock));
        emit archivistChanged(false);
    }
    m_archivist = false;
    m_db = QSqlDatabase(); // the connection's last handle goes with m_file, and the archivist's lock with it
    m_file.reset();
    m_log.reset();
}

void AlertArchiver::setRecord(const QString &location)
{
    closeDatabase();
    m_lastTouch.clear();
    m_pending.clear(); // they belonged to the record being left
    m_current.clear();
    m_reconciled = false;
    m_team = DatabaseAddress::isAddress(location);
    if (location.isEmpty()) {
        return;
    }
    const auto cannot = [this](const QString &why) {
        emit failed(QCoreApplication::translate("AlertArchiver", "The alert archive cannot be written: %1").arg(why));
    };
    if (m_team) {
        const auto address = DatabaseAddress::parse(location);
        if (!address) {
            cannot(address.error());
            return;
        }
        // The window's store has opened (and, if needed, set up) this database already.
        auto opened = PostgresDatabase::open(address.value(), m_connection, PostgresDialect(), true);
        if (!opened) {
            cannot(opened.error());
            return;
        }
        m_file = std::move(opened.value());
        m_log = ChangeLog::writer();
    } else {
        // A second writer connection within the same process, serialised by SQLite's own locking.
        auto opened = SqliteFile::openAlongside(location, m_connection, SqliteDialect());
        if (!opened) {
            cannot(opened.error());
            return;
        }
        m_file = std::move(opened.value());
        m_archivist = true;
    }
    m_db = m_file->database();
    if (m_team) {
        tryToTakeOver();
    }
}

void AlertArchiver::keepCurrent(const AlertDelta &delta)
{
    for (const Alert &a : delta.added) {
        m_current.insert(a.identity, a);
    }
    for (const Alert &a : delta.changed) {
        m_current.insert(a.identity, a);
    }
    for (const QString &identity : delta.resolved) {
        m_current.remove(identity);
    }
}

void AlertArchiver::tryToTakeOver()
{
    if (!m_team || m_archivist || !m_db.isValid() || (!m_db.isOpen() && !m_db.open())) {
        return; // a server still away is asked again at the next poll
    }
    QSqlQuery q(m_db);
    if (!q.exec(QLatin1String(kArchivistLock)) || !q.next()) {
        loseTheLock(); // the server went away: a fresh connection tries again at the next poll
        return;
    }
    if (!q.value(0).toBool()) {
        return; // another console archives
    }
    q.finish();
    m_archivist = true;
    emit archivistChanged(true);
    // Whatever happened while nobody held the lock (the last archivist gone, or none yet) is in what fires now.
    AlertDelta whole;
    whole.added = m_current.values();
    m_pending.clear();
    record(whole);
    if (m_reconciled) {
        reconcile(m_current.keys());
    }
}

void AlertArchiver::loseTheLock()
{
    if (m_archivist) {
        m_archivist = false;
        emit archivistChanged(false);
    }
    m_pending.clear(); // the next archivist writes the whole state
    m_db.close();      // opened again by the next try
}

void AlertArchiver::record(const AlertDelta &delta)
{
    if (m_team) {
        keepCurrent(delta);
    }
    if (delta.isEmpty() || delta.withdrawn) {
        return; // withdrawn alerts were not resolved: the console merely stopped asking for them
    }
    if (!m_archivist) {
        tryToTakeOver(); // which writes this delta with the rest when it succeeds
        return;
    }
    if (!m_db.isOpen()) {
        return;
    }
    m_pending.append(delta);
    while (!m_pending.isEmpty()) {
        if (!write(m_pending.first())) {
            return; // kept, and tried again with the next delta
        }
        m_pending.removeFirst();
    }
}

bool AlertArchiver::write(const AlertDelta &delta)
{
    const QString now = StoredTime::toText(QDateTime::currentDateTimeUtc());
    if (!m_db.transaction()) {
        emit failed(QCoreApplication::translate("AlertArchiver", "The alert archive cannot be written: %1")
                        .arg(m_db.lastError().text()));
        return false;
    }
    QSqlQuery upsert(m_db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO alert_archive (identity, source, alert_name, labels, annotations, state, value, first_seen, "
        "last_seen, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
        "ON CONFLICT (identity) DO UPDATE SET source = excluded.source, alert_name = excluded.alert_name, "
        "labels = excluded.labels, annotations = excluded.annotations, state = excluded.state, "
        "value = excluded.value, last_seen = excluded.last_seen, resolved_at = NULL"));
    int rows = 0;
    bool ok = true;
    auto write = [&](const Alert &a) {
        upsert.addBindValue(a.identity);
        upsert.addBindValue(a.sources.value(0, QStringLiteral("")));
        upsert.addBindValue(a.alertName());
        upsert.addBindValue(pairsJson(a.labels));
        upsert.addBindValue(pairsJson(a.annotations));
        upsert.addBindValue(Alert::stateKey(a.state));
        upsert.addBindValue(a.value.isNull() ? QStringLiteral("") : a.value);
        upsert.addBindValue(a.activeSince.isValid() ? StoredTime::toText(a.activeSince) : now);
        upsert.addBindValue(now);
        ok = ok && upsert.exec();
        ++rows;
    };
    for (const Alert &a : delta.added) {
        write(a);
    }
    for (const Alert &a : delta.changed) {
        write(a);
    }
    QSqlQuery resolve(m_db);
    resolve.prepare(QStringLiteral("UPDATE alert_archive SET resolved_at = ?, last_seen = ?, state = 'resolved' "
                                   "WHERE identity = ? AND resolved_at IS NULL"));
    for (const QString &identity : delta.resolved) {
        resolve.addBindValue(now);
        resolve.addBindValue(now);
        resolve.addBindValue(identity);
        ok = ok && resolve.exec();
        ++rows;
    }
    QString error = upsert.lastError().isValid() ? upsert.lastError().text() : resolve.lastError().text();
    if (ok && m_log) {
        // The other consoles' archive views read it again; NOTIFY is delivered at the commit.
        Status told = m_log->record(m_db, StoreChange::alertArchiveChanged());
        if (told) {
            told = m_log->send(m_db);
        }
        ok = told.ok();
        error = told ? QString() : told.error();
    }
    if (!ok || !m_db.commit()) {
        if (ok) {
            error = m_db.lastError().text();
        }
        m_db.rollback();
        emit failed(QCoreApplication::translate("AlertArchiver", "Alerts could not be archived yet (will retry): %1")
                        .arg(error));
        if (m_team) {
            loseTheLock();
        }
        return false;
    }
    emit archived(rows);
    return true;
}

void AlertArchiver::reconcile(const QStringList &currentIdentities)
{
    m_reconciled = true;
    if (!m_db.isOpen() || !m_archivist) {
        return;
    }
    const QSet<QString> current(currentIdentities.begin(), currentIdentities.end());
    QSqlQuery open(m_db);
    open.exec(QStringLiteral("SELECT identity FROM alert_archive WHERE resolved_at IS NULL"));
    QStringList gone;
    while (open.next()) {
        if (!current.contains(open.value(0).toString())) {
            gone.append(open.value(0).toString());
        }
    }
    open.finish();
    if (!gone.isEmpty()) {
        AlertDelta closing;
        closing.resolved = gone;
        record(closing);
    }
}

void AlertArchiver::touch(const QString &source)
{
    if (!m_archivist) {
        tryToTakeOver(); // every poll: the archivist that left is replaced within one interval
        return;
    }
    if (!m_db.isOpen()) {
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastTouch.value(source, 0) < 30000) {
        return;
    }
    m_lastTouch.insert(source, now);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE alert_archive SET last_seen = ? WHERE resolved_at IS NULL AND source = ?"));
    q.addBindValue(StoredTime::toText(QDateTime::currentDateTimeUtc()));
    q.addBindValue(source);
    q.exec();
}
