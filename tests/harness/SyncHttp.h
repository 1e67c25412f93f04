#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Blocking HTTP for test set-up only (never for the code under test): a local QNetworkAccessManager and a local
// QEventLoop, bounded by a timeout, so a dead server costs at most timeoutMs.
namespace SyncHttp {

struct Result
{
    int status = 0;          // 0 when no HTTP answer came back
    QByteArray body;
    QString error;           // empty on a 2xx answer
};

Result get(const QUrl &url, int timeoutMs = 10000);
Result post(const QUrl &url, const QByteArray &body, const QByteArray &contentType, int timeoutMs = 10000);

} // namespace SyncHttp
