#include "MainWindow.h"

#include "ConnectTeamDialog.h"
#include "DatabaseAddress.h"
#include "RecordCopy.h"

#include "Presence.h"

#include "IncidentInsights.h"

#include "TimeDisplay.h"

#include "ModelRoles.h"

#include "Clock.h"

#include "ActionItemListModel.h"
#include "ActionItemsPanel.h"
#include "AlertArchiveModel.h"
#include "AlertIncidentLinker.h"
#include "AlertMonitor.h"
#include "ConsoleSession.h"
#include "Lifecycle.h"
#include "LiveAlertModel.h"
#include "AlertsPanel.h"
#include "AppSettings.h"
#include "ChecklistModel.h"
#include "UpdateComposer.h"
#include "DeclareIncidentDialog.h"
#include "IncidentListModel.h"
#include "ExportDialog.h"
#include "IncidentPanel.h"
#include "LiveMetricsPanel.h"
#include "MetricsView.h"
#include "PostmortemDialog.h"
#include "ReasonDialog.h"
#include "ReviewModeWindow.h"
#include "RoleHistoryModel.h"
#include "ImportJob.h"
#include "JsonExchange.h"
#include "RoleAssignmentModel.h"
#include "RolesPanel.h"
#include "SettingsDialog.h"
#include "SeverityBoardWidget.h"
#include "SeverityRules.h"
#include "SeverityRulesDialog.h"
#include "StatusUpdateListModel.h"
#include "StatusUpdatesPanel.h"
#include "TimelineModel.h"
#include "TimelinePanel.h"
#include "Workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QProgressDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QUndoStack>

namespace {
const int kLayoutVersion = 7; // bump when the default arrangement of the docks changes
const qint64 kMaxOpenIncidents = 10000;
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_session = new ConsoleSession(this);
    m_workspace = m_session->workspace();
    // The board holds every open incident at once: a file with more than a team ever runs (a crafted one) is refused
    // at once with the reason instead of taking minutes and gigabytes to paint.
    m_workspace->store()->setOpenIncidentLimit(kMaxOpenIncidents);
    m_incidents = m_session->incidents();
    m_timeline = m_session->timeline();
    m_roles = m_session->roles();
    m_roleHistory = m_session->roleHistory();
    m_checklist = m_session->checklist();
    m_updates = m_session->updates();
    m_alerts = m_session->alertArchive();
    m_monitor = m_session->alertMonitor();
    m_live = m_session->liveAlerts();
    m_linker = m_session->linker();
    m_actionItems = m_session->actionItems();
    connect(m_session, &ConsoleSession::backgroundProblem, this, [this](const QString &m) { statusBar()->showMessage(m, 15000); });
    connect(m_session, &ConsoleSession::notification, this, &MainWindow::showNotification);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Incident Console"));
        m_tray->show();
    }

    createDocks();
    createActions();
    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel, 1);
    m_presenceLabel = new QLabel(this);
    m_presenceLabel->setObjectName(QStringLiteral("presence"));
    m_presenceLabel->hide();
    statusBar()->addPermanentWidget(m_presenceLabel);
    m_presenceDue = new QTimer(this);
    m_presenceDue->setInterval(3000);
    connect(m_presenceDue, &QTimer::timeout, this, &MainWindow::refreshPresence);
    connect(m_workspace->store(), &IncidentStore::teamConnectionChanged, this,
            [this](bool online, const QString &reason) {
                if (online) {
                    statusBar()->showMessage(tr("Connected to the team database again; what changed meanwhile is in."),
                                             8000);
                }
                refreshPresence();
                if (!online) {
                    m_presenceLabel->setToolTip(reason);
                }
            });

    connect(m_workspace->store(), &IncidentStore::outboxChanged, this, [this] { refreshPresence(); });

    connect(m_workspace, &Workspace::editFailed, this,
            [this](const QString &message) { showProblem(tr("The change was not saved"), message); });
    connect(m_workspace->store(), &IncidentStore::storeReset, this, [this] {
        setCurrentIncident(0);
        refreshFileState();
    });
    // The charts' marks follow the current incident's key moments; a pasted log is one update, not thousands.
    m_marksDue = new QTimer(this);
    m_marksDue->setSingleShot(true);
    m_marksDue->setInterval(100);
    connect(m_marksDue, &QTimer::timeout, this, &MainWindow::updateChartMarks);
    auto marksMayMove = [this](qint64 incidentId) {
        if (incidentId == m_currentIncident) {
            m_marksDue->start();
        }
    };
    connect(m_workspace->store(), &IncidentStore::timelineEntryInserted, this, marksMayMove);
    connect(m_workspace->store(), &IncidentStore::timelineEntryChanged, this, marksMayMove);
    connect(m_workspace->store(), &IncidentStore::timelineEntryRemoved, this, marksMayMove);
    connect(m_workspace->store(), &IncidentStore::timelineReset, this, marksMayMove);
    auto refresh = [this] { refreshFileState(); };
    connect(m_incidents, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(m_incidents, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(m_incidents, &QAbstractItemModel::dataChanged, this, [this] {
        setCurrentIncident(m_currentIncident); // heading, stage, warnings and suggestion may have changed
        refreshFileState();
    });
    connect(m_incidents, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // A newly declared incident becomes the one being worked on.
        if (m_workspace->undoStack()->index() > 0) {
            selectIncident(m_incidents->incidentAt(first).id);
        }
    });

    // Overdue status updates raise a notification once per incident and due time.
    auto *overdue = new QTimer(this);
    overdue->setInterval(std::chrono::seconds(30));
    connect(overdue, &QTimer::timeout, m_session, &ConsoleSession::checkOverdueUpdates);
    overdue->start();

    applySettings();
    restoreLayout();
    refreshFileState();
}

