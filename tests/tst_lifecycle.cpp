#include "ChecklistModel.h"
#include "Clock.h"
#include "IncidentInsights.h"
#include "IncidentListModel.h"
#include "JsonExchange.h"
#include "ModelRoles.h"
#include "RoleHistoryModel.h"
#include "SeverityRules.h"
#include "TestSupport.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QDateTime at(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 29), QTime(hour, minute), QTimeZone::utc());
}

Alert::Pairs labels(std::initializer_list<std::pair<QString, QString>> pairs)
{
    Alert::Pairs list(pairs);
    std::sort(list.begin(), list.end());
    return list;
}
} // namespace

// The incident lifecycle: severity with reasons and history, suggestions, stages and checklists, roles and warnings.
class TestLifecycle final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = at(14, 0);

    QString freshPath() { return m_dir.filePath(u"l%1.sqlite"_s.arg(++m_files)); }
    void openFresh(Workspace &w) { QVERIFY(w.open(freshPath()).ok()); }
    // Links a firing alert with these labels to the incident, as the alert view would.
    void linkFiring(Workspace &w, qint64 incidentId, const Alert::Pairs &alertLabels)
    {
        Alert a;
        a.labels = alertLabels;
        a.identity = Alert::identityOf(a.labels);
        a.activeSince = m_now;
        a.sources = {u"am"_s};
        QVERIFY(w.linkAlerts(incidentId, {a}).ok());
    }
    QList<TimelineEntry> timeline(Workspace &w, qint64 id) { return w.store()->timeline(id).value(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([this] { return m_now; });
    }
    void cleanupTestCase() { Clock::setSource({}); }
    void init() { m_now = at(14, 0); }

    void severityChangeNeedsAReasonAndIsRecordedAndUndoable()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"Latency"_s, Severity::Sev2).value();
        QVERIFY(!w.changeSeverity(id, Severity::Sev1, u"  "_s).ok()); // no reason, no change
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev2);

        m_now = at(14, 30);
        QVERIFY(w.changeSeverity(id, Severity::Sev1, u"Now every region"_s).ok());
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev1);
        const auto history = w.store()->severityChanges(id).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).origin, SeverityChange::Origin::Declared);
        QCOMPARE(history.at(1).severity, Severity::Sev1);
        QCOMPARE(history.at(1).reason, u"Now every region"_s);
        const TimelineEntry note = timeline(w, id).last();
        QCOMPARE(note.text, u"Severity SEV-2 → SEV-1: Now every region"_s);
        QCOMPARE(note.source, TimelineEntry::Source::System);
        QVERIFY(note.keyMoment);

        w.undoStack()->undo();
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev2);
        QCOMPARE(w.store()->severityChanges(id)->size(), 1);
        QCOMPARE(timeline(w, id).size(), 1);
        w.undoStack()->redo();
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev1);
        QCOMPARE(w.store()->severityChanges(id)->size(), 2);
    }

    void timeInEachSeverityComesFromTheHistory()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"Outage"_s, Severity::Sev3).value(); // 14:00
        m_now = at(14, 10);
        QVERIFY(w.changeSeverity(id, Severity::Sev1, u"full outage"_s).ok());
        m_now = at(14, 40);
        QVERIFY(w.changeSeverity(id, Severity::Sev2, u"partly back"_s).ok());
        m_now = at(15, 0);
        QVERIFY(w.changeStage(id, Stage::Review).ok()); // resolved at 15:00: the clock stops
        const Incident incident = w.store()->incident(id).value();
        const auto seconds =
            IncidentInsights::timeInSeverity(incident, w.store()->severityChanges(id).value(), at(18, 0));
        QCOMPARE(seconds[0], 30 * 60);
        QCOMPARE(seconds[1], 20 * 60);
        QCOMPARE(seconds[2], 10 * 60);
        QCOMPARE(IncidentInsights::describeTimeInSeverity(seconds), u"SEV-1 30 min · SEV-2 20 min · SEV-3 10 min"_s);

        // An incident imported without history held its level throughout.
        Incident bare = incident;
        bare.resolvedAt = {};
        const auto whole = IncidentInsights::timeInSeverity(bare, {}, at(15, 0));
        QCOMPARE(whole[1], 60 * 60);
    }

    void suggestionRules_data()
    {
        QTest::addColumn<QList<Alert::Pairs>>("alerts");
        QTest::addColumn<int>("level"); // 0: no suggestion
        QTest::addColumn<QString>("explanation");
        QTest::addColumn<bool>("ambiguous");

        const auto latency = labels({{u"alertname"_s, u"SocketLatencyHigh"_s}, {u"severity"_s, u"SEV-2"_s}});
        const auto rate = labels({{u"alertname"_s, u"RateLimitPersistent"_s}, {u"severity"_s, u"SEV-2"_s}});
        const auto plugin = labels({{u"alertname"_s, u"PluginCrashErrors"_s}, {u"severity"_s, u"SEV-3"_s}});
        const auto down = labels({{u"alertname"_s, u"GameServerDown"_s}, {u"severity"_s, u"warning"_s}});
        const auto unknown = labels({{u"alertname"_s, u"Mystery"_s}});
        QTest::newRow("none") << QList<Alert::Pairs>{} << 0 << QString() << false;
        QTest::newRow("unmatched") << QList<Alert::Pairs>{unknown} << 0 << QString() << false;
        QTest::newRow("two SEV-2") << QList<Alert::Pairs>{latency, rate} << 2
                                   << u"2 firing alerts labelled SEV-2: SocketLatencyHigh, RateLimitPersistent"_s << false;
        QTest::newRow("one SEV-3") << QList<Alert::Pairs>{plugin} << 3
                                   << u"1 firing alert labelled SEV-3: PluginCrashErrors"_s << false;
        QTest::newRow("conflict: the higher") << QList<Alert::Pairs>{plugin, latency} << 2
                                              << u"The alerts disagree, so the higher level is suggested. 1 firing alert "
                                                 "labelled SEV-2: SocketLatencyHigh; 1 firing alert labelled SEV-3: "
                                                 "PluginCrashErrors"_s
                                              << true;
        // A rule on the alert's name outranks its own "warning" label: the highest level any rule gives counts.
        QTest::newRow("name beats label") << QList<Alert::Pairs>{down} << 1
                                          << u"1 firing alert showing a full outage: GameServerDown"_s << false;
        QTest::newRow("other vocabularies")
            << QList<Alert::Pairs>{labels({{u"alertname"_s, u"DiskFull"_s}, {u"severity"_s, u"critical"_s}})} << 1
            << u"1 firing alert labelled critical: DiskFull"_s << false;
    }

    void suggestionRules()
    {
        QFETCH(QList<Alert::Pairs>, alerts);
        QFETCH(int, level);
        QFETCH(QString, explanation);
        QFETCH(bool, ambiguous);
        const SeveritySuggestion s = SeverityRules::builtin().suggest(alerts);
        QCOMPARE(s.level ? int(*s.level) : 0, level);
        QCOMPARE(s.explanation, explanation);
        QCOMPARE(s.ambiguous, ambiguous);
    }

    void brokenRulesSayWhere_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("level") << u"# c\nSEV-9 {a=\"b\"} x"_s << u"line 2, column 1: expected a level (SEV-1, SEV-2 or SEV-3), found \"SEV-9\""_s;
        QTest::newRow("no braces") << u"SEV-1 a=\"b\" x"_s << u"line 1, column 7: expected label matchers in braces, such as {severity=\"SEV-2\"}"_s;
        QTest::newRow("unclosed") << u"SEV-1 {a=\"b\" x"_s << u"line 1, column 15: expected a closing }"_s;
        QTest::newRow("bad operator") << u"  SEV-2 {a>\"b\"} x"_s << u"line 1, at column 11: expected an operator (=, !=, =~ or !~) after \"a\""_s;
        QTest::newRow("no explanation") << u"SEV-2 {a=\"b\"}"_s << u"line 1, column 14: expected an explanation after the matchers, such as \"labelled SEV-2\""_s;
        QTest::newRow("empty") << u"SEV-2 {} why"_s << u"line 1, column 7: a rule needs at least one matcher, or it would match every alert"_s;
    }

    void brokenRulesSayWhere()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto parsed = SeverityRules::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(), error);
    }

    void shippedRulesParse()
    {
        const auto parsed = SeverityRules::parse(SeverityRules::builtinText());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QVERIFY(parsed->rules().size() >= 6);
    }

    void userRulesAreCheckedBeforeTheyAreKept()
    {
        QFile::remove(SeverityRules::userFilePath());
        QString problem;
        QCOMPARE(SeverityRules::loadUserRules(&problem).rules().size(), SeverityRules::builtin().rules().size());
        QVERIFY(problem.isEmpty());
        QCOMPARE(SeverityRules::userText(), SeverityRules::builtinText()); // a starting point to edit

        const Status refused = SeverityRules::saveUserText(u"SEV-1 {team=\"core\"} owned by core\nSEV-4 {a=\"b\"} x"_s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"line 2, column 1"_s), qPrintable(refused.error()));
        QVERIFY(!QFile::exists(SeverityRules::userFilePath()));

        QVERIFY(SeverityRules::saveUserText(u"SEV-1 {team=\"core\"} owned by the core team\n"_s).ok());
        const SeverityRules mine = SeverityRules::loadUserRules(&problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(mine.suggest({labels({{u"alertname"_s, u"X"_s}, {u"team"_s, u"core"_s}})}).explanation,
                 u"1 firing alert owned by the core team: X"_s);

        // A file broken by hand: the built-in rules stay in force and the problem names the line.
        QFile file(SeverityRules::userFilePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SEV-2 {severity=\"x\" why\n");
        file.close();
        QCOMPARE(SeverityRules::loadUserRules(&problem).rules().size(), SeverityRules::builtin().rules().size());
        QVERIFY2(problem.contains(u"line 1, column"_s), qPrintable(problem));
        QFile::remove(SeverityRules::userFilePath());
    }

    void acceptingAndOverridingASuggestionAreRecorded()
    {
        Workspace w;
        openFresh(w);
        w.setAuthor(u"dana"_s);
        const qint64 id = w.declareIncident(u"Logins"_s, Severity::Sev2).value();
        IncidentListModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        linkFiring(w, id, labels({{u"alertname"_s, u"AuthenticationFailures"_s}, {u"severity"_s, u"SEV-1"_s}}));
        const int row = model.rowOf(id);
        QCOMPARE(model.index(row, 0).data(ModelRoles::SuggestedSeverityRole).toInt(), 1);
        QCOMPARE(model.index(row, 0).data(ModelRoles::FiringAlertsRole).toInt(), 1);
        const auto suggestion = model.suggestionFor(id);
        QVERIFY(suggestion);

        // Overriding keeps the level, records why, and the board stops offering the same suggestion.
        QVERIFY(!w.overrideSuggestion(id, *suggestion, QString()).ok());
        QVERIFY(w.overrideSuggestion(id, *suggestion, u"Only the EU shard"_s).ok());
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev2);
        const SeverityChange kept = w.store()->severityChanges(id)->last();
        QCOMPARE(kept.origin, SeverityChange::Origin::SuggestionOverridden);
        QCOMPARE(kept.suggested, std::optional<Severity>(Severity::Sev1));
        QCOMPARE(kept.author, u"dana"_s);
        QCOMPARE(timeline(w, id).last().text, u"Kept SEV-2 against the suggested SEV-1: Only the EU shard"_s);
        QCOMPARE(model.index(row, 0).data(ModelRoles::SuggestedSeverityRole).toInt(), 0);

        w.undoStack()->undo(); // the override is undone: the suggestion is back
        QCOMPARE(model.index(row, 0).data(ModelRoles::SuggestedSeverityRole).toInt(), 1);
        QVERIFY(w.acceptSuggestion(id, *suggestion).ok());
        QCOMPARE(w.store()->incident(id)->severity, Severity::Sev1);
        QCOMPARE(w.store()->severityChanges(id)->last().origin, SeverityChange::Origin::SuggestionAccepted);
        QVERIFY(timeline(w, id).last().text.startsWith(u"Severity SEV-2 → SEV-1 (suggestion accepted): 1 firing alert"_s));
        QCOMPARE(model.index(row, 0).data(ModelRoles::SuggestedSeverityRole).toInt(), 0);
    }

    void stagesStampTheTimelineAndResolutionSetsThePostmortemDue()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"Crash"_s, Severity::Sev2).value();
        m_now = at(14, 20);
        QVERIFY(w.changeStage(id, Stage::Containment).ok());
        m_now = at(14, 50);
        QVERIFY(w.changeStage(id, Stage::Recovery).ok());
        QCOMPARE(w.store()->incident(id)->mitigatedAt, at(14, 50));
        m_now = at(15, 30);
        QVERIFY(w.changeStage(id, Stage::Review).ok());
        Incident resolved = w.store()->incident(id).value();
        QCOMPARE(resolved.resolvedAt, at(15, 30));
        QCOMPARE(resolved.postmortemDueAt, at(15, 30).addSecs(48 * 3600));
        QCOMPARE(timeline(w, id).last().text,
                 u"Stage: Eradication & Recovery → Post-Incident Review · resolved; postmortem due within 48 hours"_s);
        QVERIFY(timeline(w, id).last().keyMoment);

        // Reopening clears the resolution; undo brings it back exactly.
        QVERIFY(w.changeStage(id, Stage::Recovery).ok());
        QVERIFY(!w.store()->incident(id)->resolvedAt.isValid());
        QVERIFY(!w.store()->incident(id)->postmortemDueAt.isValid());
        w.undoStack()->undo();
        QCOMPARE(w.store()->incident(id).value(), resolved);
    }

    void checklistsStartFromThePlaybookAndTickingStampsTheTimeline()
    {
        Workspace w;
        openFresh(w);
        w.setAuthor(u"ravi"_s);
        const qint64 id = w.declareIncident(u"DDoS"_s, Severity::Sev1).value();
        ChecklistModel model(&w, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(id);
        const auto &containment = model.itemsOf(Stage::Containment);
        QCOMPARE(containment.size(), 3);
        QVERIFY(containment.at(0).text.contains(u"RATE_LIMIT_WRITE_MAX"_s));
        QVERIFY(containment.at(0).text.contains(u"SOCKET_EVENT_RATE_LIMIT"_s));
        QVERIFY(model.itemsOf(Stage::Recovery).at(2).text.contains(u"game_server_error_log_total"_s));
        QCOMPARE(model.itemsOf(Stage::Review).size(), 5);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex first = model.index(0, 0, model.indexOfStage(Stage::Containment));
        m_now = at(14, 5);
        QVERIFY(model.setData(first, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.count(), 0);
        const auto item = w.store()->checklist(id)->at(2);
        QCOMPARE(item.doneAt, at(14, 5));
        QCOMPARE(item.doneBy, u"ravi"_s);
        QVERIFY(timeline(w, id).last().text.startsWith(u"Done (Containment): If under attack"_s));

        const qint64 added = w.addChecklistItem(id, Stage::Containment, u"Ask the CDN for source ASNs"_s).value();
        QCOMPARE(model.itemsOf(Stage::Containment).size(), 4);
        QCOMPARE(model.itemsOf(Stage::Containment).last().id, added);
        QVERIFY(!w.addChecklistItem(id, Stage::Containment, u" "_s).ok());
        w.undoStack()->undo(); // the added item
        w.undoStack()->undo(); // the tick
        QCOMPARE(model.itemsOf(Stage::Containment).size(), 3);
        QVERIFY(!model.itemsOf(Stage::Containment).first().isDone());
        QCOMPARE(reset.count(), 0);

        // Undoing the declaration and redoing it brings the checklist back with the same ids.
        const auto before = w.store()->checklist(id).value();
        w.undoStack()->setIndex(0);
        QCOMPARE(w.store()->checklist(id)->size(), 0);
        w.undoStack()->redo();
        QCOMPARE(w.store()->checklist(id).value(), before);
    }

    void warningsThatMatter()
    {
        Workspace w;
        openFresh(w);
        const qint64 a = w.declareIncident(u"A"_s, Severity::Sev1).value();
        const qint64 b = w.declareIncident(u"B"_s, Severity::Sev2, {}, false, true).value();
        const qint64 c = w.declareIncident(u"C"_s, Severity::Sev3).value();
        IncidentListModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.warningsFor(a), QStringList{u"SEV-1 without an Incident Commander"_s});
        QCOMPARE(model.warningsFor(b), (QStringList{u"SEV-2 without an Incident Commander"_s,
                                                    u"Security incident without a Security Engineer"_s}));
        QCOMPARE(model.warningsFor(c), QStringList{}); // SEV-3 needs no IC

        QVERIFY(w.assignRole(a, Role::IncidentCommander, u"Dana"_s).ok());
        QCOMPARE(model.warningsFor(a), QStringList{});
        QVERIFY(w.assignRole(b, Role::IncidentCommander, u"Dana"_s).ok());
        QCOMPARE(model.warningsFor(a), QStringList{u"Dana is also Incident Commander of INC-2"_s});
        QCOMPARE(model.warningsFor(b), (QStringList{u"Dana is also Incident Commander of INC-1"_s,
                                                    u"Security incident without a Security Engineer"_s}));
        QCOMPARE(model.index(model.rowOf(b), 0).data(ModelRoles::WarningsRole).toStringList(), model.warningsFor(b));
        QVERIFY(w.assignRole(b, Role::SecurityEngineer, u"Sam"_s).ok());
        QVERIFY(w.assignRole(b, Role::IncidentCommander, u"Kim"_s).ok()); // hand-off: Dana commands only A now
        QCOMPARE(model.warningsFor(a), QStringList{});
        QCOMPARE(model.warningsFor(b), QStringList{});
        QCOMPARE(model.index(model.rowOf(b), 0).data(ModelRoles::CommanderRole).toString(), u"Kim"_s);

        // An alert labelled category="security" makes an incident a security incident.
        linkFiring(w, c, labels({{u"alertname"_s, u"DDoSSuspected"_s}, {u"category"_s, u"security"_s}}));
        QCOMPARE(model.warningsFor(c), QStringList{u"Security incident without a Security Engineer"_s});
        // Resolved incidents are not nagged about.
        QVERIFY(w.changeStage(a, Stage::Review).ok());
        QVERIFY(w.assignRole(c, Role::IncidentCommander, u"Dana"_s).ok());
        QCOMPARE(model.warningsFor(c), QStringList{u"Security incident without a Security Engineer"_s});
    }

    void pageMessageListsMissingRolesAndEssentials()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"Data exposure"_s, Severity::Sev1, u"Profile API leaks emails"_s, false, true).value();
        QVERIFY(w.assignRole(id, Role::IncidentCommander, u"Dana"_s).ok());
        m_now = at(14, 25);
        IncidentListModel model(w.store(), nullptr);
        const QString message = IncidentInsights::pageMessage(w.store()->incident(id).value(), model.factsOf(id),
                                                              w.store()->roles().value(), m_now);
        QCOMPARE(message, u"Paging for SEV-1 INC-1: Data exposure\n"
                          "Needed now: Communications Lead, Operations Engineer, Security Engineer\n"
                          "\n"
                          "Severity: SEV-1 (Full outage or security breach affecting >50% of users)\n"
                          "Stage: Triage\n"
                          "Declared: 2026-11-29 14:00 UTC (25 min ago)\n"
                          "Incident Commander: Dana\n"
                          "This is a security incident.\n"
                          "\n"
                          "Profile API leaks emails"_s);
    }

    void nextUpdateFollowsTheCadenceAndAnnouncedTimes()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"Latency"_s, Severity::Sev1).value();
        IncidentListModel model(w.store(), nullptr);
        const QModelIndex index = model.index(model.rowOf(id), 0);
        // Nothing sent yet: the internal update is due 15 minutes after declaring a SEV-1.
        QCOMPARE(index.data(ModelRoles::NextUpdateDueRole).toDateTime(), at(14, 15));
        QCOMPARE(index.data(ModelRoles::NextUpdateAudienceRole).toString(), u"internal"_s);
        QVERIFY(w.store()->insertStatusUpdate({0, id, StatusUpdate::Audience::Internal, u"x"_s, at(14, 10), {}}).ok());
        QVERIFY(w.store()->insertStatusUpdate({0, id, StatusUpdate::Audience::Customer, u"y"_s, at(14, 12), at(14, 20)}).ok());
        QCOMPARE(index.data(ModelRoles::NextUpdateDueRole).toDateTime(), at(14, 20)); // the customer's announced time
        QCOMPARE(index.data(ModelRoles::NextUpdateAudienceRole).toString(), u"customer"_s);

        // Resolved (at 14:30): the internal cadence stops, and customers are owed a final update, due at once.
        const QDateTime before = m_now;
        m_now = at(14, 30);
        QVERIFY(w.changeStage(id, Stage::Review).ok());
        m_now = before;
        const Incident resolved = w.store()->incident(id).value();
        QVERIFY(resolved.isResolved());
        const QModelIndex after = model.index(model.rowOf(id), 0);
        QCOMPARE(after.data(ModelRoles::NextUpdateDueRole).toDateTime(), resolved.resolvedAt);
        QCOMPARE(after.data(ModelRoles::NextUpdateAudienceRole).toString(), u"customer"_s);
        // The final update is published: nothing more is owed.
        QVERIFY(w.store()->insertStatusUpdate({0, id, StatusUpdate::Audience::Customer, u"Resolved."_s,
                                               resolved.resolvedAt.addSecs(60), {}}).ok());
        QVERIFY(!model.index(model.rowOf(id), 0).data(ModelRoles::NextUpdateDueRole).toDateTime().isValid());
    }

    void rolesRosterAndHandOffHistory()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"A"_s, Severity::Sev2).value();
        RoleHistoryModel history(w.store(), nullptr);
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setIncident(id);

        const qint64 scribe = w.addRole(u"Scribe"_s, u"Keeps the timeline while the IC talks."_s).value();
        QVERIFY(!w.addRole(u"scribe"_s, {}).ok()); // names are unique
        const auto roles = w.store()->roles().value();
        QCOMPARE(roles.last().responsibility, u"Keeps the timeline while the IC talks."_s);
        QVERIFY(!roles.last().builtin);

        const qint64 dana = w.savePerson({0, u"Dana"_s, u"@dana"_s, u"+1 555 0100"_s}).value();
        QVERIFY(!w.savePerson({0, u"dana"_s, {}, {}}).ok());
        QVERIFY(w.savePerson({dana, u"Dana Ruiz"_s, u"@dana"_s, u"+1 555 0199"_s}).ok());
        QCOMPARE(w.store()->people()->first().contact, u"+1 555 0199"_s);
        w.undoStack()->undo();
        QCOMPARE(w.store()->people()->first().name, u"Dana"_s);

        m_now = at(14, 5);
        QVERIFY(w.assignRole(id, Role::IncidentCommander, u"Dana"_s).ok());
        m_now = at(14, 40);
        QVERIFY(w.assignRole(id, Role::IncidentCommander, u"Kim"_s).ok());
        QVERIFY(w.assignRole(id, scribe, u"Lee"_s).ok());
        QCOMPARE(history.rowCount(), 3);
        QCOMPARE(history.index(0, RoleHistoryModel::ColumnPerson).data().toString(), u"Dana"_s);
        QVERIFY(history.index(0, RoleHistoryModel::ColumnTo).data().toString() != u"now"_s);
        QCOMPARE(history.index(1, RoleHistoryModel::ColumnPerson).data().toString(), u"Kim"_s);
        QCOMPARE(history.index(1, RoleHistoryModel::ColumnTo).data().toString(), u"now"_s);
        QCOMPARE(history.index(2, RoleHistoryModel::ColumnRole).data().toString(), u"Scribe"_s);
        const auto texts = timeline(w, id);
        QCOMPARE(texts.at(texts.size() - 2).text, u"Dana hands Incident Commander over to Kim"_s);
        QCOMPARE(texts.last().text, u"Lee takes Scribe"_s);
        w.undoStack()->undo();
        w.undoStack()->undo();
        QCOMPARE(history.rowCount(), 1);
        QCOMPARE(history.index(0, RoleHistoryModel::ColumnTo).data().toString(), u"now"_s);
    }

    void boardFactsDragAndFilters()
    {
        Workspace w;
        openFresh(w);
        const qint64 id = w.declareIncident(u"A"_s, Severity::Sev2).value();
        IncidentListModel model(w.store(), nullptr);
        const QModelIndex index = model.index(model.rowOf(id), 0);
        QVERIFY(model.flags(index).testFlag(Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(model.mimeData({index, index.siblingAtColumn(2)}));
        QCOMPARE(IncidentListModel::incidentIdsFromMime(mime.get()), QList<qint64>{id});
        QMimeData foreign;
        foreign.setText(u"1"_s);
        QVERIFY(IncidentListModel::incidentIdsFromMime(&foreign).isEmpty());
        QVERIFY(w.changeStage(id, Stage::Closed).ok());
        QVERIFY(!model.flags(index).testFlag(Qt::ItemIsDragEnabled)); // closed cards stay where they are
    }

    void oldFilesAndOldExportsGetTheLifecycle()
    {
        // A file from schema 3 (before this feature) gains a history and checklists for its incidents.
        Workspace w;
        const QString path = freshPath();
        QVERIFY(w.open(path).ok());
        const qint64 id = w.declareIncident(u"Old"_s, Severity::Sev2).value();
        w.close();
        TestSupport::rawQuery(path, {u"DROP TABLE postmortems"_s, u"DROP INDEX action_items_by_state_due"_s,
                                     u"DROP TABLE status_update_drafts"_s, u"ALTER TABLE incidents DROP COLUMN impact"_s,
                                     u"ALTER TABLE incidents DROP COLUMN eta"_s,
                                     u"DROP TRIGGER timeline_search_insert"_s, u"DROP TRIGGER timeline_search_delete"_s,
                                     u"DROP TRIGGER timeline_search_update"_s, u"DROP TABLE timeline_search"_s,
                                     u"DROP TABLE timeline_revisions"_s,
                                     u"ALTER TABLE timeline_entries DROP COLUMN deleted_at"_s,
                                     u"ALTER TABLE timeline_entries DROP COLUMN original_occurred_at"_s,
                                     u"ALTER TABLE timeline_entries DROP COLUMN edited_at"_s,
                                     u"ALTER TABLE timeline_entries DROP COLUMN edited_by"_s,
                                     u"DELETE FROM checklist_items"_s, u"DELETE FROM severity_changes"_s,
                                     u"DROP TABLE checklist_items"_s, u"DROP TABLE checklist_defaults"_s,
                                     u"DROP TABLE severity_changes"_s,
                                     u"ALTER TABLE incidents DROP COLUMN postmortem_due_at"_s,
                                     u"ALTER TABLE incidents DROP COLUMN is_security"_s, u"PRAGMA user_version = 3"_s});
        QVERIFY(w.open(path).ok());
        QVERIFY(!w.store()->lastBackupPath().isEmpty());
        QCOMPARE(w.store()->severityChanges(id)->size(), 1);
        QCOMPARE(w.store()->severityChanges(id)->first().severity, Severity::Sev2);
        QCOMPARE(w.store()->checklist(id)->size(), w.store()->checklistDefaults()->size());

        // An export in format 1 has no lifecycle fields; it still imports, with the defaults.
        const QByteArray v1 = R"({"format":"incident-console","formatVersion":1,"tables":{"incidents":[{"id":7,
            "title":"From v1","summary":"","severity":2,"stage":"triage","declaredAt":"2026-11-29T10:00:00.000Z",
            "detectedAt":null,"mitigatedAt":null,"resolvedAt":null,"drill":false}]}})";
        const auto imported = JsonExchange::importJson(*w.store(), v1);
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        const Incident old = w.store()->incident(imported->incidentIds.first()).value();
        QVERIFY(!old.security);
        QVERIFY(!old.postmortemDueAt.isValid());
        // Its severity history starts at the declared level, so later changes are counted from there.
        QCOMPARE(w.store()->severityChanges(old.id)->size(), 1);
        QCOMPARE(w.store()->severityChanges(old.id)->first().changedAt, old.declaredAt);
        // A format-2 export must carry them.
        QByteArray v2 = v1;
        v2.replace("\"formatVersion\":1", "\"formatVersion\":2");
        const auto refused = JsonExchange::importJson(*w.store(), v2);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"tables.incidents[0]: the field \"postmortemDueAt\" is missing"_s),
                 qPrintable(refused.error()));
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
