#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// tests/servers has an older class of the same name in another static library; the inline namespace gives this one
// its own symbols, so a test linking both can never get one class's header with the other's code.
inline namespace IncidentTestHarness {

// A small local HTTP server for faults a real server will not produce on demand. Loopback only. One request per
// connection: every answer says "Connection: close". Connections are served in the thread this object lives in.
class FaultServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)

public:
    enum class Mode {
        Respond,          // the status and body from setResponse, with a correct Content-Length
        Hang,             // read the request, never answer
        Garbage,          // 200, "application/json", and an HTML page as the body
        TruncatedBody,    // a Content-Length larger than the body sent, then close
        SlowDrip,         // the body from setResponse, a few bytes every drip interval
        Huge,             // 200 and a JSON array of alerts of setHugeSize bytes, no Content-Length, written as it drains
        CloseImmediately, // close the connection right after reading the request
    };
    Q_ENUM(Mode)

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen();             // 127.0.0.1, port 0
    QUrl url() const;          // http://127.0.0.1:PORT
    static QUrl refusedUrl();  // a loopback URL on which nothing listens (connection refused)

    void setMode(Mode mode);
    void setResponse(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    void setDripInterval(int milliseconds);
    void setHugeSize(qint64 bytes);
    int requestCount() const;
    QByteArray lastRequest() const; // request line and headers of the last complete request

private:
    // What one connection has received and, once served, how far its answer has got.
    struct Connection
    {
        QByteArray received;
        qsizetype headEnd = -1;
        qint64 bodyLength = 0;
        bool served = false;
        QByteArray dripBody;
        qsizetype dripOffset = 0;
        qint64 hugeTotal = 0;
        qint64 hugeWritten = 0;
        qint64 hugeIndex = 0;
    };

    void acceptConnections();
    void readRequest(QTcpSocket *socket);
    void serve(QTcpSocket *socket);
    void drip(QTcpSocket *socket);
    void pumpHuge(QTcpSocket *socket);
    QByteArray responseHead(int status, const QByteArray &contentType, qint64 contentLength) const;

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    Mode m_mode = Mode::Respond;
    int m_status = 200;
    QByteArray m_body;
    QByteArray m_contentType = "application/json";
    int m_dripMs = 100;
    qint64 m_hugeBytes = qint64(80) * 1024 * 1024;
    int m_requestCount = 0;
    QByteArray m_lastRequest;
};

} // namespace IncidentTestHarness