MainWindow::~MainWindow()
{
    // Composers first, while the file is open: each saves what was typed since its last autosave.
    qDeleteAll(findChildren<UpdateComposer *>(Qt::FindDirectChildrenOnly));
    closeFileWindows();
    // Close the file while every panel still exists: closing announces a reset that they all hear.
    m_workspace->store()->disconnect(this);
    m_monitor->setArchiveRecord({});
    m_workspace->close();
}

void MainWindow::createDocks()
{
    // The layout of a laptop first: the board is a strip across the top that grows only with the number of open
    // incidents, the selected incident's timeline takes the middle, the incident and its roles run down the left,
    // and alerts, status updates, action items and live metrics share the space under the timeline as tabs.
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    auto makeDock = [this](const QString &objectName, const QString &title, QWidget *content, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(objectName);
        dock->setWidget(content);
        addDockWidget(area, dock);
        return dock;
    };
    m_timelinePanel = new TimelinePanel(m_workspace, m_timeline, this);
    m_timelinePanel->setObjectName(QStringLiteral("timelinePanel"));
    setCentralWidget(m_timelinePanel);
    m_board = new SeverityBoardWidget(m_incidents, this);
    m_board->setObjectName(QStringLiteral("severityBoard"));
    connect(m_board, &SeverityBoardWidget::incidentSelected, this, &MainWindow::setCurrentIncident);
    connect(m_board, &SeverityBoardWidget::severityChangeRequested, this, &MainWindow::requestSeverityChange);
    connect(m_board, &SeverityBoardWidget::cardMenuRequested, this, &MainWindow::showCardMenu);
    m_rolesPanel = new RolesPanel(m_workspace, m_roles, m_roleHistory, this);
    m_incidentPanel = new IncidentPanel(m_workspace, m_incidents, m_checklist, this);
    m_updatesPanel = new StatusUpdatesPanel(m_workspace, m_updates, this);
    m_alertsPanel = new AlertsPanel(m_workspace, m_monitor, m_live, m_alerts, this);
    connect(m_monitor, &AlertMonitor::sourcesReset, m_alertsPanel, &AlertsPanel::sourcesReset);
    connect(m_monitor, &AlertMonitor::sourceStatusChanged, m_alertsPanel, &AlertsPanel::sourceStatusChanged);
    connect(m_alertsPanel, &AlertsPanel::declareRequested, this, &MainWindow::declareFromAlerts);

    m_boardDock = makeDock(QStringLiteral("boardDock"), tr("Incidents"), m_board, Qt::TopDockWidgetArea);
    auto *incident = makeDock(QStringLiteral("incidentDock"), tr("Incident"), m_incidentPanel, Qt::LeftDockWidgetArea);
    auto *roles = makeDock(QStringLiteral("rolesDock"), tr("Roles"), m_rolesPanel, Qt::LeftDockWidgetArea);
    auto *alerts = makeDock(QStringLiteral("alertsDock"), tr("Alerts"), m_alertsPanel, Qt::BottomDockWidgetArea);
    auto *updates =
        makeDock(QStringLiteral("statusUpdatesDock"), tr("Status updates"), m_updatesPanel, Qt::BottomDockWidgetArea);
    m_actionItemsPanel = new ActionItemsPanel(m_workspace, m_actionItems, this);
    connect(m_actionItemsPanel, &ActionItemsPanel::incidentActivated, this, &MainWindow::selectIncident);
    auto *actionItems =
        makeDock(QStringLiteral("actionItemsDock"), tr("Action items"), m_actionItemsPanel, Qt::BottomDockWidgetArea);
    m_liveMetrics = new LiveMetricsPanel(this);
    // The live charts follow the alert poll: each finished poll of a source asks for fresh ranges.
    connect(m_monitor, &AlertMonitor::sourceStatusChanged, m_liveMetrics, &LiveMetricsPanel::refresh);
    auto *liveMetrics =
        makeDock(QStringLiteral("liveMetricsDock"), tr("Live metrics"), m_liveMetrics, Qt::BottomDockWidgetArea);
    tabifyDockWidget(alerts, updates);
    tabifyDockWidget(alerts, actionItems);
    tabifyDockWidget(alerts, liveMetrics);
    alerts->raise();
    // The board spans the width; the incident's column runs from under it to the bottom.
    setCorner(Qt::TopLeftCorner, Qt::TopDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::TopDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    splitDockWidget(incident, roles, Qt::Vertical);
    resizeDocks({incident, roles}, {340, 240}, Qt::Vertical);
    resizeDocks({incident}, {330}, Qt::Horizontal);
    resizeDocks({alerts}, {250}, Qt::Vertical);
    fitBoardToIncidents();
    connect(m_board, &SeverityBoardWidget::preferredHeightChanged, this, &MainWindow::fitBoardToIncidents);
}

void MainWindow::fitBoardToIncidents()
{
    // The strip holds one row of cards; it grows, up to 40% of the window, only when more incidents are open.
    const int title = m_boardDock->height() - m_board->height(); // the dock's title bar
    resizeDocks({m_boardDock}, {std::min(m_board->preferredHeight() + std::max(0, title), std::max(160, height() * 2 / 5))},
                Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New File…"), this, &MainWindow::newFile);
    newAction->setShortcut(QKeySequence::New);
    auto *openAction = file->addAction(tr("&Open…"), this, &MainWindow::openFileDialog);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    auto *connectTeam = file->addAction(tr("Connect to &Team Database…"), this, [this] { connectToTeamDatabase(); });
    connectTeam->setObjectName(QStringLiteral("connectTeamAction"));
    file->addSeparator();
    auto *copyAction = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveCopy = copyAction;
    m_copyToTeam = file->addAction(tr("Copy This File to a Team &Database…"), this, &MainWindow::copyToTeamDatabase);
    m_copyToTeam->setObjectName(QStringLiteral("copyToTeamAction"));
    m_saveLocalCopy = file->addAction(tr("Save a &Local Copy…"), this, &MainWindow::saveLocalCopy);
    m_saveLocalCopy->setObjectName(QStringLiteral("saveLocalCopyAction"));
    auto *exportAll = file->addAction(tr("&Export…"), this, [this] { showExportDialog(m_currentIncident != 0); });
    exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    auto *importAction = file->addAction(tr("&Import JSON…"), this, &MainWindow::importJson);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_workspace->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_workspace->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    auto *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    edit->addAction(tr("Severity Suggestion &Rules…"), this, [this] {
        SeverityRulesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted) {
            applySettings();
        }
    });

    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    auto *declare = incident->addAction(tr("&Declare Incident…"), this, &MainWindow::declareIncident);
    declare->setObjectName(QStringLiteral("declareIncidentAction"));
    declare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    auto *entry = incident->addAction(tr("Add &Timeline Entry"), this, [this] { m_timelinePanel->focusEntryBox(); });
    entry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QMenu *timelineMenu = incident->addMenu(tr("Time&line"));
    auto *nextKey = timelineMenu->addAction(tr("&Next Key Moment"), this, [this] { m_timelinePanel->jumpToKeyMoment(+1); });
    nextKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    auto *previousKey =
        timelineMenu->addAction(tr("&Previous Key Moment"), this, [this] { m_timelinePanel->jumpToKeyMoment(-1); });
    previousKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    auto *pin = timelineMenu->addAction(tr("Pin / &Unpin Key Moment"), this, [this] { m_timelinePanel->togglePin(); });
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    timelineMenu->addAction(tr("Change &Time of Entry…"), this, [this] { m_timelinePanel->changeTimeOfSelected(); });
    timelineMenu->addAction(tr("Entry &History…"), this, [this] { m_timelinePanel->showHistoryOfSelected(); });
    timelineMenu->addAction(tr("&Delete Entry…"), this, [this] { m_timelinePanel->deleteSelected(); });
    timelineMenu->addSeparator();
    auto *pasteLog = timelineMenu->addAction(tr("Paste &Log…"), this, [this] {
        m_timelinePanel->pasteLog(QApplication::clipboard()->text());
    });
    pasteLog->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    auto *editIncident = incident->addAction(tr("&Edit Title and Summary…"), this,
                                             [this] { m_incidentPanel->editTitleAndSummary(); });
    editIncident->setObjectName(QStringLiteral("editIncidentAction"));
    editIncident->setShortcut(QKeySequence(Qt::Key_F2));
    auto *assign = incident->addAction(tr("&Assign Role…"), this, [this] { m_rolesPanel->assign(); });
    assign->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_severityMenu = incident->addMenu(tr("Se&verity"));
    for (Severity level : Severities::all()) {
        auto *action = m_severityMenu->addAction(tr("%1 — %2…").arg(Severities::label(level), Severities::definition(level)));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + int(level))));
        connect(action, &QAction::triggered, this, [this, level] { requestSeverityChange(m_currentIncident, level); });
    }
    m_severityMenu->addSeparator();
    m_acceptSuggestion = m_severityMenu->addAction(tr("&Accept Suggested Severity"), this,
                                                   [this] { m_incidentPanel->acceptSuggestion(); });
    m_overrideSuggestion = m_severityMenu->addAction(tr("&Keep Current Severity…"), this,
                                                     [this] { m_incidentPanel->overrideSuggestion(); });

    QMenu *stage = incident->addMenu(tr("&Stage"));
    m_stageMenu = stage;
    m_stageGroup = new QActionGroup(this);
    for (Stage s : Stages::all()) {
        auto *action = stage->addAction(Stages::title(s));
        action->setCheckable(true);
        action->setData(int(s));
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + int(s))));
        m_stageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, s] { moveToStage(int(s)); });
    }

    auto *page = incident->addAction(tr("&Page Required Roles…"), this, [this] { m_incidentPanel->pageRequiredRoles(); });
    incident->addSeparator();
    auto *postmortem = incident->addAction(tr("&Postmortem…"), this, &MainWindow::showPostmortem);
    postmortem->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    auto *addAction = incident->addAction(tr("Add Action &Item…"), this, [this] { m_actionItemsPanel->addItem(); });
    auto *review = incident->addAction(tr("&Review Mode"), this, [this] {
        // Full screen for the postmortem meeting; it deletes itself when closed.
        auto *window = new ReviewModeWindow(*m_workspace, m_currentIncident, this);
        window->setGeometry(screen()->geometry()); // the whole screen even where no window manager applies full screen
        window->showFullScreen();
    });
    review->setShortcut(QKeySequence(Qt::Key_F5));
    page->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    auto *roster = incident->addAction(tr("R&oster…"), this, [this] { m_rolesPanel->editRoster(); });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (auto *dock : findChildren<QDockWidget *>()) {
        m_viewMenu->addAction(dock->toggleViewAction());
    }
    m_boardDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QMenu *onBoard = m_viewMenu->addMenu(tr("On the &Board"));
    onBoard->addActions(m_board->displayActions());

    m_viewMenu->addSeparator();
    auto *metrics = m_viewMenu->addAction(tr("Incident &Metrics…"), this, &MainWindow::showMetrics);
    metrics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Incident Console"), this, &MainWindow::showAbout);

    m_fileActions = {copyAction, exportAll, importAction, declare, roster, metrics};
    m_incidentActions = {entry, editIncident, assign, stage->menuAction(), m_severityMenu->menuAction(), page,
                         timelineMenu->menuAction(), postmortem, addAction, review};
}

