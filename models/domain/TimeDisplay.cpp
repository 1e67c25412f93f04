#include "TimeDisplay.h"

#include <QCoreApplication>

namespace TimeDisplay {

QString zoneAbbreviation(const QDateTime &utc, const QTimeZone &zone)
{
    const QString abbreviation = zone.abbreviation(utc);
    return abbreviation.isEmpty() ? QString::fromUtf8(zone.id()) : abbreviation;
}

QString dateTime(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid()) {
        return {};
    }
    return utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + zoneAbbreviation(utc, zone);
}

QString clock(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid()) {
        return {};
    }
    return utc.toTimeZone(zone).toString(QStringLiteral("HH:mm:ss"));
}

QString utcClock(const QDateTime &utc)
{
    if (!utc.isValid()) {
        return {};
    }
    return utc.toUTC().toString(QStringLiteral("HH:mm:ss")) + u'Z';
}

QString duration(qint64 seconds)
{
    if (seconds < 60) {
        return QCoreApplication::translate("TimeDisplay", "%1 s").arg(seconds);
    }
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        return QCoreApplication::translate("TimeDisplay", "%1 min").arg(minutes);
    }
    const qint64 hours = minutes / 60;
    if (hours < 48) {
        return QCoreApplication::translate("TimeDisplay", "%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QChar(u'0'));
    }
    return QCoreApplication::translate("TimeDisplay", "%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

} // namespace TimeDisplay
