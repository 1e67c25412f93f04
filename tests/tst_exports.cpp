#include "ByteBuffer.h"
#include "Clock.h"
#include "DocumentPages.h"
#include "IncidentExporter.h"
#include "IncidentStore.h"
#include "JsonExchange.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), QTimeZone::utc());
}

const QString kGoldenDir = QStringLiteral(IC_SOURCE_DIR "/tests/data/exports/");

// One resolved SEV-1 with everything a postmortem shows, and a second incident that an incident export must leave out.
struct Fixture
{
    qint64 incident = 0;
    qint64 other = 0;
};

void populate(IncidentStore &store, Fixture &f)
{
    Incident i;
    i.title = QStringLiteral("Login failures <script>alert(1)</script>");
    i.summary = QStringLiteral("Players could not log in; the auth service rejected valid tokens.");
    i.impact = QStringLiteral("About 40% of EU logins failed for 52 minutes.");
    i.severity = Severity::Sev1;
    i.stage = Stage::Review;
    i.declaredAt = at(28, 14, 0);
    i.detectedAt = at(28, 13, 55);
    i.mitigatedAt = at(28, 14, 40);
    i.resolvedAt = at(28, 14, 52);
    i.postmortemDueAt = at(30, 14, 52);
    f.incident = store.insertIncident(i).value();
    Incident other;
    other.title = QStringLiteral("Avatar uploads slow");
    other.severity = Severity::Sev3;
    other.declaredAt = at(28, 16, 0);
    f.other = store.insertIncident(other).value();

    SeverityChange declared;
    declared.incidentId = f.incident;
    declared.changedAt = at(28, 14, 0);
    declared.severity = Severity::Sev2;
    declared.origin = SeverityChange::Origin::Declared;
    declared.reason = QStringLiteral("Declared");
    declared.author = QStringLiteral("dana");
    QVERIFY(store.insertSeverityChange(declared).ok());
    SeverityChange raised = declared;
    raised.changedAt = at(28, 14, 10);
    raised.severity = Severity::Sev1;
    raised.origin = SeverityChange::Origin::Manual;
    raised.reason = QStringLiteral("All EU regions affected");
    QVERIFY(store.insertSeverityChange(raised).ok());

    const qint64 dana = store.insertPerson({0, QStringLiteral("Dana Ortiz"), QStringLiteral("@dana"), QStringLiteral("dana@example.test")}).value();
    const qint64 lee = store.insertPerson({0, QStringLiteral("Lee Chen"), QStringLiteral("@lee"), QString()}).value();
    store.insertPerson({0, QStringLiteral("Unrelated Person"), QStringLiteral("@nobody"), QStringLiteral("+1 555 0100")}).value();
    RoleAssignment ic;
    ic.incidentId = f.incident;
    ic.roleId = Role::IncidentCommander;
    ic.personId = dana;
    ic.assumedAt = at(28, 14, 1);
    ic.releasedAt = at(28, 14, 30);
    QVERIFY(store.insertAssignment(ic).ok());
    ic.personId = lee;
    ic.assumedAt = at(28, 14, 30);
    ic.releasedAt = {};
    QVERIFY(store.insertAssignment(ic).ok());

    auto entry = [&](QDateTime when, TimelineEntry::Kind kind, const QString &text, bool key = false) {
        TimelineEntry e;
        e.incidentId = f.incident;
        e.occurredAt = when;
        e.recordedAt = when;
        e.kind = kind;
        e.author = QStringLiteral("dana");
        e.text = text;
        e.keyMoment = key;
        return store.insertTimelineEntry(e).value();
    };
    entry(at(28, 13, 55), TimelineEntry::Kind::Detection, QStringLiteral("AuthFailureRate fired"), true);
    entry(at(28, 14, 5), TimelineEntry::Kind::Triage, QStringLiteral("=HYPERLINK(\"http://evil.test\",\"click\")"));
    entry(at(28, 14, 6), TimelineEntry::Kind::Note, QStringLiteral("+1 from ops, -2 from qa, @channel"));
    entry(at(28, 14, 7), TimelineEntry::Kind::Note, QStringLiteral("Cells with a comma, a \"quote\" | a pipe and *stars*\nand a second line"));
    entry(at(28, 14, 20), TimelineEntry::Kind::Action, QStringLiteral("Rolled back auth-svc to 4.2.1 <b>bold?</b>"), true);
    const qint64 deleted = entry(at(28, 14, 21), TimelineEntry::Kind::Note, QStringLiteral("typo entry"));
    TimelineEntry gone = store.timelineEntry(deleted).value();
    gone.deletedAt = at(28, 14, 22);
    QVERIFY(store.updateTimelineEntry(gone).ok());
    entry(at(28, 14, 52), TimelineEntry::Kind::Decision, QStringLiteral("Resolved; RTL שלום and emoji 🔥 kept"), true);

    ActionItem a;
    a.incidentId = f.incident;
    a.title = QStringLiteral("Alert on certificate expiry");
    a.ownerId = lee;
    a.dueAt = at(30, 12, 0);
    a.createdAt = at(28, 15, 0);
    QVERIFY(store.insertActionItem(a).ok());
    a.title = QStringLiteral("=cmd|' /C calc'!A0");
    a.ownerId = 0;
    a.dueAt = {};
    a.state = ActionItem::State::Done;
    QVERIFY(store.insertActionItem(a).ok());

    QVERIFY(store.savePostmortem({f.incident, QStringLiteral("An expired intermediate certificate.\n\n- the renewal job failed silently"),
                                  QStringLiteral("Rollback was fast."), QStringLiteral("No alert on expiry."), {}, at(29, 9, 0)})
                .ok());
}

