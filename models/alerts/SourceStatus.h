#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// How one alert source is doing, always visible to the IC.
struct SourceStatus
{
    QString source;         // AlertSource::name()
    QDateTime lastSuccess;  // invalid until the first good poll
    qint64 roundTripMs = -1;
    int alertCount = 0;
    QString lastError;      // in words; empty after a good poll
    QDateTime lastErrorAt;
    int consecutiveFailures = 0;
    QDateTime nextPollAt;
    bool polling = false;   // a request is out

    bool isFailing() const { return !lastError.isEmpty(); }
};
Q_DECLARE_METATYPE(SourceStatus)
