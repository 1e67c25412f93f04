#include "AlertPoller.h"

#include "HttpErrorText.h"

#include <QNetworkAccessManager>
#include <QMetaMethod>
#include <QNetworkReply>
#include <QTimer>

struct AlertPoller::Source
{
    AlertSource config;
    QString name;
    QStringList nameList; // {name}: one list shared by every alert only this source reports
    QNetworkAccessManager *network = nullptr;
    QTimer *timer = nullptr;
    QTimer *deadline = nullptr;
    QNetworkReply *reply = nullptr;
    QByteArray body;
    bool tooLarge = false;
    bool timedOut = false;
    QElapsedTimer clock;
    AlertDecoder decoder;
    AlertSnapshot snapshot;
    SourceStatus status;
};

AlertPoller::AlertPoller(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<AlertDelta>();
    qRegisterMetaType<SourceStatus>();
}

AlertPoller::~AlertPoller()
{
    stop();
}

void AlertPoller::stop()
{
    for (auto &s : m_sources) {
        if (s->reply) {
            s->reply->disconnect(this);
            s->reply->abort();
            s->reply->deleteLater();
            s->reply = nullptr;
        }
        delete s->timer;
        delete s->deadline;
        s->network->deleteLater(); // its replies may still be finishing their teardown
    }
    m_sources.clear();
}

void AlertPoller::setSources(const QList<AlertSource> &sources)
{
    stop();
    // Everything shown came from the old sources: withdraw it.
    if (!m_merged.isEmpty()) {
        AlertDelta withdrawn;
        withdrawn.resolved = m_merged.keys();
        withdrawn.withdrawn = true; // not resolved: the console stopped asking
        m_merged.clear();
        emit alertsChanged(withdrawn);
    }
    QStringList names;
    for (const AlertSource &config : sources) {
        auto source = std::make_unique<Source>();
        source->config = config;
        source->name = config.name();
        source->nameList = {source->name};
        source->status.source = source->name;
        // One network manager per source, made here on the poller's thread: pooled connections (and their TLS
        // sessions) are never shared between sources that trust different CAs or send different credentials.
        source->network = new QNetworkAccessManager(this);
        source->timer = new QTimer(this);
        source->timer->setSingleShot(true);
        source->deadline = new QTimer(this);
        source->deadline->setSingleShot(true);
        Source *raw = source.get();
        connect(source->timer, &QTimer::timeout, this, [this, raw] { poll(*raw); });
        connect(source->deadline, &QTimer::timeout, this, [raw] {
            if (raw->reply) {
                raw->timedOut = true;
                raw->reply->abort();
            }
        });
        names.append(source->name);
        m_sources.push_back(std::move(source));
    }
    m_firstRoundDone = false;
    emit sourcesReset(names);
    for (auto &s : m_sources) {
        s->timer->start(0);
    }
}

void AlertPoller::pollNow()
{
    for (auto &s : m_sources) {
        if (!s->reply) {
            s->timer->start(0);
        }
    }
}

void AlertPoller::schedule(Source &source, int seconds)
{
    source.status.nextPollAt = QDateTime::currentDateTimeUtc().addSecs(seconds);
    source.timer->start(std::chrono::seconds(seconds));
}

void AlertPoller::poll(Source &source)
{
    if (source.reply) {
        return;
    }
    Result<QNetworkRequest> built = source.config.request(source.config.alertsUrl());
    if (!built) {
        fail(source, built.error());
        return;
    }
    QNetworkRequest &request = built.value();
    request.setRawHeader("Accept", "application/json");
    source.body.clear();
    source.tooLarge = false;
    source.timedOut = false;
    source.clock.start();
    source.status.polling = true;
    source.reply = source.network->get(request);
    source.deadline->start(std::chrono::seconds(source.config.timeoutSeconds));
    QNetworkReply *reply = source.reply;
    Source *raw = &source;
    connect(reply, &QNetworkReply::readyRead, this, [raw, reply] {
        if (raw->body.size() + reply->bytesAvailable() > kMaxAnswerBytes) {
            raw->tooLarge = true;
            reply->abort();
            return;
        }
        if (raw->body.isEmpty()) {
            // Room for an answer as large as the last one, plus the parser's padding: no regrowth, no copy.
            raw->body.reserve(std::max<qsizetype>(raw->snapshot.lastBody.size(), reply->bytesAvailable()) + 4096);
        }
        raw->body.append(reply->readAll());
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [raw, reply] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > kMaxAnswerBytes) {
            raw->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, raw, reply] { finished(*raw, reply); });
}

void AlertPoller::finished(Source &source, QNetworkReply *reply)
{
    source.deadline->stop();
    source.reply = nullptr;
    source.status.polling = false;
    reply->deleteLater();
    source.status.roundTripMs = source.clock.elapsed();
    if (source.tooLarge) {
        fail(source, HttpErrorText::tooLarge(kMaxAnswerBytes));
        return;
    }
    if (source.timedOut) {
        fail(source, HttpErrorText::timedOut(source.config.timeoutSeconds));
        return;
    }
    source.body.append(reply->readAll());
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus >= 400) {
        fail(source, HttpErrorText::httpStatus(httpStatus, source.body));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        fail(source, reply->error() == QNetworkReply::OperationCanceledError
                         ? HttpErrorText::timedOut(source.config.timeoutSeconds)
                         : HttpErrorText::networkError(reply));
        return;
    }
    const auto format = source.config.kind == AlertSource::Kind::Prometheus ? AlertDecoder::Format::PrometheusV1
                                                                             : AlertDecoder::Format::AlertmanagerV2;
    int alertCount = 0;
    if (m_answerReader) {
        const Result<int> read = m_answerReader(source.decoder, format, std::exchange(source.body, {}), source.name);
        if (!read) {
            fail(source, read.error());
            return;
        }
        alertCount = *read;
    } else {
        auto outcome = source.decoder.decode(format, std::exchange(source.body, {}), source.snapshot);
        if (!outcome) {
            fail(source, outcome.error());
            return;
        }
        alertCount = int(source.snapshot.byIdentity.size());
        if (!outcome->delta.isEmpty()) {
            merge(source, std::move(outcome->delta));
        }
    }
    source.status.lastSuccess = QDateTime::currentDateTimeUtc();
    source.status.lastError.clear();
    source.status.consecutiveFailures = 0;
    source.status.alertCount = alertCount;
    schedule(source, source.config.intervalSeconds);
    emit sourceStatusChanged(source.status);
    emit sourceAnswered(source.name);
    if (!m_firstRoundDone && std::all_of(m_sources.begin(), m_sources.end(),
                                         [](const auto &s) { return s->status.lastSuccess.isValid(); })) {
        m_firstRoundDone = true;
        emit firstRoundComplete(m_merged.keys());
    }
}

