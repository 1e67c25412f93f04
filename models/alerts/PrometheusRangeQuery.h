#pragma once

#include "AlertSource.h"
#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// One time series of a range query: its labels and its drawable points.
struct RangeSeries
{
    QMap<QString, QString> labels;
    QList<QPointF> points; // x: milliseconds since the epoch (UTC), y: the value; NaN and ±Inf are left out
};

struct RangeAnswer
{
    QList<RangeSeries> series;
    QDateTime start;
    QDateTime end;
    qint64 stepSeconds = 0;
    int requestedPoints = 0;
    int mostPointsReturned = 0; // of any one series, as the server sent them (before decimation)
    int skippedValues = 0;      // NaN or ±Inf values, not drawn: the line bridges them
    bool decimated = false;     // the server sent more points than asked for and they were thinned
};
Q_DECLARE_METATYPE(RangeAnswer)

// Runs /api/v1/query_range on one Prometheus source, asynchronously: the request on the caller's thread through
// QNetworkAccessManager, the JSON parsed on a worker thread. The step is chosen so the server returns about as many
// points as the caller can draw (a chart asks for its width in pixels).
class PrometheusRangeQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusRangeQuery)

public:
    static constexpr int kMaxPoints = 11000; // Prometheus refuses more per series

    explicit PrometheusRangeQuery(QObject *parent = nullptr);
    ~PrometheusRangeQuery() override;

    void setSource(const AlertSource &source); // abandons a running query
    const AlertSource &source() const { return m_source; }
    void setMaxAnswerBytes(qint64 bytes) { m_maxAnswerBytes = bytes; }

    // Starts a query for about `points` points between start and end; a running one is abandoned and never reported.
    void run(const QString &expression, const QDateTime &start, const QDateTime &end, int points);
    void abort();
    bool isRunning() const { return m_reply != nullptr || m_parsing; }

    // max(ceil((end - start) / points), 1 s): Prometheus then returns at most points + 1 samples per series.
    static qint64 stepSecondsFor(const QDateTime &start, const QDateTime &end, int points);
    QUrl queryUrl(const QString &expression, const QDateTime &start, const QDateTime &end, qint64 stepSeconds) const;
    // Reads a query_range answer; the error names what is wrong and where ("... at byte 12: ...").
    static Result<RangeAnswer> decode(const QByteArray &body);
    // Keeps the lowest and the highest point of each bucket of two pixels, in time order: at most maxPoints points,
    // and a one-sample spike still shows.
    static QList<QPointF> decimate(const QList<QPointF> &points, double startMs, double endMs, int maxPoints);

signals:
    void answered(const RangeAnswer &answer);
    void failed(const QString &message);

private:
    void finished(QNetworkReply *reply);
    void parse(QByteArray body);

    AlertSource m_source;
    QNetworkAccessManager *m_network;
    QTimer *m_deadline;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_body;
    qint64 m_maxAnswerBytes;
    bool m_tooLarge = false;
    bool m_timedOut = false;
    bool m_parsing = false;
    quint64 m_generation = 0; // a newer run() or abort() makes older answers stale
    RangeAnswer m_pending;    // what was asked, completed by the parsed answer
};
