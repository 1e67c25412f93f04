#pragma once

#include "Result.h"

#include <QList>
#include <QMap>
#include <QString>

// Where a team record is kept: a libpq connection URI as PostgreSQL users write it,
//   postgresql://[user[:password]@]host[:port][,host[:port]…][/database][?parameter=value&…]
// with hosts as names, IPv4 or [IPv6] addresses. The password is held for connecting and never shown: redacted() is
// the form for every message, log line and window title.
class DatabaseAddress
{
public:
    struct Host
    {
        QString name;
        int port = 5432;
        bool operator==(const Host &) const = default;
    };

    // Whether a --db value or a typed location is an address rather than a file name ("postgresql://…",
    // "postgres://…", a mistyped "postgresql:…", or any other "scheme://", so a URL is never taken for a file).
    static bool isAddress(const QString &text);
    // Reads an address; a malformed one is an error that says where, without the password.
    static Result<DatabaseAddress> parse(const QString &text);

    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString database() const { return m_database; }
    const QList<Host> &hosts() const { return m_hosts; }
    // The parameters after "?", by name (sslmode, sslrootcert, target_session_attrs, connect_timeout, …).
    const QMap<QString, QString> &parameters() const { return m_parameters; }
    // "postgresql://ic@db1:5432,db2:5432/incidents?sslmode=verify-full": everything but the password.
    QString redacted() const;
    // The address as typed with a password added (one asked for or remembered), for a connection to use; an address
    // that carries one already is given back as it is.
    static QString withPassword(const QString &text, const QString &password);

private:
    QString m_user;
    QString m_password;
    QString m_database;
    QList<Host> m_hosts;
    QMap<QString, QString> m_parameters;
};