void MainWindow::restoreLayout()
{
    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry())) {
        // First run: all of a laptop's screen, most of a larger one; the board, the incident and its timeline all
        // want room.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        if (available.width() <= 1600) {
            setGeometry(available);
        } else {
            resize(std::min(available.width() * 95 / 100, 1880), std::min(available.height() * 95 / 100, 1040));
        }
    }
    if (!restoreState(settings.windowState(), kLayoutVersion)) {
        QTimer::singleShot(0, this, &MainWindow::fitBoardToIncidents); // once the window has its size
    }
}

void MainWindow::applySettings()
{
    const AppSettings settings;
    const QTimeZone zone = settings.displayTimeZone();
    m_incidents->setDisplayTimeZone(zone);
    m_timelinePanel->setTimeZones(zone, settings.thirdTimeZone());
    m_roles->setDisplayTimeZone(zone);
    m_roleHistory->setDisplayTimeZone(zone);
    m_updates->setDisplayTimeZone(zone);
    m_alerts->setDisplayTimeZone(zone);
    m_actionItemsPanel->setDisplayTimeZone(zone);
    m_incidentPanel->setDisplayTimeZone(zone);
    m_liveMetrics->setExpressions(settings.liveMetricExpressions());
    m_workspace->setAuthor(settings.authorName());
    for (const auto audience : {StatusUpdate::Audience::Internal, StatusUpdate::Audience::Customer}) {
        for (Severity level : Severities::all()) {
            IncidentInsights::setUpdateIntervalMinutes(audience, level, settings.updateIntervalMinutes(audience, level));
        }
    }
    QString rulesProblem;
    m_incidents->setSeverityRules(SeverityRules::loadUserRules(&rulesProblem));
    if (!rulesProblem.isEmpty()) {
        statusBar()->showMessage(tr("Severity suggestion rules: %1").arg(rulesProblem), 30000);
    }
    const QList<AlertSource> sources = m_sourceOverride ? *m_sourceOverride : settings.alertSources();
    if (sources != m_monitor->sources() || sources.isEmpty()) {
        m_monitor->setSources(sources);
    }
    m_liveMetrics->setSources(sources);
}

