#include "TeamOutbox.h"

#include "StoreText.h"
#include "Tables.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace {

// An entry is kept as its declared columns' values, so it is read back exactly as it would have been written.
QString entryText(const TimelineEntry &entry)
{
    QVariantList values = Tables::timelineEntries().insertValues(entry);
    values[0] = QVariant(); // the server gives it its id
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromVariantList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

TeamOutbox::~TeamOutbox()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString TeamOutbox::fileFor(const QString &redactedAddress)
{
    const QByteArray name = QCryptographicHash::hash(redactedAddress.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/team-outbox/") +
           QString::fromLatin1(name.left(32)) + QStringLiteral(".sqlite");
}

Result<std::unique_ptr<TeamOutbox>> TeamOutbox::open(const QString &file)
{
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        return Status::failure(storeTr("The outbox folder %1 cannot be made.").arg(QFileInfo(file).absolutePath()));
    }
    std::unique_ptr<TeamOutbox> outbox(
        new TeamOutbox(QStringLiteral("ic-outbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    outbox->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), outbox->m_connectionName);
    outbox->m_db.setDatabaseName(file);
    if (!outbox->m_db.open()) {
        return Status::failure(storeTr("The outbox %1 cannot be opened: %2").arg(file, outbox->m_db.lastError().text()));
    }
    QSqlQuery q(outbox->m_db);
    // Kept as firmly as the record itself: an entry accepted here is as committed as one the server took.
    for (const char *statement :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
          "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, token TEXT NOT NULL UNIQUE, "
          "entry TEXT NOT NULL)"}) {
        if (!q.exec(QLatin1String(statement))) {
            return Status::failure(storeTr("The outbox %1 cannot be used: %2").arg(file, q.lastError().text()));
        }
    }
    return outbox;
}

Status TeamOutbox::keep(const TimelineEntry &entry)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO outbox (token, entry) VALUES (?, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(entryText(entry));
    if (!q.exec()) {
        return Status::failure(storeTr("The entry could not be kept in the outbox: %1").arg(q.lastError().text()));
    }
    return Status::success();
}

Result<QList<TeamOutbox::Waiting>> TeamOutbox::waiting() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT seq, token, entry FROM outbox ORDER BY seq"))) {
        return Status::failure(storeTr("The outbox cannot be read: %1").arg(q.lastError().text()));
    }
    QList<Waiting> all;
    while (q.next()) {
        const QVariantList values = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array().toVariantList();
        // The declaration reads the values back as it reads a row of the table: a damaged one is named, not guessed.
        QSqlQuery row(m_db);
        QStringList placeholders;
        for (int i = 0; i < values.size(); ++i) {
            placeholders.append(QStringLiteral("?"));
        }
        row.prepare(QStringLiteral("SELECT %1").arg(placeholders.join(u',')));
        for (const QVariant &v : values) {
            row.addBindValue(v);
        }
        if (values.size() != Tables::timelineEntries().spec().columns.size() || !row.exec() || !row.next()) {
            return Status::failure(storeTr("Outbox entry %1 cannot be read.").arg(q.value(0).toLongLong()));
        }
        auto entry = Tables::timelineEntries().read(row);
        if (!entry) {
            return entry.status();
        }
        all.append({q.value(0).toLongLong(), q.value(1).toString(), entry.value()});
    }
    return all;
}

Status TeamOutbox::remove(qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec()) {
        return Status::failure(storeTr("The outbox cannot be emptied: %1").arg(q.lastError().text()));
    }
    return Status::success();
}

int TeamOutbox::count() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next() ? q.value(0).toInt() : 0;
}
