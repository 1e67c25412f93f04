#include "ZonedTimeWriter.h"

#include "ByteBuffer.h"
#include "FastIsoTime.h"

#include <limits>

ZonedTimeWriter::ZonedTimeWriter(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc()), m_utc(m_zone.offsetFromUtc(QDateTime::currentDateTimeUtc()) == 0 &&
                                                             !m_zone.hasTransitions())
{
}

QString ZonedTimeWriter::zoneName() const
{
    return m_utc ? QStringLiteral("UTC") : QString::fromUtf8(m_zone.id());
}

qint64 ZonedTimeWriter::offsetSeconds(qint64 utcMs)
{
    if (utcMs < m_validFromMs || utcMs >= m_validToMs) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc());
        m_offset = m_zone.offsetFromUtc(at);
        m_abbreviation = m_zone.abbreviation(at).toUtf8();
        const QTimeZone::OffsetData before = m_zone.previousTransition(at.addMSecs(1));
        const QTimeZone::OffsetData after = m_zone.nextTransition(at);
        m_validFromMs = before.atUtc.isValid() ? before.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        m_validToMs = after.atUtc.isValid() ? after.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        if (m_validFromMs > utcMs) { // a zone without transition data: cache this one instant only
            m_validFromMs = m_validToMs = utcMs;
        }
    }
    return m_offset;
}

bool ZonedTimeWriter::localTime(QByteArrayView stored, QByteArray &local, qint64 &offset)
{
    qint64 ms = 0;
    if (stored.size() < 19 || !FastIsoTime::parse(std::string_view(stored.data(), size_t(stored.size())), ms)) {
        return false;
    }
    offset = m_utc ? 0 : offsetSeconds(ms);
    return FastIsoTime::appendUtc(local, ms + offset * 1000);
}

void ZonedTimeWriter::append(ByteBuffer &out, QByteArrayView stored, TextWriter asText)
{
    if (m_utc && stored.size() == 24 && stored[23] == 'Z') { // the stored form itself: a plain copy
        qint64 ms = 0;
        if (FastIsoTime::parse(std::string_view(stored.data(), size_t(stored.size())), ms)) {
            out.append(stored.first(19));
            out.append('Z');
            return;
        }
    }
    QByteArray local;
    qint64 offset = 0;
    if (!localTime(stored, local, offset)) {
        asText(out, stored);
        return;
    }
    out.append(QByteArrayView(local).first(19)); // without ".mmmZ"
    if (m_utc) {
        out.append('Z');
        return;
    }
    const qint64 a = offset < 0 ? -offset : offset;
    char text[8];
    text[0] = offset < 0 ? '-' : '+';
    text[1] = char('0' + (a / 3600) / 10);
    text[2] = char('0' + (a / 3600) % 10);
    text[3] = ':';
    text[4] = char('0' + (a % 3600 / 60) / 10);
    text[5] = char('0' + (a % 3600 / 60) % 10);
    out.append(QByteArrayView(text, 6));
}

void ZonedTimeWriter::appendReadable(ByteBuffer &out, QByteArrayView stored, TextWriter asText)
{
    QByteArray local;
    qint64 offset = 0;
    if (!localTime(stored, local, offset)) {
        asText(out, stored);
        return;
    }
    local[10] = ' '; // "2026-11-29T14:05:00" -> "2026-11-29 14:05:00"
    out.append(QByteArrayView(local).first(19));
    out.append(' ');
    if (m_utc) {
        out.append("UTC");
    } else {
        asText(out, m_abbreviation); // a zone's name comes from the system's zone data: written as text
    }
}
