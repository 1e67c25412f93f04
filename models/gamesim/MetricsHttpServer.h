#pragma once

#include "GameServerModel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTcpServer>

// Serves the model over HTTP: /metrics, /metrics/errors, /scenario (GET, or PUT/POST a name), /-/healthy.
class MetricsHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsHttpServer)

public:
    explicit MetricsHttpServer(GameServerModel *model, QObject *parent = nullptr);
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void handle(QTcpSocket *socket, const QByteArray &request);

    GameServerModel *m_model;
    QTcpServer m_server;
    QElapsedTimer m_clock;
};
