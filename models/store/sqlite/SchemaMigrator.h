#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QStringList>

// Brings a file's schema up to date from the numbered SQL files in resources/migrations.
// Each migration runs in its own transaction and bumps PRAGMA user_version with it.
class SchemaMigrator final
{
public:
    static constexpr int kApplicationId = 0x49436f6e; // "ICon": marks a file as ours

    static int latestVersion();
    // Applies migrations (current, target]; stops at the first failure with the file left at the last good version.
    static Status migrate(QSqlDatabase &db, int targetVersion);
    static Result<int> currentVersion(const QSqlDatabase &db);
    // How a file's schema differs from the one the migrations make at its version: objects of anyone else's
    // (triggers, views, tables, indexes), missing ones, and tables whose columns, keys or constraints differ.
    // Empty when it is the same.
    static Result<QStringList> schemaDifferences(const QSqlDatabase &db, int version);
};
