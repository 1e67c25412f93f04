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
    QDateTime deletedAt;          // valid: deleted, kept hidden so the deletion can be seen and undone
    QDateTime originalOccurredAt; // valid: the entry was moved from this time
    QDateTime editedAt;           // valid: when it was last edited or deleted
    QString editedBy;             // and by whom

    bool isDeleted() const { return deletedAt.isValid(); }

    static QList<Kind> kinds();
    static QList<Source> sources();
    static QString kindKey(Kind k);
    static QString kindTitle(Kind k);
    static std::optional<Kind> kindFromKey(const QString &key);
    static QString sourceKey(Source s);
    static std::optional<Source> sourceFromKey(const QString &key);

    bool operator==(const TimelineEntry &) const = default;
};

// An entry as it was before a change, with who changed it, when and why.
struct TimelineRevision
{
    enum class Action { Edit, Delete };

    qint64 id = 0;
    qint64 entryId = 0;
    QDateTime revisedAt;
    QString author;
    Action action = Action::Edit;
    QString reason;
    QString oldText;
    TimelineEntry::Kind oldKind = TimelineEntry::Kind::Note;
    QDateTime oldOccurredAt;
    bool oldKeyMoment = false;
    bool oldCustomerVisible = false;

    // The one way an entry's change is recorded: what `before` was, kept with who changed it, when and why.
    static TimelineRevision of(const TimelineEntry &before, Action action, const QString &author,
                               const QDateTime &revisedAt, const QString &reason);

    bool operator==(const TimelineRevision &) const = default;
};

// What the timeline view needs of every entry up front; the rest is read page by page as rows are shown.
struct TimelineIndexRow
{
    qint64 id = 0;
    qint64 occurredMs = 0; // UTC milliseconds since the epoch
    TimelineEntry::Kind kind = TimelineEntry::Kind::Note;
    TimelineEntry::Source source = TimelineEntry::Source::Manual;
    bool keyMoment = false;
    bool customerVisible = false;
    bool deleted = false;
};
