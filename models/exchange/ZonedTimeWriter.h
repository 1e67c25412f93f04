#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QTimeZone>

class ByteBuffer;

// Writes stored times ("2026-11-29T14:05:00.000Z") as ISO-8601 in a chosen zone, "2026-11-29T15:05:00+01:00",
// fast enough for 100,000 rows: the zone's offset is looked up once per stretch between its transitions (daylight
// saving changes), not once per row. UTC is a plain copy.
class ZonedTimeWriter final
{
public:
    explicit ZonedTimeWriter(const QTimeZone &zone);
    // How the caller's format writes a text: a value that is not a stored time (a file from elsewhere may hold
    // anything) is written through it, escaped like any other text of that format.
    using TextWriter = void (*)(ByteBuffer &out, QByteArrayView utf8);
    // Appends the time, or the text through asText when it is not a stored time.
    void append(ByteBuffer &out, QByteArrayView stored, TextWriter asText);
    // The same time as people read it in a document: "2026-11-29 15:05:00 CET", "2026-11-29 14:05:00 UTC".
    void appendReadable(ByteBuffer &out, QByteArrayView stored, TextWriter asText);
    QString zoneName() const; // "UTC", "Europe/Berlin"

private:
    qint64 offsetSeconds(qint64 utcMs);
    // The stored time in the zone, "2026-11-29T15:05:00.000Z" shaped, and its offset; false when it is not a time.
    bool localTime(QByteArrayView stored, QByteArray &local, qint64 &offset);

    QTimeZone m_zone;
    bool m_utc;
    qint64 m_validFromMs = 1;
    qint64 m_validToMs = 0; // empty range: nothing cached yet
    qint64 m_offset = 0;
    QByteArray m_abbreviation; // the zone's name for m_offset's stretch, "CET"
};
