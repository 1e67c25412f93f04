#pragma once

// The store's contract for every table, run against each kind of record: an SQLite file (tst_tables) and a team
// database on PostgreSQL (tst_teamstore). A row with every field away from its default comes back as it was written.
#include "IncidentStore.h"

#include <QJsonObject>
#include <QTest>

#include <algorithm>

namespace StoreContract {

inline QDateTime at(int h, int m, int s = 0)
{
    return QDateTime(QDate(2026, 11, 29), QTime(h, m, s), Qt::UTC);
}

inline qint64 addIncident(IncidentStore &store)
{
    Incident i;
    i.title = QStringLiteral("Login failures");
    i.declaredAt = at(14, 0);
    const auto id = store.insertIncident(i);
    [&] { QVERIFY2(id.ok(), qPrintable(id.error())); }();
    return id.ok() ? id.value() : 0;
}

inline void everyTableKeepsARow(IncidentStore &store)
{
    const qint64 incident = addIncident(store);

    const Person dana{0, QStringLiteral("Dana Kim"), QStringLiteral("@dana"), QStringLiteral("+1 555 0100")};
    Person savedDana = dana;
    savedDana.id = store.insertPerson(Person{0, QStringLiteral("  Dana Kim "), dana.handle, dana.contact}).value();
    QVERIFY(store.people().value().contains(savedDana)); // trimmed on the way in

    const Role scribe{0, QStringLiteral("Scribe"), QStringLiteral("Keeps the timeline"), false};
    Role savedScribe = scribe;
    savedScribe.id = store.insertRole(scribe).value();
    QVERIFY(store.roles().value().contains(savedScribe));

    RoleAssignment a;
    a.incidentId = incident;
    a.roleId = savedScribe.id;
    a.personId = savedDana.id;
    a.assumedAt = at(14, 1);
    a.releasedAt = at(14, 30);
    a.id = store.insertAssignment(a).value();
    const RoleAssignment readA = store.assignments(incident).value().value(0);
    QCOMPARE(readA.id, a.id);
    QCOMPARE(readA.roleId, a.roleId);
    QCOMPARE(readA.personId, a.personId);
    QCOMPARE(readA.assumedAt, a.assumedAt);
    QCOMPARE(readA.releasedAt, a.releasedAt);
    QCOMPARE(readA.personName, dana.name); // from the join after the declared columns
    QVERIFY(store.setAssignmentReleased(a.id, QDateTime()).ok());
    QVERIFY(store.assignments(incident).value().value(0).isCurrent());

    ChecklistItem item;
    item.incidentId = incident;
    item.stage = Stage::Recovery;
    item.text = QStringLiteral("Roll back 3.8.1");
    item.position = 7;
    item.isDefault = true;
    item.doneAt = at(14, 40);
    item.doneBy = QStringLiteral("Sam");
    item.id = store.insertChecklistItem(item).value();
    QCOMPARE(store.checklist(incident).value(), QList<ChecklistItem>{item});
    QVERIFY(store.setChecklistItemDone(item.id, QDateTime(), QStringLiteral("Sam")).ok());
    item.doneAt = QDateTime();
    item.doneBy.clear(); // an untick forgets who ticked
    QCOMPARE(store.checklist(incident).value(), QList<ChecklistItem>{item});

    SeverityChange change;
    change.incidentId = incident;
    change.changedAt = at(14, 10);
    change.severity = Severity::Sev1;
    change.origin = SeverityChange::Origin::SuggestionOverridden;
    change.suggested = Severity::Sev2;
    change.reason = QStringLiteral("Payments down");
    change.author = QStringLiteral("Ines");
    change.id = store.insertSeverityChange(change).value();
    SeverityChange none = change;
    none.changedAt = at(14, 11);
    none.origin = SeverityChange::Origin::Manual;
    none.suggested.reset();
    none.id = 0;
    none.id = store.insertSeverityChange(none).value();
    QCOMPARE(store.severityChanges(incident).value(), (QList<SeverityChange>{change, none}));

    ActionItem action;
    action.incidentId = incident;
    action.title = QStringLiteral("Alert on auth errors");
    action.ownerId = savedDana.id;
    action.dueAt = at(18, 0);
    action.state = ActionItem::State::InProgress;
    action.createdAt = at(15, 0);
    action.id = store.insertActionItem(action).value();
    QCOMPARE(store.actionItems(incident).value(), QList<ActionItem>{action});
    action.ownerId = 0; // nobody: stored as NULL, as the reference requires
    action.state = ActionItem::State::Done;
    QVERIFY(store.updateActionItem(action).ok());
    QCOMPARE(store.actionItems(incident).value(), QList<ActionItem>{action});

    Postmortem pm;
    pm.incidentId = incident;
    pm.rootCause = QStringLiteral("Expired certificate");
    pm.wentWell = QStringLiteral("Paging");
    pm.wentBadly = QStringLiteral("Detection");
    pm.publishedAt = at(20, 0);
    pm.updatedAt = at(19, 0);
    QVERIFY(store.savePostmortem(pm).ok());
    QCOMPARE(store.postmortem(incident).value(), pm);
    pm.rootCause = QStringLiteral("An expired certificate on the auth proxy");
    QVERIFY(store.savePostmortem(pm).ok()); // the second save replaces the first
    QCOMPARE(store.postmortem(incident).value(), pm);

    StatusUpdate update;
    update.incidentId = incident;
    update.audience = StatusUpdate::Audience::Customer;
    update.body = QStringLiteral("We are investigating");
    update.publishedAt = at(14, 20);
    update.nextUpdateDue = at(14, 50);
    update.id = store.insertStatusUpdate(update).value();
    const StatusUpdate readU = store.statusUpdates(incident).value().value(0);
    QCOMPARE(readU.id, update.id);
    QCOMPARE(readU.audience, update.audience);
    QCOMPARE(readU.body, update.body);
    QCOMPARE(readU.publishedAt, update.publishedAt);
    QCOMPARE(readU.nextUpdateDue, update.nextUpdateDue);

    ArchivedAlert alert;
    alert.identity = QStringLiteral("fp-1");
    alert.source = QStringLiteral("http://127.0.0.1:9093");
    alert.alertName = QStringLiteral("AuthenticationFailures");
    alert.labels = QJsonObject{{QStringLiteral("severity"), QStringLiteral("SEV-1")}};
    alert.annotations = QJsonObject{{QStringLiteral("summary"), QStringLiteral("Logins fail")}};
    alert.state = QStringLiteral("firing");
    alert.value = QStringLiteral("42");
    alert.firstSeen = at(13, 58);
    alert.lastSeen = at(14, 2);
    alert.resolvedAt = at(14, 45);
    alert.id = store.insertArchivedAlert(alert).value();
    const ArchivedAlert readAlert = store.archivedAlerts(10, 0).value().value(0);
    QCOMPARE(readAlert.id, alert.id);
    QCOMPARE(readAlert.labels, alert.labels);
    QCOMPARE(readAlert.annotations, alert.annotations);
    QCOMPARE(readAlert.firstSeen, alert.firstSeen);
    QCOMPARE(readAlert.resolvedAt, alert.resolvedAt);
    QVERIFY(store.insertAlertLink(incident, alert.id, at(14, 3), QStringLiteral("{}")).ok());
    QCOMPARE(store.linkedArchivedAlerts(incident).value().value(0).identity, alert.identity);

    MessageTemplate t{0, QStringLiteral("Brief"), QStringLiteral("internal"), QStringLiteral("{{title}}"), false};
    t.id = store.insertTemplate(t).value();
    t.body = QStringLiteral("{{title}} at {{severity}}");
    QVERIFY(store.updateTemplate(t).ok());
    const auto templates = store.templates().value();
    const auto readT =
        std::find_if(templates.cbegin(), templates.cend(), [&](const MessageTemplate &m) { return m.id == t.id; });
    QVERIFY(readT != templates.cend());
    QCOMPARE(readT->body, t.body);
    QCOMPARE(readT->audience, t.audience);
}

} // namespace StoreContract
