#include "SchemaMigrator.h"

#include "NumberedScripts.h"
#include "SqliteConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QAtomicInt>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sqlite3.h>

namespace {

QMap<int, QString> migrationFiles()
{
    return numberedScripts(QStringLiteral(":/migrations"));
}

// A migration file holds several statements; sqlite3_exec runs them all, which QSqlQuery cannot.
Status execScript(const QSqlDatabase &db, const QByteArray &script)
{
    sqlite3 *handle = SqliteConnection::handle(db);
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

QString tr(const char *text)
{
    return QCoreApplication::translate("SchemaMigrator", text);
}

// Every object of a schema by "type name", with what it is: for a table its columns, keys and unique constraints as
// SQLite reports them (so the text of a CREATE that ALTER TABLE rewrote does not matter); for a virtual table,
// index, trigger or view its SQL.
using SchemaShape = QMap<QString, QString>;

Result<QString> describeTable(const QSqlDatabase &db, const QString &table)
{
    QStringList parts;
    const struct
    {
        const char *what;
        const char *sql;
    } pragmas[] = {
        {"column", "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid"},
        {"reference", "SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\" "
                      "FROM pragma_foreign_key_list(?) ORDER BY id, seq"},
        {"constraint", "SELECT l.origin, l.\"unique\", i.name FROM pragma_index_list(?1) l, pragma_index_info(l.name) i "
                       "WHERE l.origin <> 'c' ORDER BY l.name, i.seqno"},
    };
    for (const auto &p : pragmas) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QString::fromLatin1(p.sql));
        q.addBindValue(table);
        if (!q.exec()) {
            return Status::failure(q.lastError().text());
        }
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < q.record().count(); ++i) {
                fields.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            }
            parts.append(QString::fromLatin1(p.what) + u' ' + fields.join(u'|'));
        }
    }
    return parts.join(u'\n');
}

// expected: the reference, when shaping a file: a table it does not have is named, never looked into (a pragma on a
// virtual table of someone else's would run its module).
Result<SchemaShape> shapeOf(const QSqlDatabase &db, const SchemaShape *expected)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql, rootpage FROM sqlite_schema ORDER BY name"))) {
        return Status::failure(q.lastError().text());
    }
    struct Object
    {
        QString type, name, table, sql;
        bool hasStorage; // a virtual table (and a view or trigger) has no b-tree of its own: rootpage 0
    };
    QList<Object> objects;
    QStringList virtualTables;
    while (q.next()) {
        Object o{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                 q.value(4).toLongLong() != 0};
        if (o.type == u"table" && !o.hasStorage) {
            virtualTables.append(o.name);
        }
        objects.append(o);
    }
    SchemaShape shape;
    for (const Object &o : std::as_const(objects)) {
        if (o.type == u"index" && o.sql.isEmpty()) {
            continue; // a table's UNIQUE and PRIMARY KEY constraints (sqlite_autoindex_*), described with the table
        }
        const QString key = o.type + u' ' + o.name;
        if (o.type != u"table" || virtualTables.contains(o.name)) {
            shape.insert(key, QStringLiteral("on %1: %2").arg(o.table, o.sql));
            continue;
        }
        // The full-text index's own tables: written and read only by SQLite's fts5, whose layout follows its version.
        static const QStringList shadowSuffixes{QStringLiteral("_data"), QStringLiteral("_idx"), QStringLiteral("_content"),
                                                QStringLiteral("_docsize"), QStringLiteral("_config")};
        const bool shadow = std::any_of(virtualTables.cbegin(), virtualTables.cend(), [&](const QString &v) {
            return o.name.startsWith(v) && shadowSuffixes.contains(o.name.mid(v.size()));
        });
        if (shadow) {
            shape.insert(key, QStringLiteral("full-text index storage"));
            continue;
        }
        if (expected && !expected->contains(key)) {
            shape.insert(key, QStringLiteral("not ours"));
            continue;
        }
        const auto description = describeTable(db, o.name);
        if (!description) {
            return description.status();
        }
        shape.insert(key, description.value());
    }
    return shape;
}

// The schema the migrations make at a version, built once per version in memory.
Result<SchemaShape> referenceShape(int version)
{
    static QMutex mutex;
    static QHash<int, SchemaShape> cache;
    static QAtomicInt counter;
    const QMutexLocker locker(&mutex);
    if (const auto it = cache.constFind(version); it != cache.cend()) {
        return *it;
    }
    const QString name = QStringLiteral("schema-reference-%1").arg(counter.fetchAndAddRelaxed(1));
    Result<SchemaShape> shape = Status::failure(tr("the reference schema could not be built"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            shape = Status::failure(db.lastError().text());
        } else if (const Status hardened = SqliteConnection::harden(SqliteConnection::handle(db)); !hardened) {
            shape = hardened;
        } else if (const Status migrated = SchemaMigrator::migrate(db, version); !migrated) {
            shape = migrated;
        } else {
            shape = shapeOf(db, nullptr);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (shape) {
        cache.insert(version, shape.value());
    }
    return shape;
}

QString describeObject(const QString &key, const QString &shape)
{
    const QString type = key.section(u' ', 0, 0);
    const QString name = key.section(u' ', 1);
    const QString table = shape.startsWith(QStringLiteral("on ")) ? shape.section(u':', 0, 0).mid(3) : QString();
    if (type == u"trigger") {
        return tr("a trigger \"%1\" on %2").arg(name, table);
    }
    if (type == u"index") {
        return tr("an index \"%1\" on %2").arg(name, table);
    }
    if (type == u"view") {
        return tr("a view \"%1\"").arg(name);
    }
    return tr("a table \"%1\"").arg(name);
}

} // namespace

Result<QStringList> SchemaMigrator::schemaDifferences(const QSqlDatabase &db, int version)
{
    const auto expected = referenceShape(version);
    if (!expected) {
        return expected.status();
    }
    const auto actual = shapeOf(db, &expected.value());
    if (!actual) {
        return actual.status();
    }
    QStringList differences;
    for (auto it = actual->cbegin(); it != actual->cend(); ++it) {
        const auto want = expected->constFind(it.key());
        if (want == expected->cend()) {
            differences.append(tr("%1 that Incident Console does not make").arg(describeObject(it.key(), it.value())));
        } else if (*want != it.value()) {
            differences.append(tr("%1 defined otherwise than Incident Console defines it")
                                   .arg(describeObject(it.key(), it.value())));
        }
    }
    for (auto it = expected->cbegin(); it != expected->cend(); ++it) {
        if (!actual->contains(it.key())) {
            differences.append(tr("%1 is missing").arg(describeObject(it.key(), it.value())));
        }
    }
    return differences;
}

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
