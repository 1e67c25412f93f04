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

// The internal detail known for an incident, and what is public.
struct Context
{
    QStringList people;        // names and handles from the roster
    QStringList labelValues;   // every label value of the incident's alerts
    QStringList alertNames;    // the names of the incident's alerts ("DDoSSuspected")
    QStringList publicDomains; // domains customers may see ("example.com" covers status.example.com), from Settings
};

// Internal detail in a customer draft: URLs and host names not under a public domain, IP addresses (private,
// loopback or not), machine-like names ("eu-lb-01", whole), alert names and label values of the incident's alerts,
// people's names and handles. In order of position; overlapping findings are reported once.
QList<Finding> customerFindings(const QString &draft, const Context &context);

// "next update at 15:30", "next update by 2026-11-29 15:30 UTC": the time a published update promises, in UTC;
// invalid when it names none. Without a date, the next such time after `nowUtc` in the zone.
QDateTime promisedNextUpdate(const QString &text, const QDateTime &nowUtc, const QTimeZone &zone);

// What changed since the previous update, line by line: "  " kept, "- " removed, "+ " added.
QStringList lineDiff(const QString &before, const QString &after);

} // namespace UpdateChecks
