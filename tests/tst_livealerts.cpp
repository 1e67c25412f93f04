#include "AlertCommands.h"
#include "AlertFilterModel.h"
#include "AlertIncidentLinker.h"
#include "AlertStates.h"
#include "LiveAlertModel.h"
#include "SilenceListModel.h"
#include "SilenceRequest.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
Alert alert(const QString &name, const QString &severity, const QString &instance, const QString &source = QStringLiteral("am1"))
{
    Alert a;
    a.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("instance"), instance}, {QStringLiteral("severity"), severity}};
    a.annotations = {{QStringLiteral("summary"), name + QStringLiteral(" on ") + instance}};
    a.identity = Alert::identityOf(a.labels);
    a.activeSince = QDateTime(QDate(2025, 6, 1), QTime(14, 0), Qt::UTC); // long before any test runs
    a.sources = {source};
    return a;
}
} // namespace

// The live alert table, its filters, and what alerts do to incidents.
class TestLiveAlerts final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    void openFresh(Workspace &w)
    {
        QVERIFY(w.open(m_dir.filePath(QStringLiteral("l%1.sqlite").arg(++m_files))).ok());
        w.setAuthor(QStringLiteral("dana"));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void deltasApplyRowByRowAndSelectionSurvives()
    {
        Workspace w;
        openFresh(w);
        LiveAlertModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertFilterModel filter(nullptr);
        filter.setSourceModel(&model);
        filter.sort(LiveAlertModel::ColumnSeverity);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        AlertDelta first;
        for (int i = 0; i < 50; ++i) {
            first.added.append(alert(QStringLiteral("Latency"), QStringLiteral("SEV-%1").arg(1 + i % 3), QStringLiteral("game-%1").arg(i)));
        }
        model.apply(first);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(filter.index(0, LiveAlertModel::ColumnSeverity).data().toString(), QStringLiteral("SEV-1"));

        QItemSelectionModel selection(&filter);
        const Alert chosen = first.added[25];
        const QModelIndex chosenIndex = filter.mapFromSource(model.index(model.rowOf(chosen.identity), 0));
        selection.setCurrentIndex(chosenIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // Next poll: ten resolve, five change, five are new.
        AlertDelta next;
        for (int i = 0; i < 10; ++i) {
            next.resolved.append(first.added[i * 2].identity);
        }
        for (int i = 0; i < 5; ++i) {
            Alert changed = first.added[31 + i];
            changed.value = QStringLiteral("0.%1").arg(i);
            next.changed.append(changed);
        }
        for (int i = 0; i < 5; ++i) {
            next.added.append(alert(QStringLiteral("AuthFailures"), QStringLiteral("SEV-1"), QStringLiteral("auth-%1").arg(i)));
        }
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.apply(next);
        QCOMPARE(model.rowCount(), 45);
        QCOMPARE(removed.count(), 10); // every other row: ten separate removals
        QCOMPARE(changed.count(), 1);  // rows 31..35 moved together (after removals) — one contiguous range
        QCOMPARE(resets.count(), 0);
        // The selected alert is still selected, wherever sorting put it.
        QVERIFY(selection.currentIndex().isValid());
        const int sourceRow = filter.mapToSource(selection.currentIndex()).row();
        QCOMPARE(model.alertAt(sourceRow).identity, chosen.identity);
        QCOMPARE(model.rowOf(first.added[0].identity), -1);
        QCOMPARE(model.alertAt(model.rowOf(first.added[31].identity)).value, QStringLiteral("0.0"));
    }

    void staleWhenEverySourceFails()
    {
        Workspace w;
        openFresh(w);
        LiveAlertModel model(w.store(), nullptr);
        AlertDelta d;
        d.added = {alert(QStringLiteral("A"), QStringLiteral("SEV-2"), QStringLiteral("x"), QStringLiteral("am1")),
                   alert(QStringLiteral("B"), QStringLiteral("SEV-2"), QStringLiteral("y"), QStringLiteral("am2"))};
        d.added[1].sources = {QStringLiteral("am1"), QStringLiteral("am2")}; // an HA pair reports B
        model.apply(d);
        SourceStatus failing;
        failing.source = QStringLiteral("am1");
        failing.lastError = QStringLiteral("connection refused");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSourceStatus(failing);
        QVERIFY(model.index(0, 0).data(LiveAlertModel::StaleRole).toBool());
        QVERIFY(!model.index(1, 0).data(LiveAlertModel::StaleRole).toBool()); // am2 still answers for it
        QVERIFY(model.index(0, LiveAlertModel::ColumnState).data().toString().contains(QStringLiteral("stale")));
        QCOMPARE(changed.count(), 1);
        failing.lastError.clear();
        model.setSourceStatus(failing);
        QVERIFY(!model.index(0, 0).data(LiveAlertModel::StaleRole).toBool());
    }

    void textMatchersAndGrouping()
    {
        Workspace w;
        openFresh(w);
        LiveAlertModel model(w.store(), nullptr);
        AlertFilterModel filter(nullptr);
        filter.setSourceModel(&model);
        AlertDelta d;
        d.added = {alert(QStringLiteral("SocketLatencyHigh"), QStringLiteral("SEV-2"), QStringLiteral("game-1")),
                   alert(QStringLiteral("AuthFailures"), QStringLiteral("SEV-1"), QStringLiteral("auth-1")),
                   alert(QStringLiteral("RoomErrors"), QStringLiteral("SEV-3"), QStringLiteral("game-2"))};
        model.apply(d);
        filter.setText(QStringLiteral("game"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setText({});
        QVERIFY(filter.setMatchers(QStringLiteral("severity=~\"SEV-1|SEV-2\"")).ok());
        QCOMPARE(filter.rowCount(), 2);
        QVERIFY(!filter.setMatchers(QStringLiteral("severity=~\"(\"")).ok());
        QCOMPARE(filter.rowCount(), 2); // a broken expression keeps the last good one
        QVERIFY(filter.setMatchers({}).ok());
        model.setGroupLabel(QStringLiteral("severity"));
        filter.setGrouped(true);
        filter.sort(LiveAlertModel::ColumnName);
        QCOMPARE(filter.index(0, LiveAlertModel::ColumnGroup).data().toString(), QStringLiteral("SEV-1"));
        QCOMPARE(filter.index(2, LiveAlertModel::ColumnGroup).data().toString(), QStringLiteral("SEV-3"));
        // A new alert in an existing group: only the first row of a group names it.
        AlertDelta more;
        more.added = {alert(QStringLiteral("AuthSlow"), QStringLiteral("SEV-1"), QStringLiteral("auth-2"))};
        model.apply(more);
        QCOMPARE(filter.index(0, LiveAlertModel::ColumnGroup).data().toString(), QStringLiteral("SEV-1"));
        QCOMPARE(filter.index(1, LiveAlertModel::ColumnGroup).data().toString(), QString());
        QCOMPARE(filter.index(1, LiveAlertModel::ColumnName).data().toString(), QStringLiteral("AuthSlow"));
    }

    void redoOfALinkKeepsItsIds()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("x"), Severity::Sev2).value();
        Alert a = alert(QStringLiteral("A"), QStringLiteral("SEV-2"), QStringLiteral("h"));
        QVERIFY(w.linkAlerts(incident, {a}).ok());
        const qint64 entryId = w.store()->timeline(incident)->last().id;
        w.undoStack()->undo();
        QCOMPARE(w.store()->timeline(incident)->size(), 1);
        w.undoStack()->redo();
        QCOMPARE(w.store()->timeline(incident)->last().id, entryId);
        QCOMPARE(w.store()->alertLinksByIdentity()->value(a.identity).incidentIds, QList<qint64>{incident});
    }

    void acknowledgeIsKeptUndoableAndShown()
    {
        Workspace w;
        openFresh(w);
        LiveAlertModel model(w.store(), nullptr);
        AlertDelta d;
        d.added = {alert(QStringLiteral("A"), QStringLiteral("SEV-2"), QStringLiteral("x"))};
        model.apply(d);
        QVERIFY(w.acknowledgeAlert(d.added[0].identity, QStringLiteral("Ravi is restarting the pod")).ok());
        QVERIFY(model.index(0, LiveAlertModel::ColumnAck).data().toString().contains(QStringLiteral("Ravi is restarting")));
        QVERIFY(model.index(0, 0).data(LiveAlertModel::AckedRole).toBool());
        QVERIFY(w.acknowledgeAlert(d.added[0].identity, QStringLiteral("handed to security")).ok());
        w.undoStack()->undo();
        QVERIFY(model.index(0, LiveAlertModel::ColumnAck).data().toString().contains(QStringLiteral("Ravi is restarting")));
        w.undoStack()->undo();
        QVERIFY(!model.index(0, 0).data(LiveAlertModel::AckedRole).toBool());

        // The ack is for this firing: when the sources change it stays, when the alert resolves it goes, and the
        // alert firing again next week is not shown as acknowledged.
        AlertIncidentLinker linker(w.store(), nullptr);
        QVERIFY(w.acknowledgeAlert(d.added[0].identity, QStringLiteral("Ravi is restarting the pod")).ok());
        AlertDelta withdrawn;
        withdrawn.resolved = {d.added[0].identity};
        withdrawn.withdrawn = true;
        linker.apply(withdrawn);
        QVERIFY(w.store()->alertAcks()->contains(d.added[0].identity));
        QVERIFY(w.acknowledgeAlert(d.added[0].identity, QStringLiteral("now with the database team")).ok());
        AlertDelta resolved;
        resolved.resolved = {d.added[0].identity};
        linker.apply(resolved);
        model.apply(resolved);
        QVERIFY(!w.store()->alertAcks()->contains(d.added[0].identity));
        // Undoing the last ack does not bring back the one before it: that firing is over.
        w.undoStack()->undo();
        QVERIFY(!w.store()->alertAcks()->contains(d.added[0].identity));
        model.apply(d);
        QVERIFY(!model.index(0, 0).data(LiveAlertModel::AckedRole).toBool());
    }

    // What counts as an alert starting to fire, for a notification.
    void ackAndSilenceAreToldOnTheLinkedIncidentsTimelines()
    {
        Workspace w;
        openFresh(w);
        LiveAlertModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Alert a = alert(QStringLiteral("AuthenticationFailures"), QStringLiteral("SEV-1"), QStringLiteral("auth-1"));
        const Alert other = alert(QStringLiteral("DiskFull"), QStringLiteral("SEV-3"), QStringLiteral("db-1"));
        AlertDelta d;
        d.added = {a, other};
        model.apply(d);
        const qint64 first = w.declareIncident(QStringLiteral("Login failures"), Severity::Sev1).value();
        const qint64 second = w.declareIncident(QStringLiteral("Same alert, second incident"), Severity::Sev2).value();
        const qint64 closed = w.declareIncident(QStringLiteral("Last week's"), Severity::Sev2).value();
        QVERIFY(model.index(0, LiveAlertModel::ColumnIncident).data().toString().isEmpty());

        // The alert table says which incidents hold each alert, and only that row changes.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(w.linkAlerts(first, {a}).ok());
        QVERIFY(w.linkAlerts(second, {a}).ok());
        QVERIFY(w.linkAlerts(closed, {a}).ok());
        Incident old = w.store()->incident(closed).value();
        old.stage = Stage::Closed;
        QVERIFY(w.store()->updateIncident(old).ok());
        const int row = model.rowOf(a.identity);
        QCOMPARE(model.index(row, LiveAlertModel::ColumnIncident).data().toString(),
                 QStringLiteral("INC-%1, INC-%2, INC-%3").arg(first).arg(second).arg(closed));
        QCOMPARE(model.index(model.rowOf(other.identity), LiveAlertModel::ColumnIncident).data().toString(), QString());
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().row(), row);
        }

        // Acknowledging says so on both open incidents, in the same undo step; the closed record is left alone.
        const qsizetype before = w.store()->timeline(first)->size();
        QVERIFY(w.acknowledgeAlert(a.identity, QStringLiteral("Sam is rolling back 3.8.1")).ok());
        for (qint64 id : {first, second}) {
            const TimelineEntry last = w.store()->timeline(id)->last();
            QCOMPARE(last.text, QStringLiteral("Acknowledged alert AuthenticationFailures: Sam is rolling back 3.8.1"));
            QCOMPARE(last.author, QStringLiteral("dana"));
            QCOMPARE(last.kind, TimelineEntry::Kind::Triage);
        }
        QVERIFY(w.store()->timeline(closed)->last().text.startsWith(QStringLiteral("Alert AuthenticationFailures")));
        w.undoStack()->undo();
        QCOMPARE(w.store()->timeline(first)->size(), before);
        QVERIFY(!w.store()->alertAcks()->contains(a.identity));
        w.undoStack()->redo();
        QCOMPARE(w.store()->timeline(first)->size(), before + 1);

        // An ack of an alert no incident holds writes no entry anywhere.
        QVERIFY(w.acknowledgeAlert(other.identity, QStringLiteral("known, low disk on a replica")).ok());
        QCOMPARE(w.store()->timeline(first)->size(), before + 1);

        // A silence made or expired in Alertmanager is stamped the same way, one undo step; none for unlinked alerts.
        const int steps = w.undoStack()->count();
        QVERIFY(w.stampLinkedIncidents({other.identity}, TimelineEntry::Kind::Action, QStringLiteral("Silenced DiskFull")).ok());
        QCOMPARE(w.undoStack()->count(), steps);
        QVERIFY(w.stampLinkedIncidents({a.identity, other.identity}, TimelineEntry::Kind::Action,
                                       QStringLiteral("Silenced alert AuthenticationFailures for 2 h: rollback")).ok());
        QCOMPARE(w.undoStack()->count(), steps + 1);
        QCOMPARE(w.store()->timeline(second)->last().text, QStringLiteral("Silenced alert AuthenticationFailures for 2 h: rollback"));
        QCOMPARE(w.store()->timeline(second)->last().kind, TimelineEntry::Kind::Action);
        w.undoStack()->undo();
        QVERIFY(w.store()->timeline(second)->last().text.startsWith(QStringLiteral("Acknowledged")));
    }

    void silenceListFollowsEachAlertmanager()
    {
        SilenceListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QFile file(QStringLiteral(IC_SOURCE_DIR "/tests/data/alertmanager-0.25/silences.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto decoded = SilenceRequest::decodeList(file.readAll(), QStringLiteral("am1"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(decoded->size(), 1);
        Silence s = decoded->first();
        QCOMPARE(s.createdBy, QStringLiteral("incident-console"));
        QCOMPARE(s.comment, QStringLiteral("ack by IC during drill"));
        QCOMPARE(s.matchersText(), QStringLiteral("alertname=\"SecurityEventsDetected\", severity=~\"SEV-.*\""));
        QCOMPARE(s.endsAt, QDateTime(QDate(2026, 11, 29), QTime(2, 39, 2), Qt::UTC));
        Alert matching = alert(QStringLiteral("SecurityEventsDetected"), QStringLiteral("SEV-1"), QStringLiteral("lb-1"));
        QVERIFY(s.matches(matching));
        QVERIFY(!s.matches(alert(QStringLiteral("SecurityEventsDetected"), QStringLiteral("critical"), QStringLiteral("lb-1"))));

        model.setNow(QDateTime(QDate(2026, 11, 29), QTime(1, 40), Qt::UTC));
        model.setSilences(QStringLiteral("am1"), decoded.value());
        Silence second = s;
        second.id = QStringLiteral("b");
        second.source = QStringLiteral("am2");
        second.comment.clear();
        model.setSilences(QStringLiteral("am2"), {second});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, SilenceListModel::ColumnTimeLeft).data().toString(), QStringLiteral("59 min left"));
        QCOMPARE(model.index(1, SilenceListModel::ColumnComment).data().toString(), QStringLiteral("(no comment)"));

        // A later answer from one source changes its rows only: the other source's row is not touched.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        s.state = Silence::State::Expired;
        model.setSilences(QStringLiteral("am1"), {s});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.silenceAt(0).id, QStringLiteral("b"));
        model.keepSources({QStringLiteral("am1")});
        QCOMPARE(model.rowCount(), 0);
    }

    void silenceAnswersThatAreWrongSayWhere_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("<html>") << QStringLiteral("not JSON");
        QTest::newRow("an object") << QByteArray(R"({"code":400})") << QStringLiteral("expected a JSON list of silences");
        QTest::newRow("no id") << QByteArray(R"([{"status":{"state":"active"},"endsAt":"2026-11-29T02:39:02.000Z","matchers":[]}])")
                               << QStringLiteral("silence 0 \"id\"");
        QTest::newRow("unknown state") << QByteArray(R"([{"id":"x","status":{"state":"sleeping"},"endsAt":"2026-11-29T02:39:02.000Z","matchers":[]}])")
                                       << QStringLiteral("silence 0 \"status.state\"");
        QTest::newRow("no end") << QByteArray(R"([{"id":"x","status":{"state":"active"},"matchers":[]}])")
                                << QStringLiteral("silence 0 \"endsAt\"");
    }

    void silenceAnswersThatAreWrongSayWhere()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto decoded = SilenceRequest::decodeList(json, QStringLiteral("am1"));
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().contains(error), qPrintable(decoded.error()));
    }

    void aSilenceNeedsAnAuthorAndAComment()
    {
        QVERIFY(Silence::missingDetails(QStringLiteral("dana"), QStringLiteral("rollback")).isEmpty());
        QVERIFY(Silence::missingDetails(QStringLiteral("  "), QStringLiteral("rollback")).contains(QStringLiteral("author")));
        QVERIFY(Silence::missingDetails(QStringLiteral("dana"), QString()).contains(QStringLiteral("comment")));
        // Refused before any request: the source's port has nobody listening, and the answer is the refusal.
        SilenceRequest request(nullptr);
        QSignalSpy done(&request, &SilenceRequest::finished);
        AlertSource am;
        am.kind = AlertSource::Kind::Alertmanager;
        am.url = QUrl(QStringLiteral("http://127.0.0.1:9"));
        request.send(am, alert(QStringLiteral("A"), QStringLiteral("SEV-2"), QStringLiteral("x")), 30, QStringLiteral("dana"), QString());
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().at(0).toString().isEmpty());
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("needs a comment")), qPrintable(done.first().at(1).toString()));
    }

    void startingToFireIsToldFromAFirstAnswer()
    {
        AlertStates states;
        QStringList started;
        auto feed = [&](const AlertDelta &delta) {
            started.clear();
            states.apply(delta, [&](const Alert &a, std::optional<Alert::State> before, bool fromFirstAnswer) {
                if (!fromFirstAnswer && a.state == Alert::State::Firing && before != Alert::State::Firing) {
                    started.append(a.alertName());
                }
            });
        };
        Alert firing = alert(QStringLiteral("AlreadyFiring"), QStringLiteral("SEV-1"), QStringLiteral("a"));
        Alert pending = alert(QStringLiteral("Waiting"), QStringLiteral("SEV-2"), QStringLiteral("b"));
        pending.state = Alert::State::Pending;
        AlertDelta first;
        first.added = {firing, pending};
        feed(first);
        QVERIFY2(started.isEmpty(), "a first answer tells how things were, not what just happened");
        states.sourceAnswered(QStringLiteral("am1"));

        Alert nowFiring = pending;
        nowFiring.state = Alert::State::Firing;
        Alert fresh = alert(QStringLiteral("Fresh"), QStringLiteral("SEV-2"), QStringLiteral("c"));
        AlertDelta next;
        next.changed = {nowFiring, firing};
        next.added = {fresh};
        feed(next);
        QCOMPARE(started, (QStringList{QStringLiteral("Fresh"), QStringLiteral("Waiting")}));

        // Silenced, then the silence ends: it fires again.
        Alert silenced = firing;
        silenced.state = Alert::State::Suppressed;
        AlertDelta quiet;
        quiet.changed = {silenced};
        feed(quiet);
        QVERIFY(started.isEmpty());
        AlertDelta loud;
        loud.changed = {firing};
        feed(loud);
        QCOMPARE(started, QStringList{QStringLiteral("AlreadyFiring")});

        // A second Alertmanager of an HA pair is added in Settings: the sources are set again with am1 kept. What
        // am2 says in its first answer (the shared alert, and one only it has) is not news, though am1 has answered
        // before; am1's own next answer is, but not for the alert that was firing all along.
        Alert waitingShared = alert(QStringLiteral("WaitingShared"), QStringLiteral("SEV-1"), QStringLiteral("h"));
        waitingShared.state = Alert::State::Pending;
        AlertDelta waitingOnAm1;
        waitingOnAm1.source = QStringLiteral("am1");
        waitingOnAm1.added = {waitingShared};
        feed(waitingOnAm1);
        states.reset({QStringLiteral("am1"), QStringLiteral("am2")});
        AlertDelta withdrawn;
        withdrawn.resolved = {firing.identity, pending.identity, fresh.identity};
        withdrawn.withdrawn = true;
        feed(withdrawn);
        AlertDelta fromAm2;
        fromAm2.source = QStringLiteral("am2");
        Alert shared = firing;
        shared.sources = {QStringLiteral("am1"), QStringLiteral("am2")};
        Alert onlyAm2 = alert(QStringLiteral("OnlyOnAm2"), QStringLiteral("SEV-1"), QStringLiteral("d"), QStringLiteral("am2"));
        Alert sharedNowFiring = waitingShared;
        sharedNowFiring.state = Alert::State::Firing;
        sharedNowFiring.sources = {QStringLiteral("am1"), QStringLiteral("am2")};
        fromAm2.changed = {shared, sharedNowFiring}; // am2 says it fires: how things were before it was asked
        fromAm2.added = {onlyAm2};
        feed(fromAm2);
        QVERIFY2(started.isEmpty(), qPrintable(started.join(u',')));
        AlertDelta fromAm1;
        fromAm1.source = QStringLiteral("am1");
        Alert freshOnAm1 = alert(QStringLiteral("NewOnAm1"), QStringLiteral("SEV-1"), QStringLiteral("e"));
        fromAm1.added = {firing, freshOnAm1}; // firing was known before the change: not news
        feed(fromAm1);
        QCOMPARE(started, QStringList{QStringLiteral("NewOnAm1")});

        // A source that could not be reached at start: what started firing since is news even in its first answer.
        AlertStates late;
        late.reset({});
        Alert recent = alert(QStringLiteral("BeganWhileUnreachable"), QStringLiteral("SEV-1"), QStringLiteral("f"), QStringLiteral("am9"));
        recent.activeSince = QDateTime::currentDateTimeUtc().addSecs(60);
        AlertDelta lateAnswer;
        lateAnswer.source = QStringLiteral("am9");
        lateAnswer.added = {alert(QStringLiteral("LongFiring"), QStringLiteral("SEV-1"), QStringLiteral("g"), QStringLiteral("am9")), recent};
        bool announced = false;
        bool oldOneAnnounced = false;
        late.apply(lateAnswer, [&](const Alert &a, std::optional<Alert::State>, bool fromFirstAnswer) {
            (a.alertName() == u"LongFiring" ? oldOneAnnounced : announced) = !fromFirstAnswer;
        });
        QVERIFY(announced);
        QVERIFY(!oldOneAnnounced);
    }

    void linkingFreezesEvidenceAndFollowsTransitions()
    {
        Workspace w;
        openFresh(w);
        AlertIncidentLinker linker(w.store(), nullptr);
        SourceStatus answered;
        answered.source = QStringLiteral("am1");
        answered.lastSuccess = QDateTime::currentDateTimeUtc();
        linker.sourceStatus(answered); // am1 has answered before: what it says next is news
        Alert a = alert(QStringLiteral("SocketLatencyHigh"), QStringLiteral("SEV-2"), QStringLiteral("game-7"));
        a.value = QStringLiteral("0.231");
        const auto incident = w.declareIncidentFromAlerts(Declaration{QStringLiteral("Latency in EU"), Severity::Sev2, {}, false, false, {}}, {a});
        QVERIFY2(incident.ok(), qPrintable(incident.error()));
        auto timeline = w.store()->timeline(incident.value());
        QCOMPARE(timeline->size(), 2);
        const TimelineEntry evidence = timeline->last();
        QCOMPARE(evidence.source, TimelineEntry::Source::Alert);
        QVERIFY(evidence.text.contains(QStringLiteral("SocketLatencyHigh")));
        // As people read it first, then exactly as the server said it; the start as a readable UTC time.
        QVERIFY2(evidence.text.contains(QStringLiteral("value 0.23 (0.231)")), qPrintable(evidence.text));
        QVERIFY2(evidence.text.contains(QStringLiteral("since 2025-06-01 14:00:00 UTC")), qPrintable(evidence.text));
        QVERIFY(evidence.text.contains(QStringLiteral("instance=game-7")));
        QVERIFY(evidence.text.contains(QStringLiteral("summary: SocketLatencyHigh on game-7")));

        // The alert resolves, then fires again: both land on the timeline by themselves.
        AlertDelta resolved;
        resolved.resolved = {a.identity};
        linker.apply(resolved);
        AlertDelta again;
        again.added = {a};
        linker.apply(again);
        AlertDelta unrelated;
        unrelated.added = {alert(QStringLiteral("Other"), QStringLiteral("SEV-3"), QStringLiteral("z"))};
        linker.apply(unrelated);
        timeline = w.store()->timeline(incident.value());
        QCOMPARE(timeline->size(), 4);
        QCOMPARE(timeline->at(2).text, QStringLiteral("Alert SocketLatencyHigh resolved"));
        QCOMPARE(timeline->at(3).text, QStringLiteral("Alert SocketLatencyHigh is firing again"));
        QCOMPARE(timeline->at(3).source, TimelineEntry::Source::Alert);

        // Withdrawn alerts (the sources changed) are not resolved ones: nothing is stamped.
        AlertDelta withdrawn;
        withdrawn.resolved = {a.identity};
        withdrawn.withdrawn = true;
        linker.apply(withdrawn);
        QCOMPARE(w.store()->timeline(incident.value())->size(), 4);

        // Nor is the first answer after the sources were set (a start, or Settings): the alert was firing
        // before the console asked, not "again".
        linker.resetSources({});
        linker.apply(again);
        QCOMPARE(w.store()->timeline(incident.value())->size(), 4);
        linker.sourceStatus(answered);

        // A linked alert that goes pending and then fires is stamped at each step.
        Alert pending = a;
        pending.state = Alert::State::Pending;
        AlertDelta toPending;
        toPending.changed = {pending};
        linker.apply(toPending);
        AlertDelta toFiring;
        toFiring.changed = {a};
        linker.apply(toFiring);
        timeline = w.store()->timeline(incident.value());
        QCOMPARE(timeline->size(), 6);
        QCOMPARE(timeline->at(4).text, QStringLiteral("Alert SocketLatencyHigh is now pending"));
        QCOMPARE(timeline->at(5).text, QStringLiteral("Alert SocketLatencyHigh is now firing"));

        // Linking it again is refused in words, and leaves the history alone.
        const int before = w.undoStack()->count();
        const Status relink = w.linkAlerts(incident.value(), {a});
        QVERIFY(!relink.ok());
        QVERIFY2(relink.error().contains(QStringLiteral("already linked")), qPrintable(relink.error()));
        QCOMPARE(w.undoStack()->count(), before);

        // Declaring from alerts is one edit; undo removes the incident and its links together.
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QVERIFY(!w.store()->incident(incident.value()).ok());
        QVERIFY(w.store()->alertLinksByIdentity()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveAlerts)
#include "tst_livealerts.moc"
