#include "BenchStats.h"
#include "IncidentExporter.h"
#include "IncidentStore.h"
#include "StoredTime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// Exporting 100,000 timeline entries to JSON, CSV and Markdown, side by side with the sqlite3 shell printing the
// same rows as -json, -csv and -markdown (target: each within 1.5x). Both run end to end as processes writing a
// file, alternating, seven times; the figures are medians. The in-process export time is shown too.
namespace {
constexpr int kEntries = 100000;

// JSON carries every column of every entry (it re-imports whole); CSV and Markdown show what a reader needs.
const QByteArray kSameJsonRows = "SELECT id, incident_id, occurred_at, recorded_at, kind, author, text, source, is_key_moment, "
                                 "customer_visible, deleted_at, original_occurred_at FROM timeline_entries "
                                 "WHERE incident_id = 1 ORDER BY id";
const QByteArray kSameRows = "SELECT incident_id, occurred_at, kind, source, author, text, is_key_moment, customer_visible "
                             "FROM timeline_entries WHERE deleted_at IS NULL AND incident_id = 1 ORDER BY occurred_at, id";

double runMs(const QString &program, const QStringList &args, const QString &outFile)
{
    QProcess p;
    p.setStandardOutputFile(outFile.isEmpty() ? QProcess::nullDevice() : outFile);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.waitForFinished(120000);
    const double ms = t.nsecsElapsed() / 1e6;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << program << args << p.readAllStandardError();
        return -1;
    }
    return ms;
}

} // namespace

class BenchExports final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath(QStringLiteral("bench.sqlite"));
        IncidentStore store;
        QVERIFY(store.open(m_path).ok());
        const QDateTime base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        const Status s = store.write([&]() -> Status {
            QSqlQuery incident = store.prepare(QStringLiteral(
                "INSERT INTO incidents (id, title, severity, stage, declared_at) VALUES (1, 'Big one', 1, 'review', ?)"));
            incident.addBindValue(StoredTime::toSql(base));
            incident.exec();
            QSqlQuery entry = store.prepare(QStringLiteral(
                "INSERT INTO timeline_entries (incident_id, occurred_at, recorded_at, kind, author, text, source, is_key_moment) "
                "VALUES (1, ?, ?, ?, ?, ?, 'manual', ?)"));
            const QStringList kinds{QStringLiteral("note"), QStringLiteral("action"), QStringLiteral("triage")};
            for (int n = 0; n < kEntries; ++n) {
                const QVariant at = StoredTime::toSql(base.addSecs(n * 5));
                entry.addBindValue(at);
                entry.addBindValue(at);
                entry.addBindValue(kinds.at(n % 3));
                entry.addBindValue(n % 2 ? QStringLiteral("dana") : QStringLiteral("lee"));
                entry.addBindValue(QStringLiteral("Entry %1: p95 latency %2 ms on gs-%3, \"rollback\" considered | shard %4")
                                       .arg(n)
                                       .arg(80 + n % 60)
                                       .arg(n % 97)
                                       .arg(n % 16));
                entry.addBindValue(n % 500 == 0 ? 1 : 0);
                if (!entry.exec()) {
                    return Status::failure(QStringLiteral("insert failed"));
                }
            }
            return Status::success();
        });
        QVERIFY(s.ok());
    }

    void keepFile() { if (qEnvironmentVariableIsSet("IC_KEEP")) QFile::copy(m_path, QString::fromLocal8Bit(qgetenv("IC_KEEP"))); }

    void inProcess()
    {
        IncidentStore store;
        QVERIFY(store.open(m_path, IncidentStore::Access::ReadOnly).ok());
        for (ExportFormat f : {ExportFormat::Json, ExportFormat::CsvTimeline, ExportFormat::Markdown, ExportFormat::Html}) {
            QList<double> ms;
            for (int i = 0; i < 5; ++i) {
                ExportRequest r;
                r.format = f;
                r.incidentId = 1;
                QElapsedTimer t;
                t.start();
                QVERIFY(IncidentExporter::exportToFile(store, r, m_dir.filePath(QStringLiteral("out"))).ok());
                ms.append(t.nsecsElapsed() / 1e6);
            }
            qInfo().noquote() << QStringLiteral("in process, %1: median %2 ms, max %3 ms, %4 bytes")
                                     .arg(ExportFormats::key(f))
                                     .arg(median(ms), 0, 'f', 1)
                                     .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 1)
                                     .arg(QFile(m_dir.filePath(QStringLiteral("out"))).size());
        }
    }

    void sideBySideWithTheSqliteShell()
    {
        const QString cli = QStringLiteral(IC_CLI_PATH);
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        QVERIFY2(!sqlite.isEmpty(), "sqlite3 is installed by scripts/install-deps.sh");
        const QString ours = m_dir.filePath(QStringLiteral("ours"));
        const QString theirs = m_dir.filePath(QStringLiteral("theirs"));
        for (const auto &[format, mode] : {std::pair{QStringLiteral("json"), QStringLiteral("-json")},
                                           std::pair{QStringLiteral("csv"), QStringLiteral("-csv")},
                                           std::pair{QStringLiteral("markdown"), QStringLiteral("-markdown")}}) {
            QList<double> a;
            QList<double> b;
            for (int i = 0; i < 7; ++i) {
                a.append(runMs(cli, {QStringLiteral("--db"), m_path, QStringLiteral("export"), QStringLiteral("--format"), format,
                                     QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("-o"), ours},
                               {}));
                b.append(runMs(sqlite, {QStringLiteral("-readonly"), mode, m_path,
                                        QString::fromLatin1(format == u"json" ? kSameJsonRows : kSameRows)},
                               theirs));
            }
            QVERIFY(!a.contains(-1) && !b.contains(-1));
            const double ratio = median(a) / median(b);
            qInfo().noquote() << QStringLiteral("%1: incident-console-cli %2 ms (%3 bytes), sqlite3 %4 %5 ms (%6 bytes): %7x %8")
                                     .arg(format)
                                     .arg(median(a), 0, 'f', 1)
                                     .arg(QFile(ours).size())
                                     .arg(mode)
                                     .arg(median(b), 0, 'f', 1)
                                     .arg(QFile(theirs).size())
                                     .arg(ratio, 0, 'f', 2)
                                     .arg(ratio <= 1.5 ? QStringLiteral("(target 1.5x: met)") : QStringLiteral("(target 1.5x: MISSED)"));
        }
    }
};

QTEST_GUILESS_MAIN(BenchExports)
#include "bench_exports.moc"
