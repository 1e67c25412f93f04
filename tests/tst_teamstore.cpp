// A team record on a real PostgreSQL 15 (started by the test, loopback only): the address is read as libpq users
// write it and never shown with its password; an empty database is set up with the playbook's rows; a database of
// someone else's, a newer one, a wrong password and a dead server are refused in words and left untouched; every
// table keeps its rows as in a file; two consoles see each other's commits; search folds diacritics as FTS5 does.
#include "AlertArchiver.h"
#include "AppSettings.h"
#include "DatabaseAddress.h"
#include "IncidentMetrics.h"
#include "IncidentStore.h"
#include "PostgresServer.h"
#include "RecordCopy.h"
#include "Presence.h"
#include "StoreContract.h"
#include "TeamOutbox.h"
#include "Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using StoreContract::addIncident;
using StoreContract::at;

class TestTeamStore final : public QObject
{
    Q_OBJECT

private:
    PostgresServer m_server;
    QTemporaryDir m_dir;
    int m_databases = 0;

    // A new empty database on the server, by its address with the password in it.
    QString freshDatabase()
    {
        const QString name = QStringLiteral("team%1").arg(++m_databases);
        QString error;
        [&] { QVERIFY2(m_server.createDatabase(name, &error), qPrintable(error)); }();
        return m_server.url(name);
    }

    void openTeam(IncidentStore &store, const QString &url,
                  IncidentStore::Access access = IncidentStore::Access::ReadWrite)
    {
        const Status s = store.open(url, access);
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }

    TimelineEntry entry(qint64 incident, const QString &text, int minute)
    {
        TimelineEntry e;
        e.incidentId = incident;
        e.occurredAt = at(14, minute);
        e.recordedAt = at(14, minute, 30);
        e.kind = TimelineEntry::Kind::Action;
        e.author = QStringLiteral("Sam");
        e.text = text;
        return e;
    }