QByteArray exported(const IncidentStore &store, ExportFormat format, std::optional<qint64> incident,
                    const QTimeZone &zone = QTimeZone::utc())
{
    ExportRequest request;
    request.format = format;
    request.incidentId = incident;
    request.zone = zone;
    request.nowUtc = at(29, 10, 0);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status s = IncidentExporter::exportToDevice(store, request, buffer);
    if (!s) {
        qWarning() << s.error();
    }
    return buffer.data();
}

// Compares with the golden file; IC_UPDATE_GOLDEN=1 rewrites it (then read the diff before committing it).
void compareGolden(const QByteArray &actual, const QString &name)
{
    const QString path = kGoldenDir + name;
    if (qEnvironmentVariableIntValue("IC_UPDATE_GOLDEN") == 1) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual);
    }
    QFile golden(path);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray expected = golden.readAll();
    if (actual != expected) {
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (qsizetype n = 0; n < std::max(a.size(), e.size()); ++n) {
            if (a.value(n) != e.value(n)) {
                QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  got:      %3\n  expected: %4")
                                     .arg(name)
                                     .arg(n + 1)
                                     .arg(QString::fromUtf8(a.value(n)), QString::fromUtf8(e.value(n)))));
            }
        }
    }
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        return QStringLiteral("pdftotext failed: ") + QString::fromUtf8(p.readAllStandardError());
    }
    // The PDF sets "fi", "ff" and "fl" as ligatures; read them back as letters.
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB01), QLatin1String("fi"))
        .replace(QChar(0xFB00), QLatin1String("ff"))
        .replace(QChar(0xFB02), QLatin1String("fl"));
}

QString cli()
{
    return QStringLiteral(IC_CLI_PATH);
}
} // namespace

