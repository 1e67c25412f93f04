#include "AlertDecoder.h"
#include "AlertJson.h"
#include "ByteBuffer.h"
#include "FastIsoTime.h"
#include "LabelMatcher.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(IC_SOURCE_DIR "/tests/data/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return f.readAll();
}
using Format = AlertDecoder::Format;
} // namespace

// Decoding real answers captured from Debian's Prometheus 2.42 and Alertmanager 0.25, and the changes between them.
class TestAlertDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void prometheusAnswer()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::PrometheusV1, fixture(QStringLiteral("prometheus-2.42/alerts.json")), state);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        const auto &alerts = out->delta.added;
        QVERIFY(alerts.size() >= 3);
        QCOMPARE(state.byIdentity.size(), alerts.size());
        const auto watchdog = std::find_if(alerts.begin(), alerts.end(), [](const Alert &a) { return a.alertName() == QStringLiteral("Watchdog"); });
        QVERIFY(watchdog != alerts.end());
        QCOMPARE(watchdog->severity(), QStringLiteral("SEV-4"));
        QCOMPARE(watchdog->annotation(u"summary"), QStringLiteral("Alerting pipeline is alive"));
        QCOMPARE(watchdog->state, Alert::State::Firing);
        QCOMPARE(watchdog->value, QStringLiteral("1e+00"));
        // Nanoseconds in the answer, milliseconds kept.
        QCOMPARE(watchdog->activeSince, QDateTime(QDate(2026, 11, 29), QTime(1, 38, 42, 765), Qt::UTC));
        for (const Alert &a : alerts) {
            QVERIFY(std::is_sorted(a.labels.begin(), a.labels.end()));
            QCOMPARE(a.identity, Alert::identityOf(a.labels));
        }
    }

    void pendingAlertsAreRecognised()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::PrometheusV1, fixture(QStringLiteral("prometheus-2.42/alerts_with_pending.json")), state);
        QVERIFY(out.ok());
        QVERIFY(std::any_of(out->delta.added.begin(), out->delta.added.end(), [](const Alert &a) { return a.state == Alert::State::Pending; }));
    }

    void alertmanagerAnswerAndSilences()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::AlertmanagerV2, fixture(QStringLiteral("alertmanager-0.25/alerts.json")), state);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QVERIFY(!out->delta.added.isEmpty());
        const Alert &first = out->delta.added.first();
        QVERIFY(!first.alertName().isEmpty());
        QVERIFY(first.generatorUrl.startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(first.activeSince.isValid());

        const auto silenced = decoder.decode(Format::AlertmanagerV2, fixture(QStringLiteral("alertmanager-0.25/alerts_after_silence.json")), state);
        QVERIFY(silenced.ok());
        const QList<Alert> all = silenced->delta.added + silenced->delta.changed;
        QVERIFY(std::any_of(all.begin(), all.end(), [](const Alert &a) {
            return a.state == Alert::State::Suppressed && !a.silencedBy.isEmpty();
        }));
    }

    void sameLabelsSameIdentityOnEveryServer()
    {
        const QByteArray prometheus = R"({"status":"success","data":{"alerts":[{"labels":{"severity":"SEV-2","alertname":"SocketLatencyHigh"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"0.25"}]}})";
        const QByteArray alertmanager = R"([{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2"},"annotations":{},"startsAt":"2026-11-29T14:00:00Z","endsAt":"2026-11-29T15:00:00Z","updatedAt":"2026-11-29T14:00:01Z","fingerprint":"abc","receivers":[],"status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"generatorURL":""}])";
        AlertDecoder a;
        AlertDecoder b;
        AlertSnapshot sa;
        AlertSnapshot sb;
        const auto p = a.decode(Format::PrometheusV1, prometheus, sa);
        const auto m = b.decode(Format::AlertmanagerV2, alertmanager, sb);
        QVERIFY(p.ok() && m.ok());
        QCOMPARE(p->delta.added.first().identity, m->delta.added.first().identity);
    }

    void changesBetweenPolls()
    {
        AlertDecoder decoder;
        const QByteArray body = fixture(QStringLiteral("prometheus-2.42/alerts.json"));
        AlertSnapshot state;
        const auto first = decoder.decode(Format::PrometheusV1, body, state);
        QVERIFY(first.ok());
        const auto same = decoder.decode(Format::PrometheusV1, body, state);
        QVERIFY(same.ok());
        QVERIFY(same->unchanged);
        QVERIFY(same->delta.isEmpty());

        // One alert's value changes, one disappears (resolved), one is new.
        QJsonObject doc = QJsonDocument::fromJson(body).object();
        QJsonObject data = doc.value(QStringLiteral("data")).toObject();
        QJsonArray alerts = data.value(QStringLiteral("alerts")).toArray();
        const int before = int(alerts.size());
        QJsonObject changed = alerts[0].toObject();
        changed.insert(QStringLiteral("value"), QStringLiteral("42"));
        alerts[0] = changed;
        const QString resolvedName = alerts[1].toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("alertname")).toString();
        alerts.removeAt(1);
        QJsonObject fresh = changed;
        QJsonObject labels = fresh.value(QStringLiteral("labels")).toObject();
        labels.insert(QStringLiteral("instance"), QStringLiteral("new-host:9100"));
        fresh.insert(QStringLiteral("labels"), labels);
        alerts.append(fresh);
        data.insert(QStringLiteral("alerts"), alerts);
        doc.insert(QStringLiteral("data"), data);
        // A broken answer first: the state is left as it was.
        QVERIFY(!decoder.decode(Format::PrometheusV1, QJsonDocument(doc).toJson(QJsonDocument::Compact).chopped(30), state).ok());
        QCOMPARE(state.byIdentity.size(), before);
        const auto next = decoder.decode(Format::PrometheusV1, QJsonDocument(doc).toJson(QJsonDocument::Compact), state);
        QVERIFY2(next.ok(), qPrintable(next.error()));
        QCOMPARE(next->delta.changed.size(), 1);
        QCOMPARE(next->delta.changed.first().value, QStringLiteral("42"));
        QCOMPARE(next->delta.added.size(), 1);
        QCOMPARE(next->delta.added.first().label(u"instance"), QStringLiteral("new-host:9100"));
        QCOMPARE(next->delta.resolved.size(), 1);
        QCOMPARE(state.byIdentity.size(), before);
        QVERIFY(!resolvedName.isEmpty());
    }

    void aBrokenAnswerLeavesNoMarks()
    {
        const QByteArray a = R"({"labels":{"alertname":"A"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"1"})";
        const QByteArray b = R"({"labels":{"alertname":"B"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"1"})";
        auto body = [](const QByteArray &alerts) {
            return QByteArray(R"({"status":"success","data":{"alerts":[)" + alerts + "]}}");
        };
        AlertDecoder decoder;
        AlertSnapshot state;
        QVERIFY(decoder.decode(Format::PrometheusV1, body(a + ',' + b), state).ok());
        // A is read, then the answer breaks: A's mark from this attempt must not keep it alive later.
        QVERIFY(!decoder.decode(Format::PrometheusV1, body(a + R"(,{"labels":7})"), state).ok());
        const auto next = decoder.decode(Format::PrometheusV1, body(b), state);
        QVERIFY(next.ok());
        QCOMPARE(next->delta.resolved.size(), 1);
        QCOMPARE(state.byIdentity.size(), 1);
    }

    void sameLabelsTwiceLastCopyCounts()
    {
        const QByteArray body = R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"A"},"annotations":{},"state":"pending","activeAt":"2026-11-29T14:00:00Z","value":"1"},{"labels":{"alertname":"A"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"2"}]}})";
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::PrometheusV1, body, state);
        QVERIFY(out.ok());
        QCOMPARE(out->delta.added.size(), 1);
        QCOMPARE(out->delta.added.first().value, QStringLiteral("2"));
        QCOMPARE(state.byIdentity.size(), 1);
        // The first copy does not come back as a change on the next poll, which has only the second.
        const QByteArray second = R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"A"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"2"}]}})";
        const auto again = decoder.decode(Format::PrometheusV1, second, state);
        QVERIFY(again.ok());
        QVERIFY(again->delta.isEmpty());
    }

    void aLabelNameTwiceKeepsItsLastValueEverywhere()
    {
        // As Alertmanager reads labels (into a map): the last value written counts, in the window and in --json alike.
        const QByteArray body = R"([{"labels":{"alertname":"AllGood","severity":"SEV-3","instance":"a","severity":"SEV-1"},)"
                                R"("annotations":{"summary":"x","summary":"y"},"startsAt":"2026-11-29T14:00:00Z",)"
                                R"("status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"fingerprint":"1"}])";
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::AlertmanagerV2, body, state);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->delta.added.size(), 1);
        const Alert &a = out->delta.added.first();
        QCOMPARE(a.severity(), QStringLiteral("SEV-1"));
        QCOMPARE(a.annotation(u"summary"), QStringLiteral("y"));
        QCOMPARE(a.labels.size(), 3);
        QCOMPARE(a.identity, Alert::identityOf({{QStringLiteral("alertname"), QStringLiteral("AllGood")},
                                                {QStringLiteral("instance"), QStringLiteral("a")},
                                                {QStringLiteral("severity"), QStringLiteral("SEV-1")}}));
        AlertDecoder reader;
        QByteArray json;
        QVERIFY(reader.readEach(Format::AlertmanagerV2, body, [&](const AlertDecoder::AlertView &view) {
                          ByteBuffer b;
                          AlertJson::appendCompact(b, view, {QStringLiteral("am")});
                          json = b.toByteArray();
                      }).ok());
        QVERIFY2(!json.contains("SEV-3") && !json.contains("\"x\""), json.constData()); // each name once
        QVERIFY2(json.contains("\"severity\":\"SEV-1\""), json.constData());
        QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("labels")).toObject().value(QStringLiteral("severity")).toString(),
                 QStringLiteral("SEV-1"));
    }

    // Labels and annotations are compared as the server wrote them; escapes are read only for a new or changed
    // alert, and must give the same text (and identity) as plain writing.
    void escapedTextsReadAsPlain()
    {
        const QByteArray escaped = fixture(QStringLiteral("escapes/escaped.json"));
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::AlertmanagerV2, escaped, state);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->delta.added.size(), 1);
        const Alert &a = out->delta.added.first();
        QCOMPARE(a.alertName(), QStringLiteral("CaféDown"));
        QCOMPARE(a.label(u"note"), QStringLiteral("a \"quoted\"\\path\nline"));
        QCOMPARE(a.label(u"emoji"), QString::fromUtf8("\xF0\x9F\x94\xA5"));
        QCOMPARE(a.annotation(u"summary"), QStringLiteral("Tab\there / slash"));
        QCOMPARE(a.identity, Alert::identityOf(a.labels));

        // The same alert written without escapes, spaced out and with its labels in another order: the same
        // alert, unchanged, so nothing is announced.
        const QByteArray plain = fixture(QStringLiteral("escapes/plain.json"));
        const auto again = decoder.decode(Format::AlertmanagerV2, plain, state);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QVERIFY2(again->delta.isEmpty(), "the same alert written differently is not a change");
        QCOMPARE(state.byIdentity.size(), 1);

        // Now silenced: a change, and the only one.
        QByteArray silenced = plain;
        silenced.replace(R"("silencedBy":[])", R"("silencedBy":["s-1"])");
        const auto third = decoder.decode(Format::AlertmanagerV2, silenced, state);
        QVERIFY(third.ok());
        QCOMPARE(third->delta.changed.size(), 1);
        QCOMPARE(third->delta.changed.first().silencedBy, QStringList{QStringLiteral("s-1")});
        QVERIFY(third->delta.added.isEmpty() && third->delta.resolved.isEmpty());

        // The silence moving to the inhibitions is a change too, though the same ids appear in the same order.
        QByteArray inhibited = plain;
        inhibited.replace(R"("inhibitedBy":[])", R"("inhibitedBy":["s-1"])");
        const auto fourth = decoder.decode(Format::AlertmanagerV2, inhibited, state);
        QVERIFY(fourth.ok());
        QCOMPARE(fourth->delta.changed.size(), 1);
        QCOMPARE(fourth->delta.changed.first().inhibitedBy, QStringList{QStringLiteral("s-1")});
    }

    void brokenTextsInsideAnAlert_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad escape") << QByteArray(R"([{"labels":{"alertname":"A\q"}}])") << QStringLiteral("alert 0 \"labels\" has a broken escape");
        QTest::newRow("lone surrogate") << QByteArray(R"([{"labels":{"alertname":"A\ud800"}}])") << QStringLiteral("alert 0 \"labels\" has a broken escape");
        QTest::newRow("number in annotations") << QByteArray(R"([{"labels":{"alertname":"A"},"annotations":{"x":1}}])") << QStringLiteral("alert 0 \"annotations\" has the wrong type");
        QTest::newRow("no labels") << QByteArray(R"([{"annotations":{}}])") << QStringLiteral("alert 0 it has no labels");
        QTest::newRow("empty labels") << QByteArray(R"([{"labels":{}}])") << QStringLiteral("alert 0 it has no labels");
        QTest::newRow("more after the list") << QByteArray(R"([{"labels":{"alertname":"A"}}] [])") << QStringLiteral("at byte");
        QTest::newRow("silences not a list") << QByteArray(R"([{"labels":{"alertname":"A"},"status":{"silencedBy":"x"}}])") << QStringLiteral("alert 0 \"status.silencedBy\" has the wrong type");
    }
    void brokenTextsInsideAnAlert()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::AlertmanagerV2, body, state);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(expected), qPrintable(out.error()));
        QVERIFY(state.byIdentity.isEmpty());
    }

    // Both copies keep coming, and the answer changes elsewhere: the alert is not announced as changed on every
    // poll, and what is kept is the last copy.
    void sameLabelsTwiceOnEveryPoll()
    {
        auto body = [](const QByteArray &third) {
            QByteArray text = R"({"status":"success","data":{"alerts":[)"
                              R"({"labels":{"alertname":"A"},"annotations":{},"state":"pending","activeAt":"2026-11-29T14:00:00Z","value":"1"},)"
                              R"({"labels":{"alertname":"A"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"2"},)"
                              R"({"labels":{"alertname":"B"},"annotations":{},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"THIRD"}]}})";
            return text.replace("THIRD", third);
        };
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto first = decoder.decode(Format::PrometheusV1, body("1"), state);
        QVERIFY(first.ok());
        QCOMPARE(first->delta.added.size(), 2);
        for (const QByteArray &value : {QByteArray("2"), QByteArray("3"), QByteArray("4")}) {
            const auto next = decoder.decode(Format::PrometheusV1, body(value), state);
            QVERIFY2(next.ok(), qPrintable(next.error()));
            QCOMPARE(next->delta.changed.size(), 1); // B only
            QCOMPARE(next->delta.changed.first().alertName(), QStringLiteral("B"));
            QVERIFY(next->delta.added.isEmpty() && next->delta.resolved.isEmpty());
        }
    }

    void answersOfTheWrongShape_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("list for prometheus") << int(Format::PrometheusV1) << QByteArray("[]")
                                             << QStringLiteral("not a Prometheus alerts response at byte 0: expected a JSON object");
        QTest::newRow("object for alertmanager") << int(Format::AlertmanagerV2) << QByteArray(R"({"alerts":[]})")
                                                 << QStringLiteral("not an Alertmanager alerts response at byte 0: expected a JSON list of alerts");
        QTest::newRow("data null") << int(Format::PrometheusV1) << QByteArray(R"({"status":"success","data":null})")
                                   << QStringLiteral("\"data\" has no \"alerts\" list");
        QTest::newRow("error wins over shape") << int(Format::PrometheusV1)
                                               << QByteArray(R"({"status":"error","errorType":"bad_data","error":"no","data":{"alerts":[7]}})")
                                               << QStringLiteral("Prometheus answered with an error: no (bad_data)");
        QTest::newRow("alert not an object") << int(Format::AlertmanagerV2) << QByteArray("[7]")
                                             << QStringLiteral("alert 0 not an object");
    }
    void answersOfTheWrongShape()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format(format), body, state);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().endsWith(expected), qPrintable(out.error()));
    }

    // Fields the console does not use are skipped by their brackets, unchecked (documented in AlertDecoder.h).
    void unusedFieldsAreSkippedUnchecked()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format::AlertmanagerV2, R"([{"labels":{"alertname":"A"},"receivers":[{"name":"x",}],"endsAt":nul}])", state);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->delta.added.size(), 1);
    }

    void resolveIsAnAbsence()
    {
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto first = decoder.decode(Format::AlertmanagerV2, fixture(QStringLiteral("alertmanager-0.25/alerts.json")), state);
        const qsizetype firstCount = state.byIdentity.size();
        const auto after = decoder.decode(Format::AlertmanagerV2, fixture(QStringLiteral("alertmanager-0.25/alerts_after_resolve.json")), state);
        QVERIFY(first.ok() && after.ok());
        QVERIFY(!after->delta.resolved.isEmpty());
        QCOMPARE(state.byIdentity.size() + after->delta.resolved.size() - after->delta.added.size(), firstCount);
    }

    void badAnswersSayWhatAndWhere_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QByteArray good = fixture(QStringLiteral("prometheus-2.42/alerts.json"));
        QTest::newRow("empty") << int(Format::PrometheusV1) << QByteArray("  ") << QStringLiteral("empty");
        QTest::newRow("garbage") << int(Format::PrometheusV1) << QByteArray("<html>Bad gateway</html>") << QStringLiteral("not a Prometheus alerts response at byte 1: illegal value");
        QTest::newRow("truncated") << int(Format::PrometheusV1) << good.left(1234) << QStringLiteral("not a Prometheus alerts response at byte");
        QTest::newRow("rules instead of alerts") << int(Format::PrometheusV1) << fixture(QStringLiteral("prometheus-2.42/rules.json")) << QStringLiteral("has no \"alerts\" list");
        QTest::newRow("prometheus error") << int(Format::PrometheusV1) << fixture(QStringLiteral("prometheus-2.42/err_bad_query.json")) << QStringLiteral("Prometheus answered with an error: invalid parameter");
        QTest::newRow("alertmanager error body") << int(Format::AlertmanagerV2) << fixture(QStringLiteral("alertmanager-0.25/err_bad_silence.json")) << QStringLiteral("expected a JSON list of alerts");
        QTest::newRow("wrong type in an alert") << int(Format::AlertmanagerV2) << QByteArray(R"([{"labels":{"alertname":7}}])") << QStringLiteral("alert 0 \"labels\" has the wrong type");
        QTest::newRow("v1 answer to a v2 question") << int(Format::AlertmanagerV2) << good << QStringLiteral("not an Alertmanager alerts response");
    }
    void badAnswersSayWhatAndWhere()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto out = decoder.decode(Format(format), body, state);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(expected), qPrintable(out.error()));
    }

    void isoTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("msecs"); // -1: refused
        QTest::newRow("nanoseconds") << QStringLiteral("2026-11-29T01:38:42.765929527Z") << qint64(1795916322765);
        QTest::newRow("millis") << QStringLiteral("2026-11-29T01:38:42.641Z") << qint64(1795916322641);
        QTest::newRow("whole") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
        QTest::newRow("offset") << QStringLiteral("2026-11-29T02:38:42+01:00") << qint64(1795916322000);
        QTest::newRow("go zero time") << QStringLiteral("0001-01-01T00:00:00Z") << qint64(-62135596800000);
        QTest::newRow("no zone") << QStringLiteral("2026-11-29T01:38:42") << qint64(-1);
        QTest::newRow("junk") << QStringLiteral("soon") << qint64(-1);
    }
    void isoTimes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, msecs);
        const QByteArray utf8 = text.toUtf8();
        qint64 got = 0;
        const bool ok = FastIsoTime::parse(std::string_view(utf8.constData(), size_t(utf8.size())), got);
        QCOMPARE(ok, msecs != -1);
        if (ok) {
            QCOMPARE(got, msecs);
        }
    }

    void isoTimesFormatBackExactly()
    {
        for (qint64 ms : {qint64(0), qint64(1795916322765), qint64(-1), qint64(951782400000) /* 2000-02-29 */,
                          qint64(253402300799999) /* 9999-12-31T23:59:59.999 */}) {
            QByteArray text;
            QVERIFY(FastIsoTime::appendUtc(text, ms));
            QCOMPARE(QString::fromLatin1(text), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
        }
    }

    // The command line writes alerts with its own fast JSON writer: it must read back as the general form does,
    // whatever the text holds, at every length around the eight-unit steps it takes.
    void compactJsonReadsAsTheGeneralForm()
    {
        const QStringList samples{QString(),
                                  QStringLiteral("a"),
                                  QStringLiteral("plain-ascii-label"),
                                  QStringLiteral("quote\" inside"),
                                  QStringLiteral("back\\slash"),
                                  QStringLiteral("line\nbreak\ttab\rreturn"),
                                  QString(QChar(0x01)) + QStringLiteral("control") + QChar(0x1f),
                                  QStringLiteral("del\x7f"),
                                  QStringLiteral("caf\u00e9 \u00fcber \u4e2d\u6587"),
                                  QString::fromUtf8("fire \xF0\x9F\x94\xA5 emoji")};
        QList<Alert> alerts;
        for (int length = 0; length <= 20; ++length) {
            for (const QString &sample : samples) {
                Alert a;
                const QString text = QString(length, QChar(u'x')) + sample;
                a.labels = {{QStringLiteral("alertname"), text}, {QStringLiteral("severity"), QStringLiteral("SEV-2")}};
                a.annotations = {{QStringLiteral("summary"), sample + QString(length, QChar(u'y'))}};
                a.identity = Alert::identityOf(a.labels);
                a.activeSince = QDateTime(QDate(2026, 11, 29), QTime(14, 5), Qt::UTC);
                a.value = text;
                a.generatorUrl = QStringLiteral("http://127.0.0.1:9090/graph");
                a.silencedBy = QStringList{sample};
                a.sources = QStringList{QStringLiteral("am")};
                alerts.append(a);
            }
        }
        for (const Alert &a : alerts) {
            ByteBuffer out;
            AlertJson::appendCompact(out, a);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(out.toByteArray(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromUtf8(out.toByteArray())));
            QCOMPARE(doc.object(), AlertJson::toJson(a));
        }
        // An unpaired surrogate cannot be written in UTF-8: it becomes U+FFFD rather than broken bytes.
        Alert broken = alerts.first();
        broken.labels[0].second = QStringLiteral("half ") + QChar(0xd800) + QStringLiteral(" pair");
        ByteBuffer out;
        AlertJson::appendCompact(out, broken);
        const QJsonObject read = QJsonDocument::fromJson(out.toByteArray()).object();
        QCOMPARE(read.value(QStringLiteral("labels")).toObject().value(QStringLiteral("alertname")).toString(),
                 QStringLiteral("half \ufffd pair"));
    }

    // The command line prints one answer straight from the decoder's UTF-8 view: byte for byte what the window's
    // alerts would print, on real answers, escapes and a 10,000-alert one.
    void viewWritesWhatTheAlertWrites_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("file");
        QTest::newRow("prometheus") << int(Format::PrometheusV1) << QStringLiteral("prometheus-2.42/alerts.json");
        QTest::newRow("prometheus 10,000") << int(Format::PrometheusV1) << QStringLiteral("prometheus-2.42/alerts_10000.json");
        QTest::newRow("alertmanager") << int(Format::AlertmanagerV2) << QStringLiteral("alertmanager-0.25/alerts.json");
        QTest::newRow("alertmanager silenced") << int(Format::AlertmanagerV2) << QStringLiteral("alertmanager-0.25/alerts_after_silence.json");
        QTest::newRow("escapes") << int(Format::AlertmanagerV2) << QStringLiteral("escapes/escaped.json");
        QTest::newRow("spaced out") << int(Format::AlertmanagerV2) << QStringLiteral("escapes/plain.json");
    }
    void viewWritesWhatTheAlertWrites()
    {
        QFETCH(int, format);
        QFETCH(QString, file);
        const QByteArray body = fixture(file);
        const QStringList sources{QStringLiteral("am one")};
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto decoded = decoder.decode(Format(format), body, state);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QHash<QString, QByteArray> fromAlerts;
        for (Alert a : decoded->delta.added) {
            a.sources = sources;
            ByteBuffer out;
            AlertJson::appendCompact(out, a);
            fromAlerts.insert(a.identity, out.toByteArray());
        }
        AlertDecoder reader;
        qsizetype shown = 0;
        QStringList different;
        const Status read = reader.readEach(Format(format), body, [&](const AlertDecoder::AlertView &view) {
            ByteBuffer out;
            AlertJson::appendCompact(out, view, sources);
            const QString identity = Alert::identityText(view.identity);
            if (fromAlerts.value(identity) != out.toByteArray()) {
                different.append(QString::fromUtf8(out.toByteArray()) + QStringLiteral("\n vs \n")
                                 + QString::fromUtf8(fromAlerts.value(identity)));
            }
            ++shown;
        });
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(shown, fromAlerts.size());
        QVERIFY2(different.isEmpty(), qPrintable(different.value(0)));
        QVERIFY(shown > 0);
    }

    void viewReadingReportsTheSameErrors()
    {
        const QByteArray broken = fixture(QStringLiteral("prometheus-2.42/alerts.json")).left(1234);
        AlertDecoder decoder;
        AlertSnapshot state;
        const auto decoded = decoder.decode(Format::PrometheusV1, broken, state);
        AlertDecoder reader;
        int shown = 0;
        const Status read = reader.readEach(Format::PrometheusV1, broken, [&](const AlertDecoder::AlertView &) { ++shown; });
        QVERIFY(!decoded.ok() && !read.ok());
        QCOMPARE(read.error(), decoded.error());
        QVERIFY(read.error().contains(QStringLiteral("at byte")));
    }

    void matchers_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("matchesLatency"); // alertname=SocketLatencyHigh, severity=SEV-2, job=game
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QString() << true << QString();
        QTest::newRow("equal") << QStringLiteral("severity=\"SEV-2\"") << true << QString();
        QTest::newRow("braces and regex") << QStringLiteral("{severity=~\"SEV-1|SEV-2\", job!=\"x\"}") << true << QString();
        QTest::newRow("regex is anchored") << QStringLiteral("severity=~\"SEV\"") << false << QString();
        QTest::newRow("not regex") << QStringLiteral("alertname!~\"Socket.*\"") << false << QString();
        QTest::newRow("missing label is empty") << QStringLiteral("team=\"\"") << true << QString();
        QTest::newRow("unquoted") << QStringLiteral("job=game") << true << QString();
        QTest::newRow("escaped quote") << QStringLiteral("job=\"ga\\\"me\"") << false << QString();
        QTest::newRow("regex class kept") << QStringLiteral("job=~\"g\\w+\"") << true << QString();
        QTest::newRow("regex digit kept") << QStringLiteral("severity=~\"SEV-\\d\"") << true << QString();
        QTest::newRow("escaped backslash") << QStringLiteral("job=\"ga\\\\me\"") << false << QString();
        QTest::newRow("not equal") << QStringLiteral("job!=\"game\"") << false << QString();
        QTest::newRow("not regex, anchored") << QStringLiteral("job!~\"gam\"") << true << QString();
        QTest::newRow("no operator") << QStringLiteral("severity SEV-2") << false << QStringLiteral("column 10: expected an operator");
        QTest::newRow("unclosed quote") << QStringLiteral("job=\"game") << false << QStringLiteral("not closed");
        QTest::newRow("bad regex") << QStringLiteral("job=~\"(\"") << false << QStringLiteral("not valid");
        QTest::newRow("unclosed brace") << QStringLiteral("{job=\"game\"") << false << QStringLiteral("expected a closing }");
        QTest::newRow("no comma") << QStringLiteral("job=\"game\" severity=\"SEV-2\"") << false << QStringLiteral("expected a comma");
    }
    void matchers()
    {
        QFETCH(QString, expression);
        QFETCH(bool, matchesLatency);
        QFETCH(QString, error);
        Alert alert;
        alert.labels = {{QStringLiteral("alertname"), QStringLiteral("SocketLatencyHigh")},
                        {QStringLiteral("job"), QStringLiteral("game")},
                        {QStringLiteral("severity"), QStringLiteral("SEV-2")}};
        const auto parsed = LabelMatcher::parseList(expression);
        if (!error.isEmpty()) {
            QVERIFY(!parsed.ok());
            QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(LabelMatcher::matchesAll(parsed.value(), alert), matchesLatency);
    }
};

QTEST_GUILESS_MAIN(TestAlertDecoder)
#include "tst_alertdecoder.moc"
