#pragma once

#include "Alert.h"
#include "AlertSnapshot.h"
#include "AlertSource.h"
#include "AlertStates.h"
#include "Result.h"
#include "Severity.h"

#include "ExportFormat.h"

#include <QMainWindow>
#include <QSet>

class ActionItemListModel;
class ActionItemsPanel;
class AlertArchiveModel;
class LiveMetricsPanel;
class MetricsView;
class AlertIncidentLinker;
class AlertMonitor;
class ConsoleSession;
struct Notification;
class LiveAlertModel;
class QSystemTrayIcon;
class AlertsPanel;
class ChecklistModel;
class IncidentListModel;
class IncidentPanel;
class RoleHistoryModel;
class QActionGroup;
class QDockWidget;
class QLabel;
class QTimer;
class QMenu;
class RoleAssignmentModel;
class RolesPanel;
class SeverityBoardWidget;
class StatusUpdateListModel;
class StatusUpdatesPanel;
class TimelineModel;
class TimelinePanel;
class Workspace;

// The console: the severity board in the middle; alerts, roles, timeline and status updates around it as docks
// that keep their places between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    // Opens the file or team database, or leaves the current one open and says why not (in a message box; for a team
    // database refused for its password, in the connect dialog, which asks for one).
    bool openFile(const QString &path);
    qint64 currentIncident() const { return m_currentIncident; }
    void selectIncident(qint64 incidentId);

    void declareIncident();
    // Asks for the reason, then changes the level (from a drag, the keyboard or the menu).
    void requestSeverityChange(qint64 incidentId, Severity severity);
    // Sources given on the command line replace the configured ones for this run.
    void setAlertSourceOverride(const QList<AlertSource> &sources);
    // Asks for the name stamped on entries, acknowledgements, silences and updates when none is set (a first run).
    void askForAuthorIfUnknown();
    AlertMonitor *alertMonitor() const { return m_monitor; }
    LiveAlertModel *liveAlerts() const { return m_live; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void fitBoardToIncidents();
    void restoreLayout();
    void applySettings();
    void setCurrentIncident(qint64 incidentId);
    void refreshFileState();
    // On a team database: who else is connected, with the roles they hold on the incident in view.
    void refreshPresence();
    void rebuildRecentMenu();
    void showProblem(const QString &title, const QString &text);

    void newFile();
    void openFileDialog();
    void saveCopy();
    // The team database: connect (asking for the address and password), copy this file's record there, or take the
    // team record home as a file. A remembered password is used when the address has none.
    void connectToTeamDatabase(const QString &address = {}, const QString &problem = {});
    void copyToTeamDatabase();
    void saveLocalCopy();
    Status openRecord(const QString &path); // openFile() without saying anything
    void showExportDialog(bool currentIncidentOnly, std::optional<ExportFormat> format = std::nullopt);
    void showPostmortem();
    bool closeFileWindows(); // false: a postmortem could not save and stays open
    void showMetrics();
    void importJson();
    void showSettings();
    void showAbout();
    void moveToStage(int stage);
    void declareFromAlerts(const QList<Alert> &alerts);
    void showCardMenu(qint64 incidentId, const QPoint &globalPos);
    void refreshIncidentState();
    void updateChartMarks();
    void showNotification(const Notification &notification);

    ConsoleSession *m_session;
    Workspace *m_workspace;
    IncidentListModel *m_incidents;
    TimelineModel *m_timeline;
    RoleAssignmentModel *m_roles;
    RoleHistoryModel *m_roleHistory;
    ChecklistModel *m_checklist;
    StatusUpdateListModel *m_updates;
    AlertArchiveModel *m_alerts;
    AlertMonitor *m_monitor;
    LiveAlertModel *m_live;
    AlertIncidentLinker *m_linker;
    QSystemTrayIcon *m_tray = nullptr;
    std::optional<QList<AlertSource>> m_sourceOverride;

    SeverityBoardWidget *m_board = nullptr;
    QDockWidget *m_boardDock = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    RolesPanel *m_rolesPanel = nullptr;
    IncidentPanel *m_incidentPanel = nullptr;
    StatusUpdatesPanel *m_updatesPanel = nullptr;
    AlertsPanel *m_alertsPanel = nullptr;
    ActionItemListModel *m_actionItems = nullptr;
    ActionItemsPanel *m_actionItemsPanel = nullptr;
    LiveMetricsPanel *m_liveMetrics = nullptr;
    MetricsView *m_metricsView = nullptr;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QAction *> m_fileActions;     // need an open file
    QList<QAction *> m_incidentActions; // need a chosen incident
    QActionGroup *m_stageGroup = nullptr;
    QMenu *m_severityMenu = nullptr;
    QMenu *m_stageMenu = nullptr;
    QAction *m_acceptSuggestion = nullptr;
    QAction *m_saveCopy = nullptr;       // a file's own copy (SQLite's backup)
    QAction *m_copyToTeam = nullptr;     // a file's record to a team database
    QAction *m_saveLocalCopy = nullptr;  // a team record to a file
    QAction *m_overrideSuggestion = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_presenceLabel = nullptr;
    QTimer *m_presenceDue = nullptr; // asked again every few seconds: joining and leaving send no change
    qint64 m_currentIncident = 0;
    QTimer *m_marksDue = nullptr;
};
