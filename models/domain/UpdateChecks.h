#pragma once

#include "Severity.h"
#include "StatusUpdate.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// What a status update must not say to customers, and what it promises about the next one.
namespace UpdateChecks {

struct Finding
{
    qsizetype start = 0; // in the draft's characters
    qsizetype length = 0;
    QString what;        // "IP address", "host name", "internal URL", "alert label value", "person's name"
    QString text;        // the words found
    bool operator==(const Finding &) const = default;
};

// The internal detail known for an incident: names of people (roster), label values of its linked alerts.
struct Context
{
    QStringList people;
    QStringList labelValues;
};

// Internal detail in a customer draft: host names, IP addresses, internal URLs, label values of linked alerts,
// names of people. In order of position; overlapping findings are reported once.
QList<Finding> customerFindings(const QString &draft, const Context &context);

// "next update at 15:30", "next update by 2026-11-29 15:30 UTC": the time a published update promises, in UTC;
// invalid when it names none. Without a date, the next such time after `nowUtc` in the zone.
QDateTime promisedNextUpdate(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone);

// What changed since the previous update, line by line: "  " kept, "- " removed, "+ " added.
QStringList lineDiff(const QString &before, const QString &after);

} // namespace UpdateChecks
