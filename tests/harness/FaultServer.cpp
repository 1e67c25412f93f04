#include "FaultServer.h"

#include "LoopbackPort.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

constexpr int DripChunkBytes = 4;
constexpr qint64 HugeBlockBytes = 64 * 1024;
constexpr qint64 HugeHighWaterBytes = 256 * 1024; // the most a Huge answer keeps in the socket's write buffer
constexpr qsizetype MaxRequestHeadBytes = 1024 * 1024;

const QByteArray GarbageBody = "<html><head><title>502 Bad Gateway</title></head><body>oops</body></html>\n";
const QByteArray DefaultTruncatedBody =
    R"([{"labels":{"alertname":"Truncated","severity":"SEV-3"},"annotations":{"summary":"cut short"}}])";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

// Content-Length of a request head, 0 if absent: the body is read before answering, because closing a socket with
// unread input makes the kernel send a reset that can destroy the answer on its way to the client.
qint64 requestContentLength(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length") {
            return qMax<qint64>(0, line.mid(colon + 1).trimmed().toLongLong());
        }
    }
    return 0;
}

// One Alertmanager v2 alert as Alertmanager 0.25 writes it; the index makes labels and fingerprint unique.
QByteArray hugeAlert(qint64 index)
{
    static const QByteArray startsAt =
        QDateTime::currentDateTimeUtc().addSecs(-300).toString(Qt::ISODateWithMs).toLatin1();
    static const QByteArray endsAt =
        QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs).toLatin1();
    const QByteArray n = QByteArray::number(index);
    const QByteArray fingerprint =
        QByteArray::number((quint64(index) + 1) * 0x9E3779B97F4A7C15ULL, 16).rightJustified(16, '0');
    QByteArray alert;
    alert.reserve(720);
    alert += R"({"annotations":{"description":"Packet loss above 5% for 2m.","runbook_url":)"
             R"("https://runbooks.example.invalid/packet-loss","summary":"Packet loss on game-server-)";
    alert += n;
    alert += R"("},"endsAt":")";
    alert += endsAt;
    alert += R"(","fingerprint":")";
    alert += fingerprint;
    alert += R"(","receivers":[{"name":"nobody"}],"startsAt":")";
    alert += startsAt;
    alert += R"(","status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":")";
    alert += startsAt;
    alert += R"(","generatorURL":"http://127.0.0.1:9090/graph?g0.expr=game_server_packet_loss_ratio+%3E+0.05&g0.tab=1",)"
             R"("labels":{"alertname":"GameServerPacketLoss","instance":"game-server-)";
    alert += n;
    alert += R"(:9100","job":"game-server","severity":"SEV-)";
    alert += QByteArray::number(1 + index % 4);
    alert += R"(","shard":"eu-)";
    alert += QByteArray::number(index % 16);
    alert += R"("}})";
    return alert;
}

} // namespace

inline namespace IncidentTestHarness {

FaultServer::FaultServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::acceptConnections);
}

FaultServer::~FaultServer()
{
    // Sockets are children of m_server; take them down while m_connections still exists for their last signals.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        disconnect(it.key(), nullptr, this, nullptr);
    }
    delete m_server;
}

bool FaultServer::listen()
{
    return m_server->isListening() || m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

QUrl FaultServer::refusedUrl()
{
    // A socket bound to a port but never listening: the kernel refuses connections to that port, and no one else can
    // bind it while the socket is held, which it is for the life of the process (the descriptor is kept on purpose).
    static const quint16 port = [] {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            return LoopbackPort::findFree(); // free a moment ago: almost always still refused
        }
        return quint16(ntohs(address.sin_port));
    }();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void FaultServer::setMode(Mode mode)
{
    m_mode = mode;
}

void FaultServer::setResponse(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_status = status;
    m_body = body;
    m_contentType = contentType;
}

void FaultServer::setDripInterval(int milliseconds)
{
    m_dripMs = qMax(1, milliseconds);
}

void FaultServer::setHugeSize(qint64 bytes)
{
    m_hugeBytes = bytes;
}

int FaultServer::requestCount() const
{
    return m_requestCount;
}

QByteArray FaultServer::lastRequest() const
{
    return m_lastRequest;
}

void FaultServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pumpHuge(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0) {
            readRequest(socket);
        }
    }
}

