#include "StoredTime.h"

#include "FastIsoTime.h"

#include <QTimeZone>

namespace StoredTime {

QString toText(const QDateTime &time)
{
    if (!time.isValid()) {
        return {};
    }
    QByteArray text;
    if (FastIsoTime::appendUtc(text, time.toMSecsSinceEpoch())) {
        return QString::fromLatin1(text); // the same text as Qt::ISODateWithMs, without its general formatter
    }
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant toSql(const QDateTime &time)
{
    if (!time.isValid()) {
        return QVariant(QMetaType::fromType<QString>());
    }
    return toText(time);
}

QDateTime parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    // Qt reads a missing offset as local time; we refuse it rather than guess.
    const bool hasOffset = t.endsWith(u'Z') || t.endsWith(u'z') ||
                           (t.size() > 6 && (t.at(t.size() - 6) == u'+' || t.at(t.size() - 6) == u'-') &&
                            t.at(t.size() - 3) == u':');
    if (!hasOffset) {
        return {};
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        dt = QDateTime::fromString(t, Qt::ISODate);
    }
    if (!dt.isValid()) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(dt.toMSecsSinceEpoch(), Qt::UTC);
}

QDateTime fromSql(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    return parse(value.toString());
}

} // namespace StoredTime
