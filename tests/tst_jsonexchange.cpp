#include "IncidentStore.h"
#include "JsonExchange.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QDateTime at(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 29), QTime(hour, minute), Qt::UTC);
}

// A file with a row in every table, edge values included, so the round trip covers everything.
void populate(IncidentStore &store)
{
    Incident a;
    a.title = QStringLiteral("Authentication failures — EU");
    a.summary = QStringLiteral("Logins fail for \"most\" users.\nSecond line, emoji 🔥, RTL שלום");
    a.severity = Severity::Sev1;
    a.stage = Stage::Review;
    a.declaredAt = at(14, 0);
    a.detectedAt = at(13, 52);
    a.mitigatedAt = at(14, 40);
    a.resolvedAt = at(15, 10);
    const qint64 incidentA = store.insertIncident(a).value();
    Incident b;
    b.title = QStringLiteral("Drill: DDoS spike");
    b.severity = Severity::Sev2;
    b.declaredAt = at(16, 0);
    b.drill = true;
    const qint64 incidentB = store.insertIncident(b).value();
    // A gap in the ids (1, 2, 4), as after a deletion.
    Incident gone = b;
    gone.title = QStringLiteral("deleted");
    const qint64 goneId = store.insertIncident(gone).value();
    Incident c = b;
    c.title = QStringLiteral("Avatar uploads");
    c.severity = Severity::Sev3;
    c.drill = false;
    store.insertIncident(c).value();
    QVERIFY(store.deleteIncident(goneId).ok());

    const qint64 dana = store.insertPerson({0, QStringLiteral("Dana Ortiz"), QStringLiteral("@dana"), QStringLiteral("+1 555 0100")}).value();
    const qint64 ravi = store.insertPerson({0, QStringLiteral("Ravi"), {}, {}}).value();
    const qint64 scribe = store.insertRole({0, QStringLiteral("Scribe"), QStringLiteral("Keeps the timeline."), false}).value();

    RoleAssignment ic{0, incidentA, Role::IncidentCommander, dana, at(14, 0), at(14, 30), {}};
    QVERIFY(store.insertAssignment(ic).ok());
    RoleAssignment ic2{0, incidentA, Role::IncidentCommander, ravi, at(14, 30), {}, {}};
    QVERIFY(store.insertAssignment(ic2).ok());
    RoleAssignment sc{0, incidentB, scribe, dana, at(16, 1), {}, {}};
    QVERIFY(store.insertAssignment(sc).ok());

    TimelineEntry e;
    e.incidentId = incidentA;
    e.occurredAt = at(13, 52);
    e.recordedAt = at(14, 1);
    e.kind = TimelineEntry::Kind::Detection;
    e.author = QStringLiteral("dana");
    e.text = QStringLiteral("AuthFailureSpike fired; <b>not</b> html, {{not}} a template");
    e.source = TimelineEntry::Source::Alert;
    e.keyMoment = true;
    e.customerVisible = true;
    QVERIFY(store.insertTimelineEntry(e).ok());
    e.incidentId = incidentB;
    e.kind = TimelineEntry::Kind::Note;
    e.source = TimelineEntry::Source::Manual;
    e.keyMoment = false;
    e.customerVisible = false;
    e.text = QString();
    QVERIFY(store.insertTimelineEntry(e).ok());
    // An entry moved in time and then deleted, with its history.
    e.text = QStringLiteral("Duplicate of the first entry");
    e.originalOccurredAt = at(13, 50);
    e.deletedAt = at(16, 30);
    e.editedAt = at(16, 30);
    e.editedBy = QStringLiteral("Ravi");
    const qint64 moved = store.insertTimelineEntry(e).value();
    TimelineRevision revision;
    revision.entryId = moved;
    revision.revisedAt = at(16, 30);
    revision.author = QStringLiteral("ravi");
    revision.action = TimelineRevision::Action::Delete;
    revision.reason = QStringLiteral("duplicate");
    revision.oldText = e.text;
    revision.oldKind = TimelineEntry::Kind::Note;
    revision.oldOccurredAt = at(13, 52);
    QVERIFY(store.insertTimelineRevision(revision).ok());

    SeverityChange declared{0, incidentA, at(14, 0), Severity::Sev2, SeverityChange::Origin::Declared, std::nullopt, {}, {}};
    QVERIFY(store.insertSeverityChange(declared).ok());
    SeverityChange raised{0, incidentA, at(14, 20), Severity::Sev1, SeverityChange::Origin::SuggestionAccepted,
                          Severity::Sev1, QStringLiteral("1 firing alert labelled SEV-1: AuthFailureSpike"),
                          QStringLiteral("dana")};
    QVERIFY(store.insertSeverityChange(raised).ok());
    ChecklistItem step;
    step.incidentId = incidentA;
    step.stage = Stage::Containment;
    step.text = QStringLiteral("Block offending IP ranges at the CDN");
    step.position = 3;
    step.isDefault = true;
    step.doneAt = at(14, 35);
    step.doneBy = QStringLiteral("ravi");
    QVERIFY(store.insertChecklistItem(step).ok());
    step.text = QStringLiteral("Ask the CDN for the flood's source ASNs");
    step.isDefault = false;
    step.doneAt = {};
    step.doneBy = QString();
    QVERIFY(store.insertChecklistItem(step).ok());
    a.id = incidentA;
    a.postmortemDueAt = at(15, 10).addSecs(48 * 3600);
    a.security = true;
    QVERIFY(store.updateIncident(a).ok());

    QVERIFY(store.saveDraft(incidentA, StatusUpdate::Audience::Internal, QStringLiteral("Half-written: **rollback**"), at(15, 5)).ok());
    a.impact = QStringLiteral("Most EU players could not log in");
    a.eta = QStringLiteral("resolved");
    QVERIFY(store.updateIncident(a).ok());

    StatusUpdate u{0, incidentA, StatusUpdate::Audience::Customer, QStringLiteral("We are investigating."), at(14, 10), at(14, 40)};
    QVERIFY(store.insertStatusUpdate(u).ok());
    ActionItem item;
    item.incidentId = incidentA;
    item.title = QStringLiteral("Alert on auth error ratio");
    item.ownerId = ravi;
    item.dueAt = at(23, 0);
    item.state = ActionItem::State::InProgress;
    item.createdAt = at(15, 30);
    QVERIFY(store.insertActionItem(item).ok());
    ActionItem unowned = item;
    unowned.ownerId = 0;
    unowned.dueAt = {};
    unowned.title = QStringLiteral("Unowned follow-up");
    QVERIFY(store.insertActionItem(unowned).ok());
    QVERIFY(store.insertTemplate({0, QStringLiteral("Customer update, short"), QStringLiteral("customer"),
                                  QStringLiteral("{{title}} — next update {{next_update}}"), true})
                .ok());
    ArchivedAlert alert;
    alert.identity = QStringLiteral("fp-1234");
    alert.source = QStringLiteral("alertmanager http://127.0.0.1:9093");
    alert.alertName = QStringLiteral("AuthFailureSpike");
    alert.labels = QJsonObject{{QStringLiteral("alertname"), QStringLiteral("AuthFailureSpike")},
                               {QStringLiteral("severity"), QStringLiteral("SEV-1")}};
    alert.annotations = QJsonObject{{QStringLiteral("summary"), QStringLiteral("Auth failures at 40%")}};
    alert.state = QStringLiteral("active");
    alert.value = QStringLiteral("+Inf");
    alert.firstSeen = at(13, 52);
    alert.lastSeen = at(14, 50);
    alert.resolvedAt = at(14, 51);
    const qint64 alertId = store.insertArchivedAlert(alert).value();
    QSqlQuery link = store.prepare(QStringLiteral("INSERT INTO alert_links (incident_id, alert_id, linked_at, snapshot) VALUES (?, ?, ?, ?)"));
    link.addBindValue(incidentA);
    link.addBindValue(alertId);
    link.addBindValue(QStringLiteral("2026-11-29T14:02:00.000Z"));
    link.addBindValue(QStringLiteral("{\"value\":\"0.4\"}"));
    QVERIFY(link.exec());
    QVERIFY(store.setAlertAck({QStringLiteral("fp-1234"), QStringLiteral("looking at auth-svc"), QStringLiteral("dana"), at(14, 3)}).ok());
    QVERIFY(store.savePostmortem({incidentA, QStringLiteral("An expired certificate on auth-svc"),
                                  QStringLiteral("Paged within 2 minutes"), QStringLiteral("No alert on expiry"),
                                  at(15, 0), at(15, 0)}).ok());
}