void MainWindow::setAlertSourceOverride(const QList<AlertSource> &sources)
{
    m_sourceOverride = sources;
    applySettings();
}

void MainWindow::askForAuthorIfUnknown()
{
    AppSettings settings;
    if (settings.hasChosenAuthorName()) {
        return;
    }
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("authorNameDialog"));
    dialog.setWindowTitle(tr("Your Name"));
    dialog.setLabelText(tr("Your name as the team knows it. It goes on what you add to the timeline, on "
                           "acknowledgements, silences and status updates. (Change it in Settings.)"));
    dialog.setTextValue(settings.authorName()); // the login name, as a start
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        label->setWordWrap(true); // a sentence, not one line across the screen
    }
    dialog.setFixedWidth(480);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty()) {
        statusBar()->showMessage(
            tr("No name was given: what you add carries your login name until one is set in Settings."), 15000);
        return;
    }
    settings.setAuthorName(dialog.textValue().trimmed());
    applySettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings().setWindowLayout(saveGeometry(), saveState(kLayoutVersion));
    QMainWindow::closeEvent(event);
}

bool MainWindow::openFile(const QString &path)
{
    if (!closeFileWindows()) {
        return false; // a postmortem could not be saved: its text stays on screen rather than being lost
    }
    const Status s = openRecord(path);
    if (!s && DatabaseAddress::isAddress(path) && s.error().contains(QStringLiteral("password"))) {
        // libpq's "password authentication failed" or "no password supplied": ask for it, keeping the address.
        const auto address = DatabaseAddress::parse(path);
        connectToTeamDatabase(address ? address->redacted() : QString(), s.error());
        return m_workspace->store()->isOpen() && m_workspace->store()->isTeamRecord();
    }
    if (!s) {
        showProblem(tr("The file was not opened"), s.error());
        return false;
    }
    return true;
}

