#pragma once

#include "Result.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

// One Prometheus or Alertmanager server the console polls, with how to reach it.
// Credentials live here and in the user's settings only: never in the incident file, an export or a log line.
struct AlertSource
{
    enum class Kind { Prometheus, Alertmanager };
    enum class Auth { None, Basic, Bearer };

    Kind kind = Kind::Prometheus;
    QUrl url;
    int intervalSeconds = 15;
    int timeoutSeconds = 10;
    Auth auth = Auth::None;
    QString username;
    QString password; // or the bearer token
    QString caFile;   // extra CA certificate (PEM) for https

    static QString kindKey(Kind k) { return k == Kind::Prometheus ? QStringLiteral("prometheus") : QStringLiteral("alertmanager"); }
    static QString kindTitle(Kind k) { return k == Kind::Prometheus ? QStringLiteral("Prometheus") : QStringLiteral("Alertmanager"); }
    // How the source is named on screen and in the archive: kind and address, without any credentials.
    QString name() const;
    QUrl alertsUrl() const; // /api/v1/alerts or /api/v2/alerts below the base URL
    // A request to `url` on this server, with its timeout, credentials and extra CA: the one place they are applied.
    // Fails, in words, when the CA file has no certificates.
    Result<QNetworkRequest> request(const QUrl &url) const;
    // An http:// or https:// address with a host: what a source's URL must be.
    static bool isUsableUrl(const QUrl &url);
    // A source from an address given on a command line, for both executables: user:password@ in it becomes basic
    // authentication and leaves the URL. An error never repeats the password.
    static Result<AlertSource> fromAddress(Kind kind, const QString &address);
    // An address as typed, fit to be printed: whatever comes before an @ (a user and password) is left out.
    static QString withoutCredentials(const QString &address);

    bool operator==(const AlertSource &) const = default;
};
