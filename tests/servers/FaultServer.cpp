#include "FaultServer.h"

#include <QTcpSocket>
#include <QTimer>

FaultServer::FaultServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                socket->setProperty("request", QByteArray(socket->property("request").toByteArray() + socket->readAll()));
                if (socket->property("request").toByteArray().contains("\r\n\r\n") && !socket->property("served").toBool()) {
                    socket->setProperty("served", true);
                    serve(socket);
                }
            });
        }
    });
}

bool FaultServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QUrl FaultServer::refusedUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void FaultServer::serve(QTcpSocket *socket)
{
    ++m_requests;
    m_lastRequest = socket->property("request").toByteArray();
    auto head = [this](int status, qint64 length) -> QByteArray {
        const QByteArray location = m_location.isEmpty() ? QByteArray() : "Location: " + m_location.toEncoded() + "\r\n";
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(length) + "\r\n" + location + "Connection: close\r\n\r\n";
    };
    switch (m_mode) {
    case Mode::Respond:
        socket->write(head(m_status, m_body.size()) + m_body);
        socket->disconnectFromHost();
        return;
    case Mode::Gzipped: {
        QByteArray h = head(m_status, m_body.size());
        h.insert(h.indexOf("Content-Length"), "Content-Encoding: gzip\r\n");
        socket->write(h + m_body);
        socket->disconnectFromHost();
        return;
    }
    case Mode::Hang:
        return;
    case Mode::TruncatedBody:
        socket->write(head(m_status, m_body.size() + 1000) + m_body.left(m_body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    case Mode::SlowDrip: {
        socket->write(head(m_status, m_body.size()));
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, sent] {
            socket->write(m_body.mid(*sent, 4));
            *sent += 4;
            if (*sent >= m_body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(m_dripMs);
        return;
    }
    case Mode::Huge: {
        // No Content-Length: the client only learns the size by reading.
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");
        static const QByteArray chunk = QByteArray(
            R"({"labels":{"alertname":"Flood","severity":"SEV-3"},"annotations":{"summary":"flood"},"startsAt":"2026-11-29T14:00:00Z","endsAt":"2026-11-29T15:00:00Z","updatedAt":"2026-11-29T14:00:00Z","fingerprint":"f","receivers":[],"status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"generatorURL":""},)").repeated(200);
        auto written = std::make_shared<qint64>(0);
        auto pump = [this, socket, written] {
            while (socket->bytesToWrite() < 4 * chunk.size() && *written < m_hugeBytes) {
                socket->write(chunk);
                *written += chunk.size();
            }
            if (*written >= m_hugeBytes && socket->bytesToWrite() == 0) {
                socket->disconnectFromHost();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
        return;
    }
    }
}
