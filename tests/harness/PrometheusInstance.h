#pragma once

#include "LoopbackServerProcess.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

// A real prometheus on 127.0.0.1:<free port> with its TSDB in its own temporary directory.
class PrometheusInstance final
{
public:
    PrometheusInstance();
    ~PrometheusInstance(); // stops the server
    PrometheusInstance(const PrometheusInstance &) = delete;
    PrometheusInstance &operator=(const PrometheusInstance &) = delete;

    // rulesYaml: the text of one rule file (may be empty); scrapeTargets: host:port of /metrics targets, scraped as
    // job "game-server"; alertmanagers: host:port. Scrape and evaluation every `interval`, alerts re-sent every 1 s.
    // Waits for /-/ready (up to 20 s); on failure the process is stopped and *error has its log tail.
    bool start(const QByteArray &rulesYaml, const QStringList &scrapeTargets, const QStringList &alertmanagers,
               QString *error, const QString &interval = QStringLiteral("1s"));
    void stop(); // by process id: SIGTERM, then SIGKILL after 5 s

    QUrl url() const;         // http://127.0.0.1:PORT, still set after stop()
    qint64 processId() const; // 0 when not running

    QByteArray get(const QString &path, int *httpStatus = nullptr);

private:
    LoopbackServerProcess m_server;
};
