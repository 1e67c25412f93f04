#include "AlertSource.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslConfiguration>

QString AlertSource::name() const
{
    return kindKey(kind) + u' ' + url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString();
}

QUrl AlertSource::alertsUrl() const
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    u.setPath(u.path() + (kind == Kind::Prometheus ? QStringLiteral("/api/v1/alerts") : QStringLiteral("/api/v2/alerts")));
    return u;
}

Result<QNetworkRequest> AlertSource::request(const QUrl &target) const
{
    QNetworkRequest r(target);
    r.setTransferTimeout(timeoutSeconds * 1000);
    // Qt sends a request's headers on to where it is redirected, the Authorization header included: a source with
    // credentials follows redirects only within its own scheme, host and port, so they never reach another server.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, auth == Auth::None ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                               : QNetworkRequest::SameOriginRedirectPolicy);
    if (auth == Auth::Basic) {
        r.setRawHeader("Authorization", "Basic " + (username + u':' + password).toUtf8().toBase64());
    } else if (auth == Auth::Bearer) {
        r.setRawHeader("Authorization", "Bearer " + password.toUtf8());
    }
    if (target.scheme() == QStringLiteral("https") && !caFile.isEmpty()) {
        // Said here, or it would show only as a failed TLS handshake.
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(caFile);
        if (authorities.isEmpty()) {
            return Status::failure(QCoreApplication::translate("AlertSource", "the CA file %1 has no certificates (missing, unreadable or not PEM)")
                                       .arg(caFile));
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(authorities);
        r.setSslConfiguration(tls);
    }
    return r;
}

bool AlertSource::isUsableUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https")) &&
           !url.host().isEmpty();
}

Result<AlertSource> AlertSource::fromAddress(Kind kind, const QString &address)
{
    const QUrl url(address, QUrl::StrictMode);
    if (!isUsableUrl(url)) {
        return Status::failure(QCoreApplication::translate("AlertSource", "\"%1\" is not an http:// or https:// address")
                                   .arg(withoutCredentials(address)));
    }
    AlertSource source;
    source.kind = kind;
    source.url = url.adjusted(QUrl::RemoveUserInfo);
    if (!url.userName().isEmpty()) {
        source.auth = Auth::Basic;
        source.username = url.userName(QUrl::FullyDecoded);
        source.password = url.password(QUrl::FullyDecoded);
    }
    return source;
}

QString AlertSource::withoutCredentials(const QString &address)
{
    // By the text, not by QUrl: "ops:secret@host" without a scheme parses as scheme "ops" with no user at all.
    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0) {
        return address;
    }
    const qsizetype scheme = address.indexOf(QStringLiteral("://"));
    const QString prefix = scheme >= 0 && scheme < at ? address.left(scheme + 3) : QString();
    return prefix + QStringLiteral("…@") + address.mid(at + 1);
}
