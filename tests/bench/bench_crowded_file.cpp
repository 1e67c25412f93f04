// A crafted file of 2,000,000 open incidents, opened in the window: how long until the window has its answer (the
// refusal with the count) on screen, and the process's peak memory. Before the limit it took 40 s and 1.6 GB.
#include "BenchStats.h"
#include "IncidentStore.h"
#include "MainWindow.h"
#include "Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crowded.sqlite"));
    {
        Workspace w;
        if (!w.open(path).ok()) {
            return 1;
        }
        const Status s = w.store()->write([&]() -> Status {
            QSqlQuery q = w.store()->prepare(QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) "
                "INSERT INTO incidents (title, severity, stage, declared_at) "
                "SELECT 'Crafted ' || i, 1 + i % 3, 'triage', '2026-11-29T10:00:00.000Z' FROM n"));
            return w.store()->exec(q, QStringLiteral("filling"));
        });
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
    }
    QList<double> ms;
    QString said;
    for (int run = 0; run < 5; ++run) {
        MainWindow window;
        window.show();
        QCoreApplication::processEvents();
        QElapsedTimer clock;
        clock.start();
        const bool opened = window.openFile(path);
        QCoreApplication::processEvents(); // the refusal painted
        ms.append(clock.nsecsElapsed() / 1e6);
        if (auto *box = window.findChild<QMessageBox *>(QStringLiteral("problemBox"))) {
            said = box->text();
        }
        if (opened) {
            std::printf("the window opened the file: no refusal\n");
        }
    }
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("2,000,000 open incidents: answer on screen in %s; peak %.0f MB resident\n  \"%s\"\n",
                qPrintable(stats(ms)), usage.ru_maxrss / 1024.0, qPrintable(said));
    return 0;
}
