#include "ConsoleSession.h"

#include "ActionItemListModel.h"
#include "AlertArchiveModel.h"
#include "AlertIncidentLinker.h"
#include "AlertMonitor.h"
#include "AppSettings.h"
#include "ChecklistModel.h"
#include "Clock.h"
#include "IncidentListModel.h"
#include "LiveAlertModel.h"
#include "RoleAssignmentModel.h"
#include "RoleHistoryModel.h"
#include "StatusUpdateListModel.h"
#include "TimelineModel.h"
#include "Workspace.h"

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent), m_workspace(new Workspace(this)), m_incidents(new IncidentListModel(m_workspace->store(), this)),
      m_timeline(new TimelineModel(m_workspace, this)), m_roles(new RoleAssignmentModel(m_workspace->store(), this)),
      m_roleHistory(new RoleHistoryModel(m_workspace->store(), this)),
      m_checklist(new ChecklistModel(m_workspace, this)),
      m_updates(new StatusUpdateListModel(m_workspace->store(), this)),
      m_alertArchive(new AlertArchiveModel(m_workspace->store(), this)),
      m_live(new LiveAlertModel(m_workspace->store(), this)),
      m_actionItems(new ActionItemListModel(m_workspace->store(), this)), m_monitor(new AlertMonitor(this)),
      m_linker(new AlertIncidentLinker(m_workspace->store(), this))
{
    connect(m_monitor, &AlertMonitor::alertsChanged, m_live, &LiveAlertModel::apply);
    connect(m_monitor, &AlertMonitor::sourceStatusChanged, m_live, &LiveAlertModel::setSourceStatus);
    connect(m_monitor, &AlertMonitor::sourcesReset, m_live, &LiveAlertModel::resetSources);
    connect(m_monitor, &AlertMonitor::alertsChanged, m_linker, &AlertIncidentLinker::apply);
    connect(m_monitor, &AlertMonitor::sourcesReset, m_linker, &AlertIncidentLinker::resetSources);
    connect(m_monitor, &AlertMonitor::sourceStatusChanged, m_linker, &AlertIncidentLinker::sourceStatus);
    connect(m_monitor, &AlertMonitor::archiveUpdated, m_workspace->store(),
            &IncidentStore::announceAlertArchiveChanged);
    connect(m_monitor, &AlertMonitor::archiveFailed, this, &ConsoleSession::backgroundProblem);
    connect(m_linker, &AlertIncidentLinker::failed, this, &ConsoleSession::backgroundProblem);

    connect(m_monitor, &AlertMonitor::sourcesReset, this,
            [this](const QStringList &names) { m_policy.sourcesReset(names); });
    connect(m_monitor, &AlertMonitor::alertsChanged, this, [this](const AlertDelta &delta) {
        for (const Notification &n : m_policy.alertsChanged(delta, AppSettings().notifySeverities())) {
            emit notification(n);
        }
    });
    // After the delta of its answer: that answer was the source's first.
    connect(m_monitor, &AlertMonitor::sourceStatusChanged, this, [this](const SourceStatus &status) {
        if (status.lastSuccess.isValid()) {
            m_policy.sourceAnswered(status.source);
        }
    });
}

void ConsoleSession::checkOverdueUpdates()
{
    for (const Notification &n :
         m_policy.overdueUpdates(*m_incidents, Clock::nowUtc(), AppSettings().displayTimeZone())) {
        emit notification(n);
    }
}
