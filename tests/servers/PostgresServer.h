#pragma once

#include <QString>
#include <QTemporaryDir>

#include <functional>

class QSqlDatabase;

// A throwaway PostgreSQL 15 from Debian's packages for the team-mode tests: its own cluster in a temporary folder,
// on a free loopback port, with a password-only superuser "ic". As root it runs as the postgres system user
// (initdb and postgres refuse root). Stopped, and its folder removed, when the test is done with it.
class PostgresServer final
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool start(QString *error);
    // Stops it: fast (a clean shutdown) or immediate (a crash: the next start recovers from the write-ahead log).
    bool stop(bool immediate = false);

    int port() const { return m_port; }
    QString password() const { return m_password; }
    // postgresql://ic[:password]@127.0.0.1:port/database
    QString url(const QString &database, bool withPassword = true) const;
    // Runs statements as the superuser (set-up only, never by the code under test).
    bool exec(const QString &database, const QString &sql, QString *error = nullptr) const;
    bool createDatabase(const QString &name, QString *error = nullptr) const;
    // Turns TLS on (while running): a certificate for 127.0.0.1 signed by a throwaway CA, made with openssl.
    // caFile() is that CA, for sslmode=verify-full; otherCaFile() a CA that did not sign it.
    bool enableTls(QString *error);
    // A streaming standby of a running primary (pg_basebackup -R), on a port of its own; promote() makes it the
    // primary, as a fail-over does. Same superuser and password as the primary's.
    bool startStandbyOf(const PostgresServer &primary, QString *error);
    bool promote(QString *error);
    // The first value of a statement's first row, as text; empty when it failed.
    QString queryValue(const QString &database, const QString &sql) const;
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString otherCaFile() const { return m_dir.filePath(QStringLiteral("other-ca.pem")); }

private:
    bool run(const QStringList &command, QString *error) const;
    // A superuser connection to one database for `use`, closed after; false when it could not connect.
    bool withConnection(const QString &database, const std::function<bool(QSqlDatabase &)> &use,
                        QString *error = nullptr) const;

    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_password;
    bool m_running = false;
};