void FaultServer::readRequest(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->served) {
        socket->readAll(); // keep draining so the close is a clean FIN
        return;
    }
    it->received += socket->readAll();
    if (it->headEnd < 0) {
        const qsizetype end = it->received.indexOf("\r\n\r\n");
        if (end < 0) {
            if (it->received.size() > MaxRequestHeadBytes) {
                socket->abort(); // emits disconnected, which forgets the connection
            }
            return;
        }
        it->headEnd = end + 4;
        it->bodyLength = requestContentLength(it->received.left(end));
    }
    if (it->received.size() - it->headEnd < it->bodyLength) {
        return;
    }
    it->served = true;
    ++m_requestCount;
    m_lastRequest = it->received.left(it->headEnd);
    it->received.clear();
    serve(socket);
}

QByteArray FaultServer::responseHead(int status, const QByteArray &contentType, qint64 contentLength) const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    if (contentLength >= 0) {
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    return head;
}

// Every branch ends with the call that may close the socket: disconnectFromHost() can emit disconnected at once,
// which removes the connection's state.
void FaultServer::serve(QTcpSocket *socket)
{
    switch (m_mode) {
    case Mode::Respond:
        socket->write(responseHead(m_status, m_contentType, m_body.size()) + m_body);
        socket->disconnectFromHost(); // after the pending bytes are written
        return;
    case Mode::Hang:
        return;
    case Mode::Garbage:
        // Claims JSON so a client cannot reject it by Content-Type alone: its parser has to cope.
        socket->write(responseHead(200, "application/json", GarbageBody.size()) + GarbageBody);
        socket->disconnectFromHost();
        return;
    case Mode::TruncatedBody: {
        const QByteArray body = m_body.isEmpty() ? DefaultTruncatedBody : m_body;
        socket->write(responseHead(m_status, m_contentType, body.size()) + body.left(body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    case Mode::SlowDrip: {
        m_connections[socket].dripBody = m_body;
        socket->write(responseHead(m_status, m_contentType, m_body.size()));
        if (m_body.isEmpty()) {
            socket->disconnectFromHost();
            return;
        }
        auto *timer = new QTimer(socket); // dies with the socket if the client gives up
        connect(timer, &QTimer::timeout, this, [this, socket] { drip(socket); });
        timer->start(m_dripMs);
        return;
    }
    case Mode::Huge:
        // No Content-Length: as with a chunked Go server, the client learns the size only by reading.
        m_connections[socket].hugeTotal = qMax<qint64>(2, m_hugeBytes);
        socket->write(responseHead(200, "application/json", -1));
        pumpHuge(socket);
        return;
    case Mode::CloseImmediately:
        socket->disconnectFromHost();
        return;
    }
}

void FaultServer::drip(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    socket->write(it->dripBody.mid(it->dripOffset, DripChunkBytes));
    it->dripOffset += DripChunkBytes;
    if (it->dripOffset >= it->dripBody.size()) {
        if (auto *timer = socket->findChild<QTimer *>()) {
            timer->stop();
        }
        socket->disconnectFromHost();
    }
}

// Writes the next blocks of the Huge body only while the socket's buffer is low, so the server holds at most a few
// hundred KiB however large the body. The body is exactly hugeTotal bytes of valid JSON: "[", alerts separated by
// commas, spaces to fill the last gap, "]".
void FaultServer::pumpHuge(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->hugeTotal == 0 || it->hugeWritten >= it->hugeTotal ||
        socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    while (socket->bytesToWrite() < HugeHighWaterBytes && it->hugeWritten < it->hugeTotal) {
        QByteArray block;
        block.reserve(HugeBlockBytes + 1024);
        const qint64 start = it->hugeWritten;
        if (start == 0) {
            block += '[';
        }
        while (block.size() < HugeBlockBytes && start + block.size() < it->hugeTotal) {
            QByteArray piece = hugeAlert(it->hugeIndex);
            if (it->hugeIndex > 0) {
                piece.prepend(',');
            }
            const qint64 position = start + block.size();
            if (position + piece.size() + 1 <= it->hugeTotal) {
                block += piece;
                ++it->hugeIndex;
            } else {
                block += QByteArray(it->hugeTotal - 1 - position, ' ');
                block += ']';
            }
        }
        it->hugeWritten += block.size();
        socket->write(block);
    }
    if (it->hugeWritten >= it->hugeTotal) {
        socket->disconnectFromHost(); // closes once the last bytes are written
    }
}

} // namespace IncidentTestHarness
