#include "LoopbackServerProcess.h"

#include "LoopbackPort.h"
#include "SyncHttp.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace {
constexpr int ReadyTimeoutMs = 20000;
constexpr int StopGraceMs = 5000;
const QString LogName = QStringLiteral("server.log");

void pause(int ms)
{
    // Runs the event loop rather than sleeping, so a FaultServer or QProcess in this thread keeps working.
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

LoopbackServerProcess::LoopbackServerProcess()
{
    // If the test dies without running destructors (crash, qFatal), the kernel still stops the server.
    // PR_SET_PDEATHSIG follows the thread that started the child; the harness runs in the test's main thread.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

LoopbackServerProcess::~LoopbackServerProcess()
{
    stop();
}

QString LoopbackServerProcess::findProgram(const QString &name)
{
    // Debian's packaged binaries first, then PATH.
    QString path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin")});
    if (path.isEmpty()) {
        path = QStandardPaths::findExecutable(name);
    }
    return path;
}

bool LoopbackServerProcess::prepare(QString *error)
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/incident-harness-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        m_dir.reset();
        return false;
    }
    return true;
}

QString LoopbackServerProcess::filePath(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

bool LoopbackServerProcess::writeFile(const QString &name, const QByteArray &contents, QString *error)
{
    QFile file(filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size()) {
        *error = QStringLiteral("cannot write ") + file.fileName() + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}

bool LoopbackServerProcess::start(const QString &program,
                                  const std::function<QStringList(const QString &listenAddress)> &arguments,
                                  QString *error)
{
    if (!m_dir) {
        *error = QStringLiteral("prepare() was not called");
        return false;
    }
    if (program.isEmpty()) {
        *error = QStringLiteral("server binary not found");
        return false;
    }
    // The port is free when picked but not reserved: another process can take it before the server binds.
    constexpr int Attempts = 3;
    for (int attempt = 1; attempt <= Attempts; ++attempt) {
        const quint16 port = LoopbackPort::findFree();
        if (port == 0) {
            *error = QStringLiteral("no free loopback port");
            return false;
        }
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
        m_url = QUrl(QStringLiteral("http://") + listen);
        QFile::remove(filePath(LogName));
        m_process.setStandardOutputFile(filePath(LogName), QIODevice::Append);
        m_process.setStandardErrorFile(filePath(LogName), QIODevice::Append);
        m_process.setWorkingDirectory(m_dir->path());
        m_process.start(program, arguments(listen));
        if (!m_process.waitForStarted(10000)) {
            *error = program + QStringLiteral(" did not start: ") + m_process.errorString();
            stop();
            return false;
        }
        if (waitReady()) {
            return true;
        }
        const QByteArray tail = logTail();
        const bool exited = m_process.state() == QProcess::NotRunning;
        stop();
        if (exited && tail.contains("address already in use") && attempt < Attempts) {
            continue;
        }
        *error = program + (exited ? QStringLiteral(" exited (code %1) before it was ready").arg(m_process.exitCode())
                                   : QStringLiteral(" was not ready within %1 s").arg(ReadyTimeoutMs / 1000)) +
                 QStringLiteral(" on ") + listen + QStringLiteral("; log tail:\n") + QString::fromUtf8(tail);
        return false;
    }
    return false;
}

bool LoopbackServerProcess::waitReady()
{
    const QDeadlineTimer deadline(ReadyTimeoutMs);
    while (!deadline.hasExpired()) {
        const int left = int(qBound(qint64(100), deadline.remainingTime(), qint64(2000)));
        if (SyncHttp::get(urlFor(QStringLiteral("/-/ready")), left).status == 200) {
            return true;
        }
        // waitForFinished(0) also collects an exit the event loop has not reported yet.
        if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(0)) {
            return false;
        }
        pause(25);
    }
    return false;
}

void LoopbackServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    const auto pid = pid_t(m_process.processId());
    if (pid > 0) {
        ::kill(pid, SIGTERM);
    }
    if (!m_process.waitForFinished(StopGraceMs)) {
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(StopGraceMs);
    }
}

qint64 LoopbackServerProcess::processId() const
{
    return m_process.processId();
}

QByteArray LoopbackServerProcess::logTail() const
{
    QFile log(filePath(LogName));
    if (!log.open(QIODevice::ReadOnly)) {
        return {};
    }
    constexpr qint64 TailBytes = 3000;
    if (log.size() > TailBytes) {
        log.seek(log.size() - TailBytes);
    }
    return log.readAll();
}

QUrl LoopbackServerProcess::urlFor(const QString &path) const
{
    // resolved() keeps a query such as "/api/v2/alerts?active=true" intact.
    return m_url.resolved(QUrl(path));
}

QByteArray LoopbackServerProcess::get(const QString &path, int *httpStatus)
{
    const SyncHttp::Result result = SyncHttp::get(urlFor(path));
    if (httpStatus) {
        *httpStatus = result.status;
    }
    return result.body;
}

bool LoopbackServerProcess::post(const QString &path, const QByteArray &json, QString *error)
{
    const SyncHttp::Result result = SyncHttp::post(urlFor(path), json, "application/json");
    if (!result.error.isEmpty()) {
        *error = result.error;
        return false;
    }
    return true;
}
