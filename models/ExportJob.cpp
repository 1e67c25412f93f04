#include "ExportJob.h"

#include "IncidentStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

ExportJob::ExportJob(QString databasePath, ExportRequest request, QString target, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_request(std::move(request)), m_target(std::move(target))
{
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, [this] {
        const Status s = m_watcher.result();
        emit finished(s.ok(), s.error());
    });
}

ExportJob::~ExportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void ExportJob::cancel()
{
    m_cancelled->store(true);
}

void ExportJob::start()
{
    QPointer<ExportJob> self(this);
    auto cancelled = m_cancelled;
    const QString path = m_databasePath;
    const ExportRequest request = m_request;
    const QString target = m_target;
    m_watcher.setFuture(QtConcurrent::run([self, cancelled, path, request, target]() -> Status {
        IncidentStore store;
        if (const Status s = store.open(path, IncidentStore::Access::ReadOnly); !s) {
            return s;
        }
        QElapsedTimer sinceReport;
        sinceReport.start();
        const Status s = IncidentExporter::exportToFile(store, request, target, [&](qint64 done, qint64 total) {
            // A few reports a second are enough for a progress bar; more would flood the UI thread's queue.
            if (sinceReport.elapsed() >= 100 || done == total) {
                sinceReport.restart();
                QMetaObject::invokeMethod(self.data(), [self, done, total] {
                    if (self) {
                        emit self->progressed(done, total);
                    }
                }, Qt::QueuedConnection);
            }
            return !cancelled->load();
        });
        store.close();
        return s;
    }));
}
