#include "SilenceRequest.h"

#include <QTimer>

#include "StoredTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

SilenceRequest::SilenceRequest(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

QByteArray SilenceRequest::body(const Alert &alert, const QDateTime &startsAt, const QDateTime &endsAt,
                                const QString &createdBy, const QString &comment)
{
    QJsonArray matchers;
    for (const auto &[name, value] : alert.labels) {
        matchers.append(QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("value"), value},
                                    {QStringLiteral("isRegex"), false},
                                    {QStringLiteral("isEqual"), true}});
    }
    const QJsonObject silence{{QStringLiteral("matchers"), matchers},
                              {QStringLiteral("startsAt"), StoredTime::toText(startsAt)},
                              {QStringLiteral("endsAt"), StoredTime::toText(endsAt)},
                              {QStringLiteral("createdBy"), createdBy},
                              {QStringLiteral("comment"), comment}};
    return QJsonDocument(silence).toJson(QJsonDocument::Compact);
}

void SilenceRequest::send(const AlertSource &alertmanager, const Alert &alert, int minutes, const QString &createdBy,
                          const QString &comment)
{
    QUrl url = alertmanager.url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    url.setPath(url.path() + QStringLiteral("/api/v2/silences"));
    // The same credentials and CA as polling: a silence to an https Alertmanager with a private CA works too.
    Result<QNetworkRequest> built = alertmanager.request(url);
    if (!built) {
        // Reported from the event loop like any answer, so callers see one order of events.
        QTimer::singleShot(0, this, [this, problem = built.error()] { emit finished({}, tr("The silence was not sent: %1").arg(problem)); });
        return;
    }
    QNetworkRequest &request = built.value();
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QNetworkReply *reply = m_network->post(request, body(alert, now, now.addSecs(qint64(minutes) * 60), createdBy, comment));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray answer = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(answer);
        if (status == 200 && doc.object().contains(QStringLiteral("silenceID"))) {
            emit finished(doc.object().value(QStringLiteral("silenceID")).toString(), {});
            return;
        }
        QString detail = doc.isObject() ? doc.object().value(QStringLiteral("message")).toString()
                                        : QString::fromUtf8(answer.left(300)).trimmed();
        if (status == 0) {
            detail = reply->errorString();
        }
        emit finished({}, status > 0 ? tr("Alertmanager refused the silence: HTTP %1%2")
                                           .arg(status)
                                           .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail)
                                     : tr("The silence was not sent: %1").arg(detail));
    });
}
