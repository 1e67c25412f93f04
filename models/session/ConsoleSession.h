#pragma once

#include "NotificationPolicy.h"

#include <QObject>

class ActionItemListModel;
class AlertArchiveModel;
class AlertIncidentLinker;
class AlertMonitor;
class ChecklistModel;
class IncidentListModel;
class LiveAlertModel;
class RoleAssignmentModel;
class RoleHistoryModel;
class StatusUpdateListModel;
class TimelineModel;
class Workspace;

// Everything one running console holds besides its widgets: the workspace on the open file, the item models the
// window shows, the alert monitor and the linker, wired together; and what of it interrupts the person. The window
// composes panels over it; tests build it without a window.
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleSession(QObject *parent = nullptr);

    Workspace *workspace() const { return m_workspace; }
    IncidentListModel *incidents() const { return m_incidents; }
    TimelineModel *timeline() const { return m_timeline; }
    RoleAssignmentModel *roles() const { return m_roles; }
    RoleHistoryModel *roleHistory() const { return m_roleHistory; }
    ChecklistModel *checklist() const { return m_checklist; }
    StatusUpdateListModel *updates() const { return m_updates; }
    AlertArchiveModel *alertArchive() const { return m_alertArchive; }
    LiveAlertModel *liveAlerts() const { return m_live; }
    ActionItemListModel *actionItems() const { return m_actionItems; }
    AlertMonitor *alertMonitor() const { return m_monitor; }
    AlertIncidentLinker *linker() const { return m_linker; }

    // Looks for updates that fell due (the window calls it on a timer; tests call it with the clock they set).
    void checkOverdueUpdates();

signals:
    void notification(const Notification &notification);
    // Something running in the background failed (archiving alerts, linking them): said in the status bar.
    void backgroundProblem(const QString &message);

private:
    Workspace *m_workspace;
    IncidentListModel *m_incidents;
    TimelineModel *m_timeline;
    RoleAssignmentModel *m_roles;
    RoleHistoryModel *m_roleHistory;
    ChecklistModel *m_checklist;
    StatusUpdateListModel *m_updates;
    AlertArchiveModel *m_alertArchive;
    LiveAlertModel *m_live;
    ActionItemListModel *m_actionItems;
    AlertMonitor *m_monitor;
    AlertIncidentLinker *m_linker;
    NotificationPolicy m_policy;
};
