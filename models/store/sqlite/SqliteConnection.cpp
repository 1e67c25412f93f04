#include "SqliteConnection.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace SqliteConnection {

sqlite3 *handle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver()) {
        return nullptr;
    }
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(v.constData());
}

Status harden(sqlite3 *db)
{
    if (!db) {
        return Status::failure(QCoreApplication::translate("SqliteConnection", "the SQLite driver gave no handle"));
    }
    const struct
    {
        int option;
        int value;
    } settings[] = {
        {SQLITE_DBCONFIG_DEFENSIVE, 1},
        {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0},
        {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
        {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0},
        {SQLITE_DBCONFIG_ENABLE_VIEW, 0},
    };
    for (const auto &s : settings) {
        int now = -1;
        if (sqlite3_db_config(db, s.option, s.value, &now) != SQLITE_OK || now != s.value) {
            return Status::failure(
                QCoreApplication::translate("SqliteConnection", "SQLite refused a safety setting (%1)").arg(s.option));
        }
    }
    return Status::success();
}

} // namespace SqliteConnection
