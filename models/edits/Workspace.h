#pragma once

#include "Alert.h"
#include "IncidentStore.h"
#include "Result.h"
#include "Severity.h"
#include "SeverityRules.h"
#include "Stage.h"
#include "StoreCommand.h"
#include "TimelineEntry.h"
#include "TimelineInput.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

class AlertEdits;
class LifecycleEdits;
class RosterEdits;
class TimelineEdits;
class UpdateEdits;

// One open incident file and its undo history: the API through which the window and the command line
// make every edit. Each edit is a command on the undo stack and is committed to the file at once. The edits live in
// five classes by what they change (TimelineEdits, LifecycleEdits, RosterEdits, UpdateEdits, AlertEdits); the
// methods below hand each call there.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    IncidentStore *store() { return &m_store; }
    const IncidentStore *store() const { return &m_store; }
    QUndoStack *undoStack() { return &m_undoStack; }

    Status open(const QString &path, IncidentStore::Access access = IncidentStore::Access::ReadWrite);
    void close();

    // Name stamped on entries the user writes.
    QString author() const { return m_author; }
    // The name on what this console writes, and on a team database the name the other consoles see it by.
    void setAuthor(const QString &author)
    {
        m_author = author.isNull() ? QStringLiteral("") : author;
        m_store.setPresenceName(m_author);
    }

    Result<qint64> declareIncident(const Declaration &declaration);
    Result<qint64> declareIncident(const QString &title, Severity severity, const QString &summary = {},
                                   bool drill = false, bool security = false);
    // occurredAt: when it happened; invalid means now.
    Result<qint64> addTimelineEntry(qint64 incidentId, const QString &text,
                                    TimelineEntry::Kind kind = TimelineEntry::Kind::Note,
                                    const QDateTime &occurredAt = {});
    // Moves through the workflow. Reaching Eradication & Recovery marks it mitigated; reaching review or closing
    // resolves it and sets the postmortem due 48 hours later; going back before review reopens it.
    // What the IC types into the entry box: a time, a kind and "TODO:" may lead the text (TimelineInput::parseLine).
    // occurredAt, when valid, is the time given apart from the line (the command line's --at); it wins over a
    // time the line starts with.
    // Both return the new entry's id, or 0 when a team database is away and the entry waits in the outbox.
    Result<qint64> addTimelineLine(qint64 incidentId, const QString &line, TimelineEntry::Kind defaultKind,
                                   const QTimeZone &zone, const QDateTime &occurredAt = {});
    // A pasted log, as previewed: every entry in one edit. Returns how many were added.
    Result<int> addTimelineEntries(qint64 incidentId, const QList<TimelineInput::LogEntry> &entries,
                                   TimelineEntry::Kind kind = TimelineEntry::Kind::Note);
    // Saves changes to an entry's text, kind, time, pin or customer-visible flag. A new time needs a reason and
    // keeps the first one. Entries the console or an alert wrote keep their words: only the flags can change.
    Status editTimelineEntry(const TimelineEntry &changed, const QString &reason = {});
    // Hides the entry and records who deleted it, when and why; undo brings it back.
    Status deleteTimelineEntry(qint64 entryId, const QString &reason = {});
    Status setKeyMoment(qint64 entryId, bool keyMoment);

    // Records a published update for good (it was sent; it is not undone), stamps the timeline, and clears the
    // audience's draft, in one transaction. A customer update's "next update at …" sets its next due time.
    Result<qint64> publishUpdate(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                                 const QTimeZone &zone);
    // Adds a template (id 0) or saves changes to one; refuses a template that does not parse or uses unknown names.
    Result<qint64> saveTemplate(const MessageTemplate &tmpl);

    // Impact and ETA: what updates tell about the incident, kept current by the IC.
    Status setImpactAndEta(qint64 incidentId, const QString &impact, const QString &eta);
    // Words of the declaration corrected after the fact: undoable, and stamped on the timeline.
    Status setTitleAndSummary(qint64 incidentId, const QString &title, const QString &summary,
                              const std::optional<Incident> &seen = std::nullopt);

    Status changeStage(qint64 incidentId, Stage stage);
    // A severity change always has a reason; it goes on the timeline and into the severity history.
    Status changeSeverity(qint64 incidentId, Severity severity, const QString &reason);
    Status acceptSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion);
    // Keeps the current level against the suggestion; recorded so the board stops offering that suggestion.
    Status overrideSuggestion(qint64 incidentId, const SeveritySuggestion &suggestion, const QString &reason);
    Status setSecurityIncident(qint64 incidentId, bool security);

    Result<qint64> addChecklistItem(qint64 incidentId, Stage stage, const QString &text);
    Status setChecklistItemDone(qint64 incidentId, qint64 itemId, bool done);

    Result<qint64> addRole(const QString &name, const QString &responsibility);
    // Adds the person to the roster (id 0) or saves changes to one already on it.
    Result<qint64> savePerson(const Person &person);
    // Adds an action item (id 0) or changes one; undoable. A title is required; the owner, if any, is on the roster.
    Result<qint64> saveActionItem(const ActionItem &item);
    // The postmortem's own sections, and when it was distributed (invalid: not yet); undoable.
    Status savePostmortem(const Postmortem &postmortem);
    // Hands the role to the person of that name, adding them to the roster when nobody has that name.
    Status assignRole(qint64 incidentId, qint64 roleId, const QString &personName);

    // Links alerts to the incident, freezing their evidence into its timeline.
    Status linkAlerts(qint64 incidentId, const QList<Alert> &alerts);
    // Declares an incident for these alerts and links them, as one edit.
    Result<qint64> declareIncidentFromAlerts(const Declaration &declaration, const QList<Alert> &alerts);
    // Acknowledges an alert, and says so on the timeline of every open incident it is linked to.
    Status acknowledgeAlert(const QString &identity, const QString &note);
    // Says on the timeline of every open incident these alerts are linked to what was done to them elsewhere
    // (a silence made or expired in Alertmanager); one undo step, nothing when none is linked.
    Status stampLinkedIncidents(const QStringList &identities, TimelineEntry::Kind kind, const QString &text);
    // The alerts of the list not linked to the incident yet.
    Result<QList<Alert>> alertsNotYetLinked(qint64 incidentId, const QList<Alert> &alerts) const;

signals:
    // An undo or redo could not be written; the message says what and why.
    void editFailed(const QString &message);

private:
    friend class AlertEdits;
    friend class LifecycleEdits;
    friend class RosterEdits;
    friend class TimelineEdits;
    friend class UpdateEdits;

    Status push(std::unique_ptr<StoreCommand> command);
    // What a command calls when a later undo or redo cannot be written: the window hears it as editFailed.
    StoreCommand::FailureHandler onFailure();
    TimelineEntry systemEntry(qint64 incidentId, TimelineEntry::Kind kind, const QString &text) const;

    IncidentStore m_store;
    QUndoStack m_undoStack;
    QString m_author = QStringLiteral("");
    // The edits, by what they change; each pushes its commands through push().
    std::unique_ptr<TimelineEdits> m_timelineEdits;
    std::unique_ptr<LifecycleEdits> m_lifecycleEdits;
    std::unique_ptr<RosterEdits> m_rosterEdits;
    std::unique_ptr<UpdateEdits> m_updateEdits;
    std::unique_ptr<AlertEdits> m_alertEdits;
};
