#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QTemporaryDir;

// The part Prometheus and Alertmanager share: a fresh temporary directory, a server process on a free loopback port,
// readiness by /-/ready, and a stop by process id. Output goes to a log file in the directory rather than a pipe,
// so a chatty server can never block on a full pipe while a test is not running the event loop.
class LoopbackServerProcess final
{
public:
    LoopbackServerProcess();
    ~LoopbackServerProcess();
    LoopbackServerProcess(const LoopbackServerProcess &) = delete;
    LoopbackServerProcess &operator=(const LoopbackServerProcess &) = delete;

    // Stops any running server and makes a new, empty working directory.
    bool prepare(QString *error);
    QString filePath(const QString &name) const;
    bool writeFile(const QString &name, const QByteArray &contents, QString *error);

    // Starts program with arguments(listenAddress) and waits up to 20 s for /-/ready. Retries on a fresh port if the
    // one picked was taken in the meantime. On failure the process is stopped and *error has its log tail.
    bool start(const QString &program, const std::function<QStringList(const QString &listenAddress)> &arguments,
               QString *error);
    void stop();

    QUrl url() const { return m_url; }
    qint64 processId() const;

    QByteArray get(const QString &path, int *httpStatus);
    bool post(const QString &path, const QByteArray &json, QString *error);

    static QString findProgram(const QString &name);

private:
    QUrl urlFor(const QString &path) const;
    QByteArray logTail() const;
    bool waitReady();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    QUrl m_url;
};
