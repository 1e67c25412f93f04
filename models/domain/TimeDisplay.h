#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// How times read on screen: in the chosen zone, with UTC beside it where it matters.
namespace TimeDisplay {
QString dateTime(const QDateTime &utc, const QTimeZone &zone);  // "2026-11-29 14:05 CET"
QString clock(const QDateTime &utc, const QTimeZone &zone);     // "14:05:07"
QString utcClock(const QDateTime &utc);                         // "13:05:07Z"
QString zoneAbbreviation(const QDateTime &utc, const QTimeZone &zone);
QString duration(qint64 seconds);                               // "3 h 05 min", "42 s"
} // namespace TimeDisplay
