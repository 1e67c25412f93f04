#include "HttpErrorText.h"

#include "UntrustedText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("HttpErrorText", text);
}
} // namespace

namespace HttpErrorText {

QString networkError(const QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("connection refused");
    case QNetworkReply::HostNotFoundError:
        return tr("host not found");
    case QNetworkReply::RemoteHostClosedError:
        return tr("the server closed the connection before answering in full");
    case QNetworkReply::TimeoutError:
        return tr("no answer in time");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("TLS handshake failed: %1").arg(reply->errorString());
    case QNetworkReply::InsecureRedirectError:
        return tr("redirected where the console does not follow: to another server, for a source with credentials "
                  "(they would go with it), or from https to http");
    case QNetworkReply::AuthenticationRequiredError:
        return tr("HTTP 401: the server wants credentials (check the source's authentication in Settings)");
    default:
        break;
    }
    QString text = reply->errorString();
    // Qt leaves zlib's reason empty for an answer that will not unpack (a damaged or a "gzip bomb" answer).
    if (text.contains(QLatin1String("ecompress")) && text.trimmed().endsWith(u':')) {
        text = tr("the server's compressed answer could not be unpacked (damaged, or far larger unpacked than sent)");
    }
    return UntrustedText::forTerminal(text);
}

QString errorBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(64 * 1024));
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (const auto &key : {QStringLiteral("error"), QStringLiteral("message")}) {
            if (o.value(key).isString()) {
                return UntrustedText::forTerminal(o.value(key).toString()); // one line, shown as text
            }
        }
    }
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"')) {
        text = text.mid(1, text.size() - 2); // Alertmanager sometimes answers with a bare JSON string
    }
    return UntrustedText::forTerminal(text);
}

QString httpStatus(int status, const QByteArray &body)
{
    const QString detail = errorBody(body);
    return detail.isEmpty() ? tr("HTTP %1").arg(status) : tr("HTTP %1: %2").arg(status).arg(detail);
}

QString tooLarge(qint64 capBytes)
{
    return tr("answer larger than the %1 MiB cap").arg(capBytes / (1024 * 1024));
}

QString timedOut(int seconds)
{
    return tr("timed out after %1 s").arg(seconds);
}

} // namespace HttpErrorText
