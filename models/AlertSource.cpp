#include "AlertSource.h"

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
