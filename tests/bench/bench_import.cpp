// Importing a large JSON export: rate and peak memory of `incident-console-cli import`, against the sqlite3 shell's
// own `.import` of the same rows as CSV into a table. Each runs as a child process, measured by wait4 (wall time and
// the child's peak resident memory). Sizes in MB as arguments (default: 100 500).
#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

struct Measured
{
    int status = -1;
    double seconds = 0;
    double peakMb = 0;
};

Measured run(const QList<QByteArray> &arguments, const QByteArray &standardInput = {})
{
    std::vector<char *> argv;
    for (const QByteArray &a : arguments) {
        argv.push_back(const_cast<char *>(a.constData()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!standardInput.isEmpty()) {
        posix_spawn_file_actions_addopen(&actions, 0, standardInput.constData(), O_RDONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    Measured m;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        return m;
    }
    struct rusage usage = {};
    int status = 0;
    wait4(pid, &status, 0, &usage);
    m.seconds = clock.nsecsElapsed() / 1e9;
    m.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = usage.ru_maxrss / 1024.0;
    posix_spawn_file_actions_destroy(&actions);
    return m;
}

// One incident and its timeline, as the exporter writes it, and the same entries as CSV; about `megabytes` each.
qint64 writeFiles(const QString &json, const QString &csv, qint64 megabytes)
{
    QFile j(json);
    QFile c(csv);
    if (!j.open(QIODevice::WriteOnly) || !c.open(QIODevice::WriteOnly)) {
        return 0;
    }
    j.write("{\n\"format\": \"incident-console\",\n\"formatVersion\": 5,\n\"scope\": \"file\",\n\"tables\": {\n"
            "\"incidents\": [\n{\"id\": 1, \"title\": \"Big import\", \"summary\": \"\", \"severity\": 2, \"stage\": "
            "\"triage\", \"declaredAt\": \"2026-11-29T10:00:00.000Z\", \"detectedAt\": null, \"mitigatedAt\": null, "
            "\"resolvedAt\": null, \"drill\": false, \"postmortemDueAt\": null, \"security\": false, \"impact\": \"\", "
            "\"eta\": \"\"}\n],\n\"timelineEntries\": [");
    c.write("id,incident_id,occurred_at,recorded_at,kind,author,text,source,is_key_moment,customer_visible\n");
    const QByteArray words = "Rolled back the auth service to 3.8.0 on eu-west after the error rate rose past the "
                             "SEV-2 line; watching game_server_error_log_total and the login success ratio, "
                             "next check in ten minutes with the operations engineer on the bridge.";
    qint64 id = 0;
    const qint64 target = megabytes * 1000 * 1000;
    QByteArray row;
    while (j.size() < target) {
        ++id;
        const QByteArray time = QByteArray("2026-11-29T1") + QByteArray::number(id % 10) + ":"
                                + QByteArray::number(10 + id % 50) + ":" + QByteArray::number(10 + id % 50) + ".000Z";
        const QByteArray text = words + " #" + QByteArray::number(id);
        row = (id == 1 ? "\n" : ",\n") + QByteArray("{\"id\": ") + QByteArray::number(id)
              + ", \"incidentId\": 1, \"occurredAt\": \"" + time + "\", \"recordedAt\": \"" + time
              + "\", \"kind\": \"note\", \"author\": \"dana\", \"text\": \"" + text
              + "\", \"source\": \"manual\", \"keyMoment\": false, \"customerVisible\": false, \"deletedAt\": null, "
                "\"originalOccurredAt\": null}";
        j.write(row);
        c.write(QByteArray::number(id) + ",1," + time + "," + time + ",note,dana,\"" + text + "\",manual,0,0\n");
    }
    j.write("\n]\n}\n}\n");
    return id;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<qint64> sizes;
    for (const QString &a : app.arguments().mid(1)) {
        sizes.append(a.toLongLong());
    }
    if (sizes.isEmpty()) {
        sizes = {100, 500};
    }
    QTemporaryDir dir;
    for (qint64 mb : sizes) {
        const QString json = dir.filePath(QStringLiteral("export.json"));
        const QString csv = dir.filePath(QStringLiteral("entries.csv"));
        const qint64 rows = writeFiles(json, csv, mb);
        const double jsonMb = QFile(json).size() / 1e6;
        const double csvMb = QFile(csv).size() / 1e6;

        const QByteArray ours = dir.filePath(QStringLiteral("ours-%1.sqlite").arg(mb)).toUtf8();
        const Measured a = run({IC_CLI_PATH, "--db", ours, "import", json.toUtf8()});

        const QString script = dir.filePath(QStringLiteral("import.sql"));
        QFile s(script);
        s.open(QIODevice::WriteOnly);
        s.write("CREATE TABLE timeline_entries (id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL, occurred_at TEXT "
                "NOT NULL, recorded_at TEXT NOT NULL, kind TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, "
                "source TEXT NOT NULL, is_key_moment INTEGER NOT NULL, customer_visible INTEGER NOT NULL);\n"
                ".mode csv\n.import --skip 1 " + csv.toUtf8() + " timeline_entries\n");
        s.close();
        const QByteArray theirs = dir.filePath(QStringLiteral("sqlite3-%1.sqlite").arg(mb)).toUtf8();
        const Measured b = run({"sqlite3", theirs}, script.toUtf8());

        std::printf("%lld MB target, %lld entries\n", mb, rows);
        std::printf("  incident-console-cli import: %.1f MB JSON in %.2f s (%.1f MB/s), peak %.0f MB resident, exit %d\n",
                    jsonMb, a.seconds, jsonMb / a.seconds, a.peakMb, a.status);
        std::printf("  sqlite3 .import (CSV):       %.1f MB CSV in %.2f s (%.1f MB/s), peak %.0f MB resident, exit %d\n",
                    csvMb, b.seconds, csvMb / b.seconds, b.peakMb, b.status);
        std::fflush(stdout);
        QFile::remove(json);
        QFile::remove(csv);
        QFile::remove(QString::fromUtf8(ours));
        QFile::remove(QString::fromUtf8(theirs));
    }
    return 0;
}
