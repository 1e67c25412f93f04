#include "PostgresDatabase.h"

#include "NumberedScripts.h"
#include "SchemaMigrator.h"
#include "SqlDialect.h"
#include "StoreText.h"
#include "Tables.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

QMap<int, QString> migrationFiles()
{
    return numberedScripts(QStringLiteral(":/migrations-postgresql"));
}

// libpq's connection keywords, as Qt's driver passes them on: space-free values, or quoted.
QString keyword(const QString &name, const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return QStringLiteral("%1='%2'").arg(name, quoted);
}

// The playbook's roles, checklists and templates as the file's migrations make them, so both kinds of record start
// from the same words without a second copy of them here.
template <class Row> Status copySeedRows(const QSqlDatabase &seed, QSqlDatabase &team, const RowTable<Row> &table)
{
    QSqlQuery read(seed);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(table.selectList(), table.spec().sql))) {
        return Status::failure(read.lastError().text());
    }
    const auto rows = table.readAll(read);
    if (!rows) {
        return rows.status();
    }
    QSqlQuery insert(team);
    insert.prepare(table.spec().insertStatement());
    for (const Row &row : rows.value()) {
        table.bindInsert(insert, row);
        if (!insert.exec()) {
            return Status::failure(insert.lastError().text());
        }
    }
    return Status::success();
}

Status seedRows(QSqlDatabase &team)
{
    const QString name = QStringLiteral("ic-seed-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status s = Status::success();
    {
        QSqlDatabase seed = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        seed.setDatabaseName(QStringLiteral(":memory:"));
        s = seed.open() ? SchemaMigrator::migrate(seed, SchemaMigrator::latestVersion())
                        : Status::failure(seed.lastError().text());
        if (s) {
            s = copySeedRows(seed, team, Tables::roles());
        }
        if (s) {
            s = copySeedRows(seed, team, Tables::checklistDefaults());
        }
        if (s) {
            s = copySeedRows(seed, team, Tables::templates());
        }
        seed.close();
    }
    QSqlDatabase::removeDatabase(name);
    return s;
}

} // namespace

int PostgresDatabase::latestFormat()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const DatabaseAddress &address,
                                                                 const QString &connectionName,
                                                                 const SqlDialect &dialect, bool writable)
{
    std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(connectionName));
    if (const Status s = database->openChecked(address, dialect, writable); !s) {
        return s;
    }
    return database;
}

