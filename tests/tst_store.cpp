#include "Clock.h"
#include "IncidentStore.h"
#include "SchemaMigrator.h"
#include "TestSupport.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
Incident sample(const QString &title, Severity s = Severity::Sev2)
{
    Incident i;
    i.title = title;
    i.severity = s;
    i.stage = Stage::Triage;
    i.declaredAt = QDateTime(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);
    return i;
}

TimelineEntry entry(qint64 incidentId, const QString &text)
{
    TimelineEntry e;
    e.incidentId = incidentId;
    e.occurredAt = QDateTime(QDate(2026, 11, 29), QTime(14, 5), Qt::UTC);
    e.recordedAt = e.occurredAt;
    e.text = text;
    e.author = QStringLiteral("dana");
    return e;
}
} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void newFileHasTheLatestSchemaAndSafeSettings()
    {
        IncidentStore store;
        const Status s = store.open(path(QStringLiteral("new.sqlite")));
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), SchemaMigrator::latestVersion());
        QVERIFY(SchemaMigrator::latestVersion() >= 2);
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
        QCOMPARE(q.value(0).toInt(), SchemaMigrator::kApplicationId);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        const auto roles = store.roles();
        QVERIFY(roles.ok());
        QCOMPARE(roles->size(), 4);
        QCOMPARE(roles->at(0).name, QStringLiteral("Incident Commander"));
        QCOMPARE(roles->at(3).name, QStringLiteral("Security Engineer"));
    }

    void editsAreCommittedAtOnce()
    {
        const QString file = path(QStringLiteral("commit.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(file).ok());
        const auto id = store.insertIncident(sample(QStringLiteral("Socket latency over SLO")));
        QVERIFY(id.ok());
        // Another connection sees it while the store is still open: nothing waits for a save.
        const QVariant title = rawQuery(file, {QStringLiteral("SELECT title FROM incidents WHERE id = %1").arg(id.value())});
        QCOMPARE(title.toString(), QStringLiteral("Socket latency over SLO"));
    }

    void textIsKeptByteForByte()
    {
        IncidentStore store;
        QVERIFY(store.open(path(QStringLiteral("unicode.sqlite"))).ok());
        const auto id = store.insertIncident(sample(QStringLiteral("Ünïcödé")));
        QVERIFY(id.ok());
        const QString text = QStringLiteral("مرحبا 👩‍🚒 עברית\tline\nnext ") + QString(QChar(0x200F)) + QStringLiteral("end  ");
        const auto entryId = store.insertTimelineEntry(entry(id.value(), text));
        QVERIFY(entryId.ok());
        const auto back = store.timelineEntry(entryId.value());
        QVERIFY(back.ok());
        QCOMPARE(back->text.toUtf8(), text.toUtf8());
    }

    void failedWriteRollsBackEverything()
    {
        IncidentStore store;
        QVERIFY(store.open(path(QStringLiteral("rollback.sqlite"))).ok());
        QSignalSpy inserted(&store, &IncidentStore::incidentInserted);
        const Status s = store.write([&]() -> Status {
            const auto id = store.insertIncident(sample(QStringLiteral("first half")));
            if (!id) {
                return id.status();
            }
            // An entry for an incident that does not exist breaks the foreign key.
            const auto bad = store.insertTimelineEntry(entry(9999, QStringLiteral("dangling")));
            return bad.status();
        });
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("FOREIGN KEY")), qPrintable(s.error()));
        QCOMPARE(store.incidents()->size(), 0);
        QCOMPARE(inserted.count(), 0); // no listener hears of a change that did not happen
    }

    void notificationsFollowTheCommit()
    {
        IncidentStore store;
        QVERIFY(store.open(path(QStringLiteral("notify.sqlite"))).ok());
        QSignalSpy inserted(&store, &IncidentStore::incidentInserted);
        QSignalSpy entries(&store, &IncidentStore::timelineEntryInserted);
        qint64 id = 0;
        QVERIFY(store.write([&]() -> Status {
                         id = store.insertIncident(sample(QStringLiteral("x"))).value();
                         if (inserted.count() != 0) {
                             return Status::failure(QStringLiteral("signal before commit"));
                         }
                         return store.insertTimelineEntry(entry(id, QStringLiteral("y"))).status();
                     })
                    .ok());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).toLongLong(), id);
        QCOMPARE(entries.count(), 1);
    }

    void secondWriterIsRefusedWithAClearMessage()
    {
        const QString file = path(QStringLiteral("locked.sqlite"));
        IncidentStore first;
        QVERIFY(first.open(file).ok());
        IncidentStore second;
        const Status s = second.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("already open in another Incident Console")), qPrintable(s.error()));
        QVERIFY(!second.isOpen());
        QVERIFY(first.insertIncident(sample(QStringLiteral("still writable"))).ok());
        // A reader may look while the writer works.
        IncidentStore reader;
        QVERIFY(reader.open(file, IncidentStore::Access::ReadOnly).ok());
        QCOMPARE(reader.incidents()->size(), 1);
        QVERIFY(!reader.insertIncident(sample(QStringLiteral("no"))).ok());
        first.close();
        QVERIFY(second.open(file).ok());
    }

    void newerFileIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        {
            IncidentStore store;
            QVERIFY(store.open(file).ok());
            QVERIFY(store.insertIncident(sample(QStringLiteral("from the future"))).ok());
        }
        rawQuery(file, {QStringLiteral("PRAGMA user_version = 99")});
        const QByteArray before = fileHash(file);
        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("newer Incident Console")), qPrintable(s.error()));
        QVERIFY(s.error().contains(QStringLiteral("left untouched")));
        QCOMPARE(fileHash(file), before);
        QVERIFY(!QFileInfo::exists(file + QStringLiteral(".lock")));
    }

    void nonSqliteFileIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("notes.sqlite"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a database.\n");
        f.close();
        const QByteArray before = fileHash(file);
        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("not an SQLite database")), qPrintable(s.error()));
        QCOMPARE(fileHash(file), before);
    }

    void damagedFileIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("damaged.sqlite"));
        {
            IncidentStore store;
            QVERIFY(store.open(file).ok());
            for (int i = 0; i < 50; ++i) {
                const auto id = store.insertIncident(sample(QStringLiteral("incident %1").arg(i)));
                QVERIFY(id.ok());
                QVERIFY(store.insertTimelineEntry(entry(id.value(), QString(400, u'x'))).ok());
            }
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 8192);
        f.seek(4096); // page 2 onwards: b-tree pages
        f.write(QByteArray(f.size() - 4096 - 512, '\xA5'));
        f.close();
        const QByteArray before = fileHash(file);
        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("damaged")), qPrintable(s.error()));
        QCOMPARE(fileHash(file), before);
    }

    void otherProgramsDatabaseIsRefused()
    {
        const QString file = path(QStringLiteral("foreign.sqlite"));
        rawQuery(file, {QStringLiteral("CREATE TABLE recipes (name TEXT)"), QStringLiteral("INSERT INTO recipes VALUES ('soup')")});
        const QByteArray before = fileHash(file);
        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("another program")), qPrintable(s.error()));
        QCOMPARE(fileHash(file), before);
    }

    void olderFileIsBackedUpAndMigrated()
    {
        const QString file = path(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QVERIFY(SchemaMigrator::migrate(db, 1).ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO incidents (title, severity, declared_at) "
                                          "VALUES ('kept through the upgrade', 2, '2026-11-29T14:00:00.000Z')")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        QCOMPARE(rawQuery(file, {QStringLiteral("PRAGMA user_version")}).toInt(), 1);

        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(rawQuery(file, {QStringLiteral("PRAGMA user_version")}).toInt(), SchemaMigrator::latestVersion());
        QCOMPARE(store.incidents()->value(0).title, QStringLiteral("kept through the upgrade"));
        const QString backup = store.lastBackupPath();
        QVERIFY(QFileInfo::exists(backup));
        QCOMPARE(rawQuery(backup, {QStringLiteral("PRAGMA user_version")}).toInt(), 1);
        QCOMPARE(rawQuery(backup, {QStringLiteral("SELECT title FROM incidents")}).toString(),
                 QStringLiteral("kept through the upgrade"));
        // The new schema's indexes are there.
        QCOMPARE(rawQuery(file, {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                                "'timeline_entries_by_incident'")})
                     .toInt(),
                 1);
    }

    void aFileWithAnotherSchemaIsRefusedBeforeAnyMigration()
    {
        const QString file = path(QStringLiteral("stuck.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stuck"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QVERIFY(SchemaMigrator::migrate(db, 1).ok());
            QSqlQuery q(db);
            // Something named like migration 2's first index: not ours, so nothing runs on the file.
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX alert_archive_by_last_seen ON incidents (title)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO incidents (title, severity, declared_at) "
                                          "VALUES ('survivor', 1, '2026-11-29T14:00:00.000Z')")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("stuck"));
        const QByteArray before = TestSupport::fileHash(file);
        IncidentStore store;
        const Status s = store.open(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("an index \"alert_archive_by_last_seen\" on incidents")), qPrintable(s.error()));
        QVERIFY(store.lastBackupPath().isEmpty());
        QCOMPARE(TestSupport::fileHash(file), before);
    }

    void failedMigrationKeepsTheOldVersion()
    {
        const QString file = path(QStringLiteral("busy.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stuck"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            q.finish();
            QVERIFY(SchemaMigrator::migrate(db, 1).ok());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO incidents (title, severity, declared_at) "
                                          "VALUES ('survivor', 1, '2026-11-29T14:00:00.000Z')")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("stuck"));
        {
            // Another program holds the write lock past the busy timeout, so migration 2 cannot run.
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
            IncidentStore store;
            const Status s = store.open(file);
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(QStringLiteral("migration 2")), qPrintable(s.error()));
            QVERIFY(s.error().contains(QStringLiteral("keeps its old format")));
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            hold.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(rawQuery(file, {QStringLiteral("PRAGMA user_version")}).toInt(), 1);
        QCOMPARE(rawQuery(file, {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                                "'timeline_entries_by_incident'")})
                     .toInt(),
                 0); // nothing of migration 2 is left
        QCOMPARE(rawQuery(file, {QStringLiteral("SELECT title FROM incidents")}).toString(), QStringLiteral("survivor"));
    }

    void saveCopyIsAConsistentFile()
    {
        IncidentStore store;
        QVERIFY(store.open(path(QStringLiteral("live.sqlite"))).ok());
        const auto id = store.insertIncident(sample(QStringLiteral("copied")));
        QVERIFY(store.insertTimelineEntry(entry(id.value(), QStringLiteral("in the copy"))).ok());
        const QString copy = path(QStringLiteral("copy.sqlite"));
        QVERIFY(store.saveCopy(copy).ok());
        QVERIFY(store.insertIncident(sample(QStringLiteral("after the copy"))).ok());
        QVERIFY(store.saveCopy(copy).ok()); // replacing an older copy works too
        IncidentStore reader;
        const Status s = reader.open(copy, IncidentStore::Access::ReadOnly);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(reader.incidents()->size(), 2);
        QCOMPARE(reader.timeline(id.value())->value(0).text, QStringLiteral("in the copy"));
        QVERIFY(!store.saveCopy(store.path()).ok());
    }

    void handOffHistoryIsKept()
    {
        IncidentStore store;
        QVERIFY(store.open(path(QStringLiteral("roles.sqlite"))).ok());
        const qint64 incident = store.insertIncident(sample(QStringLiteral("x"))).value();
        const qint64 dana = store.insertPerson({0, QStringLiteral("Dana"), QStringLiteral("@dana"), {}}).value();
        const qint64 ravi = store.insertPerson({0, QStringLiteral("Ravi"), {}, {}}).value();
        RoleAssignment a;
        a.incidentId = incident;
        a.roleId = Role::IncidentCommander;
        a.personId = dana;
        a.assumedAt = QDateTime(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);
        const qint64 first = store.insertAssignment(a).value();
        QVERIFY(store.setAssignmentReleased(first, a.assumedAt.addSecs(3600)).ok());
        a.personId = ravi;
        a.assumedAt = a.assumedAt.addSecs(3600);
        QVERIFY(store.insertAssignment(a).ok());
        const auto history = store.assignments(incident);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).personName, QStringLiteral("Dana"));
        QVERIFY(!history->at(0).isCurrent());
        QCOMPARE(history->at(1).personName, QStringLiteral("Ravi"));
        QVERIFY(history->at(1).isCurrent());
        // A released time before the assumed time is refused by the file itself.
        QVERIFY(!store.setAssignmentReleased(first, a.assumedAt.addSecs(-86400)).ok());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
