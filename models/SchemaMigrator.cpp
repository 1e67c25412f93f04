#include "SchemaMigrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {

// version -> resource path, from names like "002_indexes.sql"
QMap<int, QString> migrationFiles()
{
    QMap<int, QString> files;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(u'_', 0, 0).toInt(&ok);
        if (ok && version > 0) {
            files.insert(version, dir.filePath(name));
        }
    }
    return files;
}

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(v.constData());
}

// A migration file holds several statements; sqlite3_exec runs them all, which QSqlQuery cannot.
Status execScript(const QSqlDatabase &db, const QByteArray &script)
{
    sqlite3 *handle = handleOf(db);
    if (!handle) {
        return Status::failure(QCoreApplication::translate("SchemaMigrator", "the SQLite driver gave no handle"));
    }
    char *message = nullptr;
    if (sqlite3_exec(handle, script.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown SQLite error");
        sqlite3_free(message);
        return Status::failure(text);
    }
    return Status::success();
}

} // namespace

int SchemaMigrator::latestVersion()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<int> SchemaMigrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        return Status::failure(q.lastError().text());
    }
    return q.value(0).toInt();
}

Status SchemaMigrator::migrate(QSqlDatabase &db, int targetVersion)
{
    const auto current = currentVersion(db);
    if (!current) {
        return current.status();
    }
    const auto files = migrationFiles();
    for (int version = current.value() + 1; version <= targetVersion; ++version) {
        QFile file(files.value(version));
        if (!file.open(QIODevice::ReadOnly)) {
            return Status::failure(
                QCoreApplication::translate("SchemaMigrator", "migration %1 is missing from this build").arg(version));
        }
        // PRAGMAs take no bound values; both numbers are ours, not the user's.
        const QByteArray script = "BEGIN IMMEDIATE;\n" + file.readAll() + "\nPRAGMA application_id = " +
                                  QByteArray::number(kApplicationId) + ";\nPRAGMA user_version = " +
                                  QByteArray::number(version) + ";\nCOMMIT;\n";
        if (const Status s = execScript(db, script); !s) {
            (void)execScript(db, "ROLLBACK;");
            return Status::failure(QCoreApplication::translate("SchemaMigrator", "migration %1 (%2) failed: %3")
                                       .arg(version)
                                       .arg(QFileInfo(file.fileName()).fileName(), s.error()));
        }
    }
    return Status::success();
}