Status MainWindow::openRecord(const QString &given)
{
    if (!closeFileWindows()) {
        // A postmortem could not be saved: its text stays on screen rather than being lost.
        return Status::failure(tr("A postmortem window could not save its text, so the record stays open."));
    }
    QString path = given;
    AppSettings settings;
    if (const auto address = DatabaseAddress::parse(path); address && address->password().isEmpty()) {
        path = DatabaseAddress::withPassword(path, settings.teamPassword(address->redacted()));
    }
    m_monitor->setArchiveRecord({}); // nothing more is written to the file being left
    const Status s = m_workspace->open(path);
    if (!s) {
        refreshFileState();
        return s;
    }
    settings.addRecentFile(m_workspace->store()->path()); // a team database's address without its password
    // Open where the work is: the incident worked on last is selected, its timeline on screen without a click.
    if (const auto last = m_workspace->store()->mostRecentlyActiveIncident(); last && *last > 0) {
        selectIncident(*last);
    }
    // On a team database every console offers to archive and one at a time does (the address keeps its password for
    // that second connection; path() does not).
    if (!m_workspace->store()->isReadOnly()) {
        m_monitor->setArchiveRecord(m_workspace->store()->isTeamRecord() ? path : m_workspace->store()->path());
    }
    if (!m_workspace->store()->lastBackupPath().isEmpty()) {
        statusBar()->showMessage(tr("The file was upgraded to the current format; the old version was kept at %1")
                                     .arg(QDir::toNativeSeparators(m_workspace->store()->lastBackupPath())),
                                 15000);
    }
    refreshFileState();
    return Status::success();
}

void MainWindow::selectIncident(qint64 incidentId)
{
    m_board->selectIncident(incidentId);
    setCurrentIncident(incidentId);
}

void MainWindow::setCurrentIncident(qint64 incidentId)
{
    const int row = m_incidents->rowOf(incidentId);
    m_currentIncident = row >= 0 ? incidentId : 0;
    QString heading;
    if (row >= 0) {
        const Incident &i = m_incidents->incidentAt(row);
        heading = QStringLiteral("%1 · %2 · %3 — %4")
                      .arg(i.reference(), Severities::label(i.severity), Stages::title(i.stage), i.title);
        for (QAction *a : m_stageGroup->actions()) {
            a->setChecked(a->data().toInt() == int(i.stage));
        }
    }
    // Each panel is told every time; each does the work only when its incident really changes.
    m_timelinePanel->setIncident(m_currentIncident, heading);
    m_rolesPanel->setIncident(m_currentIncident);
    m_incidentPanel->setIncident(m_currentIncident);
    if (m_updates->incidentId() != m_currentIncident) {
        m_updatesPanel->setIncident(m_currentIncident);
    }
    refreshIncidentState();
    for (QAction *a : std::as_const(m_incidentActions)) {
        a->setEnabled(m_currentIncident > 0 && !m_workspace->store()->isReadOnly());
    }
    m_alertsPanel->setCurrentIncident(m_currentIncident,
                                      row >= 0 ? m_incidents->incidentAt(row).reference() : QString());
    m_actionItemsPanel->setIncident(m_currentIncident);
    if (row >= 0) {
        m_liveMetrics->setIncident(m_incidents->incidentAt(row));
        updateChartMarks();
    } else {
        m_liveMetrics->clearIncident();
    }
}

void MainWindow::updateChartMarks()
{
    const int row = m_incidents->rowOf(m_currentIncident);
    if (row < 0) {
        return;
    }
    const auto moments = m_workspace->store()->keyMomentsAndActions(m_currentIncident, false);
    m_liveMetrics->setMarks(IncidentInsights::chartMarks(m_incidents->incidentAt(row),
                                                         moments ? moments.value() : QList<TimelineEntry>{}));
}

void MainWindow::refreshFileState()
{
    const bool open = m_workspace->store()->isOpen();
    for (QAction *a : std::as_const(m_fileActions)) {
        a->setEnabled(open);
    }
    for (QAction *a : std::as_const(m_incidentActions)) {
        a->setEnabled(open && m_currentIncident > 0);
    }
    // A file copies itself or goes to a team database; a team record is taken home as a file.
    const bool team = open && m_workspace->store()->isTeamRecord();
    m_saveCopy->setVisible(!team);
    m_copyToTeam->setVisible(!team);
    m_copyToTeam->setEnabled(open);
    m_saveLocalCopy->setVisible(team);
    if (!open) {
        m_presenceDue->stop();
        m_presenceLabel->hide();
        setWindowTitle(tr("Incident Console"));
        m_statusLabel->setText(tr("No file is open. Use File ▸ New File or File ▸ Open."));
        return;
    }
    const QString path = m_workspace->store()->path();
    setWindowTitle(tr("%1 — Incident Console").arg(QFileInfo(path).fileName()));
    if (m_workspace->store()->isTeamRecord() != m_presenceDue->isActive()) {
        m_workspace->store()->isTeamRecord() ? m_presenceDue->start() : m_presenceDue->stop();
        refreshPresence();
    }
    int open_count = 0;
    for (int row = 0; row < m_incidents->rowCount(); ++row) {
        open_count += m_incidents->incidentAt(row).isOpen() ? 1 : 0;
    }
    m_statusLabel->setText((open_count == 1 ? tr("1 open incident") : tr("%1 open incidents").arg(open_count)) +
                           QStringLiteral("  ·  ") +
                           QDir::toNativeSeparators(path) +
                           (m_workspace->store()->isReadOnly() ? tr("  ·  read-only seat: you may look, not write")
                                                                : QString()));
}

