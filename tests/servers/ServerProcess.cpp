#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace {
QByteArray request(const QUrl &url, const QByteArray *body, int *status, QString *error)
{
    QNetworkAccessManager network;
    QNetworkRequest req(url);
    req.setTransferTimeout(20000);
    if (url.scheme() == QStringLiteral("https")) {
        // Only the harness's own readiness and set-up calls skip verification; the code under test never does.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(tls);
    }
    QNetworkReply *reply = nullptr;
    if (body) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = network.post(req, *body);
    } else {
        reply = network.get(req);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status) {
        *status = code;
    }
    if (error && (reply->error() != QNetworkReply::NoError || code >= 400)) {
        *error = reply->errorString() + QStringLiteral(": ") + QString::fromUtf8(answer.left(300));
    }
    reply->deleteLater();
    return answer;
}
} // namespace

ServerProcess::ServerProcess(Kind kind) : m_kind(kind)
{
    // A log file, not a pipe: a chatty server can never stall on a full pipe nobody reads.
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("server.log")));
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")), QIODevice::Append);
    // If the test process dies, the kernel stops the server too: no orphans on the machine.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

ServerProcess::~ServerProcess()
{
    stop();
}

quint16 ServerProcess::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString ServerProcess::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_url.port());
}

bool ServerProcess::launch(const QString &program, const QStringList &arguments, QString *error)
{
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = program + QStringLiteral(" did not start: ") + m_process.errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        int status = 0;
        get(QStringLiteral("/-/ready"), &status);
        if (status == 200) {
            return true;
        }
        if (m_process.state() != QProcess::Running) {
            break;
        }
        QThread::msleep(50);
    }
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    *error = program + QStringLiteral(" was not ready: ") +
             QString::fromUtf8(log.open(QIODevice::ReadOnly) ? log.readAll().right(2000) : QByteArray());
    stop();
    return false;
}

bool ServerProcess::startAlertmanager(QString *error)
{
    QFile config(m_dir.filePath(QStringLiteral("alertmanager.yml")));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = config.errorString();
        return false;
    }
    config.write("route:\n  receiver: nobody\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\n"
                 "receivers:\n  - name: nobody\n");
    config.close();
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));
    return launch(QStringLiteral("/usr/bin/prometheus-alertmanager"),
                  {QStringLiteral("--config.file=") + config.fileName(), QStringLiteral("--storage.path=") + m_dir.path(),
                   QStringLiteral("--web.listen-address=") + hostPort(), QStringLiteral("--cluster.listen-address=")},
                  error);
}

bool ServerProcess::startPrometheus(const QByteArray &rules, const QStringList &scrapeTargets,
                                    const QStringList &alertmanagers, QString *error, const QString &webConfig)
{
    QFile ruleFile(m_dir.filePath(QStringLiteral("rules.yml")));
    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!ruleFile.open(QIODevice::WriteOnly) || !config.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the Prometheus configuration");
        return false;
    }
    ruleFile.write(rules.isEmpty() ? QByteArray("groups: []\n") : rules);
    ruleFile.close();
    QByteArray yaml = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - " +
                      ruleFile.fileName().toUtf8() + "\n";
    if (!scrapeTargets.isEmpty()) {
        yaml += "scrape_configs:\n  - job_name: game-server\n    static_configs:\n      - targets: [" +
                scrapeTargets.join(QStringLiteral(", ")).toUtf8() + "]\n";
    }
    if (!alertmanagers.isEmpty()) {
        yaml += "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [" +
                alertmanagers.join(QStringLiteral(", ")).toUtf8() + "]\n";
    }
    config.write(yaml);
    config.close();
    m_url = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(webConfig.isEmpty() ? QStringLiteral("http") : QStringLiteral("https")).arg(freePort()));
    QStringList arguments{QStringLiteral("--config.file=") + config.fileName(),
                          QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                          QStringLiteral("--web.listen-address=") + hostPort(), QStringLiteral("--rules.alert.resend-delay=1s")};
    if (!webConfig.isEmpty()) {
        arguments.append(QStringLiteral("--web.config.file=") + webConfig);
    }
    return launch(QStringLiteral("/usr/bin/prometheus"), arguments, error);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QByteArray ServerProcess::get(const QString &path, int *status) const
{
    QUrl u = m_url;
    u.setPath(path.section(u'?', 0, 0));
    if (path.contains(u'?')) {
        u.setQuery(path.section(u'?', 1));
    }
    return request(u, nullptr, status, nullptr);
}

bool ServerProcess::post(const QString &path, const QByteArray &json, QString *error) const
{
    QUrl u = m_url;
    u.setPath(path);
    int status = 0;
    request(u, &json, &status, error);
    return status >= 200 && status < 300;
}
