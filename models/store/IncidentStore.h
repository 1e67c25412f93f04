#pragma once

#include "ActionItem.h"
#include "Alert.h"
#include "AlertAck.h"
#include "ArchivedAlert.h"
#include "ChecklistItem.h"
#include "ExportReads.h"
#include "Incident.h"
#include "MessageTemplate.h"
#include "Person.h"
#include "Postmortem.h"
#include "RawRow.h"
#include "Result.h"
#include "Role.h"
#include "RoleAssignment.h"
#include "SeverityChange.h"
#include "StatusUpdate.h"
#include "StoreChange.h"
#include "TableSchema.h"
#include "TimelineEntry.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

class ChangeLog;
class QTimer;
class RecordConnection;
class TeamOutbox;
class SqlDialect;
class AlertTables;
class IncidentTables;
class RosterTables;
class TimelineTables;
class UpdateTables;

// The incident record: the database (one SQLite file, one writer, every edit committed at once; what only SQLite says
// is behind SqlDialect) and the one change notifier: models listen to its signals, which fire only after a commit.
// The tables' statements live in five classes by what they hold (tables/); the methods below hand each call there.
class IncidentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStore)

public:
    enum class Access
    {
        ReadWrite,
        ReadOnly
    };

    explicit IncidentStore(QObject *parent = nullptr);
    ~IncidentStore() override;

    // The number of the schema this version writes (a file's format, as the About box shows it).
    static int formatVersion();

    // Opens or creates the file. Refuses (and leaves untouched) a file that is not SQLite, is damaged,
    // belongs to another program, comes from a newer version, or is open in another Incident Console.
    Status open(const QString &path, Access access = Access::ReadWrite);
    void close();
    // For a reader that holds every open incident at once (the window's board): open() refuses, untouched, a file
    // with more open incidents than this, saying how many it holds. 0: no limit (the command line).
    void setOpenIncidentLimit(qint64 limit) { m_openIncidentLimit = limit; }
    // A second connection, for a worker thread, to a file this process already has open for writing (an import):
    // no lock of its own and no upgrade, the same safety settings and durable commits.
    Status openAlongside(const QString &path);
    bool isOpen() const;
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    // Open on a team database (PostgreSQL) rather than a file; path() is then its address without the password.
    bool isTeamRecord() const { return m_teamRecord; }
    // On a team database: the name this console is known by to the others (the name on what it writes), and the
    // names of the other consoles connected now, in the order they came. Empty on a file.
    void setPresenceName(const QString &name);
    Result<QStringList> othersHere() const;
    // On a team database: whether the server answers now. Checked every two seconds and after a failed write; a
    // console that lost it keeps showing the record as last read, and on reconnecting reads every change it missed.
    // (Qt's driver may close a connection whose server vanished before the next check notices.)
    bool isTeamOnline() const { return m_teamOnline && m_db.isOpen(); }
    // On a team database: a timeline entry typed while the server is away, kept in this console's outbox (an SQLite
    // file of its own, committed at once) and sent, in order and only once, with its own times and author, when the
    // server is back, or at the next opening should the console be closed first.
    Status keepForSending(const TimelineEntry &entry);
    int waitingToBeSent() const;
    // Where the outbox is kept; by default under this user's data, one per team database. Set before open().
    void setOutboxFile(const QString &file) { m_outboxFile = file; }
    QString path() const { return m_path; }
    // How another connection reads this file, as an SQLite URI: read-only, and immutable or through a private copy
    // where the file lies in a read-only folder.
    QString readerUri() const;
    // Where the file was copied before the last schema upgrade; empty when none was needed.
    QString lastBackupPath() const;

    // Runs body in one transaction; nested calls join the outer one. A failure rolls everything back
    // and drops the notifications the body queued.
    Status write(const std::function<Status()> &body);

    Result<QList<Incident>> incidents(bool includeClosed = true) const;
    Result<Incident> incident(qint64 id) const;
    Result<qint64> insertIncident(const Incident &incident); // keeps incident.id when non-zero (redo)
    Status updateIncident(const Incident &incident);
    // The edit of a person: changes only the fields in which `after` differs from `before` (what the console read),
    // and only while the stored row still holds `before`'s values there. When another console changed one of them
    // since, nothing is written and the failure says who changed it to what (takeConflict() has it too).
    Status updateIncident(const Incident &before, const Incident &after);
    Status deleteIncident(qint64 id);

    Result<QList<TimelineEntry>> timeline(qint64 incidentId, bool includeDeleted = false) const; // by time, then id
    // Only the key moments and the actions people typed: what updates quote, without reading a long timeline whole.
    // withActions false: the key moments only (a postmortem quotes no steps, and a long timeline has many).
    Result<QList<TimelineEntry>> keyMomentsAndActions(qint64 incidentId, bool withActions = true) const;
    // The light index of an incident's timeline (ids, times, kinds, flags), by time then id; deleted ones left out
    // unless asked for.
    Result<QList<TimelineIndexRow>> timelineIndex(qint64 incidentId, bool includeDeleted = false) const;
    Result<QList<TimelineEntry>> timelineEntries(const QList<qint64> &ids) const; // in the order given
    // Adds many entries in one transaction (a pasted log); one timelineReset signal instead of one per entry.
    Result<QList<qint64>> insertTimelineEntries(const QList<TimelineEntry> &entries);
    Status deleteTimelineEntries(qint64 incidentId, const QList<qint64> &ids);
    Result<QList<TimelineRevision>> timelineRevisions(qint64 entryId) const; // oldest first
    Result<qint64> insertTimelineRevision(const TimelineRevision &revision);
    Status deleteTimelineRevision(qint64 id);
    // Entries whose text matches the words typed (all of them, the last as a prefix), newest first; incidentId 0:
    // across every incident. Deleted entries are not found.
    Result<QList<qint64>> searchTimeline(const QString &words, qint64 incidentId = 0, int limit = 500) const;
    // The search query for words a person typed: each word taken literally, the last as a prefix.
    static QString searchQuery(const QString &words);
    Result<TimelineEntry> timelineEntry(qint64 id) const;
    Result<qint64> insertTimelineEntry(const TimelineEntry &entry);
    Status updateTimelineEntry(const TimelineEntry &entry);
    Status deleteTimelineEntry(qint64 id);
    // Puts entries written by other means (an import) into the search index; inside a write().
    Status addToSearchIndex(const QList<qint64> &entryIds);

    Result<QList<SeverityChange>> severityChanges(qint64 incidentId) const; // oldest first
    Result<qint64> insertSeverityChange(const SeverityChange &change);      // keeps change.id when non-zero
    Status deleteSeverityChange(qint64 id);

    Result<QList<ChecklistDefault>> checklistDefaults() const;
    Result<QList<ChecklistItem>> checklist(qint64 incidentId) const; // by stage, then position
    Result<qint64> insertChecklistItem(const ChecklistItem &item);   // keeps item.id when non-zero
    Status setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy); // invalid: not done
    // The same, only while the item is still ticked (wasDone) or not as the console read it; else a conflict.
    Status setChecklistItemDone(qint64 itemId, bool wasDone, const QDateTime &doneAt, const QString &doneBy);
    Status deleteChecklistItem(qint64 id);

    // What a board card shows beyond the incident row, for every open incident, read in a few grouped queries.
    struct IncidentFacts
    {
        qint64 commanderId = 0;
        QString commanderName;
        int firingAlerts = 0;
        QList<Alert::Pairs> firingAlertLabels; // label sets (sorted) of the firing linked alerts, for suggestions
        QDateTime lastInternalUpdate;
        QDateTime lastCustomerUpdate;
        QDateTime nextInternalDue; // as the last update of that audience announced it
        QDateTime nextCustomerDue;
        QList<qint64> heldRoleIds;
        QDateTime postmortemPublishedAt; // valid: the postmortem went out; its due time no longer counts down
        bool securityAlerts = false;     // a firing linked alert labelled category="security"
        std::optional<Severity> overriddenSuggestion; // the latest severity step kept the level against this one
        bool operator==(const IncidentFacts &) const = default;
    };
    // The open incident worked on last (latest timeline entry written, else declared), unresolved ones before those
    // in review; 0 when none is open. A file opens on it.
    Result<qint64> mostRecentlyActiveIncident() const;
    // incidentIds empty: every open incident.
    Result<QHash<qint64, IncidentFacts>> incidentFacts(const QList<qint64> &incidentIds = {}) const;

    Result<QList<Person>> people() const;
    Result<qint64> insertPerson(const Person &person);
    Status updatePerson(const Person &person);
    Status deletePerson(qint64 id);
    Result<QList<Role>> roles() const;
    Result<qint64> insertRole(const Role &role);
    Status deleteRole(qint64 id);
    Result<QList<RoleAssignment>> assignments(qint64 incidentId) const; // full history, oldest first
    Result<qint64> insertAssignment(const RoleAssignment &assignment);
    Status setAssignmentReleased(qint64 assignmentId, const QDateTime &releasedAt); // invalid time: held again
    Status deleteAssignment(qint64 id);
    // Undoing an assignment: removes it only while it is still held; a role someone handed on since is a conflict.
    Status deleteHeldAssignment(qint64 id);

    // An edit refused because another console changed the same row since this one read it: what the person is told,
    // and the incident, so the console can offer to apply the edit again on top. Taken once.
    struct Conflict
    {
        qint64 incidentId = 0;
        QString message;
    };
    std::optional<Conflict> takeConflict();

    Result<QList<StatusUpdate>> statusUpdates(qint64 incidentId) const;
    // The draft being written for an audience; empty when there is none. Saving replaces it (autosave, not an edit).
    Result<QString> draft(qint64 incidentId, StatusUpdate::Audience audience) const;
    Status saveDraft(qint64 incidentId, StatusUpdate::Audience audience, const QString &body, const QDateTime &at);
    Status deleteDraft(qint64 incidentId, StatusUpdate::Audience audience);
    Result<qint64> insertStatusUpdate(const StatusUpdate &update);
    Result<QList<ActionItem>> actionItems(qint64 incidentId) const;
    Result<qint64> insertActionItem(const ActionItem &item);
    Status updateActionItem(const ActionItem &item); // title, owner, due time, state
    Status deleteActionItem(qint64 id);
    // Every incident's items: open and in progress first, overdue among them first, then by due time.
    Result<QList<ActionItem>> allActionItems(const QDateTime &nowUtc) const;
    // The sections written so far; an empty Postmortem (with the incident id) when none.
    Result<Postmortem> postmortem(qint64 incidentId) const;
    Status savePostmortem(const Postmortem &postmortem); // replaces the incident's sections
    Result<QList<MessageTemplate>> templates() const;
    Result<qint64> insertTemplate(const MessageTemplate &t);
    Status updateTemplate(const MessageTemplate &t);
    Status deleteTemplate(qint64 id);
    // Most recently seen first; `limit` rows from `offset` (limit < 0: all), so a view can page through a large
    // archive.
    Result<QList<ArchivedAlert>> archivedAlerts(int limit = -1, int offset = 0) const;
    Result<qint64> insertArchivedAlert(const ArchivedAlert &alert);

    Result<QHash<QString, AlertAck>> alertAcks() const;
    Status setAlertAck(const AlertAck &ack); // replaces any earlier ack of the same alert
    Status removeAlertAck(const QString &identity);

    // Makes sure the alert has an archive row (the archiver may not have written it yet) and returns its id.
    Result<qint64> ensureArchivedAlert(const ArchivedAlert &alert);
    Result<qint64> insertAlertLink(qint64 incidentId, qint64 alertId, const QDateTime &at, const QString &snapshot,
                                   qint64 id = 0); // id kept when non-zero (redo)
    Status deleteAlertLink(qint64 linkId);
    struct LinkedAlert
    {
        QString alertName;
        QList<qint64> incidentIds;
    };
    // identity -> the alert's name and the incidents it is linked to
    Result<QHash<QString, LinkedAlert>> alertLinksByIdentity() const;

    // A consistent copy of the live file (VACUUM INTO), safe while the console keeps writing, moved into place
    // whole. build: instead of the whole file, fills a new file that holds only the migrations' schema (an export
    // that keeps one incident).
    Status saveCopy(const QString &destination,
                    const std::function<Status(const QString &partialPath)> &build = {}) const;
    // Fills `emptyFile` (made by the migrations, holding nothing but their defaults) with one incident of this file
    // and what it refers to, row by row from the exchanged tables and their scopes: whatever else the file holds
    // cannot reach the copy. The file's templates, roles and checklist defaults come along.
    Status copyIncidentInto(qint64 incidentId, const QString &emptyFile) const;

    // Runs a statement from prepare(); a failure reads "what: SQLite's own reason" (a statement SQLite would not
    // prepare says why, not "Parameter count mismatch").
    Status exec(QSqlQuery &query, const QString &what) const;

    // Every row of a declared table, or only one incident's (the table's incidentScope), by id, as raw rows in the
    // declaration's column order: what the JSON export reads.
    Status forEachTableRow(const TableSpec &table, std::optional<qint64> incidentId,
                           const std::function<bool(const RawRow &)> &onRow) const;
    // What the text exports read, one raw row at a time (onRow returns false to stop): the incidents to export (one,
    // or all) by id, with their titles and counts of entries not deleted; the timeline as the exports show it, without
    // deleted entries, by incident then time; the action items with their incident's title and owner's name. Each
    // row's columns are numbered by the ExportReads enums.
    Status forEachIncidentToExport(std::optional<qint64> incidentId,
                                   const std::function<bool(const RawRow &)> &onRow) const;
    Status forEachEntryToExport(std::optional<qint64> incidentId,
                                const std::function<bool(const RawRow &)> &onRow) const;
    Status forEachActionItemToExport(std::optional<qint64> incidentId,
                                     const std::function<bool(const RawRow &)> &onRow) const;
    // Incidents without a severity history (imported from before it existed) start one at their declared level.
    Status startSeverityHistories(const QList<qint64> &incidentIds);

    // For the store's own table classes and the tests, which look at the file as SQLite has it; nothing above store/
    // writes SQL.
    QSqlDatabase database() const { return m_db; }
    // How the record's database says what only it says (store/ only: the metrics and facts queries).
    const SqlDialect &dialect() const { return *m_dialect; }
    QSqlQuery prepare(const QString &sql) const;
    // An INSERT that tells which id it gave the row, however the database tells it, and running it.
    QSqlQuery prepareInsert(const QString &insertSql) const;
    Result<qint64> execInsert(QSqlQuery &query, const QString &what);
    // Runs a SELECT with integer parameters ?1, ?2 … and hands each row to onRow as raw UTF-8; onRow returns false to
    // stop early (the result is then a failure saying so). One statement, so the rows are one consistent snapshot.
    Status forEachRawRow(const QByteArray &sql, const QList<qint64> &parameters,
                         const std::function<bool(const RawRow &)> &onRow) const;
    // Runs body inside one read transaction, so an export's many statements all see the file as it was when it
    // began, while the window goes on writing through its own connection. Nested calls share the outer one.
    Status readSnapshot(const std::function<Status()> &body) const;
    Status deletePostmortem(qint64 incidentId); // the incident has no postmortem sections again (undo of the first)
    // Tells every listener the file changed wholesale (after an import).
    void announceReset();
    // The alert archiver writes through a connection of its own; this tells the models it did.
    // The archiver wrote. On a team database its change log says so to every console, this one included.
    void announceAlertArchiveChanged()
    {
        if (!m_teamRecord) {
            emit alertArchiveChanged();
        }
    }

    // ---- review mode ----
    // The archived alerts linked to the incident, whenever they fired, by first seen then id (the review replays
    // which of them were firing at each key moment).
    Result<QList<ArchivedAlert>> linkedArchivedAlerts(qint64 incidentId) const;