    struct Run
    {
        int code = -1;
        QByteArray out;
        QString err;
    };
    // The companion command line, as a script runs it: the password comes from PGPASSWORD, as libpq users expect.
    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_server.password());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(IC_CLI_PATH), args);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Consoles on one team database, each with an outbox of its own, each counting the timeline entries it heard of.
    void seat(Workspace *consoles, QSet<qint64> *heard, const QStringList &names, const QString &url,
              const QString &tag)
    {
        for (int c = 0; c < names.size(); ++c) {
            consoles[c].setAuthor(names.at(c));
            consoles[c].store()->setOutboxFile(m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(tag).arg(c)));
            const Status s = consoles[c].open(url);
            QVERIFY2(s.ok(), qPrintable(s.error()));
            connect(consoles[c].store(), &IncidentStore::timelineEntryInserted, this,
                    [heard, c](qint64, qint64 entryId) { heard[c].insert(entryId); });
        }
    }

    static bool allOnlineAndSent(Workspace *consoles, int count)
    {
        for (int c = 0; c < count; ++c) {
            if (!consoles[c].store()->isTeamOnline() || consoles[c].store()->waitingToBeSent() > 0) {
                return false;
            }
        }
        return true;
    }

    // Every accepted entry is on the record exactly once, and every console heard of exactly the record's entries.
    void expectConverged(const QString &url, qint64 incident, const QStringList &accepted, const QSet<qint64> *heard,
                         int count)
    {
        IncidentStore reader;
        openTeam(reader, url);
        const QList<TimelineEntry> record = reader.timeline(incident).value();
        QStringList texts;
        QSet<qint64> ids;
        for (const TimelineEntry &e : record) {
            texts.append(e.text);
            ids.insert(e.id);
        }
        for (const QString &text : accepted) {
            QCOMPARE(texts.count(text), 1);
        }
        QCOMPARE(texts.size(), accepted.size());
        for (int c = 0; c < count; ++c) {
            QTRY_COMPARE_WITH_TIMEOUT(heard[c], ids, 10000);
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void anAddressIsReadAsLibpqWritesIt()
    {
        QVERIFY(DatabaseAddress::isAddress(QStringLiteral("postgresql://ic@db/incidents")));
        QVERIFY(DatabaseAddress::isAddress(QStringLiteral("  postgres://db/x")));
        QVERIFY(DatabaseAddress::isAddress(QStringLiteral("https://example.org/a"))); // never a file name either
        QVERIFY(!DatabaseAddress::isAddress(QStringLiteral("/home/ic/incidents.sqlite")));
        QVERIFY(DatabaseAddress::isAddress(QStringLiteral("postgresql:/db/x"))); // mistyped, refused, not a file
        QVERIFY(!DatabaseAddress::isAddress(QStringLiteral("incidents.sqlite")));

        const auto a = DatabaseAddress::parse(QStringLiteral(
            "postgresql://ops%40team:s%3Acret%2Fpw@db1.example:6543,[::1],10.0.0.2:5433/incident%20record"
            "?sslmode=verify-full&sslrootcert=/etc/ic/ca.pem&target_session_attrs=read-write"));
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->user(), QStringLiteral("ops@team"));
        QCOMPARE(a->password(), QStringLiteral("s:cret/pw"));
        QCOMPARE(a->database(), QStringLiteral("incident record"));
        QCOMPARE(a->hosts(), (QList<DatabaseAddress::Host>{{QStringLiteral("db1.example"), 6543},
                                                           {QStringLiteral("::1"), 5432},
                                                           {QStringLiteral("10.0.0.2"), 5433}}));
        QCOMPARE(a->parameters().value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        const QString shown = a->redacted();
        QVERIFY2(!shown.contains(QStringLiteral("cret")), qPrintable(shown));
        QCOMPARE(shown, QStringLiteral("postgresql://ops%40team@db1.example:6543,[::1]:5432,10.0.0.2:5433/"
                                       "incident%20record?sslmode=verify-full&sslrootcert=/etc/ic/ca.pem&"
                                       "target_session_attrs=read-write"));

        const auto inQuery = DatabaseAddress::parse(QStringLiteral("postgresql://db/x?password=hunter2&user=ic"));
        QVERIFY(inQuery.ok());
        QCOMPARE(inQuery->password(), QStringLiteral("hunter2"));
        QVERIFY(!inQuery->redacted().contains(QStringLiteral("hunter2")));

        for (const QString &bad :
             {QStringLiteral("postgresql://ic:hunter2@db/x?sslmod=require"),
              QStringLiteral("postgresql://ic:hunter2@/x"), QStringLiteral("postgresql://ic:hunter2@db:99999/x"),
              QStringLiteral("postgresql://ic:hunter2@db"), QStringLiteral("mysql://ic:hunter2@db/x"),
              QStringLiteral("postgresql://ic:hunter2@[::1/x")}) {
            const auto refused = DatabaseAddress::parse(bad);
            QVERIFY2(!refused.ok(), qPrintable(bad));
            QVERIFY2(!refused.error().contains(QStringLiteral("hunter2")), qPrintable(refused.error()));
        }
    }

    void anEmptyDatabaseIsSetUpWithThePlaybooksRows()
    {
        IncidentStore team;
        const QString url = freshDatabase();
        openTeam(team, url);
        QCOMPARE(team.path(), m_server.url(QStringLiteral("team%1").arg(m_databases), false)); // no password
        QVERIFY(!team.path().contains(m_server.password()));

        IncidentStore file;
        QVERIFY(file.open(m_dir.filePath(QStringLiteral("seed.sqlite"))).ok());
        QCOMPARE(team.roles().value(), file.roles().value());
        const auto teamTemplates = team.templates().value();
        const auto fileTemplates = file.templates().value();
        QCOMPARE(teamTemplates.size(), fileTemplates.size());
        for (int i = 0; i < fileTemplates.size(); ++i) {
            QCOMPARE(teamTemplates.at(i).name, fileTemplates.at(i).name);
            QCOMPARE(teamTemplates.at(i).body, fileTemplates.at(i).body);
        }
        const auto teamDefaults = team.checklistDefaults().value();
        const auto fileDefaults = file.checklistDefaults().value();
        QCOMPARE(teamDefaults.size(), fileDefaults.size());
        QCOMPARE(teamDefaults.last().text, fileDefaults.last().text);

        // A second console opening the same database finds it set up, and adds nothing.
        IncidentStore second;
        openTeam(second, url);
        QCOMPARE(second.roles().value().size(), 4);
    }

    void everyTableKeepsARowOnTheServer()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        StoreContract::everyTableKeepsARow(team);
    }

    void theTimelineIsWrittenEditedAndRevisedOnTheServer()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        const qint64 incident = addIncident(team);
        TimelineEntry first = entry(incident, QStringLiteral("Rolled back 3.8.1"), 5);
        first.id = team.insertTimelineEntry(first).value();
        QVERIFY(first.id > 0);
        const auto batch = team.insertTimelineEntries({entry(incident, QStringLiteral("Throttles on"), 6),
                                                       entry(incident, QStringLiteral("Blocked 203.0.113.0/24"), 7)});
        QVERIFY2(batch.ok(), qPrintable(batch.error()));
        QCOMPARE(batch->size(), 2);
        QVERIFY(batch->at(0) > first.id && batch->at(1) > batch->at(0));

        first.text = QStringLiteral("Rolled back 3.8.1 to 3.8.0");
        first.editedAt = at(15, 0);
        first.editedBy = QStringLiteral("Ines");
        QVERIFY(team.updateTimelineEntry(first).ok());
        QCOMPARE(team.timelineEntry(first.id).value().text, first.text);
        QCOMPARE(team.timelineEntry(first.id).value().editedBy, first.editedBy);
        const auto index = team.timelineIndex(incident);
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index->size(), 3);

        // Undo of a delete writes the entry back with its own id; the next new entry still gets a fresh one.
        QVERIFY(team.deleteTimelineEntry(batch->at(1)).ok());
        TimelineEntry restored = entry(incident, QStringLiteral("Blocked 203.0.113.0/24"), 7);
        restored.id = batch->at(1);
        QCOMPARE(team.insertTimelineEntry(restored).value(), batch->at(1));
        const qint64 next = team.insertTimelineEntry(entry(incident, QStringLiteral("Error rate down"), 9)).value();
        QVERIFY(next > batch->at(1));
        QCOMPARE(team.timeline(incident).value().size(), 4);
    }

    // An import writes rows with their own ids from the first one on; what is added after still gets free ones.
    void rowsWrittenWithTheirOwnIdsAreNeverGivenAgain()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        Incident imported;
        imported.id = 1;
        imported.title = QStringLiteral("Imported");
        imported.declaredAt = at(13, 0);
        QCOMPARE(team.insertIncident(imported).value(), qint64(1));
        imported.id = 3;
        QCOMPARE(team.insertIncident(imported).value(), qint64(3));
        Incident after;
        after.title = QStringLiteral("Declared after");
        after.declaredAt = at(14, 0);
        const auto next = team.insertIncident(after);
        QVERIFY2(next.ok(), qPrintable(next.error()));
        QCOMPARE(next.value(), qint64(4));
    }

    void twoConsolesShareOneRecord()
    {
        const QString url = freshDatabase();
        IncidentStore commander;
        IncidentStore comms;
        openTeam(commander, url);
        openTeam(comms, url);
        const qint64 incident = addIncident(commander);
        QVERIFY(commander.insertTimelineEntry(entry(incident, QStringLiteral("Paged the IC"), 1)).ok());
        StatusUpdate update;
        update.incidentId = incident;
        update.body = QStringLiteral("Investigating login failures");
        update.publishedAt = at(14, 10);
        QVERIFY(comms.insertStatusUpdate(update).ok());

        QCOMPARE(comms.incident(incident).value().title, QStringLiteral("Login failures"));
        QCOMPARE(comms.timeline(incident).value().value(0).text, QStringLiteral("Paged the IC"));
        QCOMPARE(commander.statusUpdates(incident).value().value(0).body, update.body);
    }

    // The board's card facts and the review metrics are computed where the rows are, in the server's SQL.
    void theBoardsFactsAndTheReviewMetricsComeFromTheServer()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        const qint64 incident = addIncident(team);
        const qint64 quiet = addIncident(team);
        for (const auto &[minute, due] : {std::pair{10, 40}, std::pair{20, 50}}) {
            StatusUpdate update;
            update.incidentId = incident;
            update.audience = StatusUpdate::Audience::Customer;
            update.body = QStringLiteral("Investigating");
            update.publishedAt = at(14, minute);
            update.nextUpdateDue = at(14, due);
            QVERIFY(team.insertStatusUpdate(update).ok());
        }
        SeverityChange kept;
        kept.incidentId = incident;
        kept.changedAt = at(14, 5);
        kept.severity = Severity::Sev1;
        kept.origin = SeverityChange::Origin::SuggestionOverridden;
        kept.suggested = Severity::Sev2;
        QVERIFY(team.insertSeverityChange(kept).ok());
        const qint64 sam = team.insertPerson(Person{0, QStringLiteral("Sam Whitfield"), {}, {}}).value();
        RoleAssignment ic;
        ic.incidentId = incident;
        ic.roleId = Role::IncidentCommander;
        ic.personId = sam;
        ic.assumedAt = at(14, 1);
        QVERIFY(team.insertAssignment(ic).ok());
        QVERIFY(team.insertTimelineEntry(entry(incident, QStringLiteral("Paged the IC"), 30)).ok());

        const auto facts = team.incidentFacts();
        QVERIFY2(facts.ok(), qPrintable(facts.error()));
        QCOMPARE(facts->size(), 2);
        const auto &f = facts->value(incident);
        QCOMPARE(f.lastCustomerUpdate, at(14, 20)); // the latest of the two
        QCOMPARE(f.nextCustomerDue, at(14, 50));
        QCOMPARE(f.commanderName, QStringLiteral("Sam Whitfield"));
        QCOMPARE(f.overriddenSuggestion, std::optional<Severity>(Severity::Sev2));
        QCOMPARE(team.incidentFacts({quiet}).value().value(quiet).commanderId, qint64(0));
        QCOMPARE(team.mostRecentlyActiveIncident().value(), incident);

        const auto metrics = IncidentMetrics::compute(team, {at(18, 0), 0, false});
        QVERIFY2(metrics.ok(), qPrintable(metrics.error()));
        qint64 counted = 0;
        for (const IncidentMetrics::Week &w : metrics->weeks) {
            counted += w.totalIncidents();
        }
        QCOMPARE(counted, qint64(2));
    }

    // What one console commits reaches the other as the same fine-grained signals its own edits raise, without
    // polling: the models above the store update one row, as for a local edit.
    void anotherConsolesCommitsArriveAsTheSameSignals()
    {
        const QString url = freshDatabase();
        IncidentStore commander;
        IncidentStore comms;
        openTeam(commander, url);
        openTeam(comms, url);
        QSignalSpy incidents(&comms, &IncidentStore::incidentInserted);
        QSignalSpy inserted(&comms, &IncidentStore::timelineEntryInserted);
        QSignalSpy changed(&comms, &IncidentStore::timelineEntryChanged);
        QSignalSpy acks(&comms, &IncidentStore::alertAckChanged);
        QSignalSpy own(&commander, &IncidentStore::timelineEntryInserted);

        const qint64 incident = addIncident(commander);
        QVERIFY(incidents.wait(5000));
        QCOMPARE(incidents.first().first().toLongLong(), incident);

        TimelineEntry e = entry(incident, QStringLiteral("Rolled back 3.8.1"), 5);
        e.id = commander.insertTimelineEntry(e).value();
        QVERIFY(inserted.wait(5000));
        QCOMPARE(inserted.first(), (QVariantList{incident, e.id}));
        QCOMPARE(comms.timelineEntry(e.id).value().text, e.text); // committed before the signal
        e.text = QStringLiteral("Rolled back 3.8.1 to 3.8.0");
        QVERIFY(commander.updateTimelineEntry(e).ok());
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.first(), (QVariantList{incident, e.id}));
        QVERIFY(
            commander.setAlertAck({QStringLiteral("fp-1"), QStringLiteral("on it"), QStringLiteral("Sam"), at(14, 9)})
                .ok());
        QVERIFY(acks.wait(5000));
        QCOMPARE(acks.first().first().toString(), QStringLiteral("fp-1"));
        QCOMPARE(own.size(), 1); // its own change is not heard back a second time

        // A transaction that fails is heard of by nobody; the next commit arrives alone, in order.
        const Status failed = commander.write([&]() -> Status {
            if (!commander.insertTimelineEntry(entry(incident, QStringLiteral("never happened"), 6)).ok()) {
                return Status::failure(QStringLiteral("insert failed"));
            }
            return Status::failure(QStringLiteral("changed my mind"));
        });
        QVERIFY(!failed.ok());
        const qint64 next =
            commander.insertTimelineEntry(entry(incident, QStringLiteral("Error rate down"), 7)).value();
        QVERIFY(inserted.wait(5000));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last(), (QVariantList{incident, next}));
    }

    // A console busy elsewhere (no event loop turn) misses no commit: it reads the log from the last change it saw.
    void aConsoleThatWasBusyCatchesUpInOrder()
    {
        const QString url = freshDatabase();
        IncidentStore ops;
        IncidentStore ic;
        openTeam(ops, url);
        openTeam(ic, url);
        const qint64 incident = addIncident(ops);
        QList<qint64> ids;
        for (int minute = 1; minute <= 3; ++minute) {
            ids.append(ops.insertTimelineEntry(entry(incident, QStringLiteral("step %1").arg(minute), minute)).value());
        }
        QSignalSpy inserted(&ic, &IncidentStore::timelineEntryInserted);
        QTRY_COMPARE_WITH_TIMEOUT(inserted.size(), 3, 5000);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(inserted.at(i), (QVariantList{incident, ids.at(i)}));
        }
    }

    // Who is here: each console is known to the others by its author's name, and a console that leaves is gone
    // from the list within seconds; the status bar's sentence names the roles they hold on the incident in view.
    void theOthersHereAreNamedWithTheirRoles()
    {
        const QString url = freshDatabase();
        IncidentStore commander;
        IncidentStore comms;
        openTeam(commander, url);
        commander.setPresenceName(QStringLiteral("Sam Whitfield"));
        openTeam(comms, url);
        comms.setPresenceName(QStringLiteral("Dana Kim")); // after opening: applied at once
        QCOMPARE(commander.othersHere().value(), QStringList{QStringLiteral("Dana Kim")});
        QCOMPARE(comms.othersHere().value(), QStringList{QStringLiteral("Sam Whitfield")});
        {
            IncidentStore ops;
            ops.setPresenceName(QStringLiteral("Ines Duarte")); // before opening: applied when it opens
            openTeam(ops, url);
            QCOMPARE(commander.othersHere().value(),
                     (QStringList{QStringLiteral("Dana Kim"), QStringLiteral("Ines Duarte")}));
        }
        QTRY_COMPARE_WITH_TIMEOUT(commander.othersHere().value(), QStringList{QStringLiteral("Dana Kim")}, 5000);
        IncidentStore file;
        QVERIFY(file.open(m_dir.filePath(QStringLiteral("alone.sqlite"))).ok());
        QVERIFY(file.othersHere().value().isEmpty());

        const qint64 incident = addIncident(commander);
        const qint64 dana = commander.insertPerson(Person{0, QStringLiteral("Dana Kim"), {}, {}}).value();
        RoleAssignment a;
        a.incidentId = incident;
        a.roleId = Role::CommunicationsLead;
        a.personId = dana;
        a.assumedAt = at(14, 2);
        QVERIFY(commander.insertAssignment(a).ok());
        const auto held = commander.assignments(incident).value();
        const auto roles = commander.roles().value();
        QCOMPARE(Presence::describe(commander.othersHere().value(), held, roles),
                 QStringLiteral("Here: Dana Kim (Communications Lead)"));
        QCOMPARE(Presence::describe({QStringLiteral("Dana Kim"), QStringLiteral("Sam")}, held, roles),
                 QStringLiteral("Here: Dana Kim (Communications Lead), Sam"));
        QCOMPARE(Presence::describe({}, held, roles), QStringLiteral("No one else is here"));
    }

    void searchReadsTypedWordsAsTheFileDoes()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        const qint64 incident = addIncident(team);
        const qint64 cafe = team.insertTimelineEntry(entry(incident, QStringLiteral("Café crème outage"), 1)).value();
        const qint64 rollback =
            team.insertTimelineEntry(entry(incident, QStringLiteral("Rollback of auth-service 3.8.1"), 2)).value();
        const qint64 other = addIncident(team);
        const qint64 elsewhere =
            team.insertTimelineEntry(entry(other, QStringLiteral("Rollback rehearsal"), 3)).value();

        QCOMPARE(team.searchTimeline(QStringLiteral("cafe")).value(), QList<qint64>{cafe});
        QCOMPARE(team.searchTimeline(QStringLiteral("CAFÉ crem")).value(), QList<qint64>{cafe}); // last word: prefix
        QCOMPARE(team.searchTimeline(QStringLiteral("roll")).value(), (QList<qint64>{elsewhere, rollback}));
        QCOMPARE(team.searchTimeline(QStringLiteral("roll"), incident).value(), QList<qint64>{rollback});
        QCOMPARE(team.searchTimeline(QStringLiteral("auth service")).value(), QList<qint64>{rollback});
        QVERIFY(team.searchTimeline(QStringLiteral("crème outage rollback")).value().isEmpty()); // every word
        // What a person types is never syntax: quotes, operators and stars are words or nothing.
        for (const QString &typed : {QStringLiteral("\"café"), QStringLiteral("café & !"), QStringLiteral("*"),
                                     QStringLiteral("roll:* | x"), QStringLiteral("' OR 1=1 --")}) {
            const auto found = team.searchTimeline(typed);
            QVERIFY2(found.ok(), qPrintable(typed + QStringLiteral(": ") + found.error()));
        }
        QVERIFY(team.deleteTimelineEntry(cafe).ok());
        QVERIFY(team.searchTimeline(QStringLiteral("cafe")).value().isEmpty());
    }

    // A whole record moves either way through the JSON exchange, the same code both ways: a team record exported and
    // imported into a file, and that file's export imported into a new team database, read back byte for byte.
    void theCommandLineMovesARecordBetweenAFileAndTheServer()
    {
        const QString team = freshDatabase().replace(u':' + m_server.password() + u'@', QStringLiteral("@"));
        QVERIFY(!team.contains(m_server.password()));
        QCOMPARE(
            cli({QStringLiteral("--db"), team, QStringLiteral("declare"), QStringLiteral("--title"),
                 QStringLiteral("Login failures after 3.8.1"), QStringLiteral("--severity"), QStringLiteral("SEV-1")})
                .out,
            QByteArray("INC-1\n"));
        const Run added = cli({QStringLiteral("--db"), team, QStringLiteral("timeline"), QStringLiteral("add"),
                               QStringLiteral("--incident"), QStringLiteral("INC-1"), QStringLiteral("--text"),
                               QStringLiteral("-5m det: auth 5xx at 40%")});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        const Run exported = cli({QStringLiteral("--db"), team, QStringLiteral("export")});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains("auth 5xx at 40%"));

        const QString json = m_dir.filePath(QStringLiteral("team.json"));
        QFile out(json);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(exported.out) == exported.out.size());
        out.close();
        const QString file = m_dir.filePath(QStringLiteral("taken-home.sqlite"));
        QCOMPARE(cli({QStringLiteral("--db"), file, QStringLiteral("import"), json}).code, 0);
        QCOMPARE(cli({QStringLiteral("--db"), file, QStringLiteral("export")}).out, exported.out);

        const QString back = freshDatabase();
        const Run imported = cli({QStringLiteral("--db"), back, QStringLiteral("import"), json});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        QCOMPARE(cli({QStringLiteral("--db"), back, QStringLiteral("export")}).out, exported.out);
        // What the team adds after an import gets ids of its own.
        QCOMPARE(cli({QStringLiteral("--db"), back, QStringLiteral("declare"), QStringLiteral("--title"),
                      QStringLiteral("Next"), QStringLiteral("--severity"), QStringLiteral("SEV-3")})
                     .out,
                 QByteArray("INC-2\n"));
        // The password never appears in what the command line says.
        const Run wrong =
            cli({QStringLiteral("--db"), QString(back).replace(m_server.password(), QStringLiteral("hunter2")),
                 QStringLiteral("list")});
        QVERIFY(wrong.code != 0);
        QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")), qPrintable(wrong.err));
        QVERIFY(!wrong.err.contains(QStringLiteral("hunter2")));
    }

    // The window remembers a team database among the recent files by its address, as given and without the
    // password, so the next start reopens it (the password again from PGPASSWORD or ~/.pgpass).
    void aRecentTeamDatabaseIsRememberedWithoutItsPassword()
    {
        IncidentStore team;
        openTeam(team, freshDatabase());
        QVERIFY(team.isTeamRecord());
        {
            AppSettings settings;
            for (const QString &earlier : settings.recentFiles()) { // a run before this one
                settings.removeRecentFile(earlier);
            }
            settings.addRecentFile(team.path());
            settings.addRecentFile(m_dir.filePath(QStringLiteral("local.sqlite")));
            settings.addRecentFile(team.path());
        }
        const QStringList recent = AppSettings().recentFiles();
        QCOMPARE(recent.value(0), team.path());
        QCOMPARE(recent.value(1), m_dir.filePath(QStringLiteral("local.sqlite")));
        QCOMPARE(recent.size(), 2);
        QFile stored(AppSettings().fileName());
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(!stored.readAll().contains(m_server.password().toUtf8()));
    }

    // File ▸ Copy This File to a Team Database… and File ▸ Save a Local Copy…: the whole record both ways through
    // the JSON exchange, the same export byte for byte after the round trip; a target that holds incidents already
    // is refused and left as it was; a password remembered for a team database is kept owner-only.
    void aRecordMovesToTheTeamDatabaseAndHomeAgain()
    {
        const QString local = m_dir.filePath(QStringLiteral("before-the-team.sqlite"));
        IncidentStore file;
        QVERIFY(file.open(local).ok());
        const qint64 incident = addIncident(file);
        QVERIFY(file.insertTimelineEntry(entry(incident, QStringLiteral("Rolled back to 3.8.0"), 9)).ok());
        QVERIFY(file.insertTimelineEntry(entry(incident, QStringLiteral("Café logins back"), 12)).ok());
        const QByteArray original = JsonExchange::exportFile(file).value();

        const QString team = freshDatabase();
        const auto up = RecordCopy::copyTo(file, team);
        QVERIFY2(up.ok(), qPrintable(up.error()));
        QCOMPARE(up->incidentIds.size(), 1);
        IncidentStore onServer;
        openTeam(onServer, team);
        QCOMPARE(JsonExchange::exportFile(onServer).value(), original);

        const QString home = m_dir.filePath(QStringLiteral("taken-home-for-the-review.sqlite"));
        const auto down = RecordCopy::copyTo(onServer, home);
        QVERIFY2(down.ok(), qPrintable(down.error()));
        IncidentStore takenHome;
        QVERIFY(takenHome.open(home).ok());
        QCOMPARE(JsonExchange::exportFile(takenHome).value(), original);

        // Not into a record that holds incidents: neither is changed, and the password is not in the message.
        const auto again = RecordCopy::copyTo(file, team);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QStringLiteral("already holds 1 incident")), qPrintable(again.error()));
        QVERIFY(!again.error().contains(m_server.password()));
        QCOMPARE(JsonExchange::exportFile(onServer).value(), original);

        // A password typed into the connect dialog, remembered: the address without it finds it again.
        const QString redacted = onServer.path();
        const QString bare = DatabaseAddress::parse(team)->redacted();
        QCOMPARE(bare, redacted);
        AppSettings().setTeamPassword(redacted, m_server.password());
        const QString rebuilt = DatabaseAddress::withPassword(bare, AppSettings().teamPassword(redacted));
        IncidentStore remembered;
        openTeam(remembered, rebuilt);
        QCOMPARE(remembered.incidents()->size(), 1);
        QCOMPARE(QFile::permissions(AppSettings().fileName()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        AppSettings().setTeamPassword(redacted, {});
        QVERIFY(AppSettings().teamPassword(redacted).isEmpty());
    }

    void aReadOnlySeatIsRefusedWritesByTheServerToo()
    {
        const QString url = freshDatabase();
        {
            IncidentStore setUp;
            openTeam(setUp, url);
            addIncident(setUp);
        }
        IncidentStore projector;
        openTeam(projector, url, IncidentStore::Access::ReadOnly);
        QVERIFY(projector.isReadOnly());
        QCOMPARE(projector.incidents().value().size(), 1);
        QVERIFY(!projector.insertPerson(Person{0, QStringLiteral("Dana"), {}, {}}).ok());
        QSqlQuery q(projector.database());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM incidents")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("read-only")), qPrintable(q.lastError().text()));
    }

    // A database role granted only SELECT (README: "A read-only seat") opens as a read-only seat even when the
    // console asks to write, and PostgreSQL itself refuses its writes.
    void aRoleThatMayOnlyReadIsAReadOnlySeat()
    {
        const QString url = freshDatabase();
        const QString name = QStringLiteral("team%1").arg(m_databases);
        {
            IncidentStore setUp;
            openTeam(setUp, url);
            addIncident(setUp);
        }
        QString error;
        QVERIFY2(m_server.exec(name,
                               QStringLiteral("CREATE ROLE projector LOGIN PASSWORD 'look'; "
                                              "GRANT CONNECT ON DATABASE %1 TO projector; "
                                              "GRANT USAGE ON SCHEMA public TO projector; "
                                              "GRANT SELECT ON ALL TABLES IN SCHEMA public TO projector")
                                   .arg(name),
                               &error),
                 qPrintable(error));
        IncidentStore projector;
        openTeam(projector,
                 QStringLiteral("postgresql://projector:look@127.0.0.1:%1/%2").arg(m_server.port()).arg(name));
        QVERIFY(projector.isReadOnly());
        QCOMPARE(projector.incidents().value().size(), 1);
        const auto refused = projector.insertPerson(Person{0, QStringLiteral("Dana"), {}, {}});
        QVERIFY2(refused.error().contains(QStringLiteral("read-only")), qPrintable(refused.error()));
        QSqlQuery q(projector.database());
        QVERIFY(q.exec(QStringLiteral("SET default_transaction_read_only = off"))); // past the console's own guard
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM incidents")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")), qPrintable(q.lastError().text()));
    }

    void whatIsNotOursOrNewerIsLeftUntouched()
    {
        // Someone else's database: refused, its table still there and still alone.
        const QString theirs = freshDatabase();
        const QString theirsName = QStringLiteral("team%1").arg(m_databases);
        QVERIFY(
            m_server.exec(theirsName, QStringLiteral("CREATE TABLE players (id int); INSERT INTO players VALUES (7)")));
        IncidentStore store;
        const Status refused = store.open(theirs);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("another program")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QStringLiteral("left untouched")), qPrintable(refused.error()));
        QVERIFY(!refused.error().contains(m_server.password()));
        QVERIFY(!store.isOpen());
        QVERIFY(m_server.exec(theirsName, QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM pg_tables WHERE "
                                                         "schemaname = 'public') <> 1 THEN RAISE 'changed'; END IF; "
                                                         "END $$")));

        // A record from a newer console.
        const QString newer = freshDatabase();
        const QString newerName = QStringLiteral("team%1").arg(m_databases);
        {
            IncidentStore setUp;
            openTeam(setUp, newer);
        }
        QVERIFY(m_server.exec(newerName, QStringLiteral("UPDATE ic_record SET format = 99")));
        const Status tooNew = store.open(newer);
        QVERIFY(!tooNew.ok());
        QVERIFY2(tooNew.error().contains(QStringLiteral("newer Incident Console (team format 99")),
                 qPrintable(tooNew.error()));
        QVERIFY(m_server.exec(newerName, QStringLiteral("DO $$ BEGIN IF (SELECT format FROM ic_record) <> 99 THEN "
                                                        "RAISE 'changed'; END IF; END $$")));
    }

    // The server crashes (pg_ctl stop -m immediate) under two consoles and comes back: what was committed is kept,
    // the change being saved when it went is refused in words and not half-saved, each console reconnects by itself
    // and reads what it missed, and both show the same record.
    void aCrashedServerComesBackAndEveryConsoleCatchesUp()
    {
        const QString url = freshDatabase();
        IncidentStore ops;
        IncidentStore ic;
        openTeam(ops, url);
        openTeam(ic, url);
        QSignalSpy offline(&ic, &IncidentStore::teamConnectionChanged);
        QSignalSpy inserted(&ic, &IncidentStore::timelineEntryInserted);
        const qint64 incident = addIncident(ops);
        const qint64 before = ops.insertTimelineEntry(entry(incident, QStringLiteral("Throttles on"), 1)).value();
        QTRY_COMPARE_WITH_TIMEOUT(inserted.size(), 1, 5000);

        QVERIFY(m_server.stop(true));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));

        const auto lost = ops.insertTimelineEntry(entry(incident, QStringLiteral("Blocked the range"), 2));
        QVERIFY(!lost.ok());
        QVERIFY2(lost.error().contains(QStringLiteral("went away")), qPrintable(lost.error()));
        QVERIFY(ops.isTeamOnline());
        const qint64 after = ops.insertTimelineEntry(entry(incident, QStringLiteral("Blocked the range"), 2)).value();
        QVERIFY(after > before);

        // The other console notices by itself, says so, reconnects and reads what it missed.
        QTRY_VERIFY_WITH_TIMEOUT(inserted.size() == 2, 15000);
        QCOMPARE(inserted.last(), (QVariantList{incident, after}));
        QVERIFY(!offline.isEmpty());
        QCOMPARE(offline.first().first().toBool(), false);
        QCOMPARE(offline.last().first().toBool(), true);
        const auto texts = [](const QList<TimelineEntry> &entries) {
            QStringList t;
            for (const TimelineEntry &e : entries) {
                t.append(e.text);
            }
            return t;
        };
        QCOMPARE(texts(ic.timeline(incident).value()), texts(ops.timeline(incident).value()));
        QCOMPARE(texts(ic.timeline(incident).value()),
                 (QStringList{QStringLiteral("Throttles on"), QStringLiteral("Blocked the range")}));
    }

    // Every console polls, one archives: a second console writes nothing while the first holds the lock; when the
    // first leaves, the next poll's answer makes another the archivist, which writes what fires now and closes what
    // resolved while nobody held the lock; the other consoles' archive views hear of each write.
    void oneConsoleArchivesAlertsAtATimeAndAnotherTakesOver()
    {
        const QString url = freshDatabase();
        IncidentStore viewer;
        openTeam(viewer, url);
        QSignalSpy archiveRead(&viewer, &IncidentStore::alertArchiveChanged);
        const auto alert = [](const QString &name) {
            Alert a;
            a.labels = {{QStringLiteral("alertname"), name}};
            a.identity = Alert::identityOf(a.labels);
            a.sources = {QStringLiteral("prometheus")};
            return a;
        };
        const auto states = [&]() {
            QMap<QString, QString> byName;
            const auto read = viewer.archivedAlerts();
            if (!read) {
                qWarning("%s", qPrintable(read.error()));
                return byName;
            }
            const QList<ArchivedAlert> archived = read.value();
            for (const ArchivedAlert &a : archived) {
                byName.insert(a.alertName, a.resolvedAt.isValid() ? QString(a.state + QStringLiteral(" (closed)")) : a.state);
            }
            return byName;
        };
        const Alert errors = alert(QStringLiteral("HighErrorRate"));
        const Alert auth = alert(QStringLiteral("AuthFailures"));
        const Alert crash = alert(QStringLiteral("PluginCrashLoop"));

        auto first = std::make_unique<AlertArchiver>();
        AlertArchiver second;
        AlertArchiver third;
        QSignalSpy firstWrote(first.get(), &AlertArchiver::archived);
        QSignalSpy secondWrote(&second, &AlertArchiver::archived);
        first->setRecord(url);
        second.setRecord(url);
        third.setRecord(url);
        QVERIFY(first->isArchivist());
        QVERIFY(!second.isArchivist());
        QVERIFY(!third.isArchivist());

        // Both poll the same sources and see the same changes; only the first writes them.
        AlertDelta firing;
        firing.source = QStringLiteral("prometheus");
        firing.added = {errors, auth};
        for (AlertArchiver *a : {first.get(), &second, &third}) {
            a->record(firing);
            a->reconcile({errors.identity, auth.identity});
            a->touch(QStringLiteral("prometheus"));
        }
        QCOMPARE(firstWrote.size(), 1);
        QCOMPARE(secondWrote.size(), 0);
        QCOMPARE(states(), (QMap<QString, QString>{{QStringLiteral("AuthFailures"), QStringLiteral("firing")},
                                                   {QStringLiteral("HighErrorRate"), QStringLiteral("firing")}}));
        QTRY_VERIFY_WITH_TIMEOUT(!archiveRead.isEmpty(), 5000);

        // The archivist's console closes. While nobody holds the lock, AuthFailures resolves and a crash loop starts.
        first.reset();
        AlertDelta meanwhile;
        meanwhile.source = QStringLiteral("prometheus");
        meanwhile.added = {crash};
        meanwhile.resolved = {auth.identity};
        for (AlertArchiver *a : {&second, &third}) {
            a->record(meanwhile);
        }
        QVERIFY(second.isArchivist());
        QVERIFY(!third.isArchivist());
        QCOMPARE(states(), (QMap<QString, QString>{{QStringLiteral("AuthFailures"), QStringLiteral("resolved (closed)")},
                                                   {QStringLiteral("HighErrorRate"), QStringLiteral("firing")},
                                                   {QStringLiteral("PluginCrashLoop"), QStringLiteral("firing")}}));

        // A quiet poll (nothing changed) is enough for the next one to take over, and what it writes is the truth.
        second.setRecord({});
        QVERIFY(!third.isArchivist());
        third.touch(QStringLiteral("prometheus"));
        QVERIFY(third.isArchivist());
        QCOMPARE(states().size(), 3);
        QCOMPARE(states().value(QStringLiteral("AuthFailures")), QStringLiteral("resolved (closed)"));
    }

    // Two people edit one incident: a field changed by the other since it was read is refused, naming who changed it
    // to what, and nothing of the edit is saved; saving again on the newer reading puts it on top. Changes to
    // different fields both stay. Undo undoes only one's own edit, and refuses in words when the row has moved on.
    void anEditOfAFieldSomeoneChangedSinceIsRefusedAndNamesThem()
    {
        const QString url = freshDatabase();
        Workspace ic;
        Workspace comms;
        ic.setAuthor(QStringLiteral("Alex"));
        comms.setAuthor(QStringLiteral("Priya"));
        for (Workspace *w : {&ic, &comms}) {
            const Status s = w->open(url);
            QVERIFY2(s.ok(), qPrintable(s.error()));
        }
        const qint64 incident = addIncident(*ic.store());
        const Incident seen = ic.store()->incident(incident).value(); // Alex opens the edit dialog
        QVERIFY(comms.setTitleAndSummary(incident, QStringLiteral("Logins fail after 3.8.1"), seen.summary).ok());

        const Status refused =
            ic.setTitleAndSummary(incident, QStringLiteral("Auth outage"), QStringLiteral("Since 14:00"), seen);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error(), QStringLiteral("Priya changed the title to \u201cLogins fail after 3.8.1\u201d since you "
                                                 "read it; nothing was changed."));
        const auto conflict = ic.store()->takeConflict();
        QVERIFY(conflict);
        QCOMPARE(conflict->incidentId, incident);
        QCOMPARE(ic.store()->incident(incident)->title, QStringLiteral("Logins fail after 3.8.1"));
        QCOMPARE(ic.store()->incident(incident)->summary, seen.summary);
        QCOMPARE(ic.undoStack()->count(), 0);

        // Knowingly on top: the newer reading is the one seen.
        QVERIFY(ic.setTitleAndSummary(incident, QStringLiteral("Auth outage"), QStringLiteral("Since 14:00"),
                                      ic.store()->incident(incident).value())
                    .ok());
        QCOMPARE(comms.store()->incident(incident)->title, QStringLiteral("Auth outage"));

        // Another field, from a reading older than both edits: no conflict, and the title stays.
        Incident severer = seen;
        severer.severity = Severity::Sev1;
        QVERIFY(comms.store()->updateIncident(seen, severer).ok());
        QCOMPARE(ic.store()->incident(incident)->title, QStringLiteral("Auth outage"));
        QCOMPARE(ic.store()->incident(incident)->severity, Severity::Sev1);

        // Priya renames it again; Alex's undo of his title would throw hers away, so it is refused in words.
        QVERIFY(comms.setTitleAndSummary(incident, QStringLiteral("Auth outage, EU"), QStringLiteral("Since 14:00")).ok());
        QSignalSpy failed(&ic, &Workspace::editFailed);
        ic.undoStack()->undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(
                     QStringLiteral("Priya changed the title to \u201cAuth outage, EU\u201d since you read it")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(ic.store()->incident(incident)->title, QStringLiteral("Auth outage, EU"));
        // Her own undo is hers to make, and nobody moved on since.
        comms.undoStack()->undo();
        QCOMPARE(ic.store()->incident(incident)->title, QStringLiteral("Auth outage"));

        // A tick: whoever ticked first is named; the second tick is not written over it.
        ChecklistItem item;
        item.incidentId = incident;
        item.text = QStringLiteral("Page the security engineer");
        const qint64 itemId = ic.store()->insertChecklistItem(item).value();
        QVERIFY(comms.store()->setChecklistItemDone(itemId, false, at(14, 5), QStringLiteral("Priya")).ok());
        const Status ticked = ic.store()->setChecklistItemDone(itemId, false, at(14, 6), QStringLiteral("Alex"));
        QCOMPARE(ticked.error(), QStringLiteral("Priya ticked \u201cPage the security engineer\u201d since you read it; "
                                                "nothing was changed."));
        QCOMPARE(ic.store()->checklist(incident)->first().doneBy, QStringLiteral("Priya"));
    }

    // The server goes away in the middle of the ops engineer's notes: what they type is kept in the outbox and
    // committed there; other edits are refused with the reason; when the server is back the entries are sent once,
    // in order, with their own times and author, every console sees them, and the outbox empties.
    void entriesTypedWhileTheServerIsAwayAreSentOnceInOrder()
    {
        const QString url = freshDatabase();
        Workspace ops;
        Workspace ic;
        ops.setAuthor(QStringLiteral("Sam"));
        ic.setAuthor(QStringLiteral("Alex"));
        ops.store()->setOutboxFile(m_dir.filePath(QStringLiteral("ops-outbox.sqlite")));
        ic.store()->setOutboxFile(m_dir.filePath(QStringLiteral("ic-outbox.sqlite")));
        for (Workspace *w : {&ops, &ic}) {
            const Status s = w->open(url);
            QVERIFY2(s.ok(), qPrintable(s.error()));
        }
        const qint64 incident = addIncident(*ops.store());
        QVERIFY(ops.addTimelineEntry(incident, QStringLiteral("Paged the DBA")).value() > 0);
        QSignalSpy waiting(ops.store(), &IncidentStore::outboxChanged);

        QVERIFY(m_server.stop(true));
        const auto first = ops.addTimelineLine(incident, QStringLiteral("Rolled back to 3.8.0"),
                                               TimelineEntry::Kind::Action, QTimeZone::utc());
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first.value(), 0); // kept, not yet on the server
        QVERIFY(!ops.store()->isTeamOnline());
        QVERIFY(ops.addTimelineLine(incident, QStringLiteral("Throttles set to 50/s"), TimelineEntry::Kind::Action,
                                    QTimeZone::utc())
                    .ok());
        QCOMPARE(ops.store()->waitingToBeSent(), 2);
        QCOMPARE(waiting.last().first().toInt(), 2);
        const Status renamed = ops.setTitleAndSummary(incident, QStringLiteral("Renamed offline"), {});
        QVERIFY(!renamed.ok());
        QVERIFY2(renamed.error().contains(QStringLiteral("unreachable")), qPrintable(renamed.error()));
        const auto withItem = ops.addTimelineLine(incident, QStringLiteral("TODO: add a canary stage"),
                                                  TimelineEntry::Kind::Note, QTimeZone::utc());
        QVERIFY(!withItem.ok()); // an action item is another edit: refused, and the line stays in the box
        QCOMPARE(ops.store()->waitingToBeSent(), 2);

        const QDateTime typedBy = QDateTime::currentDateTimeUtc();
        QTest::qWait(50); // sent later than typed, but kept with the time it was typed
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(ops.store()->waitingToBeSent(), 0, 15000);
        QCOMPARE(waiting.last().first().toInt(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ic.store()->isTeamOnline() && ic.store()->timeline(incident)->size() == 3, 15000);
        const QList<TimelineEntry> seen = ic.store()->timeline(incident).value();
        QStringList texts;
        for (const TimelineEntry &e : seen) {
            texts.append(e.text);
            QCOMPARE(e.author, QStringLiteral("Sam"));
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("Paged the DBA"), QStringLiteral("Rolled back to 3.8.0"),
                                     QStringLiteral("Throttles set to 50/s")}));
        QVERIFY(seen.at(1).recordedAt <= seen.at(2).recordedAt);
        QVERIFY(seen.at(2).recordedAt <= typedBy);
    }

    // A console closed (or killed) while the server was away sends its outbox when it next opens; an entry whose
    // sending was cut off after the server took it (still in the outbox) is recognised by its token, not doubled.
    void anOutboxLeftBehindIsSentAtTheNextOpeningAndNeverTwice()
    {
        const QString url = freshDatabase();
        const QString file = m_dir.filePath(QStringLiteral("left-behind.sqlite"));
        qint64 incident = 0;
        {
            IncidentStore store;
            openTeam(store, url);
            incident = addIncident(store);
        }
        TimelineEntry typed = entry(incident, QStringLiteral("Blocked 203.0.113.0/24"), 7);
        {
            auto outbox = TeamOutbox::open(file);
            QVERIFY2(outbox, qPrintable(outbox.error()));
            QVERIFY(outbox.value()->keep(typed).ok());
            QCOMPARE(outbox.value()->count(), 1);
        }
        // The row as the outbox keeps it, to be put back later.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("cut-off"));
        raw.setDatabaseName(file);
        QVERIFY(raw.open());
        QSqlQuery row(raw);
        QVERIFY(row.exec(QStringLiteral("SELECT token, entry FROM outbox")) && row.next());
        const QString token = row.value(0).toString();
        const QString kept = row.value(1).toString();
        row.finish();
        {
            IncidentStore store;
            store.setOutboxFile(file);
            openTeam(store, url);
            QCOMPARE(store.waitingToBeSent(), 0);
            const QList<TimelineEntry> timeline = store.timeline(incident).value();
            QCOMPARE(timeline.size(), 1);
            QCOMPARE(timeline.first().text, typed.text);
            QCOMPARE(timeline.first().occurredAt, typed.occurredAt);
            QCOMPARE(timeline.first().author, QStringLiteral("Sam"));
        }
        // As if the console had died between the server's commit and letting go of the entry here.
        row.prepare(QStringLiteral("INSERT INTO outbox (token, entry) VALUES (?, ?)"));
        row.addBindValue(token);
        row.addBindValue(kept);
        QVERIFY2(row.exec(), qPrintable(row.lastError().text()));
        row = QSqlQuery();
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("cut-off"));
        IncidentStore again;
        again.setOutboxFile(file);
        openTeam(again, url);
        QCOMPARE(again.waitingToBeSent(), 0);
        QCOMPARE(again.timeline(incident)->size(), 1);
    }

    // Three consoles keep adding to one timeline while the server crashes (pg_ctl stop -m immediate) and comes back.
    // Every entry a console accepted (saved, or kept in its outbox) is on the record exactly once, and every console
    // has heard of exactly the entries the record holds: they converge.
    void threeConsolesConvergeAfterTheServerCrashesMidEdits()
    {
        const QString url = freshDatabase();
        Workspace consoles[3];
        QSet<qint64> heard[3];
        const QStringList names{QStringLiteral("Alex"), QStringLiteral("Priya"), QStringLiteral("Sam")};
        seat(consoles, heard, names, url, QStringLiteral("fault"));
        const qint64 incident = addIncident(*consoles[0].store());
        QStringList accepted;
        QStringList refused;
        const auto round = [&](int n) {
            for (int c = 0; c < 3; ++c) {
                const QString text = QStringLiteral("%1 note %2").arg(names.at(c)).arg(n);
                const auto added = consoles[c].addTimelineEntry(incident, text);
                (added ? accepted : refused).append(added ? text : text + QStringLiteral(": ") + added.error());
                QCoreApplication::processEvents(); // notifications arrive between edits, as in life
            }
        };
        for (int n = 0; n < 10; ++n) {
            round(n);
        }
        QVERIFY(m_server.stop(true));
        for (int n = 10; n < 15; ++n) {
            round(n);
        }
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        for (int n = 15; n < 20; ++n) {
            round(n);
        }
        QTRY_VERIFY_WITH_TIMEOUT(allOnlineAndSent(consoles, 3), 20000);
        // Refused only in words ("went away … do it once more") and never silently: at most one per console.
        qInfo("accepted %d, refused %d", int(accepted.size()), int(refused.size()));
        QVERIFY2(refused.size() <= 3, qPrintable(refused.join(u',')));
        expectConverged(url, incident, accepted, heard, 3);
    }

    // TLS as a team would run it: sslmode=verify-full with the CA that signed the server's certificate connects; a CA
    // that did not, or a host name the certificate does not name, is refused in words, and nothing is opened.
    void aServerIsVerifiedAgainstItsCaWithVerifyFull()
    {
        QString error;
        QVERIFY2(m_server.enableTls(&error), qPrintable(error));
        const QString url = freshDatabase();
        const QString verified = url + QStringLiteral("?sslmode=verify-full&sslrootcert=") + m_server.caFile();
        IncidentStore store;
        QTRY_VERIFY_WITH_TIMEOUT(store.open(verified).ok(), 5000); // the server reloads its settings by itself
        QVERIFY(store.isTeamRecord());
        QVERIFY(store.insertIncident([] {
                         Incident i;
                         i.title = QStringLiteral("Over TLS");
                         i.declaredAt = at(14, 0);
                         return i;
                     }())
                    .ok());
        store.close();

        IncidentStore refused;
        const Status otherCa =
            refused.open(url + QStringLiteral("?sslmode=verify-full&sslrootcert=") + m_server.otherCaFile());
        QVERIFY(!otherCa.ok());
        QVERIFY2(otherCa.error().contains(QStringLiteral("certificate verify failed")), qPrintable(otherCa.error()));
        QVERIFY(!otherCa.error().contains(m_server.password()));
        QString byName = verified;
        byName.replace(QStringLiteral("@127.0.0.1:"), QStringLiteral("@localhost:"));
        const Status wrongName = refused.open(byName);
        QVERIFY(!wrongName.ok());
        QVERIFY2(wrongName.error().contains(QStringLiteral("does not match host name")), qPrintable(wrongName.error()));
        QVERIFY(!refused.isOpen());
    }

    // A team that cannot lose its record: a primary and a synchronous streaming standby, one multi-host address with
    // target_session_attrs=read-write. The primary crashes in the middle of two consoles' edits and the standby is
    // promoted: both consoles reconnect to it by themselves, catch up, send their outboxes, and converge with every
    // accepted entry on the record once.
    void twoConsolesFollowAFailOverToThePromotedStandby()
    {
        PostgresServer primary;
        PostgresServer standby;
        QString error;
        QVERIFY2(primary.start(&error), qPrintable(error));
        QVERIFY2(primary.createDatabase(QStringLiteral("team"), &error), qPrintable(error));
        QVERIFY2(standby.startStandbyOf(primary, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            primary.queryValue(QStringLiteral("postgres"),
                               QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")),
            QStringLiteral("1"), 20000);
        // Synchronous: a commit the console was told of is on the standby too, so a fail-over loses none.
        QVERIFY2(primary.exec(QStringLiteral("postgres"), QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = '*'"),
                              &error),
                 qPrintable(error));
        QVERIFY(primary.exec(QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()")));
        QTRY_COMPARE_WITH_TIMEOUT(primary.queryValue(QStringLiteral("postgres"),
                                                     QStringLiteral("SELECT sync_state FROM pg_stat_replication")),
                                  QStringLiteral("sync"), 20000);

        const QString url = QStringLiteral("postgresql://ic:%1@127.0.0.1:%2,127.0.0.1:%3/team?"
                                           "target_session_attrs=read-write")
                                .arg(primary.password())
                                .arg(primary.port())
                                .arg(standby.port());
        Workspace consoles[2];
        QSet<qint64> heard[2];
        const QStringList names{QStringLiteral("Alex"), QStringLiteral("Priya")};
        seat(consoles, heard, names, url, QStringLiteral("failover"));
        const qint64 incident = addIncident(*consoles[0].store());
        QStringList accepted;
        const auto round = [&](int n) {
            for (int c = 0; c < 2; ++c) {
                const QString text = QStringLiteral("%1 step %2").arg(names.at(c)).arg(n);
                const auto added = consoles[c].addTimelineEntry(incident, text);
                if (added) {
                    accepted.append(text);
                }
                QCoreApplication::processEvents();
            }
        };
        for (int n = 0; n < 8; ++n) {
            round(n);
        }
        QVERIFY(primary.stop(true));
        for (int n = 8; n < 12; ++n) {
            round(n);
        }
        QVERIFY2(standby.promote(&error), qPrintable(error));
        for (int n = 12; n < 16; ++n) {
            round(n);
        }
        QTRY_VERIFY_WITH_TIMEOUT(allOnlineAndSent(consoles, 2), 30000);
        QVERIFY2(accepted.size() >= 30, qPrintable(accepted.join(u',')));
        expectConverged(url, incident, accepted, heard, 2);
    }

    void aWrongPasswordOrADeadServerIsSaidInWords()
    {
        const QString url = freshDatabase();
        QString wrong = url;
        wrong.replace(m_server.password(), QStringLiteral("not-the-password"));
        IncidentStore store;
        const Status refused = store.open(wrong);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("password authentication failed")),
                 qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QStringLiteral("postgresql://ic@127.0.0.1:")), qPrintable(refused.error()));
        QVERIFY(!refused.error().contains(QStringLiteral("not-the-password")));

        const Status dead = store.open(QStringLiteral("postgresql://ic:pw@127.0.0.1:1/incidents"));
        QVERIFY(!dead.ok());
        QVERIFY2(dead.error().startsWith(
                     QStringLiteral("Could not connect to the team database postgresql://ic@127.0.0.1:1/incidents")),
                 qPrintable(dead.error()));

        // An address is never taken for a file name: no file or folder named after it appears.
        QDir::setCurrent(m_dir.path());
        for (const QString &mistyped : {QStringLiteral("postgresql:/oops/x"), QStringLiteral("postgres:incidents"),
                                        QStringLiteral("postgresql://ic@127.0.0.1:1")}) {
            const Status s = store.open(mistyped);
            QVERIFY2(!s.ok(), qPrintable(mistyped));
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("postgresql:"))));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("postgres:incidents"))));
    }
};

QTEST_GUILESS_MAIN(TestTeamStore)
#include "tst_teamstore.moc"
