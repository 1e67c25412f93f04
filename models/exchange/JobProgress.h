#pragma once

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

// The progress callback of a job's worker thread: it hands (done, total) to the job's own thread a few times a second
// (more would flood that thread's queue), as the job's progressed signal, and answers whether to go on.
template <typename Job>
std::function<bool(qint64, qint64)> jobProgress(QPointer<Job> job, std::shared_ptr<std::atomic_bool> cancelled)
{
    auto sinceReport = std::make_shared<QElapsedTimer>();
    sinceReport->start();
    return [job, cancelled, sinceReport](qint64 done, qint64 total) {
        if (sinceReport->elapsed() >= 100 || done == total) {
            sinceReport->restart();
            QMetaObject::invokeMethod(job.data(), [job, done, total] {
                if (job) {
                    emit job->progressed(done, total);
                }
            }, Qt::QueuedConnection);
        }
        return !cancelled->load();
    };
}
