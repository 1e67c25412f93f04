#pragma once

#include <QByteArray>
#include <QString>

class QNetworkReply;

// How an HTTP client of the core puts a failed exchange in the words an IC would use, so the alert poller and
// the metrics queries say the same thing for the same fault.
namespace HttpErrorText {

// Answers larger than this are abandoned while reading: a misconfigured URL must not eat the machine's memory.
inline constexpr qint64 kMaxAnswerBytes = qint64(64) * 1024 * 1024;

// The transport failure of a reply that got no HTTP answer: "connection refused", "host not found", ...
QString networkError(const QNetworkReply *reply);
// The server's own explanation in an error body: Prometheus's {"error":...}, Alertmanager's {"message":...} or a
// bare JSON string, else the start of the text.
QString errorBody(const QByteArray &body);
// "HTTP 400: <the server's explanation>", or "HTTP 503" when the body says nothing.
QString httpStatus(int status, const QByteArray &body);
QString tooLarge(qint64 capBytes); // "answer larger than the 64 MiB cap"
QString timedOut(int seconds);     // "timed out after 10 s"

} // namespace HttpErrorText
