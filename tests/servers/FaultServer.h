#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A small local HTTP server for the faults a real server will not produce on demand.
class FaultServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)

public:
    enum class Mode {
        Respond,       // the set status and body
        Hang,          // read the request, never answer
        TruncatedBody, // promise more bytes than are sent, then close
        SlowDrip,      // the body a few bytes at a time
        Huge,          // a JSON list of alerts without end, written as the socket drains
        Gzipped,       // the set status and body, sent as "Content-Encoding: gzip" (the body is sent as it is)
    };

    explicit FaultServer(QObject *parent = nullptr);
    bool listen();
    QUrl url() const;
    static QUrl refusedUrl(); // a loopback port nothing listens on

    void setMode(Mode mode) { m_mode = mode; }
    void setResponse(int status, const QByteArray &body) { m_status = status; m_body = body; }
    void setDripInterval(int ms) { m_dripMs = ms; }
    void setLocation(const QUrl &location) { m_location = location; } // with a 3xx status: a redirect
    void setHugeSize(qint64 bytes) { m_hugeBytes = bytes; }
    int requestCount() const { return m_requests; }
    QByteArray lastRequest() const { return m_lastRequest; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Mode m_mode = Mode::Respond;
    int m_status = 200;
    QByteArray m_body;
    QUrl m_location;
    int m_dripMs = 200;
    qint64 m_hugeBytes = qint64(80) * 1024 * 1024;
    int m_requests = 0;
    QByteArray m_lastRequest;
};
