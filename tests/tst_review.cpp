#include "AppSettings.h"
#include "Clock.h"
#include "ReviewModeWindow.h"
#include "ReviewSession.h"
#include "TestSupport.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {
QDateTime at(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 29), QTime(hour, minute), QTimeZone::utc());
}

QStringList roleLines(const QList<ReviewMoment::RoleHolder> &roles)
{
    QStringList lines;
    for (const auto &r : roles) {
        lines.append(r.role + u": "_s + r.person);
    }
    return lines;
}

QStringList alertNames(const QList<ReviewMoment::FiringAlert> &alerts)
{
    QStringList names;
    for (const auto &a : alerts) {
        names.append(a.name);
    }
    return names;
}
} // namespace

// Review mode: the key moments of an incident replayed with the severity, role holders and alerts of their time.
class TestReview final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = at(12, 0);

    // The incident of every test, built through the same API the console uses, its clock moved step by step:
    // 10:00 declared SEV-3 with Dana as IC · 10:10 SEV-2 · 10:15 Lee takes comms · 10:30 Kim takes over as IC ·
    // 10:40 SEV-1 · 11:00 SEV-2. Alerts (archived, first seen → resolved): RateLimited 09:50→10:20 and
    // SocketLatencyHigh 10:05→10:50 and AuthFailures 10:35→(firing) are linked; AvatarUploadErrors 10:00→(firing)
    // is not. Key moments (the console marks the declaration and each severity step itself), by time then id:
    // 0 09:55 typed · 1 10:00 declared · 2 10:10 step · 3 10:10 typed · 4 10:30 typed · 5 10:40 step · 6 10:45 typed ·
    // 7 10:50 typed · 8 11:00 step. A deleted key moment at 10:20 and a plain entry at 10:25 are not ones.
    qint64 buildIncident(Workspace &w)
    {
        if (!w.open(m_dir.filePath(u"r%1.sqlite"_s.arg(++m_files))).ok()) {
            return 0;
        }
        w.setAuthor(u"dana"_s);
        m_now = at(10, 0);
        const qint64 id = w.declareIncident(u"Socket latency"_s, Severity::Sev3).value();
        bool ok = w.assignRole(id, Role::IncidentCommander, u"Dana"_s).ok();
        m_now = at(10, 10);
        ok = ok && w.changeSeverity(id, Severity::Sev2, u"p95 over 100 ms"_s).ok();
        m_now = at(10, 15);
        ok = ok && w.assignRole(id, Role::CommunicationsLead, u"Lee"_s).ok();
        m_now = at(10, 30);
        ok = ok && w.assignRole(id, Role::IncidentCommander, u"Kim"_s).ok();
        m_now = at(10, 40);
        ok = ok && w.changeSeverity(id, Severity::Sev1, u"logins failing"_s).ok();
        m_now = at(11, 0);
        ok = ok && w.changeSeverity(id, Severity::Sev2, u"logins back"_s).ok();
        m_now = at(12, 0);

        auto archive = [&](const QString &name, const QString &severity, const QDateTime &first, const QDateTime &resolved,
                           bool linked) {
            ArchivedAlert a;
            a.identity = u"alertname="_s + name;
            a.source = u"am"_s;
            a.alertName = name;
            a.labels = QJsonObject{{u"alertname"_s, name}, {u"severity"_s, severity}};
            a.firstSeen = first;
            a.lastSeen = resolved.isValid() ? resolved : m_now;
            a.resolvedAt = resolved;
            a.state = resolved.isValid() ? u"resolved"_s : u"firing"_s;
            const auto alertId = w.store()->insertArchivedAlert(a);
            ok = ok && alertId.ok();
            if (linked && alertId) {
                ok = ok && w.store()->insertAlertLink(id, alertId.value(), at(10, 36), u"{}"_s).ok();
            }
        };
        archive(u"RateLimited"_s, u"warning"_s, at(9, 50), at(10, 20), true);
        archive(u"SocketLatencyHigh"_s, u"warning"_s, at(10, 5), at(10, 50), true);
        archive(u"AuthFailures"_s, u"critical"_s, at(10, 35), {}, true);
        archive(u"AvatarUploadErrors"_s, u"info"_s, at(10, 0), {}, false);

        auto entry = [&](const QDateTime &when, const QString &text, bool key) {
            const auto e = w.addTimelineEntry(id, text, TimelineEntry::Kind::Note, when);
            ok = ok && e.ok() && (!key || w.setKeyMoment(e.value(), true).ok());
            return e ? e.value() : 0;
        };
        entry(at(9, 55), u"Players report lag"_s, true);
        entry(at(10, 10), u"Latency confirmed on every shard"_s, true);
        const qint64 deleted = entry(at(10, 20), u"Wrong guess"_s, true);
        ok = ok && w.deleteTimelineEntry(deleted, u"typo"_s).ok();
        entry(at(10, 25), u"Looking at dashboards"_s, false);
        entry(at(10, 30), u"Kim takes command"_s, true);
        entry(at(10, 45), u"Rolled back the auth deploy"_s, true);
        entry(at(10, 50), u"Latency normal again"_s, true);
        return ok ? id : 0;
    }

    static qint64 personId(Workspace &w, const QString &name)
    {
        const QList<Person> people = w.store()->people().value();
        for (const Person &p : people) {
            if (p.name == name) {
                return p.id;
            }
        }
        return 0;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings().setDisplayTimeZoneId(u"Europe/Berlin"_s); // not UTC, so the window shows both
        QVERIFY(m_dir.isValid());
        Clock::setSource([this] { return m_now; });
    }
    void cleanupTestCase() { Clock::setSource({}); }

    void stateAtEachKeyMoment_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<QStringList>("alerts");

        const QString ic = u"Incident Commander: "_s;
        const QString comms = u"Communications Lead: Lee"_s;
        // Before the first step the declared level; a step, a hand-off or a resolution at the very time counts.
        QTest::newRow("before declaration") << 0 << u"Players report lag"_s << 3 << QStringList() << QStringList{u"RateLimited"_s};
        QTest::newRow("declared") << 1 << u"Declared SEV-3: Socket latency"_s << 3 << QStringList{ic + u"Dana"_s}
                                  << QStringList{u"RateLimited"_s};
        QTest::newRow("the step itself") << 2 << u"Severity SEV-3 → SEV-2: p95 over 100 ms"_s << 2
                                         << QStringList{ic + u"Dana"_s} << QStringList{u"RateLimited"_s, u"SocketLatencyHigh"_s};
        QTest::newRow("at a severity step") << 3 << u"Latency confirmed on every shard"_s << 2 << QStringList{ic + u"Dana"_s}
                                            << QStringList{u"RateLimited"_s, u"SocketLatencyHigh"_s};
        QTest::newRow("at a hand-off") << 4 << u"Kim takes command"_s << 2 << QStringList{ic + u"Kim"_s, comms}
                                       << QStringList{u"SocketLatencyHigh"_s};
        QTest::newRow("worst") << 6 << u"Rolled back the auth deploy"_s << 1 << QStringList{ic + u"Kim"_s, comms}
                               << QStringList{u"SocketLatencyHigh"_s, u"AuthFailures"_s};
        QTest::newRow("at a resolution") << 7 << u"Latency normal again"_s << 1 << QStringList{ic + u"Kim"_s, comms}
                                         << QStringList{u"AuthFailures"_s};
        QTest::newRow("last step") << 8 << u"Severity SEV-1 → SEV-2: logins back"_s << 2 << QStringList{ic + u"Kim"_s, comms}
                                   << QStringList{u"AuthFailures"_s};
    }

    void stateAtEachKeyMoment()
    {
        QFETCH(int, index);
        QFETCH(QString, text);
        QFETCH(int, severity);
        QFETCH(QStringList, roles);
        QFETCH(QStringList, alerts);

        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        QVERIFY2(session.loadError().isEmpty(), qPrintable(session.loadError()));
        QCOMPARE(session.count(), 9); // the deleted and the plain entry are left out
        const ReviewMoment m = session.momentAt(index);
        QCOMPARE(m.index, index);
        QCOMPARE(m.count, 9);
        QCOMPARE(m.entry.text, text);
        QCOMPARE(int(m.severity), severity);
        QCOMPARE(roleLines(m.roles), roles);
        QCOMPARE(alertNames(m.firingAlerts), alerts);
    }

    void firingAlertDetails()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        const ReviewMoment m = session.momentAt(6);
        QCOMPARE(m.firingAlerts.size(), 2);
        QCOMPARE(m.firingAlerts.at(1), (ReviewMoment::FiringAlert{u"AuthFailures"_s, u"critical"_s, at(10, 35)}));
        QVERIFY(!session.momentAt(9).isValid());
        QVERIFY(!session.momentAt(-1).isValid());
    }

    void stepping()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        QSignalSpy changed(&session, &ReviewSession::currentChanged);
        QCOMPARE(session.currentIndex(), 0);
        QVERIFY(!session.previous()); // already at the first
        QVERIFY(!session.first());
        QCOMPARE(changed.count(), 0);
        QVERIFY(session.next());
        QVERIFY(session.next());
        QVERIFY(session.next());
        QCOMPARE(session.current().entry.text, u"Latency confirmed on every shard"_s);
        QVERIFY(session.previous());
        QCOMPARE(session.currentIndex(), 2);
        QVERIFY(session.last());
        QCOMPARE(session.currentIndex(), 8);
        QVERIFY(!session.next()); // already at the last
        QVERIFY(!session.last());
        QVERIFY(session.first());
        QCOMPARE(session.currentIndex(), 0);
        QVERIFY(session.setCurrentIndex(4));
        QVERIFY(!session.setCurrentIndex(9));
        QVERIFY(!session.setCurrentIndex(-1));
        QCOMPARE(session.currentIndex(), 4);
        QVERIFY(session.setCurrentEntry(session.momentAt(6).entry.id));
        QCOMPARE(session.current().entry.text, u"Rolled back the auth deploy"_s);
        QCOMPARE(changed.count(), 8); // one per move, none for a refused one
    }

    void followsEditsElsewhereKeepingTheMoment()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        QVERIFY(session.setCurrentIndex(4)); // "Kim takes command", 10:30
        const qint64 shown = session.current().entry.id;

        // An earlier key moment marked in the timeline: the same moment stays on screen, one place later.
        const qint64 earlier = w.addTimelineEntry(id, u"Paged the DBA"_s, TimelineEntry::Kind::Action, at(10, 12)).value();
        QVERIFY(w.setKeyMoment(earlier, true).ok());
        QCOMPARE(session.count(), 10);
        QCOMPARE(session.current().entry.id, shown);
        QCOMPARE(session.currentIndex(), 5);

        // A severity step recorded later in the history changes the state shown.
        m_now = at(12, 5);
        QVERIFY(w.store()->insertSeverityChange({0, id, at(10, 29), Severity::Sev1, SeverityChange::Origin::Manual,
                                                 std::nullopt, u"typed late"_s, u"dana"_s}).ok());
        QCOMPARE(session.current().severity, Severity::Sev1);

        // The shown moment unmarked: the next one in time takes its place.
        QVERIFY(w.setKeyMoment(shown, false).ok());
        QCOMPARE(session.count(), 9);
        QCOMPARE(session.current().entry.text, u"Severity SEV-2 → SEV-1: logins failing"_s);
        w.undoStack()->undo();
        QCOMPARE(session.count(), 10);
    }

    void addedKeyMomentLandsInOrderAndUndoes()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        QVERIFY(session.setCurrentIndex(4)); // 10:30
        const qint64 anchor = session.current().entry.id;
        const int undoBefore = w.undoStack()->count();
        const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));

        // No time typed: placed at the moment on screen, right after it, and shown.
        const auto added = session.addKeyMoment(w, u"dec: Keep the rollback"_s, zone);
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QCOMPARE(session.count(), 10);
        QCOMPARE(session.currentIndex(), 5);
        const ReviewMoment m = session.current();
        QCOMPARE(m.entry.id, added.value());
        QCOMPARE(m.entry.occurredAt, at(10, 30));
        QCOMPARE(m.entry.kind, TimelineEntry::Kind::Decision);
        QCOMPARE(m.entry.text, u"Keep the rollback"_s);
        QVERIFY(m.entry.keyMoment);
        QCOMPARE(w.undoStack()->count(), undoBefore + 1); // one edit, undone in one step

        w.undoStack()->undo();
        QCOMPARE(session.count(), 9);
        QCOMPARE(session.current().entry.id, anchor); // back to the moment it was added beside
        QVERIFY(!w.store()->timelineEntry(added.value()).ok()); // the entry itself is gone, not just unmarked
        w.undoStack()->redo();
        QCOMPARE(session.count(), 10);

        // A time typed in the local zone wins: 11:47 Berlin is 10:47 UTC, between 10:45 and 10:50.
        const auto timed = session.addKeyMoment(w, u"11:47 Error rate flat"_s, zone);
        QVERIFY2(timed.ok(), qPrintable(timed.error()));
        QCOMPARE(session.current().entry.occurredAt, at(10, 47));
        QCOMPARE(session.currentIndex(), 8);
        QCOMPARE(session.momentAt(9).entry.text, u"Latency normal again"_s);

        // A slip adds nothing and leaves nothing to undo.
        const int undoNow = w.undoStack()->count();
        QVERIFY(!session.addKeyMoment(w, u"25:00 nonsense"_s, zone).ok());
        QVERIFY(!session.addKeyMoment(w, u"   "_s, zone).ok());
        QCOMPARE(w.undoStack()->count(), undoNow);
        QCOMPARE(session.count(), 11);
    }

    void actionItemFromTheSession()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        ReviewSession session(w.store(), id);
        const qint64 lee = personId(w, u"Lee"_s);
        QVERIFY(lee != 0);
        const auto item = session.addActionItem(w, u"  Alert on auth error ratio "_s, lee);
        QVERIFY2(item.ok(), qPrintable(item.error()));
        const auto items = w.store()->actionItems(id).value();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().title, u"Alert on auth error ratio"_s);
        QCOMPARE(items.first().ownerId, lee);
        QVERIFY(!session.addActionItem(w, u" "_s).ok());
        w.undoStack()->undo();
        QCOMPARE(w.store()->actionItems(id)->size(), 0);
    }

    void windowStepsWithKeys()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        QPointer<ReviewModeWindow> window = new ReviewModeWindow(w, id);
        const auto cleanup = qScopeGuard([&window] { delete window.data(); }); // before the workspace goes, even on failure
        window->resize(1600, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *header = window->findChild<QLabel *>(u"reviewHeader"_s);
        auto *time = window->findChild<QLabel *>(u"reviewTime"_s);
        auto *entry = window->findChild<QLabel *>(u"reviewEntry"_s);
        auto *severity = window->findChild<QLabel *>(u"reviewSeverity"_s);
        auto *roles = window->findChild<QLabel *>(u"reviewRoles"_s);
        auto *alerts = window->findChild<QLabel *>(u"reviewAlerts"_s);
        QVERIFY(header && time && entry && severity && roles && alerts);
        const QTimeZone zone = AppSettings().displayTimeZone();
        QCOMPARE(zone.id(), QByteArrayLiteral("Europe/Berlin"));

        const auto heading = [id](int n, int of) { return u"INC-%1 Socket latency · Key moment %2 of %3"_s.arg(id).arg(n).arg(of); };
        QCOMPARE(header->text(), heading(1, 9));
        QCOMPARE(time->text(), TimeDisplay::clock(at(9, 55), zone));
        QCOMPARE(time->text(), u"10:55:00"_s);
        QCOMPARE(entry->text(), u"Players report lag"_s);
        QCOMPARE(roles->text(), u"Nobody yet"_s);

        QTest::keyClick(window, Qt::Key_Right);
        QTest::keyClick(window, Qt::Key_Space);
        QTest::keyClick(window, Qt::Key_PageDown);
        QCOMPARE(header->text(), heading(4, 9));
        QCOMPARE(entry->text(), u"Latency confirmed on every shard"_s);
        QCOMPARE(severity->text().trimmed(), u"SEV-2"_s);
        QCOMPARE(roles->text(), u"Incident Commander: Dana"_s);
        QVERIFY2(alerts->text().contains(u"RateLimited · warning · since 10:50"_s), qPrintable(alerts->text()));
        QVERIFY(alerts->text().contains(u"SocketLatencyHigh"_s));
        QVERIFY(!alerts->text().contains(u"AvatarUploadErrors"_s));

        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(window, Qt::Key_Right);
        }
        QCOMPARE(entry->text(), u"Rolled back the auth deploy"_s);
        QCOMPARE(severity->text().trimmed(), u"SEV-1"_s);
        QCOMPARE(roles->text(), u"Incident Commander: Kim\nCommunications Lead: Lee"_s);
        QTest::keyClick(window, Qt::Key_Left);
        QTest::keyClick(window, Qt::Key_PageUp);
        QCOMPARE(entry->text(), u"Kim takes command"_s);
        QTest::keyClick(window, Qt::Key_End);
        QCOMPARE(header->text(), heading(9, 9));
        QTest::keyClick(window, Qt::Key_Right); // stays at the last
        QCOMPARE(header->text(), heading(9, 9));
        QVERIFY(!window->findChild<QPushButton *>(u"reviewNext"_s)->isEnabled());
        QTest::keyClick(window, Qt::Key_Home);
        QTest::keyClick(window, Qt::Key_Left); // stays at the first
        QCOMPARE(header->text(), heading(1, 9));
        QVERIFY(!window->findChild<QPushButton *>(u"reviewPrevious"_s)->isEnabled());
        QTest::mouseClick(window->findChild<QPushButton *>(u"reviewLast"_s), Qt::LeftButton);
        QCOMPARE(entry->text(), u"Severity SEV-1 → SEV-2: logins back"_s);
        QTest::mouseClick(window->findChild<QPushButton *>(u"reviewPrevious"_s), Qt::LeftButton);
        QCOMPARE(entry->text(), u"Latency normal again"_s);
    }

    void windowAddsAKeyMomentAndAnActionItemWithKeys()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        QPointer<ReviewModeWindow> window = new ReviewModeWindow(w, id);
        const auto cleanup = qScopeGuard([&window] { delete window.data(); }); // before the workspace goes, even on failure
        window->resize(1600, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *header = window->findChild<QLabel *>(u"reviewHeader"_s);
        auto *time = window->findChild<QLabel *>(u"reviewTime"_s);
        auto *entry = window->findChild<QLabel *>(u"reviewEntry"_s);
        const auto heading = [id](int n, int of) { return u"INC-%1 Socket latency · Key moment %2 of %3"_s.arg(id).arg(n).arg(of); };
        QTest::keyClick(window, Qt::Key_End);
        QTest::keyClick(window, Qt::Key_Left);
        QCOMPARE(entry->text(), u"Latency normal again"_s);

        // K: a key moment typed inline lands after the one shown; Ctrl+Z takes it back.
        QTest::keyClick(window, Qt::Key_K);
        auto *keyEdit = window->findChild<QLineEdit *>(u"reviewKeyMomentEdit"_s);
        QVERIFY(keyEdit->isVisible());
        QTest::keyClicks(keyEdit, u"Rollback finished"_s);
        QTest::keyClick(keyEdit, Qt::Key_Return);
        QVERIFY(!keyEdit->isVisible());
        QCOMPARE(header->text(), heading(9, 10));
        QCOMPARE(entry->text(), u"Rollback finished"_s);
        QCOMPARE(time->text(), u"11:50:00"_s);
        QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(header->text(), heading(8, 9));
        QCOMPARE(entry->text(), u"Latency normal again"_s);

        // A: an action item with an owner from the roster.
        QTest::keyClick(window, Qt::Key_A);
        auto *title = window->findChild<QLineEdit *>(u"reviewActionTitleEdit"_s);
        auto *owner = window->findChild<QComboBox *>(u"reviewActionOwner"_s);
        QVERIFY(title->isVisible());
        owner->setCurrentIndex(owner->findText(u"Kim"_s));
        QTest::keyClicks(title, u"Canary auth deploys"_s);
        QTest::keyClick(title, Qt::Key_Return);
        const auto items = w.store()->actionItems(id).value();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().title, u"Canary auth deploys"_s);
        QCOMPARE(items.first().ownerId, personId(w, u"Kim"_s));
    }

    void escapeClosesAnEditorThenTheWindow()
    {
        Workspace w;
        const qint64 id = buildIncident(w);
        QVERIFY(id != 0);
        QPointer<ReviewModeWindow> window = new ReviewModeWindow(w, id);
        const auto cleanup = qScopeGuard([&window] { delete window.data(); });
        window->resize(1600, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *keyEdit = window->findChild<QLineEdit *>(u"reviewKeyMomentEdit"_s);
        // Esc cancels an open editor first, then leaves the mode.
        QTest::keyClick(window, Qt::Key_K);
        QVERIFY(keyEdit->isVisible());
        QTest::keyClick(keyEdit, Qt::Key_Escape);
        QVERIFY(!keyEdit->isVisible());
        QVERIFY(window->isVisible());
        QCOMPARE(w.store()->keyMomentsAndActions(id, false)->size(), 9);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(window.isNull()); // closed and deleted
    }

    void windowWithoutKeyMoments()
    {
        Workspace w;
        QVERIFY(w.open(m_dir.filePath(u"r%1.sqlite"_s.arg(++m_files))).ok());
        m_now = at(10, 0);
        const qint64 id = w.declareIncident(u"Quiet"_s, Severity::Sev3).value();
        const auto declared = w.store()->keyMomentsAndActions(id, false).value();
        QCOMPARE(declared.size(), 1);
        QVERIFY(w.setKeyMoment(declared.first().id, false).ok());
        m_now = at(10, 20);

        QPointer<ReviewModeWindow> window = new ReviewModeWindow(w, id);
        const auto cleanup = qScopeGuard([&window] { delete window.data(); }); // before the workspace goes, even on failure
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *empty = window->findChild<QLabel *>(u"reviewEmpty"_s);
        auto *header = window->findChild<QLabel *>(u"reviewHeader"_s);
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(),
                 u"No key moments yet — mark entries with Ctrl+K in the timeline, or press K to add one"_s);
        QCOMPARE(header->text(), u"INC-%1 Quiet · No key moments"_s.arg(id));

        // With nothing on screen to anchor it, the new key moment is placed now.
        QTest::keyClick(window, Qt::Key_K);
        auto *keyEdit = window->findChild<QLineEdit *>(u"reviewKeyMomentEdit"_s);
        QTest::keyClicks(keyEdit, u"First thing we agreed"_s);
        QTest::keyClick(keyEdit, Qt::Key_Return);
        QVERIFY(!empty->isVisible());
        QCOMPARE(header->text(), u"INC-%1 Quiet · Key moment 1 of 1"_s.arg(id));
        QCOMPARE(window->session()->current().entry.occurredAt, at(10, 20));
        window->close();
        QTRY_VERIFY(window.isNull());
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
