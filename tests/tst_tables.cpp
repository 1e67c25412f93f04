// The store's contract for its declared tables, built against the store library alone: the declarations match the
// migrated file, every column of an entry and a revision survives a write and a read, and a stored word this version
// does not know is an error that names where it is.
#include "IncidentStore.h"
#include "StoreContract.h"
#include "Tables.h"

#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

namespace {

using StoreContract::addIncident;
using StoreContract::at;

// Every field set away from its default, so a column that is not read or not bound shows.
TimelineEntry fullEntry(qint64 incidentId)
{
    TimelineEntry e;
    e.incidentId = incidentId;
    e.occurredAt = at(14, 5, 7);
    e.recordedAt = at(14, 6);
    e.kind = TimelineEntry::Kind::Decision;
    e.author = QStringLiteral("Dana Kim");
    e.text = QStringLiteral("Roll back auth-svc to 3.8.0");
    e.source = TimelineEntry::Source::System;
    e.keyMoment = true;
    e.customerVisible = true;
    e.deletedAt = at(15, 1);
    e.originalOccurredAt = at(14, 4);
    e.editedAt = at(15, 0, 30);
    e.editedBy = QStringLiteral("Ines Duarte");
    return e;
}

QStringList fileColumns(IncidentStore &store, const QString &table)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table))) {
        return {};
    }
    QStringList names;
    while (q.next()) {
        names.append(q.value(0).toString());
    }
    return names;
}

} // namespace