int count(IncidentStore &store, const QString &table)
{
    QSqlQuery q = store.prepare(QStringLiteral("SELECT count(*) FROM ") + table);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestJsonExchange final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("f%1.sqlite").arg(++m_files)); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void wholeFileRoundTripsToTheSameJson()
    {
        IncidentStore original;
        QVERIFY(original.open(freshPath()).ok());
        populate(original);
        const auto first = JsonExchange::exportFile(original);
        QVERIFY(first.ok());

        // Every table is present and non-empty: the comparison below is not of two empty documents.
        const QJsonObject tables = QJsonDocument::fromJson(first.value()).object().value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.size(), 17);
        for (auto it = tables.begin(); it != tables.end(); ++it) {
            QVERIFY2(!it.value().toArray().isEmpty(), qPrintable(it.key()));
        }
        QVERIFY(first->contains("RTL \\u05e9") || first->contains("RTL שלום"));
        // Who last changed an entry travels with it.
        const QJsonArray entries = tables.value(QStringLiteral("timelineEntries")).toArray();
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const QJsonValue &v) {
            return v[QStringLiteral("editedBy")] == QStringLiteral("Ravi")
                && v[QStringLiteral("editedAt")] == QStringLiteral("2026-11-29T16:30:00.000Z");
        }));

        IncidentStore copy;
        QVERIFY(copy.open(freshPath()).ok());
        const auto summary = JsonExchange::importJson(copy, first.value());
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->added.value(QStringLiteral("incidents")), 3);
        QCOMPARE(summary->matched.value(QStringLiteral("roles")), 4); // the playbook's roles are in every file
        const auto second = JsonExchange::exportFile(copy);
        QVERIFY(second.ok());
        QCOMPARE(second.value(), first.value());
    }

    void oneIncidentRoundTripsWithWhatItRefersTo()
    {
        IncidentStore original;
        QVERIFY(original.open(freshPath()).ok());
        populate(original);
        const auto first = JsonExchange::exportIncident(original, 1);
        QVERIFY(first.ok());
        const QJsonObject tables = QJsonDocument::fromJson(first.value()).object().value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.value(QStringLiteral("incidents")).toArray().size(), 1);
        QCOMPARE(tables.value(QStringLiteral("people")).toArray().size(), 2); // the ICs and the action item owner
        QCOMPARE(tables.value(QStringLiteral("alertArchive")).toArray().size(), 1);
        QCOMPARE(tables.value(QStringLiteral("timelineEntries")).toArray().size(), 1);

        IncidentStore copy;
        QVERIFY(copy.open(freshPath()).ok());
        QVERIFY(JsonExchange::importJson(copy, first.value()).ok());
        QCOMPARE(JsonExchange::exportIncident(copy, 1).value(), first.value());
        QVERIFY(!JsonExchange::exportIncident(copy, 77).ok());
    }

    void importIntoABusyFileGivesNewIdsAndKeepsReferences()
    {
        IncidentStore source;
        QVERIFY(source.open(freshPath()).ok());
        populate(source);
        const QByteArray json = JsonExchange::exportFile(source).value();

        IncidentStore target;
        QVERIFY(target.open(freshPath()).ok());
        populate(target); // the same ids are taken already
        const auto summary = JsonExchange::importJson(target, json);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(target.incidents()->size(), 6);
        QCOMPARE(summary->incidentIds.size(), 3);
        const qint64 newA = summary->incidentIds.first();
        QVERIFY(newA > 4);
        QCOMPARE(target.incident(newA)->title, QStringLiteral("Authentication failures — EU"));
        const auto timeline = target.timeline(newA);
        QCOMPARE(timeline->size(), 1);
        QVERIFY(timeline->first().text.startsWith(QStringLiteral("AuthFailureSpike fired")));
        const auto assignments = target.assignments(newA);
        QCOMPARE(assignments->size(), 2);
        QCOMPARE(assignments->at(1).personName, QStringLiteral("Ravi"));
        QCOMPARE(count(target, QStringLiteral("people")), 2);        // matched, not doubled
        QCOMPARE(count(target, QStringLiteral("alert_archive")), 1); // same identity
        QCOMPARE(count(target, QStringLiteral("roles")), 5);
    }

    void badInputIsRefusedWithItsPlace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "{\"format\":\"incident-console\",\"formatVersion\":1,\"tables\":";
        const QByteArray incident = "{\"id\":1,\"title\":\"t\",\"summary\":\"\",\"severity\":1,\"stage\":\"triage\","
                                    "\"declaredAt\":\"2026-11-29T14:00:00Z\",\"detectedAt\":null,\"mitigatedAt\":null,"
                                    "\"resolvedAt\":null,\"drill\":false}";
        const QByteArray entry = "{\"id\":1,\"incidentId\":1,\"occurredAt\":\"2026-11-29T14:00:00Z\","
                                 "\"recordedAt\":\"2026-11-29T14:00:00Z\",\"kind\":\"note\",\"author\":\"\",\"text\":\"x\","
                                 "\"source\":\"manual\",\"keyMoment\":false,\"customerVisible\":false}";
        QTest::newRow("truncated") << QByteArray(head + "{\"incidents\":[" + incident.left(40))
                                   << QStringLiteral("line 1, column");
        QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("Not valid JSON at line 1");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("top level is not an object");
        QTest::newRow("foreign json") << QByteArray("{\"name\":\"package.json\"}") << QStringLiteral("\"format\" is not");
        QTest::newRow("newer") << QByteArray("{\"format\":\"incident-console\",\"formatVersion\":9,\"tables\":{}}")
                               << QStringLiteral("newer Incident Console");
        QTest::newRow("unknown table") << QByteArray(head + "{\"gossip\":[]}}") << QStringLiteral("tables.gossip");
        QTest::newRow("unknown field") << QByteArray(head + "{\"incidents\":[" + incident.chopped(1) + ",\"color\":1}]}}")
                                       << QStringLiteral("tables.incidents[0].color: not a field");
        QTest::newRow("missing field") << QByteArray(head + "{\"incidents\":[{\"id\":1}]}}")
                                       << QStringLiteral("tables.incidents[0]: the field \"title\" is missing");
        QByteArray badTime = entry;
        badTime.replace("\"occurredAt\":\"2026-11-29T14:00:00Z\"", "\"occurredAt\":\"half past two\"");
        QTest::newRow("bad time") << QByteArray(head + "{\"incidents\":[" + incident + "],\"timelineEntries\":[" + badTime + "]}}")
                                  << QStringLiteral("tables.timelineEntries[0].occurredAt: \"half past two\"");
        QByteArray wrongType = incident;
        wrongType.replace("\"severity\":1", "\"severity\":\"high\"");
        QTest::newRow("wrong type") << QByteArray(head + "{\"incidents\":[" + wrongType + "]}}")
                                    << QStringLiteral("tables.incidents[0].severity: expected a whole number, found text");
        QByteArray dangling = entry;
        dangling.replace("\"incidentId\":1", "\"incidentId\":5");
        QTest::newRow("dangling reference") << QByteArray(head + "{\"incidents\":[" + incident + "],\"timelineEntries\":[" + dangling + "]}}")
                                            << QStringLiteral("tables.timelineEntries[0].incidentId: refers to incidents 5");
        QByteArray unknownKind = entry;
        unknownKind.replace("\"kind\":\"note\"", "\"kind\":\"gossip\"");
        QTest::newRow("unknown kind") << QByteArray(head + "{\"incidents\":[" + incident + "],\"timelineEntries\":[" + unknownKind + "]}}")
                                      << QStringLiteral("tables.timelineEntries[0].kind: \"gossip\" is not one of detection, triage,");
        QByteArray badSeverity = incident;
        badSeverity.replace("\"severity\":1", "\"severity\":7").replace("\"id\":1", "\"id\":2");
        QTest::newRow("rule broken in the file") << QByteArray(head + "{\"incidents\":[" + incident + "," + badSeverity + "]}}")
                                                 << QStringLiteral("tables.incidents[1]: cannot be added: CHECK constraint failed");
    }
    void badInputIsRefusedWithItsPlace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        IncidentStore store;
        QVERIFY(store.open(freshPath()).ok());
        populate(store);
        const QByteArray before = JsonExchange::exportFile(store).value();
        const auto result = JsonExchange::importJson(store, json);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(expected), qPrintable(result.error()));
        // Nothing half-imported.
        QCOMPARE(JsonExchange::exportFile(store).value(), before);
    }

    void exportFileIsAtomic()
    {
        IncidentStore store;
        QVERIFY(store.open(freshPath()).ok());
        populate(store);
        const QString target = m_dir.filePath(QStringLiteral("out.json"));
        QVERIFY(JsonExchange::exportToFile(store, std::nullopt, target).ok());
        const QByteArray before = TestSupport::fileHash(target);
        // A folder that does not exist: the write fails and says where.
        const Status s = JsonExchange::exportToFile(store, std::nullopt, m_dir.filePath(QStringLiteral("nope/out.json")));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("nope")), qPrintable(s.error()));
        QCOMPARE(TestSupport::fileHash(target), before);
        const auto imported = JsonExchange::importFile(store, m_dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(!imported.ok());
        QVERIFY(imported.error().contains(QStringLiteral("missing.json")));
    }
};

QTEST_GUILESS_MAIN(TestJsonExchange)
#include "tst_jsonexchange.moc"
