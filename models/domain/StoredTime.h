#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

// The one textual form of a time in the file and in exports: ISO-8601 UTC with milliseconds,
// e.g. "2026-11-29T14:05:00.000Z". It sorts as text, which the SQL relies on.
namespace StoredTime {
QVariant toSql(const QDateTime &time); // null QDateTime -> SQL NULL
QString toText(const QDateTime &time); // null -> empty string
QDateTime fromSql(const QVariant &value);
// Accepts any ISO-8601 date-time with an offset or Z; a time without an offset is refused as ambiguous.
QDateTime parse(const QString &text);
} // namespace StoredTime