void MainWindow::refreshPresence()
{
    IncidentStore *store = m_workspace->store();
    m_presenceLabel->setVisible(store->isTeamRecord());
    const int waiting = store->waitingToBeSent();
    const QString outbox = waiting == 0 ? QString()
                           : waiting == 1
                               ? tr(" · 1 timeline entry waiting to be sent")
                               : tr(" · %1 timeline entries waiting to be sent").arg(waiting);
    if (store->isTeamRecord() && !store->isTeamOnline()) {
        m_presenceLabel->setText(tr("<span style=\"color:#b3261e\">⚠ Team database unreachable: showing the record "
                                    "as last read%1</span>")
                                     .arg(outbox));
        return;
    }
    m_presenceLabel->setToolTip({});
    const auto names = store->othersHere();
    if (!names) {
        m_presenceLabel->setText(tr("Who else is here cannot be told: %1").arg(names.error()));
        return;
    }
    QList<RoleAssignment> held;
    if (m_currentIncident > 0) {
        if (const auto assignments = store->assignments(m_currentIncident); assignments) {
            held = assignments.value();
        }
    }
    const auto roles = store->roles();
    m_presenceLabel->setText(Presence::describe(names.value(), held, roles ? roles.value() : QList<Role>()) + outbox);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings().recentFiles();
    for (const QString &path : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openFile(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    }
}

void MainWindow::showProblem(const QString &title, const QString &text)
{
    // Window-modal and non-blocking: the console keeps updating behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setTextFormat(Qt::PlainText); // messages quote names and text people typed
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::newFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Incident File"),
                                                      QFileInfo(AppSettings::defaultDatabasePath()).absolutePath(),
                                                      tr("Incident files (*.sqlite)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        // A new file never replaces a record: that would destroy an incident's history.
        showProblem(tr("The file already exists"),
                    tr("%1 already exists. Choose another name, or open it with File ▸ Open.")
                        .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openFile(path);
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Incident File"),
                                                      QFileInfo(m_workspace->store()->path()).absolutePath(),
                                                      tr("Incident files (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

void MainWindow::saveCopy()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy"), QString(),
                                                      tr("Incident files (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    if (const Status s = m_workspace->store()->saveCopy(path); !s) {
        showProblem(tr("The copy was not saved"), s.error());
        return;
    }
    statusBar()->showMessage(tr("Saved a copy to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::connectToTeamDatabase(const QString &address, const QString &problem)
{
    ConnectTeamDialog dialog(tr("Connect to Team Database"), tr("Connect"), this);
    dialog.setAddress(address);
    dialog.setProblem(problem);
    while (dialog.exec() == QDialog::Accepted) {
        const QString full = DatabaseAddress::withPassword(dialog.address(), dialog.password());
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Status s = openRecord(full);
        QApplication::restoreOverrideCursor();
        if (s) {
            if (dialog.rememberPassword() && !dialog.password().isEmpty()) {
                AppSettings().setTeamPassword(m_workspace->store()->path(), dialog.password());
            }
            return;
        }
        dialog.setProblem(s.error()); // what was typed stays, to be corrected
    }
}

void MainWindow::copyToTeamDatabase()
{
    ConnectTeamDialog dialog(tr("Copy This File to a Team Database"), tr("Copy"), this);
    while (dialog.exec() == QDialog::Accepted) {
        const QString full = DatabaseAddress::withPassword(dialog.address(), dialog.password());
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto copied = RecordCopy::copyTo(*m_workspace->store(), full);
        QApplication::restoreOverrideCursor();
        if (!copied) {
            dialog.setProblem(copied.error());
            continue;
        }
        const QString redacted = DatabaseAddress::parse(full)->redacted();
        if (dialog.rememberPassword() && !dialog.password().isEmpty()) {
            AppSettings().setTeamPassword(redacted, dialog.password());
        }
        QMessageBox ask(QMessageBox::Question, tr("Copied to the team database"),
                        tr("The record is on %1.\n\n%2\n\nOpen it there now, so the team works on one record?")
                            .arg(redacted, copied->describe()),
                        QMessageBox::Open | QMessageBox::Cancel, this);
        ask.setTextFormat(Qt::PlainText);
        if (ask.exec() == QMessageBox::Open) {
            openFile(full);
        }
        return;
    }
}

void MainWindow::saveLocalCopy()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a Local Copy"), QString(),
                                                      tr("Incident files (*.sqlite)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        showProblem(tr("The copy was not saved"),
                    tr("%1 exists already; a local copy goes into a new file, so choose another name.")
                        .arg(QDir::toNativeSeparators(path)));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto copied = RecordCopy::copyTo(*m_workspace->store(), path);
    QApplication::restoreOverrideCursor();
    if (!copied) {
        showProblem(tr("The copy was not saved"), copied.error());
        return;
    }
    statusBar()->showMessage(tr("Saved a local copy to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::showExportDialog(bool currentIncidentOnly, std::optional<ExportFormat> format)
{
    ExportDialog::Context context;
    context.databasePath = m_workspace->store()->path();
    if (const int row = m_incidents->rowOf(m_currentIncident); row >= 0) {
        const Incident &i = m_incidents->incidentAt(row);
        context.incidentId = i.id;
        context.incidentLabel = QStringLiteral("%1 %2").arg(i.reference(), i.title);
    }
    const AppSettings settings;
    context.zones.append({tr("UTC"), QTimeZone::utc()});
    if (const QTimeZone display = settings.displayTimeZone(); display.id() != QTimeZone::utc().id()) {
        context.zones.append({tr("%1 (display zone)").arg(QString::fromUtf8(display.id())), display});
    }
    if (const auto third = settings.thirdTimeZone()) {
        context.zones.append({tr("%1 (third zone)").arg(QString::fromUtf8(third->id())), *third});
    }
    context.folder = settings.lastExportFolder();
    auto *dialog = new ExportDialog(context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setScopeIncident(currentIncidentOnly);
    if (format) {
        dialog->setFormat(*format);
    }
    connect(dialog, &ExportDialog::exported, this, [this](const QString &path) {
        AppSettings().setLastExportFolder(QFileInfo(path).absolutePath());
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    dialog->show();
}

bool MainWindow::closeFileWindows()
{
    // Postmortems save what was typed while their file is still the open one; exports stop reading it.
    bool allClosed = true;
    for (auto *postmortem : findChildren<PostmortemDialog *>(Qt::FindDirectChildrenOnly)) {
        postmortem->reject();
        allClosed = allClosed && !postmortem->isVisible(); // a failed save keeps it open, and said why
    }
    for (auto *exporting : findChildren<ExportDialog *>(Qt::FindDirectChildrenOnly)) {
        exporting->reject();
    }
    return allClosed;
}

void MainWindow::showPostmortem()
{
    if (m_currentIncident == 0) {
        return;
    }
    for (auto *open : findChildren<PostmortemDialog *>()) {
        if (open->incidentId() == m_currentIncident) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto *dialog = new PostmortemDialog(m_workspace, m_currentIncident, AppSettings().displayTimeZone(), this);
    connect(dialog, &PostmortemDialog::exportRequested, this, [this](qint64 incidentId) {
        selectIncident(incidentId);
        showExportDialog(true, ExportFormat::Pdf);
    });
    dialog->show();
}

void MainWindow::showMetrics()
{
    if (!m_metricsView) {
        m_metricsView = new MetricsView(*m_workspace->store(), this);
        m_metricsView->setWindowFlag(Qt::Window);
        m_metricsView->setWindowTitle(tr("Incident Metrics"));
        m_metricsView->resize(1280, 900);
    }
    m_metricsView->refresh();
    m_metricsView->show();
    m_metricsView->raise();
}

void MainWindow::importJson()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import JSON"), QString(), tr("JSON (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    if (!closeFileWindows()) { // an import resets every view of the file
        return;
    }
    // Off the UI thread, with progress and Stop; the dialog is modal, so nothing else writes meanwhile.
    auto *job = new ImportJob(m_workspace->store()->path(), path, this);
    const QFileInfo source(path);
    auto *progress = new QProgressDialog(tr("Importing %1 (%2 MB)…\nNothing is added until the whole file is read; "
                                            "Stop leaves the incident file as it was.")
                                             .arg(source.fileName())
                                             .arg(double(source.size()) / 1e6, 0, 'f', 1),
                                         tr("Stop"), 0, 1000, this);
    progress->setWindowTitle(tr("Import JSON"));
    progress->setMinimumWidth(480);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, job, &ImportJob::cancel);
    connect(job, &ImportJob::progressed, progress, [progress](qint64 done, qint64 total) {
        progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(job, &ImportJob::finished, this, [this, job, progress](bool ok, const QString &message) {
        progress->deleteLater();
        job->deleteLater();
        if (!ok) {
            showProblem(tr("Nothing was imported"), message);
            return;
        }
        // The rows came through another connection: every view reads the file again.
        m_workspace->store()->announceReset();
        // Imported rows may take ids that undone edits would reuse on redo: start a fresh history.
        m_workspace->undoStack()->clear();
        statusBar()->showMessage(message, 10000);
    });
    job->start();
}

void MainWindow::declareIncident()
{
    if (!m_workspace->store()->isOpen()) {
        return;
    }
    DeclareIncidentDialog dialog(this);
    dialog.setObjectName(QStringLiteral("declareIncidentDialog"));
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto id = m_workspace->declareIncident(dialog.declaration());
    if (!id) {
        showProblem(tr("The incident was not declared"), id.error());
        return;
    }
    selectIncident(id.value());
    m_timelinePanel->focusEntryBox();
}

void MainWindow::refreshIncidentState()
{
    m_rolesPanel->setWarnings(m_currentIncident > 0 ? m_incidents->warningsFor(m_currentIncident) : QStringList());
    const bool suggestion = m_currentIncident > 0 && m_incidents->suggestionFor(m_currentIncident).has_value()
                            && !m_workspace->store()->isReadOnly();
    m_acceptSuggestion->setEnabled(suggestion);
    m_overrideSuggestion->setEnabled(suggestion);
}

void MainWindow::requestSeverityChange(qint64 incidentId, Severity severity)
{
    const int row = m_incidents->rowOf(incidentId);
    if (row < 0 || m_workspace->store()->isReadOnly()) {
        return;
    }
    const Incident &incident = m_incidents->incidentAt(row);
    if (incident.severity == severity) {
        return;
    }
    const Severity from = incident.severity;
    const QString reference = incident.reference();
    const auto reason = ReasonDialog::ask(
        this, tr("%1 → %2").arg(Severities::label(from), Severities::label(severity)),
        tr("Change %1 from %2 to %3 (%4)? Say why; the reason goes on the timeline.")
            .arg(reference, Severities::label(from), Severities::label(severity), Severities::definition(severity)));
    if (!reason) {
        return;
    }
    if (const Status s = m_workspace->changeSeverity(incidentId, severity, *reason); !s) {
        showProblem(tr("The severity was not changed"), s.error());
    }
}

void MainWindow::showCardMenu(qint64 incidentId, const QPoint &globalPos)
{
    selectIncident(incidentId);
    QMenu menu(this);
    menu.addMenu(m_severityMenu);
    menu.addMenu(m_stageMenu);
    menu.addSeparator();
    menu.addAction(tr("Assign or Hand Off a Role…"), this, [this] { m_rolesPanel->assign(); });
    menu.addAction(tr("Page Required Roles…"), this, [this] { m_incidentPanel->pageRequiredRoles(); });
    menu.exec(globalPos);
}

void MainWindow::moveToStage(int stage)
{
    if (m_currentIncident == 0) {
        return;
    }
    // Resolving (into review, or straight to closed) with containment or recovery not ticked off: the list, and
    // one question. An incident already resolved is not asked again on its way to closed.
    const auto checklist = m_workspace->store()->checklist(m_currentIncident);
    const QList<ChecklistItem> open =
        checklist ? Lifecycle::unfinishedMitigation(Stage(stage), checklist.value()) : QList<ChecklistItem>();
    const int row = m_incidents->rowOf(m_currentIncident);
    if (!open.isEmpty() && row >= 0 && !m_incidents->incidentAt(row).isResolved()) {
        QStringList lines;
        for (const ChecklistItem &item : open) {
            lines.append(QStringLiteral("• %1: %2").arg(Stages::title(item.stage), item.text));
        }
        // Plain text throughout: the items are words people typed.
        QMessageBox ask(QMessageBox::Question, tr("Not ticked yet"),
                        tr("%n containment or recovery item(s) are not ticked:", nullptr, int(open.size()))
                            + QStringLiteral("\n") + lines.join(u'\n') + QStringLiteral("\n\n")
                            + tr("Move to %1 anyway?").arg(Stages::title(Stage(stage))),
                        QMessageBox::Yes | QMessageBox::No, this);
        ask.setObjectName(QStringLiteral("unfinishedMitigationQuestion"));
        ask.setTextFormat(Qt::PlainText);
        ask.setDefaultButton(QMessageBox::No);
        if (ask.exec() != QMessageBox::Yes) {
            return;
        }
    }
    if (const Status s = m_workspace->changeStage(m_currentIncident, Stage(stage)); !s) {
        showProblem(tr("The stage was not changed"), s.error());
    }
}

void MainWindow::declareFromAlerts(const QList<Alert> &alerts)
{
    if (alerts.isEmpty() || !m_workspace->store()->isOpen()) {
        return;
    }
    // Prefill from the evidence: the worst severity label among the alerts, their names as the title.
    int worst = 3;
    QStringList names;
    QStringList summaries;
    for (const Alert &a : alerts) {
        worst = std::min(worst, std::clamp(LiveAlertModel::severityRank(a.severity()), 1, 3));
        if (!names.contains(a.alertName())) {
            names.append(a.alertName());
        }
        if (const QString s = a.annotation(u"summary"); !s.isEmpty() && summaries.size() < 5) {
            summaries.append(s);
        }
    }
    DeclareIncidentDialog dialog(this);
    dialog.setObjectName(QStringLiteral("declareIncidentDialog"));
    dialog.setTitle(names.join(QStringLiteral(", ")));
    dialog.setSeverity(Severity(worst));
    dialog.setSummary(summaries.join(u'\n'));
    dialog.focusDeclare();
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto id = m_workspace->declareIncidentFromAlerts(dialog.declaration(), alerts);
    if (!id) {
        showProblem(tr("The incident was not declared"), id.error());
        return;
    }
    selectIncident(id.value());
}

void MainWindow::showNotification(const Notification &n)
{
    const bool overdue = n.kind == Notification::Kind::UpdateOverdue;
    if (m_tray) {
        m_tray->showMessage(n.title, n.body, QSystemTrayIcon::Warning, 10000);
    }
    // An overdue update stays in the status bar longer, and always: the tray's bubble is gone in ten seconds.
    if (overdue || !m_tray) {
        statusBar()->showMessage(n.title + QStringLiteral(" — ") + n.body, overdue ? 30000 : 15000);
    }
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_sourceOverride.value_or(QList<AlertSource>{}), this);
    if (dialog.exec() == QDialog::Accepted) {
        applySettings();
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Incident Console"),
                       tr("<h3>Incident Console %1</h3>"
                          "<p>A desktop console for the person running an incident: live alerts, the severity "
                          "board, roles, the timeline and status updates, kept in one local SQLite file.</p>"
                          "<p>Built with Qt %2. File format %3.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()))
                           .arg(IncidentStore::formatVersion()));
}
