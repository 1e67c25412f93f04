#include "PostgresServer.h"

#include "ServerProcess.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <functional>

#include <pwd.h>
#include <unistd.h>

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

bool asRoot()
{
    return ::geteuid() == 0;
}

// Hands a path to the postgres system user, which runs the server when the tests run as root.
bool giveToPostgres(const QString &path)
{
    if (!asRoot()) {
        return true;
    }
    const passwd *user = ::getpwnam("postgres");
    return user && ::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
}

} // namespace

PostgresServer::PostgresServer() : m_password(QUuid::createUuid().toString(QUuid::Id128).left(20)) {}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::run(const QStringList &command, QString *error) const
{
    QProcess process;
    QStringList arguments = command;
    QString program = arguments.takeFirst();
    if (asRoot()) {
        arguments.prepend(program);
        arguments.prepend(QStringLiteral("--"));
        arguments.prepend(QStringLiteral("postgres"));
        arguments.prepend(QStringLiteral("-u"));
        program = QStringLiteral("/usr/sbin/runuser");
    }
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error) {
            *error = command.first() + QStringLiteral(" failed: ") + process.errorString() + u' ' +
                     QString::fromLocal8Bit(process.readAllStandardError() + process.readAllStandardOutput());
        }
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (!m_dir.isValid() || !giveToPostgres(m_dir.path())) {
        *error = QStringLiteral("the server's folder cannot be made or handed to the postgres user");
        return false;
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!QFile::exists(data)) {
        const QString pwFile = m_dir.filePath(QStringLiteral("pw")); // a file: a pipe is not readable by postgres
        QFile pw(pwFile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(m_password.toUtf8() + '\n') < 0) {
            *error = QStringLiteral("the password file cannot be written");
            return false;
        }
        pw.close();
        giveToPostgres(pwFile);
        if (!run({kBin + QStringLiteral("initdb"), QStringLiteral("-D"), data, QStringLiteral("-U"),
                  QStringLiteral("ic"), QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
                  QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--no-sync")},
                 error)) {
            return false;
        }
        m_port = ServerProcess::freePort();
    }
    if (!run({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), data, QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("log")), QStringLiteral("-w"), QStringLiteral("-o"),
              QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir.path()),
              QStringLiteral("start")},
             error)) {
        QFile log(m_dir.filePath(QStringLiteral("log")));
        if (log.open(QIODevice::ReadOnly)) {
            *error += QString::fromUtf8(log.readAll().right(2000));
        }
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresServer::stop(bool immediate)
{
    if (!m_running) {
        return true;
    }
    m_running = false;
    QString error;
    return run({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                QStringLiteral("-m"), immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                QStringLiteral("-w"), QStringLiteral("stop")},
               &error);
}

QString PostgresServer::url(const QString &database, bool withPassword) const
{
    return QStringLiteral("postgresql://ic%1@127.0.0.1:%2/%3")
        .arg(withPassword ? u':' + m_password : QString())
        .arg(m_port)
        .arg(database);
}

bool PostgresServer::withConnection(const QString &database, const std::function<bool(QSqlDatabase &)> &use,
                                    QString *error) const
{
    const QString name = QStringLiteral("test-setup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(QStringLiteral("ic"));
        db.setPassword(m_password);
        if (db.open()) {
            ok = use(db);
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool PostgresServer::exec(const QString &database, const QString &sql, QString *error) const
{
    return withConnection(
        database,
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                if (error) {
                    *error = q.lastError().text();
                }
                return false;
            }
            return true;
        },
        error);
}

bool PostgresServer::startStandbyOf(const PostgresServer &primary, QString *error)
{
    if (!m_dir.isValid() || !giveToPostgres(m_dir.path())) {
        *error = QStringLiteral("the standby's folder cannot be made or handed to the postgres user");
        return false;
    }
    m_password = primary.m_password;
    if (!run({kBin + QStringLiteral("pg_basebackup"), QStringLiteral("-d"),
              QStringLiteral("host=127.0.0.1 port=%1 user=ic password=%2").arg(primary.m_port).arg(m_password),
              QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-R"),
              QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("--no-sync"),
              QStringLiteral("--checkpoint=fast")}, // a spread checkpoint would take minutes
             error)) {
        return false;
    }
    m_port = ServerProcess::freePort();
    return start(error);
}

bool PostgresServer::promote(QString *error)
{
    return run({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                QStringLiteral("-w"), QStringLiteral("promote")},
               error);
}

QString PostgresServer::queryValue(const QString &database, const QString &sql) const
{
    QString value;
    withConnection(database, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next()) {
            value = q.value(0).toString();
        }
        return true;
    });
    return value;
}

bool PostgresServer::enableTls(QString *error)
{
    const auto openssl = [&](const QStringList &arguments) {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("openssl"), arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2 %3")
                         .arg(arguments.first(), p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()));
            return false;
        }
        return true;
    };
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly) || extensions.write("subjectAltName=IP:127.0.0.1\n") < 0) {
        *error = QStringLiteral("the certificate's extensions cannot be written");
        return false;
    }
    extensions.close();
    for (const QString &ca : {QStringLiteral("ca"), QStringLiteral("other-ca")}) {
        if (!openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                     QStringList{QStringLiteral("-keyout"), ca + QStringLiteral(".key"), QStringLiteral("-out"),
                                 ca + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                 QStringLiteral("-subj"), QStringLiteral("/CN=Incident Console test ") + ca})) {
            return false;
        }
    }
    if (!openssl(QStringList{QStringLiteral("req")} + ec +
                 QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                             QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}) ||
        !openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                  QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                  QStringLiteral("server.ext")})) {
        return false;
    }
    // The server refuses a key others may read; as root, it must be the postgres user's.
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const QString &file : {key, m_dir.filePath(QStringLiteral("server.pem"))}) {
        giveToPostgres(file);
    }
    for (const QString &setting :
         {QStringLiteral("ALTER SYSTEM SET ssl_cert_file = '%1'").arg(m_dir.filePath(QStringLiteral("server.pem"))),
          QStringLiteral("ALTER SYSTEM SET ssl_key_file = '%1'").arg(key), QStringLiteral("ALTER SYSTEM SET ssl = on"),
          QStringLiteral("SELECT pg_reload_conf()")}) {
        if (!exec(QStringLiteral("postgres"), setting, error)) {
            return false;
        }
    }
    return true;
}

bool PostgresServer::createDatabase(const QString &name, QString *error) const
{
    return exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name), error);
}
