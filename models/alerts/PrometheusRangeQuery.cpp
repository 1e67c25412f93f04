#include "PrometheusRangeQuery.h"

#include "HttpErrorText.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QtConcurrent>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrometheusRangeQuery", text);
}

QString notAnAnswer()
{
    return tr("not a Prometheus query_range answer");
}
} // namespace

PrometheusRangeQuery::PrometheusRangeQuery(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_deadline(new QTimer(this)),
      m_maxAnswerBytes(HttpErrorText::kMaxAnswerBytes)
{
    qRegisterMetaType<RangeAnswer>();
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
}

PrometheusRangeQuery::~PrometheusRangeQuery()
{
    abort();
}

void PrometheusRangeQuery::setSource(const AlertSource &source)
{
    abort();
    m_source = source;
}

void PrometheusRangeQuery::abort()
{
    ++m_generation;
    m_parsing = false;
    m_deadline->stop();
    if (m_reply) {
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

qint64 PrometheusRangeQuery::stepSecondsFor(const QDateTime &start, const QDateTime &end, int points)
{
    const qint64 seconds = std::max<qint64>(0, start.secsTo(end));
    const qint64 wanted = std::max(1, points);
    return std::max<qint64>(1, (seconds + wanted - 1) / wanted);
}

QUrl PrometheusRangeQuery::queryUrl(const QString &expression, const QDateTime &start, const QDateTime &end,
                                    qint64 stepSeconds) const
{
    QUrl url = m_source.url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::RemoveQuery);
    url.setPath(url.path() + QStringLiteral("/api/v1/query_range"));
    // Encoded by hand: QUrlQuery leaves '+' as is, and Prometheus (Go's form parsing) would read it as a space.
    const QByteArray query =
        "query=" + QUrl::toPercentEncoding(expression) + "&start=" + QByteArray::number(start.toSecsSinceEpoch()) +
        "&end=" + QByteArray::number(end.toSecsSinceEpoch()) + "&step=" + QByteArray::number(stepSeconds);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void PrometheusRangeQuery::run(const QString &expression, const QDateTime &start, const QDateTime &end, int points)
{
    abort();
    const quint64 generation = m_generation;
    const int wanted = std::clamp(points, 2, kMaxPoints - 1);
    m_pending = {};
    m_pending.start = start.toUTC();
    m_pending.end = end.toUTC();
    m_pending.requestedPoints = wanted;
    m_pending.stepSeconds = stepSecondsFor(start, end, wanted);
    Result<QNetworkRequest> built =
        AlertSource::isUsableUrl(m_source.url)
            ? m_source.request(queryUrl(expression, start, end, m_pending.stepSeconds))
            : Result<QNetworkRequest>(Status::failure(tr("the Prometheus source has no usable http:// or https:// address")));
    if (!built) {
        // Reported from the event loop like any other answer, so callers see one order of events.
        QTimer::singleShot(0, this, [this, generation, problem = built.error()] {
            if (generation == m_generation) {
                emit failed(problem);
            }
        });
        return;
    }
    QNetworkRequest &request = built.value();
    request.setRawHeader("Accept", "application/json");
    m_body.clear();
    m_tooLarge = false;
    m_timedOut = false;
    m_reply = m_network->get(request);
    m_deadline->start(std::chrono::seconds(m_source.timeoutSeconds));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (m_body.size() + reply->bytesAvailable() > m_maxAnswerBytes) {
            m_tooLarge = true;
            reply->abort();
            return;
        }
        m_body.append(reply->readAll());
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > m_maxAnswerBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
}

void PrometheusRangeQuery::finished(QNetworkReply *reply)
{
    m_deadline->stop();
    m_reply = nullptr;
    reply->deleteLater();
    if (m_tooLarge) {
        emit failed(HttpErrorText::tooLarge(m_maxAnswerBytes));
        return;
    }
    if (m_timedOut) {
        emit failed(HttpErrorText::timedOut(m_source.timeoutSeconds));
        return;
    }
    m_body.append(reply->readAll());
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus >= 400) {
        // Prometheus explains a bad expression in the body of its 400: that text is what the user needs.
        emit failed(HttpErrorText::httpStatus(httpStatus, m_body));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        emit failed(reply->error() == QNetworkReply::OperationCanceledError
                        ? HttpErrorText::timedOut(m_source.timeoutSeconds)
                        : HttpErrorText::networkError(reply));
        return;
    }
    parse(std::exchange(m_body, {}));
}

void PrometheusRangeQuery::parse(QByteArray body)
{
    m_parsing = true;
    const quint64 generation = m_generation;
    const RangeAnswer asked = m_pending;
    // Most answers are a few KB, but one near the cap takes a parse worth keeping off the UI thread.
    auto *watcher = new QFutureWatcher<Result<RangeAnswer>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return;
        }
        m_parsing = false;
        const Result<RangeAnswer> decoded = watcher->result();
        if (!decoded) {
            emit failed(decoded.error());
            return;
        }
        emit answered(*decoded);
    });
    watcher->setFuture(QtConcurrent::run([body = std::move(body), asked]() -> Result<RangeAnswer> {
        Result<RangeAnswer> decoded = decode(body);
        if (!decoded) {
            return decoded;
        }
        RangeAnswer answer = asked;
        answer.series = std::move(decoded->series);
        answer.skippedValues = decoded->skippedValues;
        answer.mostPointsReturned = decoded->mostPointsReturned;
        // The step should keep the server within points + 1; anything more is thinned here rather than drawn.
        const double startMs = double(answer.start.toMSecsSinceEpoch());
        const double endMs = double(answer.end.toMSecsSinceEpoch());
        for (RangeSeries &series : answer.series) {
            if (series.points.size() > answer.requestedPoints + 1) {
                series.points = decimate(series.points, startMs, endMs, answer.requestedPoints);
                answer.decimated = true;
            }
        }
        return answer;
    }));
}

