#include "Clock.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "TemplateEngine.h"
#include "UpdateChecks.h"
#include "Workspace.h"

#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using TemplateEngine::Problem;

namespace {
QDateTime utc(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 29), QTime(hour, minute), QTimeZone::utc());
}
} // namespace

// Templates, fact sheets, the customer check, cadence and publishing.
class TestComposer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = utc(14, 0);
    QString freshPath() { return m_dir.filePath(u"c%1.sqlite"_s.arg(++m_files)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([this] { return m_now; });
    }
    void cleanupTestCase() { Clock::setSource({}); }
    void init() { m_now = utc(14, 0); }

    void rendering_data()
    {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("value") << u"# {{reference}} {{title}}"_s << u"# INC-7 Login failures"_s;
        QTest::newRow("list") << u"{{#roles}}- {{role}}: {{holder}}\n{{/roles}}"_s
                              << u"- Incident Commander: Dana\n- Scribe: Lee\n"_s;
        QTest::newRow("empty list") << u"{{#alerts}}x{{/alerts}}{{^alerts}}none{{/alerts}}"_s << u"none"_s;
        // A value is printed as text: template syntax in it is not evaluated, Markdown and HTML are escaped.
        QTest::newRow("injection") << u"{{summary}}"_s << u"\\{\\{title\\}\\} \\<b\\>bold\\</b\\> \\*x\\* a \\& b"_s;
        QTest::newRow("list-looking value") << u"{{eta}}"_s << u"\\- soon\n\\# not a heading, INC-7"_s;
        QTest::newRow("numbered-looking value") << u"{{summary2}}"_s << u"1\\. first\n\\===\n2024\\) x, version 1.2"_s;
        QTest::newRow("unicode") << u"{{impact}}"_s << u"שלום 🔥 players in EU"_s;
    }

    void rendering()
    {
        QFETCH(QString, tmpl);
        QFETCH(QString, expected);
        TemplateEngine::Data data;
        data.values = {{u"reference"_s, u"INC-7"_s},
                       {u"title"_s, u"Login failures"_s},
                       {u"summary"_s, u"{{title}} <b>bold</b> *x* a & b"_s},
                       {u"impact"_s, u"שלום 🔥 players in EU"_s},
                       {u"eta"_s, u"- soon\n# not a heading, INC-7"_s},
                       {u"summary2"_s, u"1. first\n===\n2024) x, version 1.2"_s}};
        data.lists.insert(u"roles"_s, {{{u"role"_s, u"Incident Commander"_s}, {u"holder"_s, u"Dana"_s}},
                                       {{u"role"_s, u"Scribe"_s}, {u"holder"_s, u"Lee"_s}}});
        data.lists.insert(u"alerts"_s, {});
        const auto out = TemplateEngine::render(tmpl, data);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out.value(), expected);
    }

    void htmlOutputEscapesValues()
    {
        TemplateEngine::Data data;
        data.values.insert(u"summary"_s, u"<script>alert(1)</script> & {{x}}"_s);
        const QString md = TemplateEngine::render(u"**Summary:** {{summary}}"_s, data).value();
        const QString html = TemplateEngine::markdownToHtml(md);
        QVERIFY2(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{x}}"_s), qPrintable(html));
        QVERIFY(!html.contains(u"<script>"_s));
        QCOMPARE(TemplateEngine::markdownToPlainText(md), u"Summary: <script>alert(1)</script> & {{x}}"_s);
    }

    void longDraftsArePreviewedInPart()
    {
        QString draft;
        for (int i = 0; i < 5000; ++i) {
            draft += u"- entry %1 of a long timeline\n"_s.arg(i);
        }
        const QString preview = TemplateEngine::previewMarkdown(draft);
        QVERIFY(preview.size() < 41000);
        QVERIFY(preview.endsWith(u"copying and publishing use the whole draft.*"_s));
        QVERIFY(draft.startsWith(preview.left(preview.indexOf(u"\n\n---"_s)))); // cut at a line's end
        QCOMPARE(TemplateEngine::previewMarkdown(u"short"_s), u"short"_s);
    }

    void problemsHaveTheirPlace_data()
    {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QList<Problem>>("problems");
        QTest::newRow("sound") << u"{{title}}\n{{#roles}}{{holder}}{{/roles}}"_s << QList<Problem>{};
        QTest::newRow("typo") << u"Update\n  on {{titel}}"_s << QList<Problem>{{2, 6, u"unknown variable \"titel\""_s}};
        QTest::newRow("field outside its list") << u"{{holder}}"_s << QList<Problem>{{1, 1, u"unknown variable \"holder\""_s}};
        QTest::newRow("unknown list") << u"x\n{{#people}}{{/people}}"_s << QList<Problem>{{2, 1, u"unknown variable \"people\""_s}};
        QTest::newRow("unclosed section") << u"a\nb {{#roles}}{{holder}}"_s
                                          << QList<Problem>{{2, 3, u"the section \"roles\" is not closed (a {{/…}} is missing)"_s}};
        QTest::newRow("unopened section") << u"{{title}}\n{{/roles}}"_s
                                          << QList<Problem>{{2, 1, u"the section \"roles\" is closed but was never opened"_s}};
        QTest::newRow("unclosed tag") << u"🔥 {{title"_s << QList<Problem>{{1, 3, u"the tag is not closed (a }} is missing)"_s}};
        QTest::newRow("partial") << u"{{> footer}}"_s << QList<Problem>{{1, 1, u"partials ({{>footer}}) are not supported"_s}};
    }

    void problemsHaveTheirPlace()
    {
        QFETCH(QString, tmpl);
        QFETCH(QList<Problem>, problems);
        QCOMPARE(TemplateEngine::check(tmpl, IncidentFactSheet::schema()), problems);
    }

    void builtInTemplatesAreSoundAndRender()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Login failures"_s, Severity::Sev1, u"Auth 503s"_s).value();
        QVERIFY(w.setImpactAndEta(id, u"Most players cannot log in"_s, u"15:00 UTC"_s).ok());
        QVERIFY(w.assignRole(id, Role::IncidentCommander, u"Dana"_s).ok());
        QVERIFY(w.addTimelineLine(id, u"act: Rolled back auth 3.8.1"_s, TimelineEntry::Kind::Note, QTimeZone::utc()).ok());
        const auto templates = w.store()->templates().value();
        QCOMPARE(templates.size(), 3);
        m_now = utc(14, 20);
        const auto data = IncidentFactSheet::build(*w.store(), id, m_now, QTimeZone::utc());
        QVERIFY2(data.ok(), qPrintable(data.error()));
        for (const MessageTemplate &t : templates) {
            QVERIFY(t.builtin);
            QCOMPARE(TemplateEngine::check(t.body, IncidentFactSheet::schema()), QList<Problem>{});
            QVERIFY(TemplateEngine::render(t.body, data.value()).ok());
        }
        const QString internal = TemplateEngine::render(templates.at(0).body, data.value()).value();
        QVERIFY2(internal.contains(u"## INC-1 Login failures — internal update"_s), qPrintable(internal));
        QVERIFY(internal.contains(u"**SEV-1**"_s));
        QVERIFY(internal.contains(u"open for 20 min"_s));
        QVERIFY(internal.contains(u"- 14:00 Rolled back auth 3.8.1"_s));
        QVERIFY(internal.contains(u"Incident Commander: Dana"_s));
        QVERIFY(internal.contains(u"**ETA.** 15:00 UTC"_s));
        QVERIFY(internal.contains(u"Next internal update by 2026-11-29 14:35 UTC."_s)); // 15 minutes from now (SEV-1)
        const auto customerData = IncidentFactSheet::build(*w.store(), id, m_now, QTimeZone::utc(), {},
                                                           StatusUpdate::Audience::Customer);
        const QString customer = TemplateEngine::render(templates.at(1).body, customerData.value()).value();
        QVERIFY(customer.contains(u"next update by 2026-11-29 14:50 UTC"_s)); // 30 minutes for customers at SEV-1
        QCOMPARE(UpdateChecks::promisedNextUpdate(customer, m_now, QTimeZone::utc()), utc(14, 50));
        QVERIFY(customer.contains(u"**Status:** Investigating"_s));
        QVERIFY(customer.contains(u"Most players cannot log in"_s));
    }

    // What must be caught before a customer sees it, and what must not be (a checker that cries wolf gets
    // ticked away). The incident has DDoSSuspected firing on eu-lb-01; example.com is the public domain.
    void customerDraftsAreCheckedForInternalDetail_data()
    {
        QTest::addColumn<QString>("draft");
        QTest::addColumn<QStringList>("found"); // "what: text"
        // Caught.
        QTest::newRow("internal url, any host") << u"Details: https://grafana.internal.example/d/ddos"_s
                                                << QStringList{u"internal URL: https://grafana.internal.example/d/ddos"_s};
        QTest::newRow("url under no public domain") << u"See http://dashboards.acme-ops.net/x and https://status.example.com"_s
                                                    << QStringList{u"internal URL: http://dashboards.acme-ops.net/x"_s};
        QTest::newRow("loopback url") << u"was http://localhost:9090/graph"_s
                                      << QStringList{u"internal URL: http://localhost:9090/graph"_s};
        QTest::newRow("private ip") << u"Traffic from 10.0.4.17 was blocked"_s << QStringList{u"IP address: 10.0.4.17"_s};
        QTest::newRow("public ip") << u"Traffic from 203.0.113.7 was blocked"_s << QStringList{u"IP address: 203.0.113.7"_s};
        QTest::newRow("loopback") << u"bound to 127.0.0.1:8080 and ::1"_s
                                  << QStringList{u"IP address: 127.0.0.1:8080"_s, u"IP address: ::1"_s};
        QTest::newRow("ipv6") << u"from 2001:db8:0:0:0:0:2:1"_s << QStringList{u"IP address: 2001:db8:0:0:0:0:2:1"_s};
        QTest::newRow("whole host name") << u"eu-lb-01 was restarted"_s << QStringList{u"host name: eu-lb-01"_s};
        QTest::newRow("short host name") << u"gs-42 restarted"_s << QStringList{u"host name: gs-42"_s};
        QTest::newRow("dotted host") << u"db01.eu-west.internal failed over"_s
                                     << QStringList{u"host name: db01.eu-west.internal"_s};
        QTest::newRow("dotted host, no known suffix") << u"cache3.acme-ops.net is back"_s
                                                      << QStringList{u"host name: cache3.acme-ops.net"_s};
        QTest::newRow("alert name") << u"DDoSSuspected is still firing"_s << QStringList{u"alert name: DDoSSuspected"_s};
        QTest::newRow("label value") << u"The auth-canary job failed"_s << QStringList{u"alert label value: auth-canary"_s};
        QTest::newRow("person") << u"Dana Ruiz rolled it back"_s << QStringList{u"person's name: Dana Ruiz"_s};
        QTest::newRow("handle") << u"ask @dana.r"_s << QStringList{u"person's name: @dana.r"_s};
        // Not caught.
        QTest::newRow("ordinary words") << u"Some players cannot log in. We are working on a fix and will follow up."_s
                                        << QStringList{};
        QTest::newRow("severity and times") << u"SEV-1 since 10:02 UTC; next update at 15:00 UTC (P95 under 100 ms)."_s
                                            << QStringList{};
        QTest::newRow("versions and abbreviations") << u"Version 3.8.1 is rolled back, e.g. in 24-hour regions, COVID-19."_s
                                                    << QStringList{};
        QTest::newRow("public url") << u"Follow https://status.example.com/incidents/42 or https://example.com"_s
                                    << QStringList{};
        QTest::newRow("public host") << u"status.example.com has the details."_s << QStringList{};
        QTest::newRow("sentence end") << u"Logins work again.Thanks for your patience."_s << QStringList{};
    }

    void customerDraftsAreCheckedForInternalDetail()
    {
        QFETCH(QString, draft);
        QFETCH(QStringList, found);
        UpdateChecks::Context context{{u"Dana Ruiz"_s, u"@dana.r"_s, u"Kim"_s},
                                      {u"auth-canary"_s, u"SEV-1"_s, u"eu-lb-01"_s},
                                      {u"DDoSSuspected"_s},
                                      {u"example.com"_s}};
        QStringList got;
        for (const auto &f : UpdateChecks::customerFindings(draft, context)) {
            QCOMPARE(draft.mid(f.start, f.length), f.text);
            got.append(f.what + u": "_s + f.text);
        }
        QCOMPARE(got, found);
    }

    void promisedNextUpdate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("none") << u"We are investigating."_s << u"UTC"_s << QDateTime();
        QTest::newRow("utc") << u"Next update at 15:30 UTC."_s << u"Europe/Berlin"_s << utc(15, 30);
        QTest::newRow("local") << u"next update by 16:30"_s << u"Europe/Berlin"_s << utc(15, 30);
        QTest::newRow("dated") << u"Next update at 2026-11-29 18:00 UTC"_s << u"UTC"_s << utc(18, 0);
        QTest::newRow("after midnight") << u"next update at 00:15"_s << u"UTC"_s << utc(0, 15).addDays(1);
    }

    void promisedNextUpdate()
    {
        QFETCH(QString, text);
        QFETCH(QString, zone);
        QFETCH(QDateTime, due);
        QCOMPARE(UpdateChecks::promisedNextUpdate(text, utc(14, 0), QTimeZone(zone.toUtf8())), due);
    }

    // "Mitigation so far" is what was done about it: containment and recovery, not the triage chores.
    void mitigationStepsAreContainmentAndRecovery()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"DDoS"_s, Severity::Sev1).value();
        const QList<ChecklistItem> checklist1 = w.store()->checklist(id).value(); // a local: the Result is a temporary
        for (const ChecklistItem &item : checklist1) {
            if (item.stage == Stage::Triage || item.stage == Stage::Containment) {
                QVERIFY(w.setChecklistItemDone(id, item.id, true).ok());
            }
        }
        QVERIFY(w.addTimelineEntry(id, u"Blocked 203.0.113.0/24 at the load balancer"_s, TimelineEntry::Kind::Action).ok());
        const auto data = IncidentFactSheet::build(*w.store(), id, QDateTime::currentDateTimeUtc(), QTimeZone::utc(),
                                                   {u"mitigation_steps"_s}, StatusUpdate::Audience::Internal);
        QVERIFY(data.ok());
        QStringList steps;
        for (const auto &step : data->lists.value(u"mitigation_steps"_s)) {
            steps.append(step.value(u"text"_s));
        }
        QVERIFY2(steps.contains(u"Blocked 203.0.113.0/24 at the load balancer"_s), qPrintable(steps.join(u'|')));
        int containment = 0;
        const QList<ChecklistItem> checklist2 = w.store()->checklist(id).value(); // a local: the Result is a temporary
        for (const ChecklistItem &item : checklist2) {
            if (item.stage == Stage::Triage) {
                QVERIFY2(!steps.contains(item.text), qPrintable(item.text));
            } else if (item.stage == Stage::Containment) {
                QVERIFY(steps.contains(item.text));
                ++containment;
            }
        }
        QVERIFY(containment > 0);
    }

    void cadenceAndPublishing()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Latency"_s, Severity::Sev1).value(); // 14:00
        auto next = [&] {
            const auto facts = w.store()->incidentFacts({id}).value().value(id);
            return IncidentInsights::nextUpdate(w.store()->incident(id).value(), facts);
        };
        QCOMPARE(next().due, utc(14, 15)); // internal, 15 minutes for SEV-1
        QCOMPARE(next().audience, StatusUpdate::Audience::Internal);

        // A draft is kept as typed, and publishing clears it.
        QVERIFY(w.store()->saveDraft(id, StatusUpdate::Audience::Internal, u"half-written"_s, utc(14, 9)).ok());
        QCOMPARE(w.store()->draft(id, StatusUpdate::Audience::Internal).value(), u"half-written"_s);
        m_now = utc(14, 10);
        const qint64 published = w.publishUpdate(id, StatusUpdate::Audience::Internal, u"## All hands\nRolling back"_s,
                                                 QTimeZone::utc())
                                     .value();
        QCOMPARE(w.store()->draft(id, StatusUpdate::Audience::Internal).value(), QString());
        const StatusUpdate u = w.store()->statusUpdates(id)->first();
        QCOMPARE(u.id, published);
        QCOMPARE(u.publishedAt, utc(14, 10));
        QCOMPARE(u.nextUpdateDue, utc(14, 25));
        QCOMPARE(w.store()->timeline(id)->last().text, u"Internal update published: All hands"_s);
        QCOMPARE(w.store()->timeline(id)->last().kind, TimelineEntry::Kind::Communication);
        QCOMPARE(w.undoStack()->count(), 1); // only the declaration: what was sent is not taken back
        QCOMPARE(next().due, utc(14, 25));

        // The customer update promised 14:20, before the internal one: that is what is due next.
        m_now = utc(14, 12);
        QVERIFY(w.publishUpdate(id, StatusUpdate::Audience::Customer, u"We are on it. Next update at 14:20 UTC."_s,
                                QTimeZone::utc())
                    .ok());
        QCOMPARE(next().due, utc(14, 20));
        QCOMPARE(next().audience, StatusUpdate::Audience::Customer);

        // The cadence can be changed; SEV-3 has none by default.
        IncidentInsights::setUpdateIntervalMinutes(StatusUpdate::Audience::Internal, Severity::Sev3, 120);
        const qint64 minor = w.declareIncident(u"Avatars"_s, Severity::Sev3).value();
        const auto facts = w.store()->incidentFacts({minor}).value().value(minor);
        QCOMPARE(IncidentInsights::nextUpdate(w.store()->incident(minor).value(), facts).due, utc(16, 12));
        IncidentInsights::setUpdateIntervalMinutes(StatusUpdate::Audience::Internal, Severity::Sev3, -1);
        QVERIFY(!IncidentInsights::nextUpdate(w.store()->incident(minor).value(), facts).due.isValid());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // Markdown to HTML goes through QTextDocument
    TestComposer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_composer.moc"