void AlertPoller::fail(Source &source, const QString &message)
{
    source.status.lastError = message;
    source.status.lastErrorAt = QDateTime::currentDateTimeUtc();
    source.status.consecutiveFailures += 1;
    // Back off: interval × 2^failures, capped, so a dead server is not hammered.
    const int exponent = std::min(source.status.consecutiveFailures - 1, 8);
    const int wait = std::min(kMaxBackoffSeconds, source.config.intervalSeconds * (1 << exponent));
    schedule(source, std::max(1, wait));
    emit sourceStatusChanged(source.status);
}

namespace {
// Several servers may report one alert; each knows something the other does not. Prometheus alone has the
// value, Alertmanager alone knows silences: keep both rather than letting the last answer win.
Alert combined(const Alert &known, const Alert &incoming, bool incomingIsPrometheus)
{
    Alert a = incoming;
    if (a.value.isEmpty()) {
        a.value = known.value;
    }
    if (a.generatorUrl.isEmpty()) {
        a.generatorUrl = known.generatorUrl;
    }
    if (incomingIsPrometheus && known.state == Alert::State::Suppressed && incoming.state == Alert::State::Firing) {
        a.state = Alert::State::Suppressed;
        a.silencedBy = known.silencedBy;
        a.inhibitedBy = known.inhibitedBy;
    }
    return a;
}
} // namespace

void AlertPoller::merge(Source &source, AlertDelta &&delta)
{
    const bool isPrometheus = source.config.kind == AlertSource::Kind::Prometheus;
    // The command line's single poll has no listener: then the merged changes are not copied out at all.
    const bool announce = isSignalConnected(QMetaMethod::fromSignal(&AlertPoller::alertsChanged));
    AlertDelta merged;
    merged.source = source.name; // whose answer this is
    m_merged.reserve(m_merged.size() + delta.added.size());
    for (Alert &incoming : delta.added) {
        auto it = m_merged.find(incoming.identity);
        if (it == m_merged.end()) {
            const QString identity = incoming.identity;
            Merged m{std::move(incoming), source.nameList};
            m.alert.sources = source.nameList;
            if (announce) {
                merged.added.append(m.alert);
            }
            m_merged.emplace(identity, std::move(m));
            continue;
        }
        // Already reported by another source (an HA peer): one alert, one more source.
        if (!it->sources.contains(source.name)) {
            it->sources.append(source.name);
        }
        const QStringList sources = it->sources;
        it->alert = combined(it->alert, incoming, isPrometheus);
        it->alert.sources = sources;
        if (announce) {
            merged.changed.append(it->alert);
        }
    }
    for (const Alert &incoming : delta.changed) {
        auto it = m_merged.find(incoming.identity);
        if (it == m_merged.end()) {
            continue;
        }
        const QStringList sources = it->sources;
        it->alert = combined(it->alert, incoming, isPrometheus);
        it->alert.sources = sources;
        if (announce) {
            merged.changed.append(it->alert);
        }
    }
    for (const QString &identity : delta.resolved) {
        auto it = m_merged.find(identity);
        if (it == m_merged.end()) {
            continue;
        }
        it->sources.removeAll(source.name);
        if (it->sources.isEmpty()) {
            m_merged.erase(it);
            if (announce) {
                merged.resolved.append(identity);
            }
        } else {
            it->alert.sources = it->sources;
            // Only an Alertmanager knows about silences: with none left reporting it, it is not suppressed.
            const bool alertmanagerLeft = std::any_of(it->sources.begin(), it->sources.end(), [this](const QString &name) {
                return std::any_of(m_sources.begin(), m_sources.end(), [&](const auto &s) {
                    return s->name == name && s->config.kind == AlertSource::Kind::Alertmanager;
                });
            });
            if (!alertmanagerLeft && it->alert.state == Alert::State::Suppressed) {
                it->alert.state = Alert::State::Firing;
                it->alert.silencedBy.clear();
                it->alert.inhibitedBy.clear();
            }
            if (announce) {
                merged.changed.append(it->alert);
            }
        }
    }
    if (announce && !merged.isEmpty()) {
        emit alertsChanged(merged);
    }
}

QList<const Alert *> AlertPoller::currentAlertsInPlace() const
{
    QList<const Alert *> all;
    all.reserve(m_merged.size());
    for (const Merged &m : m_merged) {
        all.append(&m.alert);
    }
    return all;
}

AlertDelta AlertPoller::currentAlerts() const
{
    AlertDelta all;
    all.added.reserve(m_merged.size());
    for (const Merged &m : m_merged) {
        all.added.append(m.alert);
    }
    return all;
}