Status PostgresDatabase::openChecked(const DatabaseAddress &address, const SqlDialect &dialect, bool writable)
{
    const QString name = address.redacted();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Status::failure(storeTr("%1 cannot be opened: Qt's PostgreSQL driver is not installed (Debian: "
                                       "libqt6sql6-psql).")
                                   .arg(name));
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setDatabaseName(address.database());
    m_db.setUserName(address.user());
    // Without a password in the address, libpq looks in PGPASSWORD and ~/.pgpass as its users expect.
    m_db.setPassword(address.password());
    QStringList hosts;
    QStringList ports;
    for (const DatabaseAddress::Host &host : address.hosts()) {
        hosts.append(host.name);
        ports.append(QString::number(host.port));
    }
    QStringList options{keyword(QStringLiteral("host"), hosts.join(u',')),
                        keyword(QStringLiteral("port"), ports.join(u',')),
                        keyword(QStringLiteral("application_name"), QStringLiteral("incident-console"))};
    if (!address.parameters().contains(QStringLiteral("connect_timeout"))) {
        options.append(keyword(QStringLiteral("connect_timeout"), QStringLiteral("5"))); // a dead server says so soon
    }
    for (auto it = address.parameters().cbegin(); it != address.parameters().cend(); ++it) {
        options.append(keyword(it.key(), it.value()));
    }
    m_db.setConnectOptions(options.join(u';'));
    if (!m_db.open()) {
        // libpq's words name the host and the user, never the password.
        return Status::failure(storeTr("Could not connect to the team database %1: %2")
                                   .arg(name, m_db.lastError().databaseText().trimmed()));
    }

    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('ic_record') IS NOT NULL")) || !q.next()) {
        return Status::failure(storeTr("%1 cannot be read: %2").arg(name, q.lastError().text()));
    }
    const bool recorded = q.value(0).toBool();
    int format = 0;
    if (recorded) {
        if (!q.exec(QStringLiteral("SELECT application, format FROM ic_record")) || !q.next()) {
            return Status::failure(storeTr("%1 cannot be read: %2").arg(name, q.lastError().text()));
        }
        if (q.value(0).toString() != QLatin1String(kApplication)) {
            return Status::failure(storeTr("%1 belongs to another program (%2), not Incident Console. It was left "
                                           "untouched.")
                                       .arg(name, q.value(0).toString()));
        }
        format = q.value(1).toInt();
    } else {
        const auto tables = dialect.tableCount(m_db);
        if (!tables) {
            return Status::failure(storeTr("%1 cannot be read: %2").arg(name, tables.error()));
        }
        if (tables.value() > 0) {
            return Status::failure(
                storeTr("%1 holds %n table(s) of another program and no Incident Console record. It was "
                        "left untouched: give the team an empty database of its own.",
                        nullptr, tables.value())
                    .arg(name));
        }
    }
    const int latest = latestFormat();
    if (format > latest) {
        return Status::failure(
            storeTr("%1 was set up by a newer Incident Console (team format %2; this version reads up "
                    "to %3). Update Incident Console to open it. It was left untouched.")
                .arg(name)
                .arg(format)
                .arg(latest));
    }
    if (format < latest) {
        if (!writable) {
            return Status::failure(storeTr("%1 is not set up for Incident Console yet (or is in an older format); a "
                                           "console that may write there sets it up on first opening.")
                                       .arg(name));
        }
        if (const Status s = migrate(format, name); !s) {
            return s;
        }
    }
    if (writable) {
        // A role granted only SELECT is a read-only seat: asked once here, so the window can say so before anyone
        // types into a box whose words the server would refuse.
        if (!q.exec(QStringLiteral("SELECT has_table_privilege('timeline_entries', 'INSERT')")) || !q.next()) {
            return Status::failure(storeTr("%1 cannot be read: %2").arg(name, q.lastError().text()));
        }
        writable = q.value(0).toBool();
    }
    m_mayWrite = writable;
    const Status prepared = writable ? dialect.prepareForWriting(m_db) : dialect.prepareForReading(m_db);
    if (!prepared) {
        return Status::failure(storeTr("%1 cannot be prepared: %2").arg(name, prepared.error()));
    }
    return Status::success();
}

Status PostgresDatabase::migrate(int from, const QString &name)
{
    QSqlQuery q(m_db);
    const auto fail = [&](const QString &what) {
        q.exec(QStringLiteral("ROLLBACK"));
        return Status::failure(
            storeTr("%1 could not be set up for Incident Console: %2. Nothing was changed.").arg(name, what));
    };
    if (!q.exec(QStringLiteral("BEGIN"))) {
        return fail(q.lastError().text());
    }
    // Two consoles opening an empty database at once: the second waits here, then finds the first one's work.
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('incident-console migrations'))")) ||
        !q.exec(QStringLiteral("SELECT to_regclass('ic_record') IS NOT NULL")) || !q.next()) {
        return fail(q.lastError().text());
    }
    if (q.value(0).toBool()) {
        if (!q.exec(QStringLiteral("SELECT format FROM ic_record")) || !q.next()) {
            return fail(q.lastError().text());
        }
        from = q.value(0).toInt();
    }
    const auto files = migrationFiles();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() <= from) {
            continue;
        }
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(storeTr("its migration %1 cannot be read").arg(it.value()));
        }
        if (!q.exec(QString::fromUtf8(file.readAll()))) {
            return fail(storeTr("migration %1: %2").arg(it.key()).arg(q.lastError().text()));
        }
    }
    if (from == 0) {
        if (const Status seeded = seedRows(m_db); !seeded) {
            return fail(seeded.error());
        }
        if (!q.exec(QStringLiteral("CREATE TABLE ic_record (application text NOT NULL, format integer NOT NULL)")) ||
            !q.prepare(QStringLiteral("INSERT INTO ic_record (application, format) VALUES (?, ?)"))) {
            return fail(q.lastError().text());
        }
        q.addBindValue(QString::fromLatin1(kApplication));
        q.addBindValue(latestFormat());
        if (!q.exec()) {
            return fail(q.lastError().text());
        }
    } else {
        q.prepare(QStringLiteral("UPDATE ic_record SET format = ?"));
        q.addBindValue(latestFormat());
        if (!q.exec()) {
            return fail(q.lastError().text());
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        return fail(q.lastError().text());
    }
    return Status::success();
}
