#pragma once

#include "TimelineEntry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <optional>

// Reads what the IC types into the one-line entry box, and the chat logs they paste.
namespace TimelineInput {

// One typed line: "[time] [kind:] [TODO:] text". The time is "14:05" (today in the display zone, or yesterday
// when that is still to come), "-10m" / "-1h30m" (ago), or a full ISO-8601 time. The kind is a prefix such as
// "action:" or "dec:". A line starting with "TODO:" also creates an action item.
struct Line
{
    QString text;                             // what is kept, byte for byte after the prefixes
    QDateTime occurredAt;                     // invalid: now
    std::optional<TimelineEntry::Kind> kind;  // none: the kind chosen in the box
    std::optional<QString> actionItem;        // the TODO's title
    QString error;                            // not empty: nothing is added, and this says why
};
Line parseLine(const QString &line, const QDateTime &nowUtc, const QTimeZone &zone);

// Just a time, in any of the forms a line may start with; invalid with *error set when it is not one.
QDateTime parseTime(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone, QString *error);

// A kind as typed: its key or one of the prefixes ("act", "dec", "comm"), any case; none when it is neither.
std::optional<TimelineEntry::Kind> kindFromWord(const QString &word);

// The kind prefixes understood, for the entry box's hint.
QString kindPrefixHelp();

// One entry of a pasted log: a timestamped line and the lines after it that have no time of their own.
struct LogEntry
{
    QDateTime occurredAt;
    QString author; // "dana" from "[14:05] dana: …" or "<dana> …"; empty when the line names nobody
    QString text;
    int line = 0; // where it starts, 1-based
};
struct Log
{
    QList<LogEntry> entries;
    QStringList problems; // "line 3: no time at the start; kept with the entry before it"
};
// Times without a date are taken as today in the zone (a log that crosses midnight moves on a day), and the
// whole log is moved back a day if it would otherwise end in the future. progress(percent) may return false to stop.
Log parseLog(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone,
             const std::function<bool(int)> &progress = {});
// For each entry of the log, whether the timeline already holds it (the same time and text, not deleted): the same
// log pasted twice, or a log overlapping what was typed from it.
QList<bool> alreadyOnTimeline(const QList<LogEntry> &entries, const QList<TimelineEntry> &timeline);

} // namespace TimelineInput
