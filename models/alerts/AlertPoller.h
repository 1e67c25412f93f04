#pragma once

#include "AlertDecoder.h"
#include "AlertSnapshot.h"
#include "AlertSource.h"
#include "HttpErrorText.h"
#include "SourceStatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Polls every source on its own timer, off the UI thread: fetches, decodes and merges what all sources report
// into one set of alerts, and announces only the changes. Two sources reporting the same label set (an HA pair)
// give one alert. A failing source backs off and keeps its last good alerts (shown stale) until it recovers.
class AlertPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertPoller)

public:
    static constexpr qint64 kMaxAnswerBytes = HttpErrorText::kMaxAnswerBytes;
    static constexpr int kMaxBackoffSeconds = 300;

    explicit AlertPoller(QObject *parent = nullptr);
    ~AlertPoller() override;

    void setSources(const QList<AlertSource> &sources); // restarts polling; all current alerts are withdrawn
    void pollNow();
    void stop();
    // Everything shown now, as one delta of additions (for a newly opened file's archive).
    AlertDelta currentAlerts() const;
    // The merged alerts in place, without copying them: valid until the next poll is applied (the command line
    // prints 10,000 of them once and copying each was a twentieth of its time).
    QList<const Alert *> currentAlertsInPlace() const;
    bool firstRoundDone() const { return m_firstRoundDone; }

    // For a reader that takes each good answer itself instead of having it decoded and merged here (the command
    // line printing one answer): it returns how many alerts it read, or what is wrong with the answer, which then
    // counts as the source failing.
    using AnswerReader = std::function<Result<int>(AlertDecoder &decoder, AlertDecoder::Format format,
                                                   const QByteArray &body, const QString &source)>;
    void setAnswerReader(AnswerReader reader) { m_answerReader = std::move(reader); }

signals:
    void alertsChanged(const AlertDelta &delta); // merged over all sources
    void sourceStatusChanged(const SourceStatus &status);
    void sourcesReset(const QStringList &names);
    void sourceAnswered(const QString &source);
    // Once after setSources(), when every source has answered at least once: all identities shown now.
    void firstRoundComplete(const QStringList &identities);

private:
    struct Source;
    void poll(Source &source);
    void finished(Source &source, QNetworkReply *reply);
    void fail(Source &source, const QString &message);
    void schedule(Source &source, int seconds);
    void merge(Source &source, AlertDelta &&delta);

    std::vector<std::unique_ptr<Source>> m_sources;
    struct Merged
    {
        Alert alert;
        QStringList sources;
    };
    QHash<QString, Merged> m_merged; // identity -> the alert as shown
    bool m_firstRoundDone = false;
    AnswerReader m_answerReader;
};
