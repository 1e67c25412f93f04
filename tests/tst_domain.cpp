#include "Alert.h"
#include "AlertValue.h"
#include "PersonMatch.h"
#include "Incident.h"
#include "Lifecycle.h"
#include "Severity.h"
#include "Stage.h"
#include "StoredTime.h"
#include "TimeDisplay.h"
#include "TimelineEntry.h"

#include <QTest>

class TestDomain final : public QObject
{
    Q_OBJECT

private slots:
    // Alert values read as people read them, in the unit the alert names.
    void alertValuesReadAsPeopleReadThem_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("shown");
        QTest::newRow("latency") << u"1.5e-01"_qs << u"seconds"_qs << u"150 ms"_qs;
        QTest::newRow("latency p95") << u"4.875e-01"_qs << u"seconds"_qs << u"490 ms"_qs;
        QTest::newRow("microseconds") << u"0.00042"_qs << u"seconds"_qs << u"420 µs"_qs;
        QTest::newRow("seconds") << u"2.25"_qs << u"seconds"_qs << u"2.3 s"_qs;
        QTest::newRow("minutes") << u"400"_qs << u"seconds"_qs << u"6.7 min"_qs;
        QTest::newRow("rate") << u"4.1234e+03"_qs << u"per_second"_qs << u"4100 /s"_qs;
        QTest::newRow("small rate") << u"0.01234"_qs << u"per_second"_qs << u"0.012 /s"_qs;
        QTest::newRow("ratio") << u"0.6312"_qs << u"ratio"_qs << u"63 %"_qs;
        QTest::newRow("bytes") << u"1572864"_qs << u"bytes"_qs << u"1.5 MiB"_qs;
        QTest::newRow("no unit") << u"1e+00"_qs << QString() << u"1.0"_qs;
        QTest::newRow("no unit, large") << u"123456"_qs << QString() << u"120000"_qs;
        QTest::newRow("not a number") << u"NaN"_qs << u"seconds"_qs << u"NaN"_qs;
    }
    void alertValuesReadAsPeopleReadThem()
    {
        QFETCH(QString, raw);
        QFETCH(QString, unit);
        QFETCH(QString, shown);
        QCOMPARE(AlertValue::readable(raw, unit), shown);
    }

    // The unit comes from the "unit" annotation, else the metric name's suffix.
    void alertUnitFromAnnotationOrMetricName()
    {
        Alert a;
        a.annotations = {{u"unit"_qs, u"seconds"_qs}};
        QCOMPARE(AlertValue::unitOf(a), u"seconds"_qs);
        Alert b;
        b.labels = {{u"__name__"_qs, u"game_server_rate_limited_requests_total"_qs}};
        QCOMPARE(AlertValue::unitOf(b), u"per_second"_qs);
        b.labels = {{u"__name__"_qs, u"process_resident_memory_bytes"_qs}};
        b.value = u"2147483648"_qs;
        QCOMPARE(AlertValue::readable(b), u"2.0 GiB"_qs);
        QCOMPARE(AlertValue::unitOf(Alert()), QString());
    }

    // Typing part of a name picks from the roster as a person expects; a name nobody has matches nobody.
    void personMatchPicksWhoIsMeant_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("first name") << QStringLiteral("Sam") << QStringList{QStringLiteral("Sam Whitfield")};
        QTest::newRow("any case") << QStringLiteral("sam") << QStringList{QStringLiteral("Sam Whitfield")};
        QTest::newRow("whole name") << QStringLiteral("samira haddad") << QStringList{QStringLiteral("Samira Haddad")};
        QTest::newRow("start of a last name") << QStringLiteral("whit") << QStringList{QStringLiteral("Sam Whitfield")};
        QTest::newRow("handle") << QStringLiteral("@priya") << QStringList{QStringLiteral("Priya Raman")};
        QTest::newRow("ambiguous start") << QStringLiteral("Sa")
                                         << QStringList{QStringLiteral("Sam Whitfield"), QStringLiteral("Samira Haddad")};
        QTest::newRow("nobody") << QStringLiteral("Dana") << QStringList{};
        QTest::newRow("blank") << QStringLiteral("  ") << QStringList{};
    }
    void personMatchPicksWhoIsMeant()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, expected);
        QList<Person> roster;
        for (const auto &[name, handle] : {std::pair{u"Sam Whitfield"_qs, u"@sam.w"_qs}, std::pair{u"Samira Haddad"_qs, QString()},
                                           std::pair{u"Priya Raman"_qs, u"@priya"_qs}}) {
            Person p;
            p.name = name;
            p.handle = handle;
            roster.append(p);
        }
        QStringList names;
        for (const Person &p : PersonMatch::matching(roster, typed)) {
            names.append(p.name);
        }
        QCOMPARE(names, expected);
    }

    // The workflow's rules, without a file: what each move implies for the incident's times.
    void stageMovesImplyTheLifecycle()
    {
        const QDateTime t0(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);
        Incident i;
        i.stage = Stage::Triage;
        i.declaredAt = t0;
        i.detectedAt = t0.addSecs(-300);

        const auto contained = Lifecycle::moveTo(i, Stage::Containment, t0.addSecs(600));
        QVERIFY(!contained.after.mitigatedAt.isValid());
        QVERIFY(!contained.keyMoment);
        QCOMPARE(contained.note, QStringLiteral("Stage: Triage → Containment"));

        const auto recovering = Lifecycle::moveTo(contained.after, Stage::Recovery, t0.addSecs(1200));
        QCOMPARE(recovering.after.mitigatedAt, t0.addSecs(1200));
        QVERIFY(!recovering.after.isResolved());

        const auto review = Lifecycle::moveTo(recovering.after, Stage::Review, t0.addSecs(3600));
        QCOMPARE(review.after.resolvedAt, t0.addSecs(3600));
        QCOMPARE(review.after.postmortemDueAt, t0.addSecs(3600 + kPostmortemDueHours * 3600));
        QCOMPARE(review.after.mitigatedAt, t0.addSecs(1200)); // kept
        QVERIFY(review.keyMoment);
        QVERIFY2(review.note.contains(QStringLiteral("resolved; postmortem due within 48 hours")), qPrintable(review.note));

        // Closing a resolved incident keeps when it was resolved.
        const auto closed = Lifecycle::moveTo(review.after, Stage::Closed, t0.addSecs(7200));
        QCOMPARE(closed.after.resolvedAt, t0.addSecs(3600));
        QVERIFY(!closed.keyMoment);

        // Back into containment: reopened and not mitigated after all.
        const auto reopened = Lifecycle::moveTo(review.after, Stage::Containment, t0.addSecs(4000));
        QVERIFY(!reopened.after.isResolved());
        QVERIFY(!reopened.after.postmortemDueAt.isValid());
        QVERIFY(!reopened.after.mitigatedAt.isValid());
        QVERIFY(reopened.keyMoment);
        QVERIFY2(reopened.note.endsWith(QStringLiteral(" · reopened")), qPrintable(reopened.note));

        // Straight to review from detection: mitigated and resolved at once, never before it was detected.
        Incident late = i;
        late.detectedAt = t0.addSecs(9000); // a detection time entered later than the move
        const auto straight = Lifecycle::moveTo(late, Stage::Review, t0.addSecs(5000));
        QCOMPARE(straight.after.mitigatedAt, late.detectedAt);
        QCOMPARE(straight.after.resolvedAt, t0.addSecs(5000));
    }

    void severityFromLabel_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // 0: refused
        QTest::newRow("playbook form") << QStringLiteral("SEV-1") << 1;
        QTest::newRow("lower case") << QStringLiteral("sev-2") << 2;
        QTest::newRow("no dash") << QStringLiteral("SEV3") << 3;
        QTest::newRow("bare number") << QStringLiteral("2") << 2;
        QTest::newRow("out of range") << QStringLiteral("SEV-4") << 0;
        QTest::newRow("zero") << QStringLiteral("SEV-0") << 0;
        QTest::newRow("word") << QStringLiteral("critical") << 0;
        QTest::newRow("empty") << QString() << 0;
    }
    void severityFromLabel()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto s = Severities::fromLabel(text);
        QCOMPARE(s.has_value(), expected != 0);
        if (s) {
            QCOMPARE(int(*s), expected);
            QCOMPARE(Severities::label(*s), QStringLiteral("SEV-%1").arg(expected));
        }
    }

    void severityTextComesFromThePlaybook()
    {
        QVERIFY(Severities::definition(Severity::Sev1).contains(QStringLiteral(">50% of users")));
        QVERIFY(Severities::examples(Severity::Sev2).contains(QStringLiteral("100 ms P95")));
        QVERIFY(Severities::examples(Severity::Sev3).contains(QStringLiteral("avatar upload")));
    }

    void stagesFollowTheWorkflowInOrder()
    {
        const QStringList titles{QStringLiteral("Detection"), QStringLiteral("Triage"), QStringLiteral("Containment"),
                                 QStringLiteral("Eradication & Recovery"), QStringLiteral("Post-Incident Review"),
                                 QStringLiteral("Closed")};
        const auto all = Stages::all();
        QCOMPARE(all.size(), titles.size());
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(Stages::title(all[i]), titles[i]);
            QCOMPARE(Stages::fromKey(Stages::key(all[i])), std::optional<Stage>(all[i]));
        }
        QVERIFY(!Stages::fromKey(QStringLiteral("Triage")).has_value()); // keys are exact
        QVERIFY(Stages::isOpen(Stage::Review));
        QVERIFY(!Stages::isOpen(Stage::Closed));
    }

    void incidentRules_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("detectedMinutes");  // relative to declared; 999: unset
        QTest::addColumn<int>("mitigatedMinutes");
        QTest::addColumn<int>("resolvedMinutes");
        QTest::addColumn<QString>("problem"); // part of the message, empty: valid
        QTest::newRow("valid") << QStringLiteral("Login failures") << -10 << 20 << 60 << QString();
        QTest::newRow("blank title") << QStringLiteral("   ") << 999 << 999 << 999 << QStringLiteral("title");
        QTest::newRow("resolved before declared") << QStringLiteral("x") << 999 << 999 << -5 << QStringLiteral("resolved before it was declared");
        QTest::newRow("mitigated before detected") << QStringLiteral("x") << 10 << 5 << 999 << QStringLiteral("mitigated before");
        QTest::newRow("resolved before mitigated") << QStringLiteral("x") << 999 << 30 << 20 << QStringLiteral("resolved before it was mitigated");
    }
    void incidentRules()
    {
        QFETCH(QString, title);
        QFETCH(int, detectedMinutes);
        QFETCH(int, mitigatedMinutes);
        QFETCH(int, resolvedMinutes);
        QFETCH(QString, problem);
        Incident i;
        i.title = title;
        i.declaredAt = QDateTime(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);
        auto at = [&](int m) { return m == 999 ? QDateTime() : i.declaredAt.addSecs(m * 60); };
        i.detectedAt = at(detectedMinutes);
        i.mitigatedAt = at(mitigatedMinutes);
        i.resolvedAt = at(resolvedMinutes);
        const QString error = i.validationError();
        if (problem.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY2(error.contains(problem), qPrintable(error));
        }
    }

    void storedTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("utc") << QStringLiteral("2026-11-29T14:05:00Z") << QStringLiteral("2026-11-29T14:05:00.000Z");
        QTest::newRow("offset") << QStringLiteral("2026-11-29T15:05:00+01:00") << QStringLiteral("2026-11-29T14:05:00.000Z");
        QTest::newRow("millis") << QStringLiteral("2026-11-29T14:05:00.123Z") << QStringLiteral("2026-11-29T14:05:00.123Z");
        QTest::newRow("no zone is ambiguous") << QStringLiteral("2026-11-29T14:05:00") << QString();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QString();
        QTest::newRow("bad month") << QStringLiteral("2026-13-01T00:00:00Z") << QString();
    }
    void storedTime()
    {
        QFETCH(QString, text);
        QFETCH(QString, stored);
        const QDateTime t = StoredTime::parse(text);
        QCOMPARE(t.isValid(), !stored.isEmpty());
        if (t.isValid()) {
            QCOMPARE(StoredTime::toText(t), stored);
            QCOMPARE(StoredTime::parse(StoredTime::toText(t)), t);
        }
    }

    void durations()
    {
        QCOMPARE(TimeDisplay::duration(42), QStringLiteral("42 s"));
        QCOMPARE(TimeDisplay::duration(5 * 60 + 3), QStringLiteral("5 min"));
        QCOMPARE(TimeDisplay::duration(3 * 3600 + 5 * 60), QStringLiteral("3 h 05 min"));
        QCOMPARE(TimeDisplay::duration(3 * 86400 + 2 * 3600), QStringLiteral("3 d 2 h"));
    }

    void timelineKindsRoundTrip()
    {
        for (auto k : TimelineEntry::kinds()) {
            QCOMPARE(TimelineEntry::kindFromKey(TimelineEntry::kindKey(k)), std::optional(k));
        }
        QVERIFY(!TimelineEntry::kindFromKey(QStringLiteral("gossip")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
