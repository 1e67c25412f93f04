#include "Clock.h"
#include "Workspace.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestWorkspace final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = QDateTime(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);

    void openFresh(Workspace &w)
    {
        const Status s = w.open(m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_files)));
        QVERIFY2(s.ok(), qPrintable(s.error()));
        w.setAuthor(QStringLiteral("dana"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([this] { return m_now; });
    }
    void cleanupTestCase() { Clock::setSource({}); }

    void declareStampsTheTimelineAndUndoesAsOne()
    {
        Workspace w;
        openFresh(w);
        const auto id = w.declareIncident(QStringLiteral("Login failures"), Severity::Sev1, QStringLiteral("Auth down"));
        QVERIFY2(id.ok(), qPrintable(id.error()));
        const auto incident = w.store()->incident(id.value());
        QCOMPARE(incident->severity, Severity::Sev1);
        QCOMPARE(incident->stage, Stage::Triage);
        QCOMPARE(incident->declaredAt, m_now);
        const auto timeline = w.store()->timeline(id.value());
        QCOMPARE(timeline->size(), 1);
        QCOMPARE(timeline->first().source, TimelineEntry::Source::System);
        QVERIFY(timeline->first().text.contains(QStringLiteral("Declared SEV-1")));
        QVERIFY(timeline->first().keyMoment);

        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QVERIFY(!w.store()->incident(id.value()).ok());
        QCOMPARE(w.store()->timeline(id.value())->size(), 0);
        w.undoStack()->redo();
        // Redo brings back the same incident, so references elsewhere stay valid.
        QCOMPARE(w.store()->incident(id.value())->title, QStringLiteral("Login failures"));
        QCOMPARE(w.store()->timeline(id.value())->size(), 1);
    }

    void refusedEditsNeverReachTheUndoStack()
    {
        Workspace w;
        openFresh(w);
        QVERIFY(!w.declareIncident(QStringLiteral("   "), Severity::Sev2).ok());
        QVERIFY(!w.addTimelineEntry(4242, QStringLiteral("no such incident")).ok());
        QVERIFY(!w.addTimelineEntry(1, QStringLiteral("  ")).ok());
        QCOMPARE(w.undoStack()->count(), 0);
    }

    void timelineEntriesUndoAndKeepTheirTimes()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("x"), Severity::Sev2).value();
        const QDateTime earlier = m_now.addSecs(-600);
        const auto entry = w.addTimelineEntry(incident, QStringLiteral("Rolled back 1.4.2"), TimelineEntry::Kind::Action, earlier);
        QVERIFY(entry.ok());
        const auto stored = w.store()->timelineEntry(entry.value());
        QCOMPARE(stored->occurredAt, earlier);
        QCOMPARE(stored->recordedAt, m_now);
        QCOMPARE(stored->author, QStringLiteral("dana"));
        QCOMPARE(stored->source, TimelineEntry::Source::Manual);
        QCOMPARE(w.store()->timeline(incident)->first().id, entry.value()); // back-dated: first in time order
        w.undoStack()->undo();
        QVERIFY(!w.store()->timelineEntry(entry.value()).ok());
        w.undoStack()->redo();
        QCOMPARE(w.store()->timelineEntry(entry.value())->text, QStringLiteral("Rolled back 1.4.2"));
    }

    void stageChangesAreRecordedAndUndone()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("x"), Severity::Sev2).value();
        QVERIFY(w.changeStage(incident, Stage::Containment).ok());
        QCOMPARE(w.store()->incident(incident)->stage, Stage::Containment);
        QVERIFY(w.store()->timeline(incident)->last().text.contains(QStringLiteral("Triage → Containment")));
        w.undoStack()->undo();
        QCOMPARE(w.store()->incident(incident)->stage, Stage::Triage);
        QCOMPARE(w.store()->timeline(incident)->size(), 1);
    }

    void handOffKeepsHistoryAndUndoRestoresTheHolder()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("x"), Severity::Sev1).value();
        QVERIFY(w.assignRole(incident, Role::IncidentCommander, QStringLiteral("Dana Ortiz")).ok());
        m_now = m_now.addSecs(1800);
        QVERIFY(w.assignRole(incident, Role::IncidentCommander, QStringLiteral("Ravi")).ok());
        QVERIFY(!w.assignRole(incident, Role::IncidentCommander, QStringLiteral("ravi")).ok()); // already holds it
        auto history = w.store()->assignments(incident);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).releasedAt, m_now);
        QVERIFY(history->at(1).isCurrent());
        QCOMPARE(w.store()->people()->size(), 2);
        QVERIFY(w.store()->timeline(incident)->last().text.contains(QStringLiteral("Dana Ortiz hands Incident Commander over to Ravi")));

        w.undoStack()->undo();
        history = w.store()->assignments(incident);
        QCOMPARE(history->size(), 1);
        QVERIFY(history->at(0).isCurrent());
        QCOMPARE(history->at(0).personName, QStringLiteral("Dana Ortiz"));
        QCOMPARE(w.store()->people()->size(), 1); // Ravi was added by the undone edit
        w.undoStack()->redo();
        QCOMPARE(w.store()->assignments(incident)->last().personName, QStringLiteral("Ravi"));
    }

    void failedUndoIsReported()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("x"), Severity::Sev2).value();
        const qint64 entry = w.addTimelineEntry(incident, QStringLiteral("y")).value();
        QSignalSpy failed(&w, &Workspace::editFailed);
        // Someone removed the entry behind the undo stack's back (another edit path, an import...).
        QVERIFY(w.store()->deleteTimelineEntry(entry).ok());
        QCOMPARE(w.undoStack()->count(), 2);
        w.undoStack()->undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("Undo")));
        // The failed command is dropped: Redo cannot replay over a state it did not leave.
        QCOMPARE(w.undoStack()->count(), 1);
        QVERIFY(w.store()->incident(incident).ok());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
