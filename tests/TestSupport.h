#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QUuid>

// Helpers shared by the tests: raw looks at a file that bypass the store, so tests see what is really on disk.
namespace TestSupport {

inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs statements on the file through a connection of its own and returns the first column of the last one.
inline QVariant rawQuery(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            qWarning() << "raw open failed" << db.lastError().text();
        }
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                qWarning() << "raw query failed" << sql << q.lastError().text();
            }
        }
        if (q.isSelect() && q.next()) {
            result = q.value(0);
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace TestSupport