class TestTables final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    void openFresh(IncidentStore &store)
    {
        const Status s = store.open(m_dir.filePath(QStringLiteral("t%1.sqlite").arg(++m_files)));
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }

    // Writes a word the schema's CHECK would refuse, as a file from elsewhere may hold it.
    void storeWord(IncidentStore &store, const QString &column, const QString &word, qint64 entryId)
    {
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        QVERIFY(q.prepare(QStringLiteral("UPDATE timeline_entries SET %1 = ? WHERE id = ?").arg(column)));
        q.addBindValue(word);
        q.addBindValue(entryId);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA ignore_check_constraints = OFF")));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void everyExchangedTableIsDeclaredAsTheFileHasIt()
    {
        IncidentStore store;
        openFresh(store);
        QSet<QString> seen;
        for (const TableSpec &table : Tables::exchanged()) {
            QVERIFY2(!seen.contains(table.sql), qPrintable(table.sql));
            seen.insert(table.sql);
            const QStringList inFile = fileColumns(store, table.sql);
            QVERIFY2(!inFile.isEmpty(), qPrintable(table.sql));
            const QStringList declared = table.columnNames();
            QCOMPARE(QSet<QString>(declared.cbegin(), declared.cend()), QSet<QString>(inFile.cbegin(), inFile.cend()));
            QCOMPARE(table.columns.first().type, ColumnType::Id);
            for (const ColumnSpec &c : table.columns) {
                QVERIFY2(c.since >= 1 && c.since <= Tables::formatVersion(), qPrintable(table.sql + u'.' + c.sql));
                if (c.type == ColumnType::Reference) {
                    QVERIFY2(seen.contains(c.refTable),
                             qPrintable(table.sql + QStringLiteral(" before ") + c.refTable));
                }
            }
        }
    }

    void statementsNameEveryDeclaredColumn()
    {
        for (const TableSpec &spec : Tables::exchanged()) {
            const QString insert = spec.insertStatement();
            const QString update = spec.updateStatement();
            for (const ColumnSpec &c : spec.columns) {
                QVERIFY2(insert.contains(c.sql), qPrintable(spec.sql + u'.' + c.sql));
                if (c.sql != QStringLiteral("id")) {
                    QVERIFY2(update.contains(c.sql + QStringLiteral(" = ?")), qPrintable(spec.sql + u'.' + c.sql));
                }
            }
            QCOMPARE(insert.count(u'?'), spec.columns.size());
            QCOMPARE(update.count(u'?'), spec.columns.size());
            QVERIFY(update.endsWith(QStringLiteral("WHERE id = ?")));
        }
        const TableSpec &entries = Tables::timelineEntries().spec();
        QCOMPARE(entries.column(QStringLiteral("kind")).allowed.size(), TimelineEntry::kinds().size());
        QCOMPARE(entries.updateStatement({QStringLiteral("text"), QStringLiteral("kind")}),
                 QStringLiteral("UPDATE timeline_entries SET text = ?, kind = ? WHERE id = ?"));
        // Every word a stored enumeration may hold is declared, so the exchange checks an import against it.
        QCOMPARE(Tables::checklistItems().spec().column(QStringLiteral("stage")).allowed.size(), Stages::all().size());
        QCOMPARE(Tables::actionItems().spec().column(QStringLiteral("state")).allowed.size(),
                 ActionItem::states().size());
        QCOMPARE(Tables::severityChanges().spec().column(QStringLiteral("origin")).allowed.size(),
                 SeverityChange::origins().size());
    }

    // Each table's row with every field away from its default comes back as it was written, through the
    // declaration's INSERT and SELECT (the same contract runs on PostgreSQL in tst_teamstore).
    void aRowOfEachTableComesBackAsWritten()
    {
        IncidentStore store;
        openFresh(store);
        StoreContract::everyTableKeepsARow(store);
    }

    // A file from elsewhere may hold a word this version does not know in any enumerated column: the read fails
    // and names the table, the row and the word, instead of reading it as some default.
    void aStoredWordOfAnyTableThisVersionDoesNotKnowIsNamed()
    {
        IncidentStore store;
        openFresh(store);
        const qint64 incident = addIncident(store);
        ChecklistItem item;
        item.incidentId = incident;
        item.text = QStringLiteral("Page the IC");
        const qint64 itemId = store.insertChecklistItem(item).value();
        SeverityChange change;
        change.incidentId = incident;
        change.changedAt = at(14, 0);
        const qint64 changeId = store.insertSeverityChange(change).value();
        ActionItem action;
        action.incidentId = incident;
        action.title = QStringLiteral("Fix it");
        const qint64 actionId = store.insertActionItem(action).value();
        StatusUpdate update;
        update.incidentId = incident;
        update.publishedAt = at(14, 5);
        const qint64 updateId = store.insertStatusUpdate(update).value();

        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        const struct
        {
            QString update;
            QString expected;
            std::function<QString()> read;
        } cases[] = {
            {QStringLiteral("UPDATE checklist_items SET stage = 'escalation' WHERE id = %1").arg(itemId),
             QStringLiteral("checklist_items row %1: stage \"escalation\"").arg(itemId),
             [&] { return store.checklist(incident).error(); }},
            {QStringLiteral("UPDATE severity_changes SET origin = 'robot' WHERE id = %1").arg(changeId),
             QStringLiteral("severity_changes row %1: origin \"robot\"").arg(changeId),
             [&] { return store.severityChanges(incident).error(); }},
            {QStringLiteral("UPDATE severity_changes SET origin = 'manual', suggested = 9 WHERE id = %1").arg(changeId),
             QStringLiteral("severity_changes row %1: suggested \"9\"").arg(changeId),
             [&] { return store.severityChanges(incident).error(); }},
            {QStringLiteral("UPDATE action_items SET state = 'someday' WHERE id = %1").arg(actionId),
             QStringLiteral("action_items row %1: state \"someday\"").arg(actionId),
             [&] { return store.actionItems(incident).error(); }},
            {QStringLiteral("UPDATE status_updates SET audience = 'press' WHERE id = %1").arg(updateId),
             QStringLiteral("status_updates row %1: audience \"press\"").arg(updateId),
             [&] { return store.statusUpdates(incident).error(); }},
        };
        for (const auto &c : cases) {
            QVERIFY2(q.exec(c.update), qPrintable(q.lastError().text()));
            const QString error = c.read();
            QVERIFY2(error.contains(c.expected), qPrintable(c.update + QStringLiteral(" → ") + error));
        }
    }

    void anEntryKeepsEveryColumnThroughInsertReadAndUpdate()
    {
        IncidentStore store;
        openFresh(store);
        const qint64 incident = addIncident(store);
        TimelineEntry e = fullEntry(incident);
        const auto id = store.insertTimelineEntry(e);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        e.id = id.value();
        QCOMPARE(store.timelineEntry(e.id).value(), e);
        QCOMPARE(store.timeline(incident, true).value(), QList<TimelineEntry>{e});
        QCOMPARE(store.timelineEntries({e.id}).value(), QList<TimelineEntry>{e});
        QVERIFY(store.timeline(incident).value().isEmpty()); // deleted entries are left out unless asked for

        e.kind = TimelineEntry::Kind::Triage;
        e.source = TimelineEntry::Source::Alert;
        e.text = QStringLiteral("auth-svc error rate back to 0.1 %");
        e.author = QStringLiteral("Sam Whitfield");
        e.keyMoment = false;
        e.customerVisible = false;
        e.deletedAt = QDateTime();
        e.originalOccurredAt = QDateTime();
        e.editedAt = QDateTime();
        e.editedBy.clear();
        e.occurredAt = at(14, 9);
        QVERIFY(store.updateTimelineEntry(e).ok());
        QCOMPARE(store.timelineEntry(e.id).value(), e);

        const auto index = store.timelineIndex(incident).value();
        QCOMPARE(index.size(), 1);
        QCOMPARE(index.first().kind, TimelineEntry::Kind::Triage);
        QCOMPARE(index.first().source, TimelineEntry::Source::Alert);
        QCOMPARE(index.first().occurredMs, e.occurredAt.toMSecsSinceEpoch());
    }

    void theIndexReadsEveryKindAndSource()
    {
        IncidentStore store;
        openFresh(store);
        const qint64 incident = addIncident(store);
        const QList<TimelineEntry::Source> sources{TimelineEntry::Source::Manual, TimelineEntry::Source::Alert,
                                                   TimelineEntry::Source::System};
        QList<TimelineEntry> written;
        int minute = 0;
        for (const auto kind : TimelineEntry::kinds()) {
            for (const auto source : sources) {
                TimelineEntry e = fullEntry(incident);
                e.deletedAt = QDateTime();
                e.kind = kind;
                e.source = source;
                e.keyMoment = minute % 2;
                e.customerVisible = minute % 3 == 0;
                e.occurredAt = at(14, ++minute);
                written.append(e);
            }
        }
        QVERIFY(store.insertTimelineEntries(written).ok());
        const auto index = store.timelineIndex(incident);
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index->size(), written.size());
        for (int i = 0; i < written.size(); ++i) {
            QCOMPARE(index->at(i).kind, written.at(i).kind);
            QCOMPARE(index->at(i).source, written.at(i).source);
            QCOMPARE(index->at(i).keyMoment, written.at(i).keyMoment);
            QCOMPARE(index->at(i).customerVisible, written.at(i).customerVisible);
        }
    }

    void aRevisionKeepsEveryColumn()
    {
        IncidentStore store;
        openFresh(store);
        TimelineEntry e = fullEntry(addIncident(store));
        e.id = store.insertTimelineEntry(e).value();
        QSignalSpy changed(&store, &IncidentStore::timelineRevisionsChanged);
        TimelineRevision r = TimelineRevision::of(e, TimelineRevision::Action::Delete, QStringLiteral("Ines"),
                                                  at(15, 2), QStringLiteral("  duplicate of 14:04  "));
        QCOMPARE(r.reason, QStringLiteral("duplicate of 14:04"));
        QCOMPARE(r.oldKind, e.kind);
        const auto id = store.insertTimelineRevision(r);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        r.id = id.value();
        QCOMPARE(store.timelineRevisions(e.id).value(), QList<TimelineRevision>{r});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toLongLong(), e.id);
        QVERIFY(store.deleteTimelineRevision(r.id).ok());
        QVERIFY(store.timelineRevisions(e.id).value().isEmpty());
        QVERIFY(!store.deleteTimelineRevision(r.id).ok());
    }

    // What a board card shows beyond the incident row, read in a few grouped queries.
    void theBoardsFactsComeFromEveryTableTheyUse()
    {
        IncidentStore store;
        openFresh(store);
        const qint64 open = addIncident(store);
        const qint64 quiet = addIncident(store);
        Incident closed = store.incident(addIncident(store)).value();
        closed.stage = Stage::Closed;
        QVERIFY(store.updateIncident(closed).ok());

        const qint64 dana = store.insertPerson({0, QStringLiteral("Dana Kim"), {}, {}}).value();
        const qint64 sam = store.insertPerson({0, QStringLiteral("Sam Whitfield"), {}, {}}).value();
        QVERIFY(store.insertAssignment({0, open, Role::IncidentCommander, dana, at(14, 0), at(14, 30), {}}).ok());
        QVERIFY(store.insertAssignment({0, open, Role::IncidentCommander, sam, at(14, 30), {}, {}}).ok());
        QVERIFY(store.insertAssignment({0, open, Role::CommunicationsLead, dana, at(14, 31), {}, {}}).ok());

        // Two internal updates (the later one counts) and a customer one.
        QVERIFY(store
                    .insertStatusUpdate(
                        {0, open, StatusUpdate::Audience::Internal, QStringLiteral("first"), at(14, 10), at(14, 40)})
                    .ok());
        QVERIFY(store
                    .insertStatusUpdate(
                        {0, open, StatusUpdate::Audience::Internal, QStringLiteral("second"), at(14, 40), at(15, 10)})
                    .ok());
        QVERIFY(store
                    .insertStatusUpdate(
                        {0, open, StatusUpdate::Audience::Customer, QStringLiteral("we know"), at(14, 20), at(15, 20)})
                    .ok());

        // Linked alerts: one firing with category=security, one resolved, one pending; only the first counts.
        auto archived = [&](const QString &name, const QString &state, const QDateTime &resolved,
                            const QString &category) {
            ArchivedAlert a;
            a.identity = name;
            a.source = QStringLiteral("am");
            a.alertName = name;
            a.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("category"), category}};
            a.state = state;
            a.firstSeen = at(14, 0);
            a.lastSeen = at(14, 50);
            a.resolvedAt = resolved;
            const qint64 id = store.insertArchivedAlert(a).value();
            QVERIFY(store.insertAlertLink(open, id, at(14, 5), QStringLiteral("{}")).ok());
        };
        archived(QStringLiteral("AuthFailureSpike"), QStringLiteral("firing"), {}, QStringLiteral("Security"));
        archived(QStringLiteral("LatencyHigh"), QStringLiteral("firing"), at(14, 45), QStringLiteral("performance"));
        archived(QStringLiteral("DiskFilling"), QStringLiteral("pending"), {}, QStringLiteral("capacity"));

        const auto facts = store.incidentFacts();
        QVERIFY2(facts.ok(), qPrintable(facts.error()));
        QCOMPARE(QSet<qint64>(facts->keyBegin(), facts->keyEnd()),
                 (QSet<qint64>{open, quiet})); // closed ones are not on the board
        const IncidentStore::IncidentFacts f = facts->value(open);
        QCOMPARE(f.commanderId, sam);
        QCOMPARE(f.commanderName, QStringLiteral("Sam Whitfield"));
        QCOMPARE(QSet<qint64>(f.heldRoleIds.cbegin(), f.heldRoleIds.cend()),
                 (QSet<qint64>{Role::IncidentCommander, Role::CommunicationsLead}));
        QCOMPARE(f.lastInternalUpdate, at(14, 40));
        QCOMPARE(f.nextInternalDue, at(15, 10));
        QCOMPARE(f.lastCustomerUpdate, at(14, 20));
        QCOMPARE(f.nextCustomerDue, at(15, 20));
        QCOMPARE(f.firingAlerts, 1);
        QVERIFY(f.securityAlerts);
        QCOMPARE(f.firingAlertLabels.size(), 1);
        QCOMPARE(facts->value(quiet), IncidentStore::IncidentFacts{});

        // Asked by id, a closed incident is read too.
        QVERIFY(store.incidentFacts({closed.id})->contains(closed.id));
    }

    void anAcknowledgementReplacesTheEarlierOneAndIsAnnounced()
    {
        IncidentStore store;
        openFresh(store);
        QSignalSpy changed(&store, &IncidentStore::alertAckChanged);
        const AlertAck first{QStringLiteral("fp-1"), QStringLiteral("looking"), QStringLiteral("Dana"), at(14, 3)};
        const AlertAck second{QStringLiteral("fp-1"), QStringLiteral("rolling back"), QStringLiteral("Sam"), at(14, 9)};
        const AlertAck other{QStringLiteral("fp-2"), QString(), QStringLiteral("Ines"), at(14, 4)};
        QVERIFY(store.setAlertAck(first).ok());
        QVERIFY(store.setAlertAck(other).ok());
        QVERIFY(store.setAlertAck(second).ok());
        auto acks = store.alertAcks().value();
        QCOMPARE(acks.size(), 2);
        QCOMPARE(acks.value(QStringLiteral("fp-1")), second);
        QCOMPARE(acks.value(QStringLiteral("fp-2")).author, QStringLiteral("Ines"));
        QCOMPARE(acks.value(QStringLiteral("fp-2")).note, QString(QStringLiteral(""))); // empty, never NULL
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.last().first().toString(), QStringLiteral("fp-1"));

        QVERIFY(store.removeAlertAck(QStringLiteral("fp-1")).ok());
        acks = store.alertAcks().value();
        QVERIFY(!acks.contains(QStringLiteral("fp-1")));
        QCOMPARE(changed.size(), 4);
    }

    void anIncidentKeepsEveryColumn()
    {
        IncidentStore store;
        openFresh(store);
        Incident i;
        i.title = QStringLiteral("Login failures — EU");
        i.summary = QStringLiteral("Most logins fail");
        i.severity = Severity::Sev1;
        i.stage = Stage::Recovery;
        i.declaredAt = at(14, 0);
        i.detectedAt = at(13, 52);
        i.mitigatedAt = at(14, 40);
        i.resolvedAt = at(15, 10);
        i.drill = true;
        i.postmortemDueAt = at(15, 20);
        i.security = true;
        i.impact = QStringLiteral("EU players cannot log in");
        i.eta = QStringLiteral("15:30 UTC");
        i.id = store.insertIncident(i).value();
        QCOMPARE(store.incident(i.id).value(), i);
        QCOMPARE(store.incidents().value(), QList<Incident>{i});
        i.severity = Severity::Sev3;
        i.stage = Stage::Closed;
        i.detectedAt = QDateTime();
        i.security = false;
        i.eta.clear();
        QVERIFY(store.updateIncident(i).ok());
        QCOMPARE(store.incident(i.id).value(), i);
        QVERIFY(store.incidents(false).value().isEmpty());
    }

    void aStoredStageOrLevelThisVersionDoesNotKnowIsNamed()
    {
        IncidentStore store;
        openFresh(store);
        const qint64 id = addIncident(store);
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        QVERIFY(q.exec(QStringLiteral("UPDATE incidents SET stage = 'escalated' WHERE id = %1").arg(id)));
        for (const QString &error : {store.incident(id).error(), store.incidents().error()}) {
            QVERIFY2(error.contains(QStringLiteral("incidents row %1: stage \"escalated\"").arg(id)),
                     qPrintable(error));
        }
        QVERIFY(q.exec(QStringLiteral("UPDATE incidents SET stage = 'triage', severity = 7 WHERE id = %1").arg(id)));
        const QString error = store.incident(id).error();
        QVERIFY2(error.contains(QStringLiteral("incidents row %1: severity \"7\"").arg(id)), qPrintable(error));
    }

    void aStoredKindThisVersionDoesNotKnowIsNamed_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("word");
        QTest::newRow("kind") << QStringLiteral("kind") << QStringLiteral("postmortem-note");
        QTest::newRow("source") << QStringLiteral("source") << QStringLiteral("robot");
    }

    void aStoredKindThisVersionDoesNotKnowIsNamed()
    {
        QFETCH(QString, column);
        QFETCH(QString, word);
        IncidentStore store;
        openFresh(store);
        const qint64 incident = addIncident(store);
        TimelineEntry e = fullEntry(incident);
        e.deletedAt = QDateTime();
        const qint64 id = store.insertTimelineEntry(e).value();
        storeWord(store, column, word, id);

        const QString where = QStringLiteral("timeline_entries row %1").arg(id);
        for (const QString &error :
             {store.timeline(incident).error(), store.timelineEntry(id).error(), store.timelineEntries({id}).error(),
              store.timelineIndex(incident).error(), store.keyMomentsAndActions(incident).error()}) {
            QVERIFY2(error.contains(where), qPrintable(error));
            QVERIFY2(error.contains(column + QStringLiteral(" \"") + word + u'"'), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestTables)
#include "tst_tables.moc"