signals:
    void incidentInserted(qint64 id);
    void incidentChanged(qint64 id);
    void incidentRemoved(qint64 id);
    void timelineEntryInserted(qint64 incidentId, qint64 entryId);
    void timelineEntryChanged(qint64 incidentId, qint64 entryId);
    void timelineEntryRemoved(qint64 incidentId, qint64 entryId);
    void timelineReset(qint64 incidentId); // many entries at once
    void timelineRevisionsChanged(qint64 entryId);
    void assignmentsChanged(qint64 incidentId);
    void rosterChanged(); // people or roles
    void severityHistoryChanged(qint64 incidentId);
    void checklistChanged(qint64 incidentId);
    void statusUpdatesChanged(qint64 incidentId);
    void actionItemsChanged(qint64 incidentId);
    void postmortemChanged(qint64 incidentId);
    void templatesChanged();
    void alertArchiveChanged();
    void alertAckChanged(const QString &identity);
    void alertLinksChanged(qint64 incidentId);
    void storeReset(); // opened, closed or replaced wholesale
    // The team database went away (reason says how) or is back.
    void teamConnectionChanged(bool online, const QString &reason);
    void outboxChanged(int waiting);

private:
    friend class AlertTables;
    friend class IncidentTables;
    friend class RosterTables;
    friend class TimelineTables;
    friend class UpdateTables;

    void adopt(std::unique_ptr<RecordConnection> connection, const QString &path, Access access);
    Status openTeamDatabase(const QString &address, Access access);
    // The one way the tables read: the SELECT prepared, `values` bound in order and run; a failure reads "what: the
    // database's reason". Then each row read by `read`, or, for a declared table, by its declaration ("SELECT <its
    // columns> FROM <it> <rest>"; a value this version cannot read fails the list, naming it).
    Result<QSqlQuery> select(const QString &sql, const QVariantList &values, const QString &what) const;
    template <class Row>
    Result<QList<Row>> selectRows(const QString &sql, const QVariantList &values, const QString &what,
                                  const std::function<Row(const QSqlQuery &)> &read) const
    {
        auto q = select(sql, values, what);
        if (!q) {
            return q.status();
        }
        QList<Row> rows;
        while (q->next()) {
            rows.append(read(q.value()));
        }
        return rows;
    }
    template <class Row>
    Result<QList<Row>> selectRows(const RowTable<Row> &table, const QString &rest, const QVariantList &values,
                                  const QString &what) const
    {
        auto q = select(QStringLiteral("SELECT %1 FROM %2 %3").arg(table.selectList(), table.spec().sql, rest), values,
                        what);
        return q ? table.readAll(q.value()) : Result<QList<Row>>(q.status());
    }
    // One row of a declared table by its id; `missing` is the failure when there is none.
    template <class Row>
    Result<Row> selectRow(const RowTable<Row> &table, qint64 id, const QString &what, const QString &missing) const
    {
        auto rows = selectRows(table, QStringLiteral("WHERE id = ?"), {id}, what);
        if (!rows) {
            return rows.status();
        }
        return rows->isEmpty() ? Result<Row>(Status::failure(missing)) : Result<Row>(rows->first());
    }
    // One INSERT with its values in order, in a transaction; `announce` runs with the new id after the commit.
    Result<qint64> insertRow(const QString &sql, const QVariantList &values, const QString &what,
                             const std::function<void(qint64)> &announce);
    // The same for a row of a declared table: its INSERT and values come from the declaration.
    template <class Row>
    Result<qint64> insertRow(const RowTable<Row> &table, const Row &row, const QString &what,
                             const std::function<void(qint64)> &announce)
    {
        return insertRow(table.spec().insertStatement(), table.insertValues(row), what, announce);
    }
    // One UPDATE or DELETE of a single row "... RETURNING <owner id>", in a transaction; `announce` runs with the
    // owner's id after the commit. `missing` is the failure when no row matched.
    Status changeRow(const QString &sql, const QVariantList &values, const QString &what, const QString &missing,
                     const std::function<void(qint64)> &announce);
    // The same for a change made only while the row still holds what the console read: `noRow` says why none matched
    // (the row is gone, or someone changed it since: refuseConflict()).
    Status changeRow(const QString &sql, const QVariantList &values, const QString &what,
                     const std::function<Status()> &noRow, const std::function<void(qint64)> &announce);
    // A committed change: emitted now outside a transaction, else queued and emitted after the commit (and, on a team
    // database, written to the change log in the same transaction so every console emits it; a change that cannot
    // be logged fails its transaction at the commit).
    void announce(const StoreChange &change);
    void emitChange(const StoreChange &change);
    // Another console committed: its changes from the log, emitted here as if made here.
    void applyChangesFromOthers();
    void checkTeamConnection();
    bool serverAnswers(QString *reason = nullptr) const;
    void goOffline(const QString &reason); // says so once, however many checks fail
    Status reconnectTeam();
    void sendOutbox(); // what waits is sent in order; what cannot be sent yet stays, in order, for the next time
    // A write that failed: when the team database went away under it, says so (and reconnects) instead.
    Status whenTheServerWentAway(const Status &failed);
    Status requireWritable() const;
    Status notOpen() const;
    // A conditional change matched no row: says why (the row is gone, or someone changed it since) and keeps it.
    Status refuseConflict(qint64 incidentId, const QString &message);
    // Who last made this kind of change to the incident from another console, for a conflict's message: their name
    // on a team database, else "Someone else".
    QString whoElseChanged(StoreChange::Kind kind, qint64 incidentId) const;

    QSqlDatabase m_db;
    std::unique_ptr<SqlDialect> m_dialect; // what only the database in use says its way
    // The tables, by what they hold; they write through this class's write(), prepare() and announce().
    std::unique_ptr<IncidentTables> m_incidentTables;
    std::unique_ptr<TimelineTables> m_timelineTables;
    std::unique_ptr<RosterTables> m_rosterTables;
    std::unique_ptr<UpdateTables> m_updateTables;
    std::unique_ptr<AlertTables> m_alertTables;
    QString m_connectionName;
    // The open record (for a file: its connection, lock and read copy, opened by sqlite/SqliteFile); m_db is its
    // connection, kept at hand.
    std::unique_ptr<RecordConnection> m_connection;
    QString m_path;
    Access m_access = Access::ReadWrite;
    bool m_teamRecord = false;
    QString m_presenceName;
    bool m_teamOnline = false;
    QTimer *m_liveness = nullptr;
    qint64 m_openIncidentLimit = 0;
    int m_transactionDepth = 0;
    mutable int m_snapshotDepth = 0;
    QList<StoreChange> m_pendingChanges;
    Status m_logFailure = Status::success(); // a change that could not be logged fails its transaction
    std::unique_ptr<ChangeLog> m_changeLog;  // on a team database: what every console tells the others
    std::optional<Conflict> m_conflict;
    std::unique_ptr<TeamOutbox> m_outbox;
    QString m_outboxFile;
};
