#pragma once

#include "LoopbackServerProcess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QUrl>

// A real prometheus-alertmanager on 127.0.0.1:<free port>, clustering off, in its own temporary directory.
// Its one route groups with 1 s waits and goes to a receiver without integrations, so nothing leaves the machine.
class AlertmanagerInstance final
{
public:
    AlertmanagerInstance();
    ~AlertmanagerInstance(); // stops the server
    AlertmanagerInstance(const AlertmanagerInstance &) = delete;
    AlertmanagerInstance &operator=(const AlertmanagerInstance &) = delete;

    // Waits for /-/ready (up to 20 s); on failure the process is stopped and *error has its log tail.
    bool start(QString *error);
    void stop(); // by process id: SIGTERM, then SIGKILL after 5 s

    QUrl url() const;         // http://127.0.0.1:PORT, still set after stop()
    qint64 processId() const; // 0 when not running

    bool postAlerts(const QJsonArray &alerts, QString *error); // POST /api/v2/alerts
    QByteArray get(const QString &path, int *httpStatus = nullptr);

private:
    LoopbackServerProcess m_server;
};
