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
    const QString text = value.toString();
    // The form the store writes ("2026-11-29T14:05:00.123Z") is read without QDateTime's general parser:
    // opening a file reads tens of thousands of these.
    if (text.size() == 24 && text.endsWith(u'Z')) {
        char ascii[24];
        bool plain = true;
        for (int i = 0; i < 24; ++i) {
            const char16_t c = text.at(i).unicode();
            plain = plain && c < 128;
            ascii[i] = char(c);
        }
        qint64 msecs = 0;
        if (plain && FastIsoTime::parse(std::string_view(ascii, 24), msecs)) {
            return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        }
    }
    return parse(text);
}

} // namespace StoredTime
