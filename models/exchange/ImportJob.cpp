#include "ImportJob.h"

#include "IncidentStore.h"
#include "JobProgress.h"

#include <QPointer>
#include <QtConcurrent>

ImportJob::ImportJob(QString databasePath, QString source, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_source(std::move(source))
{
    connect(&m_watcher, &QFutureWatcher<Result<JsonExchange::ImportSummary>>::finished, this, [this] {
        const auto summary = m_watcher.result();
        emit finished(summary.ok(), summary ? summary->describe() : summary.error());
    });
}

ImportJob::~ImportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void ImportJob::cancel()
{
    m_cancelled->store(true);
}

void ImportJob::start()
{
    QPointer<ImportJob> self(this);
    auto cancelled = m_cancelled;
    const QString path = m_databasePath;
    const QString source = m_source;
    m_watcher.setFuture(QtConcurrent::run([self, cancelled, path, source]() -> Result<JsonExchange::ImportSummary> {
        IncidentStore store;
        if (const Status s = store.openAlongside(path); !s) {
            return s;
        }
        auto summary = JsonExchange::importFile(store, source, jobProgress(self, cancelled));
        store.close();
        return summary;
    }));
}