Result<RangeAnswer> PrometheusRangeQuery::decode(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        return Status::failure(tr("the answer was empty, not a Prometheus query_range answer"));
    }
    QJsonParseError where;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &where);
    if (where.error != QJsonParseError::NoError) {
        return Status::failure(tr("%1 at byte %2: %3").arg(notAnAnswer()).arg(where.offset).arg(where.errorString()));
    }
    if (!doc.isObject()) {
        return Status::failure(tr("%1 at byte 0: expected a JSON object").arg(notAnAnswer()));
    }
    const QJsonObject root = doc.object();
    const QString status = root.value(QStringLiteral("status")).toString();
    if (status == QStringLiteral("error")) {
        return Status::failure(tr("Prometheus answered with an error: %1 (%2)")
                                   .arg(root.value(QStringLiteral("error")).toString(),
                                        root.value(QStringLiteral("errorType")).toString()));
    }
    auto shapeError = [](const QString &what) { return Status::failure(notAnAnswer() + QStringLiteral(": ") + what); };
    if (status != QStringLiteral("success")) {
        return shapeError(tr("\"status\" is not \"success\""));
    }
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    if (data.isEmpty()) {
        return shapeError(tr("the answer has no \"data\" object"));
    }
    const QString resultType = data.value(QStringLiteral("resultType")).toString();
    if (resultType != QStringLiteral("matrix")) {
        return shapeError(tr("\"data.resultType\" is \"%1\", expected \"matrix\"").arg(resultType));
    }
    const QJsonValue result = data.value(QStringLiteral("result"));
    if (!result.isArray()) {
        return shapeError(tr("\"data\" has no \"result\" list"));
    }
    RangeAnswer answer;
    const QJsonArray list = result.toArray();
    answer.series.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list.at(i).toObject();
        const QJsonValue values = item.value(QStringLiteral("values"));
        if (!values.isArray()) {
            return shapeError(tr("result[%1] has no \"values\" list").arg(i));
        }
        RangeSeries series;
        const QJsonObject metric = item.value(QStringLiteral("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it) {
            series.labels.insert(it.key(), it.value().toString());
        }
        const QJsonArray pairs = values.toArray();
        series.points.reserve(pairs.size());
        for (qsizetype j = 0; j < pairs.size(); ++j) {
            const QJsonArray pair = pairs.at(j).toArray();
            bool ok = false;
            // Values are strings so that "NaN" and "+Inf" survive JSON.
            const double value = pair.size() == 2 ? pair.at(1).toString().toDouble(&ok) : 0;
            if (!ok || !pair.at(0).isDouble()) {
                return shapeError(tr("result[%1].values[%2] is not a [time, \"value\"] pair").arg(i).arg(j));
            }
            if (!std::isfinite(value)) {
                ++answer.skippedValues;
                continue;
            }
            series.points.append(QPointF(pair.at(0).toDouble() * 1000.0, value));
        }
        answer.mostPointsReturned = std::max(answer.mostPointsReturned, int(pairs.size()));
        answer.series.append(std::move(series));
    }
    return answer;
}

QList<QPointF> PrometheusRangeQuery::decimate(const QList<QPointF> &points, double startMs, double endMs, int maxPoints)
{
    const int buckets = std::max(1, maxPoints / 2);
    if (points.size() <= maxPoints || endMs <= startMs) {
        return points;
    }
    const double width = (endMs - startMs) / buckets;
    QList<QPointF> kept;
    kept.reserve(2 * buckets);
    qsizetype first = 0;
    while (first < points.size()) {
        const int bucket = std::clamp(int((points[first].x() - startMs) / width), 0, buckets - 1);
        qsizetype low = first;
        qsizetype high = first;
        qsizetype next = first + 1;
        while (next < points.size() &&
               std::clamp(int((points[next].x() - startMs) / width), 0, buckets - 1) == bucket) {
            if (points[next].y() < points[low].y()) {
                low = next;
            }
            if (points[next].y() > points[high].y()) {
                high = next;
            }
            ++next;
        }
        kept.append(points[std::min(low, high)]);
        if (low != high) {
            kept.append(points[std::max(low, high)]);
        }
        first = next;
    }
    return kept;
}
