#include "ImportJob.h"
#include "IncidentExporter.h"
#include "IncidentStore.h"
#include "JsonExchange.h"
#include "TestSupport.h"
#include "UntrustedText.h"
#include "Workspace.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using TestSupport::fileHash;
using TestSupport::rawQuery;

// Files from elsewhere and bad luck: a crafted incident file runs nothing and is refused untouched, a one-incident
// copy holds nothing else, values that are not what they claim are escaped, an abandoned lock or a read-only
// folder locks no one out, and a full disk never reports success.
class TestUntrusted final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    struct Cli
    {
        int code;
        QString out;
        QString err;
    };

    static Cli cli(const QStringList &arguments, const QString &standardOutput = {})
    {
        QProcess p;
        if (!standardOutput.isEmpty()) {
            p.setStandardOutputFile(standardOutput);
        }
        p.start(QStringLiteral(IC_CLI_PATH), arguments);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {-2, {}, u"timed out"_s};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // A good file with two incidents; the second one's words must never leave with the first.
    QString goodFile(qint64 *first = nullptr)
    {
        const QString path = m_dir.filePath(u"file-%1.sqlite"_s.arg(++m_files));
        Workspace w;
        w.setAuthor(u"dana"_s);
        if (!w.open(path).ok()) {
            return {};
        }
        const qint64 one = w.declareIncident(u"Auth outage"_s, Severity::Sev2, u"Logins fail"_s).value();
        (void)w.addTimelineEntry(one, u"Rolled back auth to 3.8.0"_s, TimelineEntry::Kind::Action);
        (void)w.assignRole(one, 1, u"Dana Commander"_s);
        const qint64 two = w.declareIncident(u"SECRET-OTHER-TITLE"_s, Severity::Sev3).value();
        (void)w.addTimelineEntry(two, u"SECRET-OTHER-ENTRY"_s, TimelineEntry::Kind::Note);
        (void)w.assignRole(two, 3, u"SECRET-OTHER-PERSON"_s);
        w.close();
        if (first) {
            *first = one;
        }
        return path;
    }

    // A tmpfs of its own (root only); empty when this machine will not mount one.
    QString mountTmpfs(const QString &name, int kib)
    {
        const QString where = m_dir.filePath(name);
        QDir().mkpath(where);
        const QByteArray options = "size=" + QByteArray::number(kib) + "k";
        if (::mount("tmpfs", QFile::encodeName(where).constData(), "tmpfs", 0, options.constData()) != 0) {
            return {};
        }
        m_mounts.append(where);
        return where;
    }
    static bool remountReadOnly(const QString &where)
    {
        return ::mount("tmpfs", QFile::encodeName(where).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }
    QStringList m_mounts;

private slots:
    void cleanupTestCase()
    {
        for (const QString &where : std::as_const(m_mounts)) {
            ::umount2(QFile::encodeName(where).constData(), MNT_DETACH);
        }
    }

    void craftedFilesAreRefusedUntouched_data()
    {
        QTest::addColumn<QStringList>("tricks");
        QTest::addColumn<QString>("named");
        QTest::newRow("a trigger rewriting typed entries")
            << QStringList{u"CREATE TRIGGER rewrite AFTER INSERT ON timeline_entries BEGIN UPDATE timeline_entries "
                           u"SET text = 'All fine, no action needed' WHERE id = new.id; END"_s}
            << u"a trigger \"rewrite\" on timeline_entries"_s;
        QTest::newRow("a trigger on the alert archive")
            << QStringList{u"CREATE TRIGGER archived AFTER INSERT ON alert_archive BEGIN DELETE FROM incidents; END"_s}
            << u"a trigger \"archived\" on alert_archive"_s;
        QTest::newRow("an endless view in a table's place")
            << QStringList{u"DROP TABLE action_items"_s,
                           u"CREATE VIEW action_items AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                           u"SELECT n AS id FROM r"_s}
            << u"a view \"action_items\""_s;
        QTest::newRow("a delete trigger keeping other incidents")
            << QStringList{u"CREATE TRIGGER keep BEFORE DELETE ON incidents BEGIN SELECT RAISE(IGNORE); END"_s}
            << u"a trigger \"keep\" on incidents"_s;
        QTest::newRow("a table without ON DELETE CASCADE")
            << QStringList{u"DROP TABLE postmortems"_s,
                           u"CREATE TABLE postmortems (id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL UNIQUE "
                           u"REFERENCES incidents (id), root_cause TEXT NOT NULL DEFAULT '', went_well TEXT NOT NULL "
                           u"DEFAULT '', went_badly TEXT NOT NULL DEFAULT '', published_at TEXT, updated_at TEXT NOT NULL)"_s}
            << u"a table \"postmortems\" defined otherwise"_s;
        QTest::newRow("a table of someone else's") << QStringList{u"CREATE TABLE payload (x)"_s}
                                                    << u"a table \"payload\" that Incident Console does not make"_s;
        QTest::newRow("an index over a function")
            << QStringList{u"CREATE INDEX shout ON incidents (upper(title))"_s} << u"an index \"shout\" on incidents"_s;
        QTest::newRow("the search index reading another table")
            << QStringList{u"DROP TABLE timeline_search"_s,
                           u"CREATE VIRTUAL TABLE timeline_search USING fts5 (text, content = 'people', "
                           u"content_rowid = 'id')"_s}
            << u"a table \"timeline_search\" defined otherwise"_s;
        QTest::newRow("a virtual table of someone else's")
            << QStringList{u"CREATE /* not at the start */ VIRTUAL TABLE notes USING fts5 (x)"_s}
            << u"a table \"notes\" that Incident Console does not make"_s;
        QTest::newRow("a missing table") << QStringList{u"DROP TABLE alert_acks"_s}
                                         << u"a table \"alert_acks\" is missing"_s;
    }

    void craftedFilesAreRefusedUntouched()
    {
        QFETCH(QStringList, tricks);
        QFETCH(QString, named);
        const QString path = goodFile();
        QVERIFY(!path.isEmpty());
        rawQuery(path, tricks);
        QVERIFY(rawQuery(path, {u"PRAGMA quick_check"_s}).toString() == u"ok"_s); // a healthy file, only not ours
        const QByteArray before = fileHash(path);

        for (const auto access : {IncidentStore::Access::ReadWrite, IncidentStore::Access::ReadOnly}) {
            IncidentStore store;
            const Status s = store.open(path, access);
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(named), qPrintable(s.error()));
            QVERIFY2(s.error().contains(u"left untouched"_s), qPrintable(s.error()));
            QVERIFY(store.lastBackupPath().isEmpty());
        }
        // The command line stops at once with the same reason, whatever the file's view would do.
        QElapsedTimer clock;
        clock.start();
        const Cli list = cli({u"--db"_s, path, u"list"_s});
        QCOMPARE(list.code, 1);
        QVERIFY2(list.err.contains(named), qPrintable(list.err));
        QCOMPARE(list.err.count(u'\n'), 1);
        const Cli add = cli({u"--db"_s, path, u"timeline"_s, u"add"_s, u"--incident"_s, u"1"_s, u"--text"_s, u"x"_s});
        QCOMPARE(add.code, 1);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
    }

    void aTriggerCannotRunEvenOnAConnectionOfOurs()
    {
        // Belt and braces: were a trigger ever to get into a file, our connections do not run it.
        const QString path = goodFile();
        IncidentStore store;
        QVERIFY(store.open(path).ok());
        QSqlQuery q = store.prepare(u"CREATE TRIGGER t AFTER INSERT ON timeline_entries BEGIN "
                                    u"UPDATE timeline_entries SET text = 'rewritten' WHERE id = new.id; END"_s);
        QVERIFY(q.exec());
        TimelineEntry e;
        e.incidentId = 1;
        e.occurredAt = e.recordedAt = QDateTime::currentDateTimeUtc();
        e.text = u"Rolled back auth to 3.8.0"_s;
        const qint64 id = store.insertTimelineEntry(e).value();
        QCOMPARE(store.timelineEntry(id)->text, e.text);
        // The search index follows the entries without any trigger.
        QCOMPARE(store.searchTimeline(u"rolled back"_s, 1)->size(), 2);
    }

    void aOneIncidentCopyCannotCarryAnotherIncident()
    {
        qint64 first = 0;
        const QString path = goodFile(&first);
        IncidentStore store;
        QVERIFY(store.open(path, IncidentStore::Access::ReadOnly).ok());
        const QString copy = m_dir.filePath(u"one-incident.sqlite"_s);
        ExportRequest request;
        request.format = ExportFormat::Sqlite;
        request.incidentId = first;
        QVERIFY(IncidentExporter::exportToFile(store, request, copy).ok());
        QFile bytes(copy);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray all = bytes.readAll();
        QVERIFY(!all.contains("SECRET-OTHER"));
        QVERIFY(all.contains("Rolled back auth to 3.8.0"));
        IncidentStore opened;
        QVERIFY(opened.open(copy, IncidentStore::Access::ReadOnly).ok());
        QCOMPARE(opened.incidents()->size(), 1);
        QCOMPARE(opened.searchTimeline(u"rolled"_s)->size(), 1);
        QCOMPARE(opened.searchTimeline(u"SECRET"_s)->size(), 0);
    }

    void valuesThatAreNotTimesAreEscapedInEveryExport()
    {
        qint64 first = 0;
        const QString path = goodFile(&first);
        rawQuery(path, {u"UPDATE timeline_entries SET occurred_at = '<script>alert(1)</script>' WHERE text LIKE 'Rolled%'"_s,
                        u"INSERT INTO action_items (incident_id, title, due_at, state, created_at) VALUES "
                        u"(1, 'Fix', '=HYPERLINK(\"http://x\")', 'open', '+cmd|'' /C calc''!A0')"_s});
        IncidentStore store;
        QVERIFY(store.open(path, IncidentStore::Access::ReadOnly).ok());
        auto exported = [&](ExportFormat format) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            ExportRequest request;
            request.format = format;
            request.incidentId = first;
            const Status s = IncidentExporter::exportToDevice(store, request, buffer);
            return s ? bytes : QByteArray("failed: " + s.error().toUtf8());
        };
        const QByteArray html = exported(ExportFormat::Html);
        QVERIFY2(!html.contains("<script>alert(1)"), html.constData());
        QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        const QByteArray markdown = exported(ExportFormat::Markdown);
        QVERIFY(!markdown.contains("<script>"));
        const QByteArray csv = exported(ExportFormat::CsvActionItems);
        QVERIFY2(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), csv.constData());
        QVERIFY2(csv.contains("\"'+cmd|' /C calc'!A0\""), csv.constData());
        QVERIFY(!csv.contains(",=") && !csv.contains(",+"));
    }

    void theMarkdownExportDropsWhatHtmlAndPdfDrop()
    {
        qint64 first = 0;
        const QString path = goodFile(&first);
        {
            Workspace w;
            QVERIFY(w.open(path).ok());
            Postmortem p;
            p.incidentId = first;
            p.rootCause = u"<script>alert(1)</script> and [click](javascript:alert(1)) and ![p](data:image/png;base64,AA)\n"
                          u"<img src=x onerror=alert(1)> [docs](https://example.com/runbook) `a <b> c`\n"
                          u"` <img src=y onerror=alert(3)> and [a\\]b](javascript:alert(4)) and [a [b] c](javascript:alert(5))\n"
                          u"[split](\njavascript:alert(6))\n\n"
                          u"[ref]: javascript:alert(2)\n"_s;
            p.updatedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(w.savePostmortem(p).ok());
        }
        const Cli r = cli({u"--db"_s, path, u"export"_s, u"--format"_s, u"markdown"_s, u"--incident"_s, u"1"_s});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains(u"<script"_s) && !r.out.contains(u"<img"_s), qPrintable(r.out));
        // Every javascript: target is cut off from its link: no "](" or "]:" right before it.
        static const QRegularExpression liveScript(u"\\](\\(|:)\\s*javascript:"_s);
        QVERIFY2(!liveScript.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY(!r.out.contains(u"](data:"_s));
        QVERIFY(r.out.contains(u"&lt;script>alert(1)&lt;/script>"_s));
        QVERIFY(r.out.contains(u"[docs](https://example.com/runbook)"_s));
        QVERIFY2(r.out.contains(u"!\\[p]\\(data:image/png;base64,AA)"_s), qPrintable(r.out)); // no image, no link
        QVERIFY(r.out.contains(u"`a &lt;b> c`"_s)); // in code too: a lone backtick must not open a way for HTML
        QVERIFY2(!r.err.contains(u"QFont"_s), qPrintable(r.err)); // and no font warnings on success
    }

    void bidiControlsAreMarkedInEveryExport()
    {
        qint64 first = 0;
        const QString path = goodFile(&first);
        rawQuery(path, {u"UPDATE incidents SET title = 'Invoice ' || char(0x202E) || 'gnp.exe' WHERE id = 1"_s,
                        u"UPDATE timeline_entries SET text = 'ran ' || char(0x2067) || 'x' || char(0x2069) WHERE id = 2"_s});
        for (const QString &format : {u"markdown"_s, u"html"_s, u"csv"_s}) {
            const Cli r = cli({u"--db"_s, path, u"export"_s, u"--format"_s, format, u"--incident"_s, u"1"_s});
            QCOMPARE(r.code, 0);
            QVERIFY2(!r.err.contains(u"QFont"_s), qPrintable(r.err)); // no font warnings on success
            const QByteArray bytes = r.out.toUtf8();
            QVERIFY2(!bytes.contains("\xE2\x80\xAE") && !bytes.contains("\xE2\x81\xA7"), qPrintable(format));
            if (format != u"csv"_s) {
                QVERIFY2(r.out.contains(u"[U+202E]gnp.exe"_s) || r.out.contains(u"\\[U+202E\\]gnp.exe"_s), qPrintable(r.out));
            }
        }
    }

    void textFromOutsideNeverDrivesTheTerminal()
    {
        QCOMPARE(UntrustedText::forTerminal(u"ok \x1b]0;pwned\x07 \x1b[2J line\nfiring SEV-3 AllGood"_s),
                 u"ok \\e]0;pwned\\x07 \\e[2J line\\nfiring SEV-3 AllGood"_s);
        QCOMPARE(UntrustedText::forTerminal(u"a\u202Eb \u00e9 \U0001F600"_s), u"a\\u202eb \u00e9 \U0001F600"_s);
        QCOMPARE(UntrustedText::forTerminal(u"\u009b31m"_s), u"\\x9b31m"_s);
        const QString path = goodFile();
        rawQuery(path, {u"UPDATE incidents SET title = 'x' || char(27) || ']0;pwned' || char(7) || char(10) || "
                        u"'INC-9   SEV-1 forged' WHERE id = 1"_s});
        const Cli list = cli({u"--db"_s, path, u"list"_s});
        QCOMPARE(list.code, 0);
        QVERIFY(!list.out.contains(QChar(27)) && !list.out.contains(QChar(7)));
        QVERIFY2(list.out.contains(u"x\\e]0;pwned\\x07\\nINC-9"_s), qPrintable(list.out));
        QCOMPARE(list.out.count(u'\n'), 2); // one line per incident, none forged
    }

    void aSqlErrorSaysWhatSqliteSaid()
    {
        const QString path = goodFile();
        IncidentStore store;
        QVERIFY(store.open(path).ok());
        QSqlQuery q = store.prepare(u"SELECT no_such_column FROM incidents WHERE id = ?"_s);
        q.addBindValue(1);
        const Status s = store.exec(q, u"Reading"_s);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(u"no such column: no_such_column"_s), qPrintable(s.error()));
        QVERIFY(!s.error().contains(u"Parameter count mismatch"_s));
    }

    void aNegativeFormatNumberIsRefusedWithoutABackup()
    {
        const QString path = goodFile();
        rawQuery(path, {u"PRAGMA user_version = -3"_s});
        const QByteArray before = fileHash(path);
        for (int attempt = 0; attempt < 2; ++attempt) {
            IncidentStore store;
            const Status s = store.open(path);
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(u"-3"_s), qPrintable(s.error()));
        }
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList({QFileInfo(path).fileName() + u".format*"_s}).size(), 0);
        QCOMPARE(fileHash(path), before);
    }

    void anImportWithADuplicateKeyOrANulIsRefusedWithItsPlace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("said");
        const QByteArray head = R"({"format":"incident-console","formatVersion":5,"tables":{"incidents":[{"id":7,"title":"A",)";
        const QByteArray tail = R"("summary":"","severity":2,"stage":"triage","declaredAt":"2026-11-29T10:00:00.000Z",)"
                                R"("detectedAt":null,"mitigatedAt":null,"resolvedAt":null,"drill":false,"postmortemDueAt":null,)"
                                R"("security":false,"impact":"","eta":""}]}})";
        QTest::newRow("a key twice") << QByteArray(head + "\n\"title\":\"B\"," + tail)
                                     << u"line 2, column 1 (byte 91): the key \"title\" appears twice"_s;
        QTest::newRow("the same key escaped") << QByteArray(head + "\"\\u0074itle\":\"B\"," + tail)
                                              << u"the key \"title\" appears twice"_s;
        QTest::newRow("nested past any export") << QByteArray(R"({"format":"incident-console","formatVersion":5,"tables":{)"
                                                          R"("alertArchive":[{"id":1,"labels":)" + QByteArray("{\"a\":").repeated(200000))
                                                << u"nested deeper than 64 levels"_s;
        QTest::newRow("a list where text goes") << QByteArray(head + "\"summary\":[" + QByteArray("[").repeated(1000) + "]," + tail)
                                                << u"tables.incidents[0].summary: expected text, found a list"_s;
        QTest::newRow("a NUL") << QByteArray(head + "\"eta\":\"x\\u0000y\"," + tail).replace("\"eta\":\"\"}", "\"e\":1}")
                               << u"a NUL character"_s;
    }

    void anImportWithADuplicateKeyOrANulIsRefusedWithItsPlace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, said);
        const QString path = goodFile();
        IncidentStore store;
        QVERIFY(store.open(path).ok());
        const QByteArray before = JsonExchange::exportFile(store).value();
        const auto imported = JsonExchange::importJson(store, json);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().contains(said), qPrintable(imported.error()));
        QCOMPARE(JsonExchange::exportFile(store).value(), before);
        // The keys of different objects may repeat, and a key and a value may be the same text.
        QVERIFY(JsonExchange::importJson(store, JsonExchange::exportFile(store).value()).ok());
    }

    void aLargeImportRunsBesideTheWindowAndCanBeStopped()
    {
        // An export of 5,000 entries from elsewhere.
        const QString other = goodFile();
        const QString json = m_dir.filePath(u"big-export.json"_s);
        {
            Workspace w;
            QVERIFY(w.open(other).ok());
            QList<TimelineInput::LogEntry> many;
            for (int i = 0; i < 5000; ++i) {
                many.append({QDateTime::currentDateTimeUtc(), u"dana"_s, u"Imported entry %1"_s.arg(i), i + 1});
            }
            QVERIFY(w.addTimelineEntries(1, many).ok());
            QVERIFY(JsonExchange::exportToFile(*w.store(), std::nullopt, json).ok());
        }
        // The window's store keeps the file open for writing while the job imports through its own connection.
        const QString path = goodFile();
        IncidentStore window;
        QVERIFY(window.open(path).ok());
        const qsizetype before = window.timeline(1)->size();
        {
            ImportJob stopped(path, json);
            QSignalSpy done(&stopped, &ImportJob::finished);
            stopped.cancel(); // Stop pressed before the first thousand rows were read
            stopped.start();
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), false);
            QVERIFY2(done.first().at(1).toString().contains(u"stopped; nothing was imported"_s),
                     qPrintable(done.first().at(1).toString()));
        }
        QCOMPARE(window.incidents()->size(), 2);
        ImportJob job(path, json);
        QSignalSpy done(&job, &ImportJob::finished);
        job.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(done.first().at(1).toString().startsWith(u"Added"_s));
        QCOMPARE(window.incidents()->size(), 4);
        QCOMPARE(window.timeline(1)->size(), before);
        QCOMPARE(window.searchTimeline(u"imported entry"_s, 0, 10000)->size(), 5000); // indexed as they came in
        // The window still writes once the job is done.
        QVERIFY(window.insertIncident([] {
                          Incident i;
                          i.title = u"After the import"_s;
                          i.declaredAt = QDateTime::currentDateTimeUtc();
                          return i;
                      }())
                    .ok());
    }

    void anEmptyLockLeftByAKilledWriterIsTakenOver()
    {
        const QString path = goodFile();
        const QString lock = path + u".lock"_s;
        {
            QFile empty(lock);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        // Fresh: its writer may be in the middle of writing it.
        {
            IncidentStore store;
            const Status s = store.open(path);
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(u"being opened by another program"_s), qPrintable(s.error()));
        }
        // Older than any writer takes, held by no process, and SQLite's locks free: taken over.
        QFile old(lock);
        QVERIFY(old.open(QIODevice::ReadWrite));
        QVERIFY(old.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        old.close();
        IncidentStore store;
        const Status s = store.open(path);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QVERIFY(QFileInfo(lock).size() > 0); // ours now, with our process id
        store.close();
        QVERIFY(!QFile::exists(lock));
    }

    void anEmptyLockOverAFileInUseNamesWhoHoldsIt()
    {
        const QString path = goodFile();
        const QString lock = path + u".lock"_s;
        {
            QFile empty(lock);
            QVERIFY(empty.open(QIODevice::WriteOnly));
            empty.close();
            QVERIFY(empty.open(QIODevice::ReadWrite));
            QVERIFY(empty.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        }
        // Another program with the file open in WAL mode: sqlite3's shell, waiting for more input.
        QProcess shell;
        shell.start(u"sqlite3"_s, {path});
        QVERIFY(shell.waitForStarted());
        shell.write("PRAGMA journal_mode;\nSELECT count(*) FROM incidents;\n");
        QVERIFY(shell.waitForReadyRead(10000));
        IncidentStore store;
        const Status s = store.open(path);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(u"process %1"_s.arg(shell.processId())), qPrintable(s.error()));
        QVERIFY(QFile::exists(lock));
        shell.closeWriteChannel();
        QVERIFY(shell.waitForFinished(10000));
    }

    void aFileInAReadOnlyPlaceIsReadAndWritesAreRefusedWithTheReason()
    {
        const QString where = mountTmpfs(u"readonly"_s, 4096);
        if (where.isEmpty()) {
            QSKIP("mounting a tmpfs needs root");
        }
        const QString path = goodFile();
        const QString quiet = where + u"/closed.sqlite"_s;
        QVERIFY(QFile::copy(path, quiet));
        // One whose last commits are still in its -wal file, as a copy taken while a console had it open.
        const QString busy = where + u"/busy.sqlite"_s;
        {
            IncidentStore store;
            QVERIFY(store.open(path).ok());
            QSqlQuery(store.database()).exec(u"PRAGMA wal_autocheckpoint = 0"_s);
            TimelineEntry e;
            e.incidentId = 1;
            e.occurredAt = e.recordedAt = QDateTime::currentDateTimeUtc();
            e.text = u"written just before the copy"_s;
            QVERIFY(store.insertTimelineEntry(e).ok());
            QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);
            QVERIFY(QFile::copy(path, busy));
            QVERIFY(QFile::copy(path + u"-wal"_s, busy + u"-wal"_s));
        }
        QVERIFY(remountReadOnly(where));

        for (const QString &file : {quiet, busy}) {
            IncidentStore store;
            const Status s = store.open(file, IncidentStore::Access::ReadOnly);
            QVERIFY2(s.ok(), qPrintable(s.error()));
            QCOMPARE(store.incidents()->size(), 2);
            const Cli list = cli({u"--db"_s, file, u"list"_s});
            QCOMPARE(list.code, 0);
            QVERIFY(list.out.contains(u"Auth outage"_s));
            const Cli json = cli({u"--db"_s, file, u"export"_s, u"--incident"_s, u"1"_s});
            QCOMPARE(json.code, 0);
            QCOMPARE(json.out.contains(u"written just before the copy"_s), file == busy);
            const Cli copy = cli({u"--db"_s, file, u"export"_s, u"--format"_s, u"sqlite"_s, u"--incident"_s, u"1"_s,
                                  u"-o"_s, m_dir.filePath(u"from-readonly.sqlite"_s)});
            QVERIFY2(copy.code == 0, qPrintable(copy.err));

            IncidentStore writer;
            const Status w = writer.open(file);
            QVERIFY(!w.ok());
            QVERIFY2(w.error().contains(u"read-only"_s), qPrintable(w.error()));
            QVERIFY(!w.error().contains(u"damaged"_s));
            const Cli add = cli({u"--db"_s, file, u"timeline"_s, u"add"_s, u"--incident"_s, u"1"_s, u"--text"_s, u"x"_s});
            QCOMPARE(add.code, 1);
            QVERIFY2(add.err.contains(u"read-only"_s), qPrintable(add.err));
        }
    }

    void aFullDiskNeverReportsSuccessAndKeepsTheOldFile()
    {
        const QString where = mountTmpfs(u"full"_s, 256);
        if (where.isEmpty()) {
            QSKIP("mounting a tmpfs needs root");
        }
        const QString path = goodFile();
        {
            Workspace w;
            QVERIFY(w.open(path).ok());
            QList<TimelineInput::LogEntry> many;
            for (int i = 0; i < 3000; ++i) {
                many.append({QDateTime::currentDateTimeUtc(), u"dana"_s, u"Entry %1 with enough words to fill a small disk"_s.arg(i), i + 1});
            }
            QVERIFY(w.addTimelineEntries(1, many).ok());
        }
        for (const QString &format : {u"csv"_s, u"json"_s, u"markdown"_s, u"html"_s}) {
            const QString target = where + u"/export."_s + format;
            {
                QFile good(target);
                QVERIFY(good.open(QIODevice::WriteOnly));
                QVERIFY(good.write("the good old export\n") > 0);
            }
            // Fill what is left.
            QFile filler(where + u"/filler"_s);
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Append));
            const QByteArray block(4096, 'x');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
            filler.close();

            const Cli r = cli({u"--db"_s, path, u"export"_s, u"--format"_s, format, u"-o"_s, target});
            QVERIFY2(r.code == 1, qPrintable(format + u": "_s + QString::number(r.code) + r.err));
            QVERIFY2(r.err.contains(u"No space left on device"_s), qPrintable(r.err));
            QFile old(target);
            QVERIFY(old.open(QIODevice::ReadOnly));
            QCOMPARE(old.readAll(), QByteArray("the good old export\n"));
            // Nothing half-written is left beside it.
            QCOMPARE(QDir(where).entryList({u"export."_s + format + u"*"_s}, QDir::Files | QDir::Hidden).size(), 1);
            QFile::remove(filler.fileName());
        }
    }

    void aFullStandardOutputIsAnError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("export csv") << QStringList{u"export"_s, u"--format"_s, u"csv"_s};
        QTest::newRow("export markdown") << QStringList{u"export"_s, u"--format"_s, u"markdown"_s};
        QTest::newRow("export json") << QStringList{u"export"_s};
        QTest::newRow("list") << QStringList{u"list"_s};
        QTest::newRow("search") << QStringList{u"timeline"_s, u"search"_s, u"rolled"_s};
    }

    void aFullStandardOutputIsAnError()
    {
        QFETCH(QStringList, arguments);
        const QString path = goodFile();
        const Cli r = cli(QStringList{u"--db"_s, path} + arguments, u"/dev/full"_s);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"No space left on device"_s), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestUntrusted)
#include "tst_untrusted.moc"
