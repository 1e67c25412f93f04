#include "AlertMonitor.h"

#include "AlertArchiver.h"
#include "AlertPoller.h"

AlertMonitor::AlertMonitor(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("alert-poller"));
    m_poller = new AlertPoller;
    m_archiver = new AlertArchiver;
    m_poller->moveToThread(&m_thread);
    m_archiver->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_poller, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_archiver, &QObject::deleteLater);

    // Same thread: the archive is written before the next poll is handled.
    connect(m_poller, &AlertPoller::alertsChanged, m_archiver, &AlertArchiver::record);
    connect(m_poller, &AlertPoller::sourceAnswered, m_archiver, &AlertArchiver::touch);
    connect(m_poller, &AlertPoller::firstRoundComplete, m_archiver, &AlertArchiver::reconcile);
    // Across to the UI thread.
    connect(m_poller, &AlertPoller::alertsChanged, this, &AlertMonitor::alertsChanged);
    connect(m_poller, &AlertPoller::sourceStatusChanged, this, &AlertMonitor::sourceStatusChanged);
    connect(m_poller, &AlertPoller::sourcesReset, this, &AlertMonitor::sourcesReset);
    connect(m_archiver, &AlertArchiver::archived, this, &AlertMonitor::archiveUpdated);
    connect(m_archiver, &AlertArchiver::failed, this, &AlertMonitor::archiveFailed);
    connect(m_archiver, &AlertArchiver::archivistChanged, this, &AlertMonitor::archivistChanged);
    m_thread.start();
}

AlertMonitor::~AlertMonitor()
{
    QMetaObject::invokeMethod(m_poller, &AlertPoller::stop, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(m_archiver, [a = m_archiver] { a->setRecord({}); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AlertMonitor::setSources(const QList<AlertSource> &sources)
{
    m_sources = sources;
    QMetaObject::invokeMethod(m_poller, [p = m_poller, sources] { p->setSources(sources); }, Qt::QueuedConnection);
}

void AlertMonitor::setArchiveRecord(const QString &location)
{
    // Blocking: once this returns, nothing is written to a file the window has closed.
    QMetaObject::invokeMethod(
        m_archiver,
        [a = m_archiver, p = m_poller, location] {
            a->setRecord(location);
            if (location.isEmpty()) {
                return;
            }
            // A file opened mid-session gets what is firing now, and its rows left open earlier are closed.
            const AlertDelta now = p->currentAlerts();
            a->record(now);
            if (p->firstRoundDone()) {
                QStringList identities;
                for (const Alert &alert : now.added) {
                    identities.append(alert.identity);
                }
                a->reconcile(identities);
            }
        },
        Qt::BlockingQueuedConnection);
}

void AlertMonitor::pollNow()
{
    QMetaObject::invokeMethod(m_poller, &AlertPoller::pollNow, Qt::QueuedConnection);
}
