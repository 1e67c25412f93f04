#include "SyncHttp.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace SyncHttp {

namespace {

Result run(const QUrl &url, const QByteArray *body, const QByteArray &contentType, int timeoutMs)
{
    QNetworkAccessManager network;
    // Loopback servers only: an http_proxy in the environment must never see these requests.
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nullptr;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
        reply = network.post(request, *body);
    } else {
        reply = network.get(request);
    }

    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // Belt and braces: the transfer timeout only counts idle time, this bounds the whole call.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs + 1000);
    if (!reply->isFinished()) {
        loop.exec();
    }
    if (!reply->isFinished()) {
        reply->abort();
    }

    Result result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) { // an aborted or timed-out reply is already closed
        result.body = reply->readAll();
    }
    if (reply->error() != QNetworkReply::NoError || result.status < 200 || result.status >= 300) {
        result.error = QStringLiteral("%1 %2: HTTP %3, %4: %5")
                           .arg(body ? QStringLiteral("POST") : QStringLiteral("GET"), url.toString())
                           .arg(result.status)
                           .arg(reply->errorString(), QString::fromUtf8(result.body.left(500)));
    }
    return result; // the reply is a child of the local manager and goes with it
}

} // namespace

Result get(const QUrl &url, int timeoutMs)
{
    return run(url, nullptr, {}, timeoutMs);
}

Result post(const QUrl &url, const QByteArray &body, const QByteArray &contentType, int timeoutMs)
{
    return run(url, &body, contentType, timeoutMs);
}

} // namespace SyncHttp
