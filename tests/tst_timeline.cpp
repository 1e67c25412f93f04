#include "AppSettings.h"
#include "Clock.h"
#include "MainWindow.h"
#include "PasteLogDialog.h"
#include "TimelinePanel.h"
#include "ModelRoles.h"
#include "TestSupport.h"
#include "TimelineFilterModel.h"
#include "TimelineInput.h"
#include "TimelineModel.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QDialog>
#include <QTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace Qt::StringLiterals;

namespace {
QDateTime utc(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute, second), QTimeZone::utc());
}
} // namespace

// The timeline editor: typed lines, pasted logs, audited edits, search, paging, and surviving a kill.
class TestTimeline final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = utc(29, 14, 30);

    QString freshPath() { return m_dir.filePath(u"t%1.sqlite"_s.arg(++m_files)); }
    // Starts this test executable in one of its child modes and reads its output until it says `marker`
    // (or a minute passes, or it ends). Returns what it said.
    static QByteArray runChildUntil(QProcess &child, const QStringList &arguments, const char *marker)
    {
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), arguments);
        QByteArray said;
        if (!child.waitForStarted()) {
            return said;
        }
        QElapsedTimer waited;
        waited.start();
        while (!said.contains(marker) && waited.elapsed() < 60000 && child.state() == QProcess::Running) {
            child.waitForReadyRead(100);
            said += child.readAllStandardOutput();
        }
        return said;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([this] { return m_now; });
    }
    void cleanupTestCase() { Clock::setSource({}); }
    void init() { m_now = utc(29, 14, 30); }

    void typedLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("occurredAt"); // invalid: now
        QTest::addColumn<int>("kind");             // -1: the box's choice
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("actionItem");
        QTest::addColumn<QString>("error");

        const QDateTime now = utc(29, 14, 30);
        QTest::newRow("plain") << u"Rolled back auth"_s << now << u"UTC"_s << QDateTime() << -1 << u"Rolled back auth"_s << QString() << QString();
        QTest::newRow("clock today") << u"14:05 Paged the DBA"_s << now << u"UTC"_s << utc(29, 14, 5) << -1 << u"Paged the DBA"_s << QString() << QString();
        QTest::newRow("clock yesterday") << u"23:50 late"_s << utc(29, 0, 10) << u"UTC"_s << utc(28, 23, 50) << -1 << u"late"_s << QString() << QString();
        QTest::newRow("clock in a zone") << u"15:05:30 x"_s << now << u"Europe/Berlin"_s << utc(29, 14, 5, 30) << -1 << u"x"_s << QString() << QString();
        QTest::newRow("minutes ago") << u"-10m paged"_s << now << u"UTC"_s << utc(29, 14, 20) << -1 << u"paged"_s << QString() << QString();
        QTest::newRow("hours and minutes ago") << u"-1h30m x"_s << now << u"UTC"_s << utc(29, 13, 0) << -1 << u"x"_s << QString() << QString();
        QTest::newRow("iso utc") << u"2026-11-29T13:00:00Z x"_s << now << u"UTC"_s << utc(29, 13, 0) << -1 << u"x"_s << QString() << QString();
        QTest::newRow("iso offset") << u"2026-11-29T15:00+02:00 x"_s << now << u"UTC"_s << utc(29, 13, 0) << -1 << u"x"_s << QString() << QString();
        QTest::newRow("date and time in the zone") << u"2026-11-29 13:00 x"_s << now << u"Europe/Berlin"_s << utc(29, 12, 0) << -1 << u"x"_s << QString() << QString();
        QTest::newRow("kind") << u"act: Scaled out"_s << now << u"UTC"_s << QDateTime() << int(TimelineEntry::Kind::Action) << u"Scaled out"_s << QString() << QString();
        QTest::newRow("time and kind") << u"14:05 DEC: roll back"_s << now << u"UTC"_s << utc(29, 14, 5) << int(TimelineEntry::Kind::Decision) << u"roll back"_s << QString() << QString();
        QTest::newRow("todo") << u"TODO: page the DBA"_s << now << u"UTC"_s << QDateTime() << -1 << u"TODO: page the DBA"_s << u"page the DBA"_s << QString();
        QTest::newRow("kind and todo") << u"act: todo: add an alert"_s << now << u"UTC"_s << QDateTime() << int(TimelineEntry::Kind::Action) << u"todo: add an alert"_s << u"add an alert"_s << QString();
        QTest::newRow("not a kind") << u"ratio: 5:1 observed"_s << now << u"UTC"_s << QDateTime() << -1 << u"ratio: 5:1 observed"_s << QString() << QString();
        QTest::newRow("unicode kept") << u"note: 🔥 שלום  two  spaces "_s << now << u"UTC"_s << QDateTime() << int(TimelineEntry::Kind::Note) << u"🔥 שלום  two  spaces "_s << QString() << QString();
        QTest::newRow("future") << u"2099-01-01T00:00:00Z x"_s << now << u"UTC"_s << QDateTime() << -1 << QString() << QString() << u"2099-01-01T00:00:00Z is in the future; the timeline records what has happened."_s;
        QTest::newRow("no such hour") << u"25:00 x"_s << now << u"UTC"_s << QDateTime() << -1 << QString() << QString() << u"25:00 is not a time of day."_s;
        QTest::newRow("nothing after the kind") << u"act:   "_s << now << u"UTC"_s << QDateTime() << -1 << QString() << QString() << u"Type what happened after the time or kind."_s;
        QTest::newRow("empty todo") << u"TODO:"_s << now << u"UTC"_s << QDateTime() << -1 << QString() << QString() << u"Say what is to be done after TODO:."_s;
    }

    void typedLines()
    {
        QFETCH(QString, line);
        QFETCH(QDateTime, now);
        QFETCH(QString, zone);
        QFETCH(QDateTime, occurredAt);
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, actionItem);
        QFETCH(QString, error);
        const TimelineInput::Line parsed = TimelineInput::parseLine(line, now, QTimeZone(zone.toUtf8()));
        QCOMPARE(parsed.error, error);
        if (!error.isEmpty()) {
            return;
        }
        QCOMPARE(parsed.occurredAt, occurredAt);
        QCOMPARE(parsed.kind ? int(*parsed.kind) : -1, kind);
        QCOMPARE(parsed.text, text);
        QCOMPARE(parsed.actionItem.value_or(QString()), actionItem);
    }

    void pastedLogs()
    {
        const QString log = u"Meeting notes from the bridge\n"
                            "[23:58] dana: latency alarms on eu-west\n"
                            "[23:59:30] <kim> rolling back 3.8.1\n"
                            "  still rolling, 40% done\n"
                            "\n"
                            "00:02 ravi: rollback finished\n"
                            "2026-11-29T00:05:00Z all clear\n"
                            "00:07\n"_s;
        const TimelineInput::Log parsed = TimelineInput::parseLog(log, utc(29, 8, 0), QTimeZone::utc());
        QCOMPARE(parsed.entries.size(), 4);
        QCOMPARE(parsed.entries[0].occurredAt, utc(28, 23, 58));
        QCOMPARE(parsed.entries[0].author, u"dana"_s);
        QCOMPARE(parsed.entries[0].text, u"latency alarms on eu-west"_s);
        QCOMPARE(parsed.entries[1].occurredAt, utc(28, 23, 59, 30));
        QCOMPARE(parsed.entries[1].author, u"kim"_s);
        QCOMPARE(parsed.entries[1].text, u"rolling back 3.8.1\n  still rolling, 40% done"_s); // a message over two lines
        QCOMPARE(parsed.entries[2].occurredAt, utc(29, 0, 2)); // the log crossed midnight
        QCOMPARE(parsed.entries[2].line, 6);
        QCOMPARE(parsed.entries[3].occurredAt, utc(29, 0, 5));
        QCOMPARE(parsed.entries[3].author, QString());
        QCOMPARE(parsed.problems.size(), 2);
        QVERIFY(parsed.problems[0].startsWith(u"line 1:"_s));
        QVERIFY(parsed.problems[1].startsWith(u"line 8:"_s));

        // A time with its own offset and no date is today in that offset.
        const auto offset = TimelineInput::parseLog(u"14:05+02:00 a\n12:10Z b"_s, utc(29, 14, 0), QTimeZone::utc());
        QCOMPARE(offset.entries.size(), 2);
        QCOMPARE(offset.entries[0].occurredAt, utc(29, 12, 5));
        QCOMPARE(offset.entries[1].occurredAt, utc(29, 12, 10));

        // Pasted just after midnight, a log of the evening is yesterday's.
        const auto evening = TimelineInput::parseLog(u"[22:10] a\n[22:15] b"_s, utc(29, 0, 5), QTimeZone::utc());
        QCOMPARE(evening.entries.first().occurredAt, utc(28, 22, 10));

        // Reading can be stopped, and reports progress as it goes.
        QString big;
        for (int i = 0; i < 20000; ++i) {
            big += u"[10:%1] someone: line %2\n"_s.arg(i % 60, 2, 10, QLatin1Char('0')).arg(i);
        }
        QList<int> seen;
        const auto stopped = TimelineInput::parseLog(big, utc(29, 12, 0), QTimeZone::utc(), [&](int percent) {
            seen.append(percent);
            return seen.size() < 3;
        });
        QVERIFY(stopped.entries.size() < 20000);
        QVERIFY(stopped.problems.last().startsWith(u"Stopped at line"_s));
        QVERIFY(seen.size() >= 3);
    }

    void typedEntriesAndTodos()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        w.setAuthor(u"dana"_s);
        const qint64 id = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        const qint64 entry = w.addTimelineLine(id, u"-5m act: TODO: raise the pool size"_s, TimelineEntry::Kind::Note,
                                               QTimeZone::utc())
                                 .value();
        const TimelineEntry e = w.store()->timelineEntry(entry).value();
        QCOMPARE(e.occurredAt, utc(29, 14, 25));
        QCOMPARE(e.recordedAt, m_now);
        QCOMPARE(e.kind, TimelineEntry::Kind::Action);
        QCOMPARE(e.author, u"dana"_s);
        QCOMPARE(e.text, u"TODO: raise the pool size"_s);
        QCOMPARE(w.store()->actionItems(id)->size(), 1);
        QCOMPARE(w.store()->actionItems(id)->first().title, u"raise the pool size"_s);
        w.undoStack()->undo(); // one edit: the entry and its action item go together
        QCOMPARE(w.store()->actionItems(id)->size(), 0);
        QVERIFY(!w.store()->timelineEntry(entry).ok());
        w.undoStack()->redo();
        QCOMPARE(w.store()->timelineEntry(entry)->text, u"TODO: raise the pool size"_s); // same id on redo
        QVERIFY(!w.addTimelineLine(id, u"25:61 x"_s, TimelineEntry::Kind::Note, QTimeZone::utc()).ok());
        QCOMPARE(w.store()->timeline(id)->size(), 2);

        // Any text of any size is kept byte for byte.
        QString huge = u"RTL שלום עולם, emoji 🔥🧯, NUL-free control \u0007 and a tab\t"_s;
        while (huge.size() < 1'000'000) {
            huge += huge;
        }
        const qint64 big = w.addTimelineEntry(id, huge).value();
        QCOMPARE(w.store()->timelineEntry(big)->text.toUtf8(), huge.toUtf8());
    }

    void editsKeepTheirHistoryAndDeletesAreRecorded()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        w.setAuthor(u"kim"_s);
        const qint64 id = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        const qint64 entry = w.addTimelineEntry(id, u"Rolled back 3.8.1"_s, TimelineEntry::Kind::Action, utc(29, 14, 10)).value();

        TimelineEntry changed = w.store()->timelineEntry(entry).value();
        changed.text = u"Rolled back auth 3.8.1 to 3.8.0"_s;
        changed.customerVisible = true;
        QVERIFY(w.editTimelineEntry(changed).ok());
        changed = w.store()->timelineEntry(entry).value();
        changed.occurredAt = utc(29, 14, 2);
        QVERIFY(!w.editTimelineEntry(changed).ok()); // a new time needs a reason
        m_now = utc(29, 14, 40);
        QVERIFY(w.editTimelineEntry(changed, u"the deploy log says 14:02"_s).ok());
        changed.occurredAt = utc(29, 14, 4);
        QVERIFY(w.editTimelineEntry(changed, u"rounded"_s).ok());
        const TimelineEntry now = w.store()->timelineEntry(entry).value();
        QCOMPARE(now.occurredAt, utc(29, 14, 4));
        QCOMPARE(now.editedAt, utc(29, 14, 40));
        QCOMPARE(now.editedBy, u"kim"_s);
        QCOMPARE(now.originalOccurredAt, utc(29, 14, 10)); // the first time given is kept
        const auto history = w.store()->timelineRevisions(entry).value();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history[0].oldText, u"Rolled back 3.8.1"_s);
        QCOMPARE(history[0].oldCustomerVisible, false);
        QCOMPARE(history[1].oldOccurredAt, utc(29, 14, 10));
        QCOMPARE(history[1].reason, u"the deploy log says 14:02"_s);
        QCOMPARE(history[1].author, u"kim"_s);
        QCOMPARE(history[1].revisedAt, utc(29, 14, 40));

        // The console's own entries keep their words; they can be pinned.
        const auto all = w.store()->timeline(id).value();
        TimelineEntry declared = *std::find_if(all.begin(), all.end(), [](const TimelineEntry &e) {
            return e.source == TimelineEntry::Source::System;
        });
        declared.text = u"rewritten"_s;
        QVERIFY(!w.editTimelineEntry(declared).ok());
        QVERIFY(w.setKeyMoment(declared.id, false).ok());
        QVERIFY(!w.store()->timelineEntry(declared.id)->keyMoment);

        // Deleting hides the entry, records it, and undo brings it back as it was.
        QVERIFY(w.deleteTimelineEntry(entry, u"duplicate"_s).ok());
        QVERIFY(w.store()->timelineEntry(entry)->isDeleted());
        QCOMPARE(w.store()->timeline(id)->size(), 1);
        QCOMPARE(w.store()->timeline(id, true)->size(), 2);
        QCOMPARE(w.store()->timelineRevisions(entry)->last().action, TimelineRevision::Action::Delete);
        QCOMPARE(w.store()->timelineRevisions(entry)->last().reason, u"duplicate"_s);
        QVERIFY(!w.editTimelineEntry(w.store()->timelineEntry(entry).value()).ok() ||
                w.store()->timelineEntry(entry)->isDeleted());
        w.undoStack()->undo();
        QCOMPARE(w.store()->timelineEntry(entry).value(), now);
        QCOMPARE(w.store()->timelineRevisions(entry)->size(), 3);
        // Undoing the time changes puts the entry back where it was first written.
        w.undoStack()->undo(); // pin
        w.undoStack()->undo(); // 14:04
        w.undoStack()->undo(); // 14:02
        QCOMPARE(w.store()->timelineEntry(entry)->occurredAt, utc(29, 14, 10));
        QVERIFY(!w.store()->timelineEntry(entry)->originalOccurredAt.isValid());
        QCOMPARE(w.store()->timelineRevisions(entry)->size(), 1);
        // The entry names its last change, and undo gives back the one before.
        QCOMPARE(w.store()->timelineEntry(entry)->editedAt, w.store()->timelineRevisions(entry)->first().revisedAt);
        QCOMPARE(w.store()->timelineEntry(entry)->editedBy, u"kim"_s);
        w.undoStack()->undo();
        QVERIFY(!w.store()->timelineEntry(entry)->editedAt.isValid());
        QVERIFY(w.store()->timelineEntry(entry)->editedBy.isEmpty());
    }

    void theLightIndexAgreesWithTheEntries()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Times"_s, Severity::Sev2).value();
        // Odd milliseconds across years: the index computes times in SQLite and must match to the millisecond.
        const QList<QDateTime> times = {QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()),
                                        QDateTime(QDate(2026, 11, 29), QTime(14, 5, 0, 1), QTimeZone::utc()),
                                        QDateTime(QDate(2038, 1, 19), QTime(3, 14, 7, 500), QTimeZone::utc()),
                                        QDateTime(QDate(2026, 3, 29), QTime(1, 0, 0, 123), QTimeZone::utc())};
        for (const QDateTime &t : times) {
            QVERIFY(w.addTimelineEntry(id, u"at %1"_s.arg(t.toString(Qt::ISODateWithMs)), TimelineEntry::Kind::Decision, t).ok());
        }
        QVERIFY(w.setKeyMoment(w.store()->timeline(id)->first().id, true).ok());
        const auto index = w.store()->timelineIndex(id).value();
        const auto entries = w.store()->timeline(id).value();
        QCOMPARE(index.size(), entries.size());
        for (int i = 0; i < index.size(); ++i) {
            QCOMPARE(index[i].id, entries[i].id);
            QCOMPARE(index[i].occurredMs, entries[i].occurredAt.toMSecsSinceEpoch());
            QCOMPARE(index[i].kind, entries[i].kind);
            QCOMPARE(index[i].source, entries[i].source);
            QCOMPARE(index[i].keyMoment, entries[i].keyMoment);
            QCOMPARE(index[i].customerVisible, entries[i].customerVisible);
        }
    }

    void fullTextSearch()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 a = w.declareIncident(u"A"_s, Severity::Sev1).value();
        const qint64 b = w.declareIncident(u"B"_s, Severity::Sev2).value();
        const qint64 e1 = w.addTimelineEntry(a, u"Socket latency above 100 ms on eu-west"_s).value();
        const qint64 e2 = w.addTimelineEntry(a, u"Rolled back the Café plugin"_s).value();
        const qint64 e3 = w.addTimelineEntry(b, u"latency fine again"_s).value();
        IncidentStore *store = w.store();
        QCOMPARE(store->searchTimeline(u"latency"_s).value(), (QList<qint64>{e3, e1})); // across incidents, newest first
        QCOMPARE(store->searchTimeline(u"latency"_s, a).value(), QList<qint64>{e1});
        QCOMPARE(store->searchTimeline(u"LATEN"_s, a).value(), QList<qint64>{e1}); // the last word as a prefix
        QCOMPARE(store->searchTimeline(u"cafe"_s, a).value(), QList<qint64>{e2});  // accents folded
        QCOMPARE(store->searchTimeline(u"latency west"_s).value(), QList<qint64>{e1}); // all the words
        // Words are never taken as query syntax.
        for (const QString &odd : {u"\"unbalanced"_s, u"a OR NOT b"_s, u"eu-west"_s, u"NEAR(x y)"_s, u"*"_s, u"col:x"_s}) {
            QVERIFY2(store->searchTimeline(odd).ok(), qPrintable(odd));
        }
        QCOMPARE(store->searchTimeline(u"eu-west"_s).value(), QList<qint64>{e1});
        // Edits and deletions are searched as they are now.
        TimelineEntry changed = store->timelineEntry(e3).value();
        changed.text = u"all quiet"_s;
        QVERIFY(w.editTimelineEntry(changed).ok());
        QCOMPARE(store->searchTimeline(u"latency"_s).value(), QList<qint64>{e1});
        QVERIFY(w.deleteTimelineEntry(e1).ok());
        QVERIFY(store->searchTimeline(u"latency"_s)->isEmpty());

        // The filter model narrows the view to the matches and to kinds or key moments.
        TimelineModel model(&w, nullptr);
        TimelineFilterModel filter(store, nullptr);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        model.setIncident(a);
        QCOMPARE(filter.rowCount(), 2); // declared + café (the latency one is deleted)
        QCOMPARE(filter.setSearch(u"plugin"_s), 1);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, TimelineModel::ColumnText).data().toString(), u"Rolled back the Café plugin"_s);
        QCOMPARE(filter.searchTerms(), QStringList{u"plugin"_s});
        filter.setSearch(QString());
        filter.setKeyMomentsOnly(true);
        QCOMPARE(filter.rowCount(), 1); // the declaration
        filter.setKeyMomentsOnly(false);
        filter.setKind(TimelineEntry::Kind::Triage);
        QCOMPARE(filter.rowCount(), 1);
    }

    void largeTimelinesArePagedAndPastedLogsAreOneEdit()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Long"_s, Severity::Sev2).value();
        QList<TimelineInput::LogEntry> log;
        for (int i = 0; i < 3000; ++i) {
            log.append({utc(29, 10, 0).addSecs(i), u"bot"_s, u"line %1"_s.arg(i), i + 1});
        }
        TimelineModel model(&w, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(id);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(w.addTimelineEntries(id, log).value(), 3000);
        QCOMPARE(model.rowCount(), 3001);
        QVERIFY(model.cachedPages() <= 2); // of 24: only what was looked at is read
        QCOMPARE(model.index(1500, TimelineModel::ColumnText).data().toString(), u"line 1500"_s);
        QCOMPARE(model.index(1500, TimelineModel::ColumnAuthor).data().toString(), u"bot"_s);
        QVERIFY(model.cachedPages() <= 3);
        QCOMPARE(model.index(1500, 0).data(ModelRoles::GapRole).toLongLong(), 1);
        QCOMPARE(model.index(3000, TimelineModel::ColumnText).data().toString(), u"Declared SEV-2: Long"_s);
        QCOMPARE(model.index(3000, TimelineModel::ColumnGap).data().toString(), u"+3h40"_s);

        // A back-dated entry lands in the middle; the page it falls in is read again.
        w.addTimelineEntry(id, u"in between"_s, TimelineEntry::Kind::Note, utc(29, 10, 0).addSecs(1500).addMSecs(500)).value();
        QCOMPARE(model.index(1501, TimelineModel::ColumnText).data().toString(), u"in between"_s);
        QCOMPARE(model.index(1502, TimelineModel::ColumnText).data().toString(), u"line 1501"_s);

        w.undoStack()->undo(); // the entry
        w.undoStack()->undo(); // the whole pasted log, in one step
        QCOMPARE(model.rowCount(), 1);
        w.undoStack()->redo();
        QCOMPARE(model.rowCount(), 3001);
        QCOMPARE(model.index(0, TimelineModel::ColumnText).data().toString(), u"line 0"_s);
    }

    // Paste Log reads what is typed or pasted into its box, and leaves out what the timeline already holds.
    void pasteLogReadsAsItIsTypedAndMarksWhatIsThere()
    {
        Clock::setSource({});
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(freshPath()));
        Workspace *w = window.workspace();
        const qint64 id = w->declareIncident(u"Chat"_s, Severity::Sev2).value();
        window.selectIncident(id);
        auto *panel = window.findChild<TimelinePanel *>();
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const QString first = u"%1 <dana> rolled back 3.8.1\n%2 <sam> error rate falling\n"_s
                                  .arg(base.toString(Qt::ISODate), base.addSecs(60).toString(Qt::ISODate));
        // Opened empty, then pasted into: the preview follows with no button.
        QString summaryAfterPaste;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PasteLogDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            auto *text = dialog->findChild<QPlainTextEdit *>(u"pasteLogText"_s);
            auto *add = dialog->findChild<QPushButton *>(u"pasteLogAddButton"_s);
            text->setFocus();
            text->insertPlainText(first);
            (void)QTest::qWaitFor([add] { return add->isEnabled(); }, 10000);
            summaryAfterPaste = dialog->findChild<QLabel *>(u"pasteLogSummary"_s)->text();
            add->click();
        });
        panel->pasteLog(QString());
        QCOMPARE(summaryAfterPaste, u"2 entries."_s);
        QCOMPARE(w->store()->timeline(id)->size(), 3);

        // The same log again with one new line: the two known lines are marked and only the new one is added.
        const QString again = first + u"%1 <sam> all clear\n"_s.arg(base.addSecs(120).toString(Qt::ISODate));
        QString summary, firstRow, addText;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PasteLogDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            auto *add = dialog->findChild<QPushButton *>(u"pasteLogAddButton"_s);
            (void)QTest::qWaitFor([add] { return add->isEnabled(); }, 10000);
            summary = dialog->findChild<QLabel *>(u"pasteLogSummary"_s)->text();
            firstRow = dialog->findChild<QTableWidget *>(u"pasteLogPreview"_s)->item(0, 2)->text();
            addText = add->text();
            add->click();
        });
        panel->pasteLog(again);
        QCOMPARE(summary, u"3 entries, 2 already on the timeline and left out."_s);
        QCOMPARE(firstRow, u"already on the timeline: rolled back 3.8.1"_s);
        QCOMPARE(addText, u"Add 1 Entry"_s);
        const QList<TimelineEntry> entries = w->store()->timeline(id).value();
        QCOMPARE(entries.size(), 4);
        auto count = [&entries](const QString &text) {
            return std::count_if(entries.cbegin(), entries.cend(), [&text](const TimelineEntry &e) { return e.text == text; });
        };
        QCOMPARE(count(u"rolled back 3.8.1"_s), 1);
        QCOMPARE(count(u"all clear"_s), 1);
    }

    // The panel as the IC uses it: a 5 MB log pasted and previewed, a correction in place, a search.
    void panelPastesEditsAndSearches()
    {
        Clock::setSource({}); // the real clock: the window's own timers run
        const QString path = freshPath();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        Workspace *w = window.workspace();
        const qint64 id = w->declareIncident(u"Chat"_s, Severity::Sev2).value();
        window.selectIncident(id);
        auto *panel = window.findChild<TimelinePanel *>();
        QVERIFY(panel);

        QString log;
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600);
        int lines = 0;
        while (log.size() < 5 * 1024 * 1024) {
            log += u"%1 <bot> heartbeat %2 from gs-%3 — all ok ✓\n"_s.arg(start.addSecs(lines / 10).toString(Qt::ISODate))
                       .arg(lines)
                       .arg(lines % 50);
            ++lines;
        }
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<PasteLogDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *add = dialog->findChild<QPushButton *>(u"pasteLogAddButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 60000); // read off the UI thread, then previewed
            QVERIFY(dialog->findChild<QLabel *>(u"pasteLogSummary"_s)->text().startsWith(u"%1 entries"_s.arg(dialog->log().entries.size())));
            add->click();
        });
        panel->pasteLog(log);
        QCOMPARE(w->store()->timeline(id)->size(), lines + 1);
        auto *view = window.findChild<QTableView *>(u"timelineView"_s);
        QCOMPARE(view->model()->rowCount(), lines + 1);
        window.findChild<QAction *>(u"undoAction"_s)->trigger(); // the whole log in one step
        QCOMPARE(w->store()->timeline(id)->size(), 1);
        window.findChild<QAction *>(u"redoAction"_s)->trigger();

        // Correct an entry in place: the view's model takes the new words and the old ones go to its history.
        const QModelIndex cell = view->model()->index(0, TimelineModel::ColumnText);
        QVERIFY(view->model()->flags(cell).testFlag(Qt::ItemIsEditable));
        QVERIFY(view->model()->setData(cell, u"heartbeat 0 — first one after the restart"_s));
        const qint64 edited = cell.data(ModelRoles::IdRole).toLongLong();
        QCOMPARE(w->store()->timelineEntry(edited)->text, u"heartbeat 0 — first one after the restart"_s);
        QCOMPARE(w->store()->timelineRevisions(edited)->size(), 1);
        // Its History says who changed it last and when, as the entry itself records it.
        QCOMPARE(w->store()->timelineEntry(edited)->editedAt, w->store()->timelineRevisions(edited)->first().revisedAt);
        view->selectRow(0);
        QString lastChanged;
        int historyRows = -1;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->objectName() == u"entryHistoryDialog"_s);
            if (auto *label = dialog->findChild<QLabel *>(u"entryLastChanged"_s)) {
                lastChanged = label->text();
            }
            historyRows = dialog->findChild<QTableWidget *>(u"entryHistoryTable"_s)->rowCount();
            dialog->reject();
        });
        panel->showHistoryOfSelected();
        QCOMPARE(historyRows, 1);
        QVERIFY2(lastChanged.startsWith(u"Last changed "_s), qPrintable(lastChanged));
        const QString editor = w->store()->timelineEntry(edited)->editedBy;
        QVERIFY2(lastChanged.endsWith(editor.isEmpty() ? u"by (no name)"_s : u"by "_s + editor), qPrintable(lastChanged));

        // Search: typing filters the view to the matches after a short pause.
        auto *search = window.findChild<QLineEdit *>(u"timelineSearchEdit"_s);
        QTest::keyClicks(search, u"restart"_s);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(window.findChild<QLabel *>(u"timelineMatches"_s)->text(), u"1 entry matches"_s);
        search->clear();
        QTRY_COMPARE(view->model()->rowCount(), lines + 1);
        Clock::setSource([this] { return m_now; });
    }

    // A draft being typed is in the file within a second: kill the console after a second, and it is there.
    void draftSurvivesAKill()
    {
        const QString path = freshPath();
        {
            Workspace w;
            QVERIFY(w.open(path).ok());
            QVERIFY(w.declareIncident(u"Crash test"_s, Severity::Sev1).ok());
        }
        QProcess child;
        const QByteArray said = runChildUntil(child, {u"--compose-and-wait"_s, path, u"We are rolling back — שלום"_s}, "typed");
        QVERIFY2(said.contains("typed"), said.constData());
        QTest::qWait(1000); // the promise: nothing typed more than a second before the crash is lost
        child.kill();
        QVERIFY(child.waitForFinished());
        Workspace w;
        QVERIFY(w.open(path).ok());
        QCOMPARE(w.store()->draft(1, StatusUpdate::Audience::Customer).value(), u"We are rolling back — שלום"_s);
    }

    // Pressing Enter commits at once: kill the console right after, and the entry is in the file.
    void entrySurvivesAKill()
    {
        const QString path = freshPath();
        {
            Workspace w;
            QVERIFY(w.open(path).ok());
            QVERIFY(w.declareIncident(u"Crash test"_s, Severity::Sev2).ok());
        }
        QProcess child;
        const QByteArray said = runChildUntil(child, {u"--type-and-wait"_s, path, u"Rolled back — שלום 🔥"_s}, "entered");
        QVERIFY2(said.contains("entered"), said.constData());
        child.kill(); // SIGKILL: no shutdown, no chance to save anything more
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        Workspace w;
        QVERIFY(w.open(path).ok()); // the killed process's lock is stale and taken over
        const auto entries = w.store()->timeline(1).value();
        QCOMPARE(entries.size(), 2);
        const auto typed = std::find_if(entries.begin(), entries.end(),
                                        [](const TimelineEntry &e) { return e.source == TimelineEntry::Source::Manual; });
        QVERIFY(typed != entries.end());
        QCOMPARE(typed->text, u"Rolled back — שלום 🔥"_s);
    }
};

