#include "CliCommand.h"
#include "CommandLineTool.h"
#include "IncidentStore.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

// Runs the real incident-console-cli binary, as a script would.
class TestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_files)); }

    Run cli(const QStringList &args)
    {
        QProcess p;
        p.setProgram(QStringLiteral(IC_CLI_PATH));
        p.setArguments(args);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // the command line needs no display
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start();
        if (!p.waitForFinished(60000)) {
            qWarning() << "cli did not finish" << args;
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    void expectOneLineError(const Run &r, int code, const QString &part)
    {
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains(part), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY(r.err.startsWith(QStringLiteral("incident-console-cli: ")));
    }

    // The same tool in this process, through its command table, as the executable's main runs it.
    Run inProcess(const QStringList &args)
    {
        Run r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        CommandLineTool tool(out, err);
        r.exitCode = tool.run(QStringList{QStringLiteral("incident-console-cli")} + args);
        out.flush();
        err.flush();
        return r;
    }

private slots:
    void everyCommandInTheTableIsListedAndTakesOnlyItsOwnOptions()
    {
        const auto commands = CliCommands::all();
        QCOMPARE(commands.size(), size_t(7));
        const Run help = inProcess({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QSet<QString> names;
        for (const auto &command : commands) {
            QVERIFY2(!names.contains(command->name()), qPrintable(command->name()));
            names.insert(command->name());
            QVERIFY2(help.out.contains(command->usage()), qPrintable(command->name()));
            QVERIFY2(command->usage().startsWith(QStringLiteral("  ") + command->name()), qPrintable(command->usage()));
            // An option of another command is refused by name, before any file is opened or created.
            const QString db = freshPath();
            const QList<QCommandLineOption> ownOptions = command->options();
            for (const auto &other : commands) {
                const QList<QCommandLineOption> otherOptions = other->options();
                for (const QCommandLineOption &option : otherOptions) {
                    const QString name = option.names().last();
                    const bool own = std::any_of(ownOptions.cbegin(), ownOptions.cend(),
                                                 [&](const QCommandLineOption &o) { return o.names().contains(name); });
                    if (own) {
                        continue;
                    }
                    QStringList args{QStringLiteral("--db"), db};
                    args += command->name().split(u' ');
                    args += QStringLiteral("--") + name;
                    if (!option.valueName().isEmpty()) {
                        args += QStringLiteral("x");
                    }
                    const Run r = inProcess(args);
                    QCOMPARE(r.exitCode, 2);
                    QVERIFY2(r.err.contains(QStringLiteral("\"%1\" does not take --%2").arg(command->name(), name)),
                             qPrintable(r.err));
                }
            }
            QVERIFY2(!QFileInfo::exists(db), qPrintable(command->name()));
        }
    }

    void commandsWorkInProcess()
    {
        const QString db = freshPath();
        const Run declared = inProcess({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"),
                                        QStringLiteral("Login failures"), QStringLiteral("--severity"), QStringLiteral("SEV-1")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString id = declared.out.trimmed(); // "INC-1": what --incident takes back
        QCOMPARE(id, QStringLiteral("INC-1"));
        const Run added = inProcess({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("add"),
                                     QStringLiteral("--incident"), id, QStringLiteral("--text"),
                                     QStringLiteral("Rolled back auth-svc"), QStringLiteral("--kind"), QStringLiteral("action")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const Run found = inProcess({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("search"),
                                     QStringLiteral("rolled auth"), QStringLiteral("--json")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        const QJsonArray hits = QJsonDocument::fromJson(found.out.toUtf8()).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first()[QStringLiteral("id")].toInteger(), added.out.trimmed().toLongLong());
        QCOMPARE(hits.first()[QStringLiteral("kind")].toString(), QStringLiteral("action"));
        const Run listed = inProcess({QStringLiteral("--db"), db, QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("Login failures")), qPrintable(listed.out));

        const Run missing = inProcess({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("search")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("needs the WORDS")), qPrintable(missing.err));
        const Run sub = inProcess({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("rewrite")});
        QCOMPARE(sub.exitCode, 2);
        QVERIFY2(sub.err.contains(QStringLiteral("\"timeline\" takes the subcommand \"add\" or \"search\"")), qPrintable(sub.err));
        const Run unknown = inProcess({QStringLiteral("--db"), db, QStringLiteral("delete")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown command \"delete\"")), qPrintable(unknown.err));
        const Run extra = inProcess({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("now")});
        QCOMPARE(extra.exitCode, 2);
        QVERIFY2(extra.err.contains(QStringLiteral("unexpected argument \"now\"")), qPrintable(extra.err));
    }

    void helpAndVersion()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"list", "declare", "timeline add", "export", "import", "--db"}) {
            QVERIFY2(help.out.contains(QString::fromLatin1(word)), word);
        }
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("incident-console-cli " IC_VERSION));
    }

    void searchesTheTimeline()
    {
        const QString db = freshPath();
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Auth"),
                      QStringLiteral("--severity"), QStringLiteral("SEV-1")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("add"), QStringLiteral("--incident"),
                      QStringLiteral("1"), QStringLiteral("--text"), QStringLiteral("Rolled back the Café plugin"),
                      QStringLiteral("--at"), QStringLiteral("2026-11-29T14:05:00Z")})
                     .exitCode,
                 0);
        const Run found = cli({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("search"),
                               QStringLiteral("cafe plug")});
        QCOMPARE(found.exitCode, 0);
        QCOMPARE(found.out, QStringLiteral("INC-1  2026-11-29T14:05:00.000Z  Rolled back the Café plugin\n"));
        const Run json = cli({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("search"),
                              QStringLiteral("declared"), QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("triage"));
        const Run none = cli({QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("search")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("needs the WORDS")));
    }

    void declareAddListAndRoundTrip()
    {
        const QString db = freshPath();
        const Run declared = cli({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"),
                                  QStringLiteral("Login failures"), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                                  QStringLiteral("--summary"), QStringLiteral("Auth down for EU")});
        QCOMPARE(declared.exitCode, 0);
        QCOMPARE(declared.out, QStringLiteral("INC-1\n"));
        QVERIFY(declared.err.isEmpty());

        const Run added = cli({QStringLiteral("timeline"), QStringLiteral("add"), QStringLiteral("--db"), db,
                               QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("--text"),
                               QStringLiteral("Rolled back 1.4.2 ✓"), QStringLiteral("--at"),
                               QStringLiteral("2026-11-29T15:05:00+01:00"), QStringLiteral("--kind"), QStringLiteral("action")});
        QCOMPARE(added.exitCode, 0);
        const qint64 entryId = added.out.trimmed().toLongLong();
        QVERIFY(entryId > 0);

        const Run list = cli({QStringLiteral("--db"), db, QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("INC-1")));
        QVERIFY(list.out.contains(QStringLiteral("SEV-1")));
        QVERIFY(list.out.contains(QStringLiteral("Login failures")));

        const Run json = cli({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray incidents = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents[0][QStringLiteral("severity")].toString(), QStringLiteral("SEV-1"));
        QCOMPARE(incidents[0][QStringLiteral("stage")].toString(), QStringLiteral("triage"));

        // The same store the window uses holds what the command line wrote.
        {
            IncidentStore store;
            QVERIFY(store.open(db).ok());
            const auto entry = store.timelineEntry(entryId);
            QCOMPARE(entry->text, QStringLiteral("Rolled back 1.4.2 ✓"));
            QCOMPARE(entry->occurredAt, QDateTime(QDate(2026, 11, 29), QTime(14, 5), Qt::UTC));
            QCOMPARE(entry->kind, TimelineEntry::Kind::Action);
        }

        const QString exported = m_dir.filePath(QStringLiteral("e1.json"));
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                      QStringLiteral("-o"), exported})
                     .exitCode,
                 0);
        const QString copy = freshPath();
        const Run imported = cli({QStringLiteral("--db"), copy, QStringLiteral("import"), exported});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QStringLiteral(" 1 incidents")), qPrintable(imported.out));
        const Run again = cli({QStringLiteral("--db"), copy, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(again.exitCode, 0);
        QFile first(exported);
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(again.out.toUtf8(), first.readAll());

        const Run one = cli({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("--incident"), QStringLiteral("1")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(one.out.toUtf8())[QStringLiteral("scope")].toString(), QStringLiteral("incident"));
    }

    // The command line reads a line as the window's entry box does: a time, a kind prefix and TODO lead the text;
    // --incident takes 7 or INC-7; --at and --kind take what the window takes; declare answers in JSON on request.
    void speaksTheWindowsLanguage()
    {
        const QString db = freshPath();
        const Run declared = inProcess({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"),
                                        QStringLiteral("DDoS"), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                                        QStringLiteral("--security"), QStringLiteral("--json")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QJsonObject answer = QJsonDocument::fromJson(declared.out.toUtf8()).object();
        QCOMPARE(answer[QStringLiteral("id")].toInteger(), 1);
        QCOMPARE(answer[QStringLiteral("reference")].toString(), QStringLiteral("INC-1"));
        auto add = [&](const QStringList &more) {
            const Run r = inProcess(QStringList{QStringLiteral("--db"), db, QStringLiteral("timeline"), QStringLiteral("add")} + more);
            return r.exitCode == 0 ? r.out.trimmed().toLongLong() : -r.exitCode;
        };
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const qint64 detected = add({QStringLiteral("--incident"), QStringLiteral("INC-1"), QStringLiteral("--text"),
                                     QStringLiteral("-10m det: first 5xx")});
        const qint64 todo = add({QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("--text"),
                                 QStringLiteral("TODO: rate-limit the login endpoint")});
        const qint64 at = add({QStringLiteral("--incident"), QStringLiteral("inc-1"), QStringLiteral("--text"),
                               QStringLiteral("Blocked the ranges"), QStringLiteral("--at"), QStringLiteral("-5m"),
                               QStringLiteral("--kind"), QStringLiteral("act")});
        QVERIFY(detected > 0 && todo > 0 && at > 0);
        QCOMPARE(add({QStringLiteral("--incident"), QStringLiteral("INC-x"), QStringLiteral("--text"), QStringLiteral("t")}), -2);
        QCOMPARE(add({QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("--text"), QStringLiteral("t"),
                      QStringLiteral("--kind"), QStringLiteral("actions!")}),
                 -2);
        IncidentStore store;
        QVERIFY(store.open(db).ok());
        QVERIFY(store.incident(1)->security);
        const auto first = store.timelineEntry(detected);
        QCOMPARE(first->text, QStringLiteral("first 5xx"));
        QCOMPARE(first->kind, TimelineEntry::Kind::Detection);
        QVERIFY(qAbs(first->occurredAt.secsTo(before.addSecs(-600))) <= 5);
        QCOMPARE(store.timelineEntry(todo)->text, QStringLiteral("TODO: rate-limit the login endpoint"));
        QCOMPARE(store.actionItems(1)->size(), 1);
        QCOMPARE(store.actionItems(1)->first().title, QStringLiteral("rate-limit the login endpoint"));
        const auto moved = store.timelineEntry(at);
        QCOMPARE(moved->kind, TimelineEntry::Kind::Action);
        QVERIFY(qAbs(moved->occurredAt.secsTo(before.addSecs(-300))) <= 5);
    }

    void mistakesGetOneLineReasons_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("no command given");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("unknown command");
        QTest::newRow("bad severity") << QStringList{QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"),
                                                     QStringLiteral("--severity"), QStringLiteral("SEV-9")}
                                      << 2 << QStringLiteral("SEV-1, SEV-2 or SEV-3");
        QTest::newRow("missing title") << QStringList{QStringLiteral("declare"), QStringLiteral("--severity"), QStringLiteral("SEV-2")}
                                       << 2 << QStringLiteral("needs --title");
        QTest::newRow("option of another command") << QStringList{QStringLiteral("list"), QStringLiteral("--title"), QStringLiteral("x")}
                                                   << 2 << QStringLiteral("does not take --title");
        QTest::newRow("bad time") << QStringList{QStringLiteral("timeline"), QStringLiteral("add"), QStringLiteral("--incident"),
                                                 QStringLiteral("1"), QStringLiteral("--text"), QStringLiteral("x"),
                                                 QStringLiteral("--at"), QStringLiteral("half past two")}
                                  << 2 << QStringLiteral("--at \"half past two\"");
        QTest::newRow("no such incident") << QStringList{QStringLiteral("timeline"), QStringLiteral("add"), QStringLiteral("--incident"),
                                                         QStringLiteral("99"), QStringLiteral("--text"), QStringLiteral("x")}
                                          << 1 << QStringLiteral("There is no incident 99");
        QTest::newRow("unsupported format") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("docx")}
                                            << 2 << QStringLiteral("not \"docx\"");
        QTest::newRow("import without file") << QStringList{QStringLiteral("import")} << 2 << QStringLiteral("needs the FILE");
    }
    void mistakesGetOneLineReasons()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, reason);
        const QString db = freshPath();
        QVERIFY(cli({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("t"),
                     QStringLiteral("--severity"), QStringLiteral("3")})
                    .exitCode == 0);
        expectOneLineError(cli(QStringList{QStringLiteral("--db"), db} + args), code, reason);
    }

    void badFilesAreReportedNotDamaged()
    {
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"incident-console\", \"formatVersion\": 1, \"tables\": {\"incidents\": [ {\"id\": }\n");
        f.close();
        const QByteArray before = TestSupport::fileHash(notes);
        expectOneLineError(cli({QStringLiteral("--db"), notes, QStringLiteral("list")}), 1, QStringLiteral("not an SQLite database"));
        QCOMPARE(TestSupport::fileHash(notes), before);

        const QString db = freshPath();
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("t"),
                      QStringLiteral("--severity"), QStringLiteral("2")})
                     .exitCode,
                 0);
        expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("import"), notes}), 1, QStringLiteral("line 1, column"));
        expectOneLineError(cli({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("absent.sqlite")), QStringLiteral("list")}),
                           1, QStringLiteral("does not exist"));
    }

    void aSecondWriterIsTurnedAwayButReadersAreNot()
    {
        const QString db = freshPath();
        IncidentStore gui; // stands in for a running console holding the file
        QVERIFY(gui.open(db).ok());
        expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("declare"), QStringLiteral("--title"),
                                QStringLiteral("t"), QStringLiteral("--severity"), QStringLiteral("2")}),
                           1, QStringLiteral("already open in another Incident Console"));
        const Run list = cli({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
