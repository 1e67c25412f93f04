#include "AlertArchiver.h"

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
    m_db = QSqlDatabase(); // the connection's last handle goes with m_file
    m_file.reset();
}

void AlertArchiver::setDatabasePath(const QString &path)
{
    closeDatabase();
    m_lastTouch.clear();
    m_pending.clear(); // they belonged to the file being left
    if (path.isEmpty()) {
        return;
    }
    // The window's store has opened (and, if needed, upgraded) this file already; this is a second writer
    // connection within the same process, serialised by SQLite's own locking.
    auto opened = SqliteFile::openAlongside(path, m_connection, SqliteDialect());
    if (!opened) {
        emit failed(QCoreApplication::translate("AlertArchiver", "The alert archive cannot be written: %1")
                        .arg(opened.error()));
        return;
    }
    m_file = std::move(opened.value());
    m_db = m_file->database();
}

void AlertArchiver::record(const AlertDelta &delta)
{
    if (!m_db.isOpen() || delta.isEmpty() || delta.withdrawn) {
        return; // withdrawn alerts were not resolved: the console merely stopped asking for them
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
    if (!ok) {
        const QString error = upsert.lastError().isValid() ? upsert.lastError().text() : resolve.lastError().text();
        m_db.rollback();
        emit failed(QCoreApplication::translate("AlertArchiver", "Alerts could not be archived yet (will retry): %1").arg(error));
        return false;
    }
    if (!m_db.commit()) {
        m_db.rollback();
        emit failed(QCoreApplication::translate("AlertArchiver", "Alerts could not be archived yet (will retry): %1")
                        .arg(m_db.lastError().text()));
        return false;
    }
    emit archived(rows);
    return true;
}

void AlertArchiver::reconcile(const QStringList &currentIdentities)
{
    if (!m_db.isOpen()) {
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
