#pragma once

#include "Alert.h"
#include "AlertSource.h"
#include "Result.h"
#include "Silence.h"

#include <QDateTime>
#include <QObject>

class QNetworkAccessManager;

// Alertmanager's silences: creates one matching an alert's labels exactly (POST /api/v2/silences), lists them
// (GET /api/v2/silences) and expires one (DELETE /api/v2/silence/{id}).
// Asynchronous: never blocks the UI thread; each answer arrives through its signal.
class SilenceRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilenceRequest)

public:
    explicit SilenceRequest(QObject *parent);

    static QByteArray body(const Alert &alert, const QDateTime &startsAt, const QDateTime &endsAt,
                           const QString &createdBy, const QString &comment);
    // Refused without a request when the author or the comment is empty: Alertmanager would store them blank.
    void send(const AlertSource &alertmanager, const Alert &alert, int minutes, const QString &createdBy,
              const QString &comment);
    void list(const AlertSource &alertmanager);
    void expire(const AlertSource &alertmanager, const QString &silenceId);

    // Alertmanager's list of silences; an error names the silence and the field that is wrong.
    static Result<QList<Silence>> decodeList(const QByteArray &json, const QString &sourceName);

signals:
    // silenceId is empty on failure, and error says why ("HTTP 400: ...", "connection refused").
    void finished(const QString &silenceId, const QString &error);
    // silences is empty and error set when the list could not be read.
    void listed(const QString &sourceName, const QList<Silence> &silences, const QString &error);
    void expired(const QString &silenceId, const QString &error);

private:
    QUrl apiUrl(const AlertSource &alertmanager, const QString &path) const;

    QNetworkAccessManager *m_network;
};
