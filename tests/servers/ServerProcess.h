#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// A real Prometheus or Alertmanager from Debian's packages, on a free loopback port, in a temporary folder,
// stopped by process id when the test is done with it.
class ServerProcess final
{
public:
    enum class Kind { Prometheus, Alertmanager };

    explicit ServerProcess(Kind kind);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Alertmanager: a route to a receiver without integrations, group_wait 1s.
    bool startAlertmanager(QString *error);
    // Prometheus: 1 s scrape and evaluation, the given rule file text, alerts sent to the given Alertmanagers.
    // webConfig: a --web.config.file (e.g. TLS); the server is then reached over https.
    bool startPrometheus(const QByteArray &rules, const QStringList &scrapeTargets, const QStringList &alertmanagers,
                         QString *error, const QString &webConfig = {});
    void stop();

    QUrl url() const { return m_url; }
    QString hostPort() const;
    qint64 processId() const { return m_process.processId(); }

    // Small synchronous HTTP helpers for test set-up (never used by the code under test).
    QByteArray get(const QString &path, int *status = nullptr) const;
    bool post(const QString &path, const QByteArray &json, QString *error = nullptr) const;

    static quint16 freePort();

private:
    bool launch(const QString &program, const QStringList &arguments, QString *error);

    Kind m_kind;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};
