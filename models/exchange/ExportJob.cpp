#include "ExportJob.h"

#include "IncidentStore.h"
#include "JobProgress.h"

#include <QCoreApplication>
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
        const Status s = IncidentExporter::exportToFile(store, request, target, jobProgress(self, cancelled));
        store.close();
        return s;
    }));
}
