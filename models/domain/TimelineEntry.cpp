#include "TimelineEntry.h"

#include <QCoreApplication>

QList<TimelineEntry::Kind> TimelineEntry::kinds()
{
    return {Kind::Detection, Kind::Triage, Kind::Action, Kind::Decision, Kind::Communication, Kind::Note};
}

QList<TimelineEntry::Source> TimelineEntry::sources()
{
    return {Source::Manual, Source::Alert, Source::System};
}

QString TimelineEntry::kindKey(Kind k)
{
    switch (k) {
    case Kind::Detection:
        return QStringLiteral("detection");
    case Kind::Triage:
        return QStringLiteral("triage");
    case Kind::Action:
        return QStringLiteral("action");
    case Kind::Decision:
        return QStringLiteral("decision");
    case Kind::Communication:
        return QStringLiteral("communication");
    case Kind::Note:
        return QStringLiteral("note");
    }
    return {};
}

QString TimelineEntry::kindTitle(Kind k)
{
    switch (k) {
    case Kind::Detection:
        return QCoreApplication::translate("TimelineEntry", "Detection");
    case Kind::Triage:
        return QCoreApplication::translate("TimelineEntry", "Triage");
    case Kind::Action:
        return QCoreApplication::translate("TimelineEntry", "Action");
    case Kind::Decision:
        return QCoreApplication::translate("TimelineEntry", "Decision");
    case Kind::Communication:
        return QCoreApplication::translate("TimelineEntry", "Communication");
    case Kind::Note:
        return QCoreApplication::translate("TimelineEntry", "Note");
    }
    return {};
}

std::optional<TimelineEntry::Kind> TimelineEntry::kindFromKey(const QString &key)
{
    for (Kind k : kinds()) {
        if (kindKey(k) == key) {
            return k;
        }
    }
    return std::nullopt;
}

QString TimelineEntry::sourceKey(Source s)
{
    switch (s) {
    case Source::Manual:
        return QStringLiteral("manual");
    case Source::Alert:
        return QStringLiteral("alert");
    case Source::System:
        return QStringLiteral("system");
    }
    return {};
}

std::optional<TimelineEntry::Source> TimelineEntry::sourceFromKey(const QString &key)
{
    for (Source s : {Source::Manual, Source::Alert, Source::System}) {
        if (sourceKey(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}

TimelineRevision TimelineRevision::of(const TimelineEntry &before, Action action, const QString &author,
                                      const QDateTime &revisedAt, const QString &reason)
{
    TimelineRevision revision;
    revision.entryId = before.id;
    revision.revisedAt = revisedAt;
    revision.author = author;
    revision.action = action;
    revision.reason = reason.trimmed();
    revision.oldText = before.text;
    revision.oldKind = before.kind;
    revision.oldOccurredAt = before.occurredAt;
    revision.oldKeyMoment = before.keyMoment;
    revision.oldCustomerVisible = before.customerVisible;
    return revision;
}