class TestExports final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    IncidentStore m_store;
    Fixture m_fixture;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([] { return at(29, 10, 0); });
        m_path = m_dir.filePath(QStringLiteral("incidents.sqlite"));
        QVERIFY(m_store.open(m_path).ok());
        populate(m_store, m_fixture);
    }

    void cleanupTestCase() { Clock::setSource({}); }

    void markdownHtmlAndCsvMatchTheirGoldenFiles()
    {
        compareGolden(exported(m_store, ExportFormat::Markdown, m_fixture.incident), QStringLiteral("incident.md"));
        compareGolden(exported(m_store, ExportFormat::Html, m_fixture.incident), QStringLiteral("incident.html"));
        compareGolden(exported(m_store, ExportFormat::CsvTimeline, m_fixture.incident), QStringLiteral("timeline.csv"));
        compareGolden(exported(m_store, ExportFormat::CsvActionItems, m_fixture.incident), QStringLiteral("action-items.csv"));
    }

    void postmortemCarriesWhatTheTeamWroteAndTheHistory()
    {
        const QString md = QString::fromUtf8(exported(m_store, ExportFormat::Markdown, m_fixture.incident));
        QVERIFY(md.contains(u"## Root cause\nAn expired intermediate certificate.\n\n- the renewal job failed silently"));
        QVERIFY(md.contains(u"- Time in SEV-2: 10 min"));
        QVERIFY(md.contains(u"- Time in SEV-1: 42 min"));
        QVERIFY(md.contains(u"- Incident Commander: Dana Ortiz, 2026-11-28 14:01 UTC until 2026-11-28 14:30 UTC"));
        // Held to the end of a resolved incident: until its resolution, not "to now" on a document read days later.
        QVERIFY(md.contains(u"- Incident Commander: Lee Chen, 2026-11-28 14:30 UTC until resolved at 2026-11-28 14:52 UTC"));
        QVERIFY(md.contains(u"Alert on certificate expiry (owner: Lee Chen"));
        QVERIFY2(!md.contains(u"typo entry"), "deleted entries stay out of the export");
        QVERIFY2(!md.contains(u"Avatar uploads"), "an incident export holds that incident only");
    }

    void csvCellsThatASpreadsheetWouldRunAreText()
    {
        const QByteArray csv = exported(m_store, ExportFormat::CsvTimeline, m_fixture.incident);
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\""));
        QVERIFY(csv.contains(",\"'+1 from ops, -2 from qa, @channel\","));
        QVERIFY(csv.contains("\"Cells with a comma, a \"\"quote\"\" | a pipe and *stars*\nand a second line\""));
        const QByteArray actions = exported(m_store, ExportFormat::CsvActionItems, m_fixture.incident);
        QVERIFY(actions.contains("\"'=cmd|' /C calc'!A0\""));
        for (const QByteArray &line : csv.split('\n')) {
            for (const QByteArray &cell : line.split(',')) {
                QVERIFY2(!cell.startsWith('=') && !cell.startsWith('+') && !cell.startsWith('@'), cell.constData());
            }
        }
    }

    void htmlEscapesEveryUserText()
    {
        const QByteArray html = exported(m_store, ExportFormat::Html, m_fixture.incident);
        QVERIFY(!html.contains("<script>"));
        QVERIFY(!html.contains("<b>bold?</b>"));
        QVERIFY(html.contains("&lt;b&gt;bold?&lt;/b&gt;"));
        QVERIFY(html.contains("<title>INC-1 Login failures &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        QVERIFY(html.contains("שלום"));
    }

    void timesFollowTheChosenZone()
    {
        const QTimeZone berlin("Europe/Berlin");
        QVERIFY(berlin.isValid());
        const QByteArray csv = exported(m_store, ExportFormat::CsvTimeline, m_fixture.incident, berlin);
        QVERIFY(csv.contains("INC-1,2026-11-28T14:55:00+01:00,detection"));
        // Summer time is a different offset in the same zone.
        TimelineEntry summer;
        summer.incidentId = m_fixture.other;
        summer.occurredAt = QDateTime(QDate(2026, 7, 1), QTime(12, 0), QTimeZone::utc());
        summer.recordedAt = summer.occurredAt;
        summer.text = QStringLiteral("summer");
        QVERIFY(m_store.insertTimelineEntry(summer).ok());
        const QByteArray all = exported(m_store, ExportFormat::CsvTimeline, std::nullopt, berlin);
        QVERIFY(all.contains("INC-2,2026-07-01T14:00:00+02:00,note"));
        QVERIFY(all.contains("INC-1,2026-11-28T14:55:00+01:00,detection"));
        const QByteArray md = exported(m_store, ExportFormat::Markdown, m_fixture.incident, berlin);
        QVERIFY(md.contains("Times in Europe/Berlin"));
        QVERIFY(md.contains("- **Declared:** 2026-11-28 15:00 CET;"));
    }

    void jsonRoundTripsThroughAnotherFile()
    {
        const QString out = m_dir.filePath(QStringLiteral("incident.json"));
        ExportRequest request;
        request.format = ExportFormat::Json;
        request.incidentId = m_fixture.incident;
        QVERIFY(IncidentExporter::exportToFile(m_store, request, out).ok());
        IncidentStore copy;
        QVERIFY(copy.open(m_dir.filePath(QStringLiteral("copy.sqlite"))).ok());
        const auto summary = JsonExchange::importFile(copy, out);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->incidentIds.size(), 1);
        const qint64 id = summary->incidentIds.first();
        QCOMPARE(copy.postmortem(id)->rootCause, m_store.postmortem(m_fixture.incident)->rootCause);
        // The copy's Markdown is the original's: nothing the postmortem shows was lost on the way.
        QCOMPARE(exported(copy, ExportFormat::Markdown, id), exported(m_store, ExportFormat::Markdown, m_fixture.incident));
    }

    void pdfOpensAndHasTheTextWithPageNumbers()
    {
        const QString out = m_dir.filePath(QStringLiteral("incident.pdf"));
        ExportRequest request;
        request.format = ExportFormat::Pdf;
        request.incidentId = m_fixture.incident;
        request.nowUtc = at(29, 10, 0);
        QVERIFY(IncidentExporter::exportToFile(m_store, request, out).ok());
        const QString text = pdfText(out).simplified(); // lines wrap where the page ends them
        QVERIFY2(text.contains(u"Postmortem: INC-1 Login failures <script>alert(1)</script>"), qPrintable(text.left(400)));
        QVERIFY2(text.contains(u"An expired intermediate certificate."), qPrintable(text));
        QVERIFY(text.contains(u"Rolled back auth-svc to 4.2.1 <b>bold?</b>"));
        QVERIFY(text.contains(u"Page 1 of"));
        // The full timeline's times read as people read them, not as the stored ISO text.
        QVERIFY2(text.contains(u"2026-11-28 13:55:00 UTC"), qPrintable(text));
        QVERIFY(!text.contains(u"T13:55:00"));
    }

    void aPdfHeadingStaysWithTheTextUnderIt()
    {
        // Headings placed at every height of a page: wherever one would end a page, it moves to the next with its
        // text. Without the rule some of them are left alone at the foot of a page, so the check can fail.
        const qreal pageHeight = 400;
        int orphansWithoutTheRule = 0;
        for (int filler = 0; filler < 40; ++filler) {
            for (const bool rule : {false, true}) {
                QTextDocument doc;
                doc.setPageSize(QSizeF(300, pageHeight));
                QTextCursor cursor(&doc);
                for (int n = 0; n < filler; ++n) {
                    cursor.insertText(QStringLiteral("line %1").arg(n));
                    cursor.insertBlock();
                }
                QTextBlockFormat heading;
                heading.setHeadingLevel(2);
                QTextCharFormat big;
                big.setFontPointSize(16);
                cursor.setBlockFormat(heading);
                cursor.insertText(QStringLiteral("Full timeline"), big);
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
                cursor.insertText(QStringLiteral("the first entry, under its heading"));
                if (rule) {
                    DocumentPages::keepHeadingsWithNext(doc, pageHeight);
                }
                QTextBlock headingBlock = doc.begin();
                while (headingBlock.blockFormat().headingLevel() == 0) {
                    headingBlock = headingBlock.next();
                }
                const bool together = DocumentPages::pageOfFirstLine(doc, headingBlock, pageHeight) ==
                                      DocumentPages::pageOfFirstLine(doc, headingBlock.next(), pageHeight);
                if (rule) {
                    QVERIFY2(together, qPrintable(QStringLiteral("heading after %1 lines").arg(filler)));
                } else if (!together) {
                    ++orphansWithoutTheRule;
                }
            }
        }
        QVERIFY(orphansWithoutTheRule > 0);
    }

    void aLongPdfHasEveryPageNumbered()
    {
        IncidentStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("long.sqlite"))).ok());
        Incident i;
        i.title = QStringLiteral("Long timeline");
        i.declaredAt = at(28, 0, 0);
        const qint64 id = store.insertIncident(i).value();
        QList<TimelineEntry> entries;
        for (int n = 0; n < 600; ++n) {
            TimelineEntry e;
            e.incidentId = id;
            e.occurredAt = at(28, 0, 0).addSecs(n * 30);
            e.recordedAt = e.occurredAt;
            e.text = QStringLiteral("entry number %1").arg(n);
            entries.append(e);
        }
        QVERIFY(store.insertTimelineEntries(entries).ok());
        const QString out = m_dir.filePath(QStringLiteral("long.pdf"));
        ExportRequest request;
        request.format = ExportFormat::Pdf;
        request.incidentId = id;
        QVERIFY(IncidentExporter::exportToFile(store, request, out).ok());
        const QString text = pdfText(out);
        QVERIFY(text.contains(u"entry number 599"));
        const qsizetype pages = text.count(u'\f');
        QVERIFY2(pages >= 5, qPrintable(QString::number(pages)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    }

    void aStoppedExportLeavesTheOldFileAsItWas()
    {
        // A bigger timeline, so the export reports progress several times before it ends.
        IncidentStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("big.sqlite"))).ok());
        Incident i;
        i.title = QStringLiteral("Big");
        i.declaredAt = at(28, 0, 0);
        const qint64 id = store.insertIncident(i).value();
        QList<TimelineEntry> entries;
        for (int n = 0; n < 30000; ++n) {
            TimelineEntry e;
            e.incidentId = id;
            e.occurredAt = at(28, 0, 0).addSecs(n);
            e.recordedAt = e.occurredAt;
            e.text = QStringLiteral("line %1 with enough words to take some room in the file").arg(n);
            entries.append(e);
        }
        QVERIFY(store.insertTimelineEntries(entries).ok());
        QTemporaryDir folder;
        const QString out = folder.filePath(QStringLiteral("timeline.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export\n");
        old.close();

        for (ExportFormat format : {ExportFormat::CsvTimeline, ExportFormat::Markdown, ExportFormat::Html, ExportFormat::Pdf,
                                    ExportFormat::Json}) {
            ExportRequest request;
            request.format = format;
            request.incidentId = id;
            int calls = 0;
            // Fails half way, as a full disk or a cancel would.
            const Status s = IncidentExporter::exportToFile(store, request, out, [&](qint64 done, qint64 total) {
                ++calls;
                return done < total / 2;
            });
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(u"stopped"), qPrintable(s.error()));
            QVERIFY(calls >= (format == ExportFormat::Json ? 1 : 2)); // JSON reports rows only, without a total
            QFile check(out);
            QVERIFY(check.open(QIODevice::ReadOnly));
            QCOMPARE(check.readAll(), QByteArray("the previous export\n"));
            QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{QStringLiteral("timeline.csv")});
        }
        // Finished, it replaces the old file whole.
        ExportRequest request;
        request.format = ExportFormat::CsvTimeline;
        request.incidentId = id;
        qint64 last = 0;
        QVERIFY(IncidentExporter::exportToFile(store, request, out, [&](qint64 done, qint64) {
                    last = done;
                    return true;
                }).ok());
        QFile check(out);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll().count('\n'), 30001);
        QCOMPARE(last, 30001);
    }

    void aStopAfterTheLastRowsIsStillHeard()
    {
        // A small file: JSON reports progress every 4,096 rows, so only the check before the commit hears the stop.
        QTemporaryDir folder;
        const QString out = folder.filePath(u"small.json"_s);
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();
        for (ExportFormat format : {ExportFormat::Json, ExportFormat::CsvActionItems, ExportFormat::Sqlite}) {
            ExportRequest request;
            request.format = format;
            request.incidentId = m_fixture.incident;
            const Status s = IncidentExporter::exportToFile(m_store, request, out, [](qint64, qint64) { return false; });
            QVERIFY(!s.ok());
            QVERIFY2(s.error().startsWith(u"The export was stopped"), qPrintable(s.error()));
            QFile check(out);
            QVERIFY(check.open(QIODevice::ReadOnly));
            QCOMPARE(check.readAll(), QByteArray("previous"));
        }
    }

    void theOpenIncidentFileIsNeverReplaced()
    {
        for (ExportFormat format : {ExportFormat::CsvTimeline, ExportFormat::Sqlite, ExportFormat::Json}) {
            ExportRequest request;
            request.format = format;
            for (const QString &target : {m_path, QString(m_path + u"-wal"_s)}) {
                const Status s = IncidentExporter::exportToFile(m_store, request, target);
                QVERIFY(!s.ok());
                QVERIFY2(s.error().contains(u"is the incident file that is open"), qPrintable(s.error()));
            }
        }
        QVERIFY(m_store.incident(m_fixture.incident).ok());
        QCOMPARE(TestSupport::rawQuery(m_path, {u"PRAGMA quick_check"_s}).toString(), u"ok"_s);
    }

    void teamMarkdownCannotCarryScriptLinksOrImages()
    {
        Postmortem p = m_store.postmortem(m_fixture.incident).value();
        const Postmortem before = p;
        p.wentWell = u"[click](javascript:alert(1)) and [docs](https://example.test/runbook) ![x](http://tracker.test/p.png)"_s;
        QVERIFY(m_store.savePostmortem(p).ok());
        const QByteArray html = exported(m_store, ExportFormat::Html, m_fixture.incident);
        QVERIFY(!html.contains("javascript:"));
        QVERIFY(html.contains("href=\"https://example.test/runbook\""));
        QVERIFY(!html.contains("<img"));
        QVERIFY(html.contains("[image: http://tracker.test/p.png]"));
        QVERIFY(m_store.savePostmortem(before).ok());
    }

    void csvQuotesCellsASemicolonLocaleWouldSplit()
    {
        ByteBuffer out;
        IncidentExporter::appendCsvCell(out, "ok;=HYPERLINK(\"http://x\")");
        QCOMPARE(out.toByteArray(), QByteArray("\"ok;=HYPERLINK(\"\"http://x\"\")\""));
        out.clear();
        IncidentExporter::appendCsvCell(out, "plain words");
        QCOMPARE(out.toByteArray(), QByteArray("plain words"));
    }

    void anUnwritablePlaceIsNamed()
    {
        ExportRequest request;
        request.format = ExportFormat::Markdown;
        const QString out = m_dir.filePath(QStringLiteral("no-such-folder/export.md"));
        const Status s = IncidentExporter::exportToFile(m_store, request, out);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(u"no-such-folder"), qPrintable(s.error()));
    }

    void sqliteCopyOfOneIncidentHoldsOnlyIt()
    {
        const QString whole = m_dir.filePath(QStringLiteral("whole-copy.sqlite"));
        const QString one = m_dir.filePath(QStringLiteral("one-copy.sqlite"));
        ExportRequest request;
        request.format = ExportFormat::Sqlite;
        QVERIFY(IncidentExporter::exportToFile(m_store, request, whole).ok());
        request.incidentId = m_fixture.incident;
        QVERIFY(IncidentExporter::exportToFile(m_store, request, one).ok());
        using TestSupport::rawQuery;
        QCOMPARE(rawQuery(whole, {QStringLiteral("SELECT count(*) FROM incidents")}).toInt(), 2);
        QCOMPARE(rawQuery(one, {QStringLiteral("SELECT group_concat(id) FROM incidents")}).toString(),
                 QString::number(m_fixture.incident));
        QCOMPARE(rawQuery(one, {QStringLiteral("SELECT count(*) FROM timeline_entries")}).toInt(),
                 rawQuery(m_path, {QStringLiteral("SELECT count(*) FROM timeline_entries WHERE incident_id = %1").arg(m_fixture.incident)}).toInt());
        QCOMPARE(rawQuery(one, {QStringLiteral("SELECT count(*) FROM people WHERE name = 'Unrelated Person'")}).toInt(), 0);
        QCOMPARE(rawQuery(one, {QStringLiteral("SELECT count(*) FROM postmortems")}).toInt(), 1);
        QCOMPARE(rawQuery(one, {QStringLiteral("PRAGMA integrity_check")}).toString(), QStringLiteral("ok"));
        // The copy opens as an incident file.
        IncidentStore copy;
        QVERIFY(copy.open(one).ok());
        QCOMPARE(copy.incident(m_fixture.incident)->title, m_store.incident(m_fixture.incident)->title);
    }

    void theCommandLineExportsEveryFormat()
    {
        const QString db = m_path;
        auto run = [&](const QStringList &args, QByteArray *out = nullptr) {
            QProcess p;
            p.start(cli(), QStringList{QStringLiteral("--db"), db} + args);
            p.waitForFinished(60000);
            if (out) {
                *out = p.readAllStandardOutput();
            }
            if (p.exitCode() != 0) {
                qWarning() << args << p.readAllStandardError();
            }
            return p.exitCode();
        };
        QByteArray out;
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--table"),
                      QStringLiteral("action-items"), QStringLiteral("--incident"), QString::number(m_fixture.incident)},
                     &out),
                 0);
        QCOMPARE(out, exported(m_store, ExportFormat::CsvActionItems, m_fixture.incident));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("markdown"), QStringLiteral("--zone"),
                      QStringLiteral("Europe/Berlin")},
                     &out),
                 0);
        QVERIFY(out.contains("Times in Europe/Berlin"));
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--incident"),
                      QString::number(m_fixture.incident), QStringLiteral("-o"), pdf}),
                 0);
        QVERIFY(pdfText(pdf).contains(u"Rolled back auth-svc"));
        const QString copy = m_dir.filePath(QStringLiteral("cli.sqlite"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("sqlite"), QStringLiteral("-o"), copy}), 0);
        QCOMPARE(TestSupport::rawQuery(copy, {QStringLiteral("SELECT count(*) FROM incidents")}).toInt(), 2);
        // Wrong use is a usage error (2), with the reason.
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("sqlite")}), 2);
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("docx")}), 2);
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--zone"), QStringLiteral("Mars/Olympus")}), 2);
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--incident"), QStringLiteral("999")}), 1);
    }
};

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
