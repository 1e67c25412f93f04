#pragma once

#include "Alert.h"
#include "AlertSource.h"

#include <QDateTime>
#include <QObject>

class QNetworkAccessManager;

// Creates an Alertmanager silence (POST /api/v2/silences) matching one alert's labels exactly.
// Asynchronous: never blocks the UI thread; the answer arrives through finished().
class SilenceRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilenceRequest)

public:
    explicit SilenceRequest(QObject *parent);

    static QByteArray body(const Alert &alert, const QDateTime &startsAt, const QDateTime &endsAt,
                           const QString &createdBy, const QString &comment);
    void send(const AlertSource &alertmanager, const Alert &alert, int minutes, const QString &createdBy,
              const QString &comment);

signals:
    // silenceId is empty on failure, and error says why ("HTTP 400: ...", "connection refused").
    void finished(const QString &silenceId, const QString &error);

private:
    QNetworkAccessManager *m_network;
};
