#pragma once

#include <QDir>
#include <QMap>
#include <QString>

// The migrations of one kind of record: number -> resource path, from names like "002_indexes.sql" in a folder of
// the store's resources (":/migrations" for files, ":/migrations-postgresql" for team databases).
inline QMap<int, QString> numberedScripts(const QString &folder)
{
    QMap<int, QString> files;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(u'_', 0, 0).toInt(&ok);
        if (ok && version > 0) {
            files.insert(version, dir.filePath(name));
        }
    }
    return files;
}
