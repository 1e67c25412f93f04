#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

struct TimelineEntry
{
    enum class Kind { Detection, Triage, Action, Decision, Communication, Note };
    // Who wrote it: a person typing, an alert transition, or the console itself (stage, severity, roles).
    enum class Source { Manual, Alert, System };

    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime occurredAt;
    QDateTime recordedAt;
    Kind kind = Kind::Note;
    QString author;
    QString text;
    Source source = Source::Manual;
    bool keyMoment = false;
    bool customerVisible = false;

    static QList<Kind> kinds();
    static QString kindKey(Kind k);
    static QString kindTitle(Kind k);
    static std::optional<Kind> kindFromKey(const QString &key);
    static QString sourceKey(Source s);
    static std::optional<Source> sourceFromKey(const QString &key);

    bool operator==(const TimelineEntry &) const = default;
};