// The child of entrySurvivesAKill: the real window types an entry, presses Enter, says so, and waits to be killed.
static int typeAndWait(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::applyIdentity();
    MainWindow window;
    window.show();
    if (!window.openFile(QString::fromLocal8Bit(argv[2]))) {
        return 2;
    }
    window.selectIncident(1);
    auto *entry = window.findChild<QLineEdit *>(u"timelineEntryEdit"_s);
    if (!entry || !entry->isEnabled()) {
        return 3;
    }
    entry->setText(QString::fromLocal8Bit(argv[3]));
    QTest::keyClick(entry, Qt::Key_Return);
    if (!entry->text().isEmpty()) { // not taken: say why
        auto *problem = window.findChild<QLabel *>(u"timelineProblem"_s);
        std::cout << "refused: " << (problem ? problem->text().toStdString() : std::string()) << std::endl;
        return 4;
    }
    std::cout << "entered" << std::endl;
    return app.exec();
}

// The child of draftSurvivesAKill: the real composer, typed into, then left to be killed.
static int composeAndWait(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::applyIdentity();
    MainWindow window;
    window.show();
    if (!window.openFile(QString::fromLocal8Bit(argv[2]))) {
        return 2;
    }
    window.selectIncident(1);
    auto *button = window.findChild<QPushButton *>(u"composeCustomerButton"_s);
    if (!button || !button->isEnabled()) {
        return 3;
    }
    button->click();
    auto *draft = window.findChild<QPlainTextEdit *>(u"composerDraft"_s);
    if (!draft) {
        return 4;
    }
    draft->selectAll(); // over what the template filled in
    draft->insertPlainText(QString::fromUtf8(argv[3])); // as typing does: a change the composer saves by itself
    std::cout << "typed" << std::endl;
    return app.exec();
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--compose-and-wait") == 0) {
        return composeAndWait(argc, argv);
    }
    if (argc == 4 && qstrcmp(argv[1], "--type-and-wait") == 0) {
        return typeAndWait(argc, argv);
    }
    QApplication app(argc, argv);
    TestTimeline test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timeline.moc"
