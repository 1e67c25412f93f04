#include "IncidentFactSheet.h"
#include "StoredTime.h"
#include "TemplateEngine.h"
#include "Workspace.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <algorithm>

namespace {
QString stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return QStringLiteral("median %1 ms, max %2 ms over %3").arg(ms.at(ms.size() / 2), 0, 'f', 2).arg(ms.last(), 0, 'f', 2).arg(ms.size());
}
} // namespace

// Rendering a template over an incident with 10,000 timeline entries (200 of them typed actions, 20 key moments),
// as the composer does when it fills a draft
// (target: under 50 ms): reading the fact sheet, filling the template, and laying out the Markdown preview.
class BenchComposer final : public QObject
{
    Q_OBJECT

private slots:
    void renderOverTenThousandEntries()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        Workspace w;
        QVERIFY(w.open(dir.filePath(QStringLiteral("composer.sqlite"))).ok());
        const qint64 id = w.declareIncident(QStringLiteral("Long incident"), Severity::Sev1, QStringLiteral("Summary")).value();
        const QDateTime base = w.store()->incident(id)->declaredAt;
        QVERIFY(w.store()->write([&]() -> Status {
            QSqlQuery q = w.store()->prepare(QStringLiteral(
                "INSERT INTO timeline_entries (incident_id, occurred_at, recorded_at, kind, author, text, source, "
                "is_key_moment) VALUES (?, ?, ?, ?, 'bot', ?, 'manual', ?)"));
            for (int i = 0; i < 10000; ++i) {
                const QVariant at = StoredTime::toSql(base.addSecs(i));
                q.addBindValue(id);
                q.addBindValue(at);
                q.addBindValue(at);
                q.addBindValue(i % 50 == 0 ? QStringLiteral("action") : QStringLiteral("note")); // 200 typed actions
                q.addBindValue(QStringLiteral("Entry %1: rolled back shard %2, error rate %3%").arg(i).arg(i % 40).arg(i % 97));
                q.addBindValue(i % 500 == 0 ? 1 : 0);
                if (!q.exec()) {
                    return Status::failure(QStringLiteral("insert failed"));
                }
            }
            return Status::success();
        }).ok());
        const auto templates = w.store()->templates().value();
        const QString internal = templates.at(0).body; // mitigation steps: 1,000 actions
        const QString everything = templates.at(2).body + QStringLiteral("\n## Full timeline\n{{#entries}}\n- {{time}} {{kind}}: {{text}}\n{{/entries}}\n");
        for (const auto &[name, body] : {std::pair{QStringLiteral("internal update"), internal},
                                         std::pair{QStringLiteral("postmortem with all 10,000 entries"), everything}}) {
            QList<double> facts, fill, preview, total;
            for (int run = 0; run < 9; ++run) {
                QElapsedTimer t;
                t.start();
                const auto data = IncidentFactSheet::build(*w.store(), id, QDateTime::currentDateTimeUtc(), QTimeZone::utc(),
                                                           TemplateEngine::usedNames(body));
                QVERIFY(data.ok());
                const qint64 a = t.nsecsElapsed();
                const auto text = TemplateEngine::render(body, data.value());
                QVERIFY(text.ok());
                const qint64 b = t.nsecsElapsed();
                QTextDocument doc;
                doc.setMarkdown(TemplateEngine::previewMarkdown(text.value())); // what the composer lays out
                doc.setTextWidth(600);
                QVERIFY(doc.size().height() > 0); // laid out
                const qint64 c = t.nsecsElapsed();
                facts.append(a / 1e6);
                fill.append((b - a) / 1e6);
                preview.append((c - b) / 1e6);
                total.append(c / 1e6);
            }
            qInfo().noquote() << QStringLiteral("%1: total").arg(name) << stats(total);
            qInfo().noquote() << "  fact sheet:" << stats(facts) << "· template:" << stats(fill) << "· Markdown preview:" << stats(preview);
        }
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    BenchComposer bench;
    return QTest::qExec(&bench, argc, argv);
}

#include "bench_composer.moc"
