#include "SilenceRequest.h"

#include "HttpErrorText.h"
#include "StoredTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace {
// A list of silences is small; an answer larger than this is not one.
constexpr qint64 kMaxListBytes = qint64(8) * 1024 * 1024;

QString failedExchange(QNetworkReply *reply, const QByteArray &answer)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status > 0 ? HttpErrorText::httpStatus(status, answer) : HttpErrorText::networkError(reply);
}
} // namespace

SilenceRequest::SilenceRequest(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

QUrl SilenceRequest::apiUrl(const AlertSource &alertmanager, const QString &path) const
{
    QUrl url = alertmanager.url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    url.setPath(url.path() + path);
    return url;
}

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
    // Reported from the event loop like any answer, so callers see one order of events.
    auto refuse = [this](const QString &problem) {
        QTimer::singleShot(0, this, [this, problem] { emit finished({}, tr("The silence was not sent: %1").arg(problem)); });
    };
    if (const QString missing = Silence::missingDetails(createdBy, comment); !missing.isEmpty()) {
        refuse(missing);
        return;
    }
    // The same credentials and CA as polling: a silence to an https Alertmanager with a private CA works too.
    Result<QNetworkRequest> built = alertmanager.request(apiUrl(alertmanager, QStringLiteral("/api/v2/silences")));
    if (!built) {
        refuse(built.error());
        return;
    }
    QNetworkRequest &request = built.value();
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QNetworkReply *reply = m_network->post(request, body(alert, now, now.addSecs(qint64(minutes) * 60),
                                                         createdBy.trimmed(), comment.trimmed()));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray answer = reply->read(kMaxListBytes);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(answer);
        if (status == 200 && doc.object().value(QStringLiteral("silenceID")).isString()) {
            emit finished(doc.object().value(QStringLiteral("silenceID")).toString(), {});
            return;
        }
        emit finished({}, status > 0 ? tr("Alertmanager refused the silence: %1").arg(HttpErrorText::httpStatus(status, answer))
                                     : tr("The silence was not sent: %1").arg(HttpErrorText::networkError(reply)));
    });
}

void SilenceRequest::list(const AlertSource &alertmanager)
{
    const QString name = alertmanager.name();
    Result<QNetworkRequest> built = alertmanager.request(apiUrl(alertmanager, QStringLiteral("/api/v2/silences")));
    if (!built) {
        QTimer::singleShot(0, this, [this, name, problem = built.error()] {
            emit listed(name, {}, tr("Silences of %1 could not be asked for: %2").arg(name, problem));
        });
        return;
    }
    QNetworkReply *reply = m_network->get(built.value());
    // Abandoned while reading rather than after: a wrong URL must not fill the memory.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxListBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, name] {
        reply->deleteLater();
        if (reply->property("tooLarge").toBool()) {
            emit listed(name, {}, tr("Silences of %1: %2").arg(name, HttpErrorText::tooLarge(kMaxListBytes)));
            return;
        }
        const QByteArray answer = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200) {
            emit listed(name, {}, tr("Silences of %1: %2").arg(name, failedExchange(reply, answer)));
            return;
        }
        Result<QList<Silence>> silences = decodeList(answer, name);
        if (!silences) {
            emit listed(name, {}, tr("Silences of %1: %2").arg(name, silences.error()));
            return;
        }
        emit listed(name, silences.value(), {});
    });
}

void SilenceRequest::expire(const AlertSource &alertmanager, const QString &silenceId)
{
    // An id goes into the path: anything but Alertmanager's UUID letters would change which URL is asked.
    static const QRegularExpression idShape(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (!idShape.match(silenceId).hasMatch()) {
        QTimer::singleShot(0, this, [this, silenceId] {
            emit expired(silenceId, tr("The silence was not expired: \"%1\" is not a silence id").arg(silenceId));
        });
        return;
    }
    Result<QNetworkRequest> built = alertmanager.request(apiUrl(alertmanager, QStringLiteral("/api/v2/silence/") + silenceId));
    if (!built) {
        QTimer::singleShot(0, this, [this, silenceId, problem = built.error()] {
            emit expired(silenceId, tr("The silence was not expired: %1").arg(problem));
        });
        return;
    }
    QNetworkReply *reply = m_network->deleteResource(built.value());
    connect(reply, &QNetworkReply::finished, this, [this, reply, silenceId] {
        reply->deleteLater();
        const QByteArray answer = reply->read(kMaxListBytes);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            emit expired(silenceId, {});
            return;
        }
        emit expired(silenceId, status > 0 ? tr("Alertmanager refused to expire the silence: %1").arg(HttpErrorText::httpStatus(status, answer))
                                           : tr("The silence was not expired: %1").arg(HttpErrorText::networkError(reply)));
    });
}

Result<QList<Silence>> SilenceRequest::decodeList(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Status::failure(tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isArray()) {
        return Status::failure(tr("expected a JSON list of silences"));
    }
    QList<Silence> silences;
    const QJsonArray items = doc.array();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        auto wrong = [i](const char *field) {
            return Status::failure(tr("silence %1 \"%2\" is missing or has the wrong type").arg(i).arg(QLatin1String(field)));
        };
        Silence s;
        s.source = sourceName;
        s.id = o.value(QStringLiteral("id")).toString();
        if (s.id.isEmpty()) {
            return wrong("id");
        }
        const QString state = o.value(QStringLiteral("status")).toObject().value(QStringLiteral("state")).toString();
        if (state == QStringLiteral("active")) {
            s.state = Silence::State::Active;
        } else if (state == QStringLiteral("pending")) {
            s.state = Silence::State::Pending;
        } else if (state == QStringLiteral("expired")) {
            s.state = Silence::State::Expired;
        } else {
            return wrong("status.state");
        }
        s.createdBy = o.value(QStringLiteral("createdBy")).toString();
        s.comment = o.value(QStringLiteral("comment")).toString();
        s.startsAt = StoredTime::parse(o.value(QStringLiteral("startsAt")).toString());
        s.endsAt = StoredTime::parse(o.value(QStringLiteral("endsAt")).toString());
        if (!s.endsAt.isValid()) {
            return wrong("endsAt");
        }
        if (!o.value(QStringLiteral("matchers")).isArray()) {
            return wrong("matchers");
        }
        for (const QJsonValue &mv : o.value(QStringLiteral("matchers")).toArray()) {
            const QJsonObject m = mv.toObject();
            LabelMatcher matcher;
            matcher.name = m.value(QStringLiteral("name")).toString();
            matcher.value = m.value(QStringLiteral("value")).toString();
            if (matcher.name.isEmpty()) {
                return wrong("matchers.name");
            }
            const bool isRegex = m.value(QStringLiteral("isRegex")).toBool();
            const bool isEqual = m.value(QStringLiteral("isEqual")).toBool(true);
            matcher.op = isRegex ? (isEqual ? LabelMatcher::Op::Regex : LabelMatcher::Op::NotRegex)
                                 : (isEqual ? LabelMatcher::Op::Equal : LabelMatcher::Op::NotEqual);
            if (isRegex) {
                matcher.regex = QRegularExpression(QRegularExpression::anchoredPattern(matcher.value));
            }
            s.matchers.append(matcher);
        }
        silences.append(s);
    }
    return silences;
}
