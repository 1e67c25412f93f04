#include "MetricsHttpServer.h"

#include <QTcpSocket>

MetricsHttpServer::MetricsHttpServer(GameServerModel *model, QObject *parent) : QObject(parent), m_model(model)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
                const qsizetype end = buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    socket->setProperty("buffer", buffer);
                    return;
                }
                // A body, if any, is announced by Content-Length; wait for all of it.
                qsizetype length = 0;
                for (const QByteArray &line : buffer.left(end).split('\n')) {
                    if (line.toLower().startsWith("content-length:")) {
                        length = line.mid(15).trimmed().toLongLong();
                    }
                }
                if (buffer.size() < end + 4 + length) {
                    socket->setProperty("buffer", buffer);
                    return;
                }
                handle(socket, buffer.left(end + 4 + length));
            });
        }
    });
}

bool MetricsHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void MetricsHttpServer::handle(QTcpSocket *socket, const QByteArray &request)
{
    const QList<QByteArray> first = request.left(request.indexOf("\r\n")).split(' ');
    const QByteArray method = first.value(0);
    const QByteArray path = first.value(1).split('?').first();
    const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4).trimmed();

    // Time moves on between scrapes whatever the scenario.
    m_model->advance(m_clock.restart() / 1000.0);

    int status = 200;
    QByteArray type = "text/plain; charset=utf-8";
    QByteArray answer;
    if (method == "GET" && path == "/metrics") {
        type = "text/plain; version=0.0.4; charset=utf-8";
        answer = m_model->exposition();
    } else if (method == "GET" && path == "/metrics/errors") {
        answer = m_model->recentErrors().join(u'\n').toUtf8() + '\n';
    } else if (method == "GET" && path == "/-/healthy") {
        answer = "healthy\n";
    } else if (path == "/scenario" || path.startsWith("/scenario/")) {
        if (method == "GET") {
            answer = m_model->scenario().toUtf8() + '\n';
        } else if (method == "PUT" || method == "POST") {
            const QString name = QString::fromUtf8(path.startsWith("/scenario/") ? path.mid(10) : body);
            if (m_model->setScenario(name)) {
                answer = m_model->scenario().toUtf8() + '\n';
            } else {
                status = 400;
                answer = "unknown scenario \"" + name.toUtf8() + "\"; choose one of: " +
                         GameServerModel::scenarios().join(QStringLiteral(", ")).toUtf8() + '\n';
            }
        } else {
            status = 405;
            answer = "use GET, PUT or POST\n";
        }
    } else {
        status = 404;
        answer = "not found\n";
    }
    const QByteArray reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : status == 404 ? "Not Found" : "Method Not Allowed";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type +
                  "\r\nContent-Length: " + QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
    socket->disconnectFromHost();
}
