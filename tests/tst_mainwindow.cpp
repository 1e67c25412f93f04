#include "AppSettings.h"
#include "FaultServer.h"
#include "ServerProcess.h"
#include "SettingsDialog.h"
#include "SilenceRequest.h"
#include "LiveAlertModel.h"
#include "SilenceListModel.h"
#include "DeclareIncidentDialog.h"
#include "MainWindow.h"
#include "UpdateComposer.h"
#include "ModelRoles.h"
#include "TestSupport.h"
#include "Workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QClipboard>
#include <QComboBox>
#include <QMimeData>
#include <QDropEvent>
#include <QMimeData>
#include <QApplication>
#include <QButtonGroup>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QListView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTextBrowser>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// A window at 1366×768 on a fresh file, polling a real Alertmanager that holds one firing SEV-1 alert, linked to
// a SEV-1 incident; the name on entries is Dana Reyes.
struct AlertmanagerDesk
{
    ServerProcess am{ServerProcess::Kind::Alertmanager};
    MainWindow window;
    AlertSource source;
    qint64 incident = 0;

    void click(const QString &name)
    {
        auto *button = window.findChild<QPushButton *>(name);
        QVERIFY2(button && button->isEnabled(), qPrintable(name));
        button->click();
    }
    // The alert's own transitions are written too ("is now suppressed"): a stamp is looked for among the entries.
    TimelineEntry entryStarting(const QString &start) const
    {
        const QList<TimelineEntry> entries = window.workspace()->store()->timeline(incident).value();
        for (const TimelineEntry &e : entries) {
            if (e.text.startsWith(start)) {
                return e;
            }
        }
        return TimelineEntry{};
    }
};

// Drives the real window offscreen, as a person would, and checks what reached the file.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;
    void window_click(const QString &button)
    {
        auto *b = m_window->findChild<QPushButton *>(button);
        QVERIFY(b && b->isEnabled());
        b->click();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::applyIdentity();
    }

    void hasTheFiveAreas()
    {
        MainWindow window;
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("severityBoard")));
        // The timeline is the main surface; the rest are docks around it.
        QCOMPARE(window.centralWidget()->objectName(), QStringLiteral("timelinePanel"));
        for (const char *name : {"boardDock", "incidentDock", "alertsDock", "rolesDock", "statusUpdatesDock"}) {
            QVERIFY2(window.findChild<QDockWidget *>(QString::fromLatin1(name)), name);
        }
    }

    void declaresAnIncidentThroughTheWindow()
    {
        const QString path = m_dir.filePath(QStringLiteral("gui.sqlite"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<DeclareIncidentDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("declareTitleEdit")),
                             QStringLiteral("Authentication failures"));
            dialog->findChild<QRadioButton *>(QStringLiteral("severityRadio1"))->click();
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("declareSummaryEdit")),
                             QStringLiteral("Logins failing for most players"));
            dialog->accept();
        });
        window.findChild<QAction *>(QStringLiteral("declareIncidentAction"))->trigger();

        const auto incidents = window.workspace()->store()->incidents();
        QCOMPARE(incidents->size(), 1);
        const Incident &i = incidents->first();
        QCOMPARE(i.title, QStringLiteral("Authentication failures"));
        QCOMPARE(i.severity, Severity::Sev1);
        QCOMPARE(i.summary, QStringLiteral("Logins failing for most players"));
        QCOMPARE(window.currentIncident(), i.id);

        // The card is on the SEV-1 column.
        auto *column = window.findChild<QListView *>(QStringLiteral("boardColumn1"));
        QCOMPARE(column->model()->rowCount(), 1);
        QCOMPARE(window.findChild<QListView *>(QStringLiteral("boardColumn2"))->model()->rowCount(), 0);

        // Type a timeline entry and press Enter: it is in the file at once.
        auto *entry = window.findChild<QLineEdit *>(QStringLiteral("timelineEntryEdit"));
        QVERIFY(entry->isEnabled());
        QTest::keyClicks(entry, QStringLiteral("Paged security on-call"));
        QTest::keyClick(entry, Qt::Key_Return);
        QVERIFY(entry->text().isEmpty());
        const auto timeline = window.workspace()->store()->timeline(i.id);
        QCOMPARE(timeline->size(), 2);
        QCOMPARE(timeline->last().text, QStringLiteral("Paged security on-call"));
        QCOMPARE(window.findChild<QTableView *>(QStringLiteral("timelineView"))->model()->rowCount(), 2);

        // Edit > Undo takes it back out of the file.
        window.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(window.workspace()->store()->timeline(i.id)->size(), 1);
        window.findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
        QCOMPARE(window.workspace()->store()->timeline(i.id)->size(), 2);
    }

    void linksALiveAlertToTheIncidentFromTheAlertsPanel()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setResponse(200, R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2","instance":"game-3"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2025-06-01T14:00:00Z","value":"0.31"}]}})");
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(m_dir.filePath(QStringLiteral("alerts.sqlite"))));
        AlertSource source;
        source.kind = AlertSource::Kind::Prometheus;
        source.url = server.url();
        source.intervalSeconds = 1;
        window.setAlertSourceOverride({source});
        auto *view = window.findChild<QTableView *>(QStringLiteral("liveAlertsView"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 10000);
        // What the first answer reports was firing before the console asked: no notification for it.
        QVERIFY2(!window.statusBar()->currentMessage().contains(QStringLiteral("alert firing")),
                 qPrintable(window.statusBar()->currentMessage()));
        // A SEV-2 alert that starts firing (here one that waited as pending) raises a notification; the status bar
        // stands in where there is no system tray.
        server.setResponse(200, R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2","instance":"game-3"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2025-06-01T14:00:00Z","value":"0.31"},{"labels":{"alertname":"RateLimitPersistent","severity":"SEV-2","instance":"lb-1"},"annotations":{"summary":"Rate limit hit for 10 min"},"state":"pending","activeAt":"2025-06-01T14:00:00Z","value":"1"}]}})");
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 10000);
        QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("RateLimitPersistent")));
        server.setResponse(200, R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2","instance":"game-3"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2025-06-01T14:00:00Z","value":"0.31"},{"labels":{"alertname":"RateLimitPersistent","severity":"SEV-2","instance":"lb-1"},"annotations":{"summary":"Rate limit hit for 10 min"},"state":"firing","activeAt":"2025-06-01T14:00:00Z","value":"1"}]}})");
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("SEV-2 alert firing: RateLimitPersistent")), 10000);
        server.setResponse(200, R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2","instance":"game-3"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2025-06-01T14:00:00Z","value":"0.31"}]}})");
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 10000);
        QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("alertSourcesLabel"))->text().contains(QStringLiteral("1 alert,")));

        const qint64 incident = window.workspace()->declareIncident(QStringLiteral("Lag in EU"), Severity::Sev2).value();
        window.selectIncident(incident);
        view->selectRow(0);
        auto *link = window.findChild<QPushButton *>(QStringLiteral("linkAlertsButton"));
        QVERIFY(link->isEnabled());
        QCOMPARE(link->text(), QStringLiteral("Link to INC-%1").arg(incident));
        QTest::mouseClick(link, Qt::LeftButton);
        const auto timeline = window.workspace()->store()->timeline(incident);
        QCOMPARE(timeline->size(), 2);
        QCOMPARE(timeline->last().source, TimelineEntry::Source::Alert);
        QVERIFY(timeline->last().text.contains(QStringLiteral("value 0.31")));
        QVERIFY(window.findChild<QTextBrowser *>(QStringLiteral("alertDetails"))->toPlainText().contains(QStringLiteral("game-3")));

        // The source goes away: the alert stays, marked stale, and the status says why.
        server.setResponse(503, "down for maintenance");
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("alertSourcesLabel"))->text().contains(QStringLiteral("HTTP 503")), 10000);
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->model()->index(0, LiveAlertModel::ColumnState).data().toString().contains(QStringLiteral("stale")));
    }

    // Runs fn on the next modal window to open (a dialog or a question), as the person in front of it would answer.
    void whenModal(std::function<void(QWidget *)> fn)
    {
        auto *poll = new QTimer(this);
        poll->setInterval(10);
        auto waited = std::make_shared<int>(0);
        connect(poll, &QTimer::timeout, this, [poll, waited, fn] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal && ++*waited < 500) {
                return;
            }
            poll->stop();
            poll->deleteLater();
            QVERIFY(modal);
            fn(modal);
        });
        poll->start();
    }

    void openDesk(AlertmanagerDesk &desk, const QString &file)
    {
        QString error;
        QVERIFY2(desk.am.startAlertmanager(&error), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject firing{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QStringLiteral("AuthenticationFailures")},
                                                                        {QStringLiteral("severity"), QStringLiteral("SEV-1")},
                                                                        {QStringLiteral("instance"), QStringLiteral("auth-1")}}},
                                 {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QStringLiteral("Logins failing")}}},
                                 {QStringLiteral("startsAt"), now.addSecs(-60).toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("endsAt"), now.addSecs(3600).toString(Qt::ISODateWithMs)}};
        QVERIFY2(desk.am.post(QStringLiteral("/api/v2/alerts"), QJsonDocument(QJsonArray{firing}).toJson(QJsonDocument::Compact), &error),
                 qPrintable(error));
        desk.window.resize(1366, 768);
        desk.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk.window));
        QVERIFY(desk.window.openFile(m_dir.filePath(file)));
        desk.source.kind = AlertSource::Kind::Alertmanager;
        desk.source.url = desk.am.url();
        desk.source.intervalSeconds = 1;
        desk.window.setAlertSourceOverride({desk.source});
        desk.window.workspace()->setAuthor(QStringLiteral("Dana Reyes")); // after the settings the override applies
        auto *view = desk.window.findChild<QTableView *>(QStringLiteral("liveAlertsView"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 15000);
        desk.incident = desk.window.workspace()->declareIncident(QStringLiteral("Login failures"), Severity::Sev1).value();
        desk.window.selectIncident(desk.incident);
        view->selectRow(0);
        desk.click(QStringLiteral("linkAlertsButton"));
    }

    void aSilenceIsSignedExplainedAndToldOnTheTimeline()
    {
        AlertmanagerDesk desk;
        openDesk(desk, QStringLiteral("silence-made.sqlite"));
        if (QTest::currentTestFailed()) {
            return;
        }
        // The table says which incident holds the alert.
        auto *view = desk.window.findChild<QTableView *>(QStringLiteral("liveAlertsView"));
        QCOMPARE(view->model()->index(0, LiveAlertModel::ColumnIncident).data().toString(), QStringLiteral("INC-%1").arg(desk.incident));

        // Signed with the name on entries, and not made until a comment says why. What the dialog showed is checked
        // after it closed: a failed check inside would leave it open.
        QString dialogName, signedAs;
        bool okWasOffWithoutComment = false, commentHadFocus = false, okOnWithComment = false;
        whenModal([&](QWidget *dialog) {
            dialogName = dialog->objectName();
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            auto *comment = dialog->findChild<QLineEdit *>(QStringLiteral("silenceComment"));
            auto *author = dialog->findChild<QLineEdit *>(QStringLiteral("silenceAuthor"));
            if (!buttons || !comment || !author) {
                static_cast<QDialog *>(dialog)->reject();
                return;
            }
            signedAs = author->text();
            okWasOffWithoutComment = !buttons->button(QDialogButtonBox::Ok)->isEnabled();
            commentHadFocus = dialog->focusWidget() == comment;
            QTest::keyClicks(comment, QStringLiteral("rollback of 3.8.1 under way"));
            okOnWithComment = buttons->button(QDialogButtonBox::Ok)->isEnabled();
            QTest::keyClick(comment, Qt::Key_Return);
        });
        desk.click(QStringLiteral("silenceAlertButton"));
        QCOMPARE(dialogName, QStringLiteral("silenceDialog"));
        QCOMPARE(signedAs, QStringLiteral("Dana Reyes"));
        QVERIFY(okWasOffWithoutComment);
        QVERIFY(commentHadFocus);
        QVERIFY(okOnWithComment);
        QTRY_VERIFY_WITH_TIMEOUT(desk.entryStarting(QStringLiteral("Silenced alert AuthenticationFailures for 2 h 00 min")).id > 0, 15000);
        const TimelineEntry stamp = desk.entryStarting(QStringLiteral("Silenced alert"));
        QVERIFY2(stamp.text.contains(QStringLiteral("by Dana Reyes: rollback of 3.8.1 under way")), qPrintable(stamp.text));
        QCOMPARE(stamp.author, QStringLiteral("Dana Reyes"));
    }

    void silencesAreListedAndExpiredFromTheWindow()
    {
        AlertmanagerDesk desk;
        openDesk(desk, QStringLiteral("silence-expired.sqlite"));
        if (QTest::currentTestFailed()) {
            return;
        }
        // A silence made elsewhere (by amtool, another console): the window lists it all the same.
        SilenceRequest elsewhere(nullptr);
        QSignalSpy made(&elsewhere, &SilenceRequest::finished);
        elsewhere.send(desk.source, desk.window.liveAlerts()->alertAt(0), 30, QStringLiteral("Dana Reyes"),
                       QStringLiteral("rollback of 3.8.1 under way"));
        QVERIFY(made.wait(10000));
        QVERIFY2(!made.first().at(0).toString().isEmpty(), qPrintable(made.first().at(1).toString()));

        auto *silences = desk.window.findChild<QTableView *>(QStringLiteral("silencesView"));
        auto *tabs = qobject_cast<QTabWidget *>(silences->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(tabs);
        desk.window.findChild<QDockWidget *>(QStringLiteral("alertsDock"))->raise();
        tabs->setCurrentWidget(silences->parentWidget());
        QTRY_COMPARE_WITH_TIMEOUT(silences->model()->rowCount(), 1, 10000);
        QCOMPARE(silences->model()->index(0, SilenceListModel::ColumnCreatedBy).data().toString(), QStringLiteral("Dana Reyes"));
        QCOMPARE(silences->model()->index(0, SilenceListModel::ColumnComment).data().toString(), QStringLiteral("rollback of 3.8.1 under way"));
        QVERIFY(silences->model()->index(0, SilenceListModel::ColumnTimeLeft).data().toString().endsWith(QStringLiteral("min left")));
        silences->selectRow(0);
        QString question;
        whenModal([&question](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box) {
                static_cast<QDialog *>(modal)->reject();
                return;
            }
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        desk.click(QStringLiteral("expireSilenceButton"));
        QVERIFY2(question.contains(QStringLiteral("Notifications for AuthenticationFailures start again")), qPrintable(question));
        QTRY_COMPARE_WITH_TIMEOUT(silences->model()->rowCount(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(desk.entryStarting(QStringLiteral("Expired the silence of alert AuthenticationFailures by Dana Reyes")).id > 0, 10000);
        QVERIFY(desk.window.findChild<QLabel *>(QStringLiteral("silencesStatus"))->text().contains(QStringLiteral("No silence is in force")));
    }

    void settingsShowTheSourcesGivenOnTheCommandLine()
    {
        AlertSource given;
        given.kind = AlertSource::Kind::Prometheus;
        given.url = QUrl(QStringLiteral("http://ops:hunter2@127.0.0.1:9090"));
        given.intervalSeconds = 15;
        given.auth = AlertSource::Auth::Basic;
        SettingsDialog dialog({given}, nullptr);
        auto *running = dialog.findChild<QTableWidget *>(QStringLiteral("commandLineSourcesTable"));
        QVERIFY(running);
        QCOMPARE(running->rowCount(), 1);
        QCOMPARE(running->item(0, 0)->text(), QStringLiteral("Prometheus"));
        QCOMPARE(running->item(0, 1)->text(), QStringLiteral("http://127.0.0.1:9090")); // no credentials on screen
        QVERIFY(!running->item(0, 1)->flags().testFlag(Qt::ItemIsEditable));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("commandLineSourcesNote"))->text().contains(QStringLiteral("read-only")));
        QVERIFY(dialog.findChild<QTableWidget *>(QStringLiteral("sourcesTable"))); // the saved ones stay editable
        // Started without any: nothing extra is shown.
        SettingsDialog plain({}, nullptr);
        QVERIFY(!plain.findChild<QTableWidget *>(QStringLiteral("commandLineSourcesTable")));
    }

    // Fills the reason dialog that a severity change opens, or cancels it.
    void answerReasonDialog(const QString &reason)
    {
        // The dialog opens once the drop has been handled: look for it until it is there.
        auto *poll = new QTimer(this);
        poll->setInterval(10);
        auto waited = std::make_shared<int>(0);
        connect(poll, &QTimer::timeout, this, [poll, waited, reason] {
            auto *dialog = QApplication::activeModalWidget();
            if (!dialog && ++*waited < 500) {
                return;
            }
            poll->deleteLater();
            poll->stop();
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("reasonDialog"));
            if (reason.isEmpty()) {
                static_cast<QDialog *>(dialog)->reject();
                return;
            }
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
            QTest::keyClicks(edit, reason);
            QTest::keyClick(edit, Qt::Key_Return);
        });
        poll->start();
    }

    // Drops the card of an incident on a board column, as the end of a drag does.
    static void dropCard(QListView *from, qint64 incidentId, QListView *to)
    {
        QModelIndex card;
        for (int row = 0; row < from->model()->rowCount(); ++row) {
            if (from->model()->index(row, 0).data(ModelRoles::IncidentIdRole).toLongLong() == incidentId) {
                card = from->model()->index(row, 0);
            }
        }
        QVERIFY(card.isValid());
        QVERIFY(from->model()->flags(card).testFlag(Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(from->model()->mimeData({card}));
        const QPoint point = to->viewport()->rect().center();
        QDragEnterEvent enter(point, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(to->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(point), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(to->viewport(), &drop);
    }

    void dragACardToChangeSeverityAndHandOffTheCommander()
    {
        const QString path = m_dir.filePath(QStringLiteral("board.sqlite"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        Workspace *w = window.workspace();
        const qint64 latency = w->declareIncident(QStringLiteral("Socket latency"), Severity::Sev2).value();
        const qint64 avatars = w->declareIncident(QStringLiteral("Avatar uploads"), Severity::Sev3).value();
        auto *sev1 = window.findChild<QListView *>(QStringLiteral("boardColumn1"));
        auto *sev2 = window.findChild<QListView *>(QStringLiteral("boardColumn2"));
        auto *sev3 = window.findChild<QListView *>(QStringLiteral("boardColumn3"));
        window.selectIncident(latency);
        QCOMPARE(window.currentIncident(), latency);

        // Drag the SEV-2 card onto SEV-1: a reason is asked, and the change goes on the timeline.
        answerReasonDialog(QStringLiteral("Every region is affected now"));
        dropCard(sev2, latency, sev1);
        QTRY_COMPARE(w->store()->incident(latency)->severity, Severity::Sev1);
        QCOMPARE(w->store()->severityChanges(latency)->last().reason, QStringLiteral("Every region is affected now"));
        QCOMPARE(w->store()->timeline(latency)->last().text,
                 QStringLiteral("Severity SEV-2 → SEV-1: Every region is affected now"));
        QCOMPARE(sev1->model()->rowCount(), 1);
        QCOMPARE(sev2->model()->rowCount(), 0);
        QCOMPARE(window.currentIncident(), latency); // the moved card stays the one being worked on
        QVERIFY(sev1->selectionModel()->isSelected(sev1->currentIndex()));

        // Cancelling the reason changes nothing.
        answerReasonDialog(QString());
        dropCard(sev3, avatars, sev1);
        QTRY_VERIFY(!QApplication::activeModalWidget() && findChildren<QTimer *>().isEmpty());
        QCOMPARE(w->store()->incident(avatars)->severity, Severity::Sev3);
        QCOMPARE(w->store()->timeline(avatars)->size(), 1);

        // From the keyboard: Ctrl+Left moves the selected card one column towards SEV-1.
        window.selectIncident(avatars);
        sev3->setFocus();
        answerReasonDialog(QStringLiteral("Whole rooms failing"));
        QTest::keyClick(sev3, Qt::Key_Left, Qt::ControlModifier);
        QTRY_COMPARE(w->store()->incident(avatars)->severity, Severity::Sev2);
        window.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(w->store()->incident(avatars)->severity, Severity::Sev3);
        QCOMPARE(sev3->model()->rowCount(), 1);

        // Hand the IC role of the SEV-1 from Dana to Kim through the roles panel.
        window.selectIncident(latency);
        auto assignTo = [this](const QString &name) {
            QTimer::singleShot(0, this, [name] {
                auto *dialog = QApplication::activeModalWidget();
                QVERIFY(dialog);
                auto *role = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
                role->setCurrentIndex(role->findData(qint64(Role::IncidentCommander)));
                auto *person = dialog->findChild<QComboBox *>(QStringLiteral("personCombo"));
                person->setEditText(name);
                if (auto *add = dialog->findChild<QCheckBox *>(QStringLiteral("addPersonCheck")); add->isVisible()) {
                    add->setChecked(true); // a new person, on purpose
                }
                static_cast<QDialog *>(dialog)->accept();
            });
            window_click(QStringLiteral("assignRoleButton"));
        };
        m_window = &window;
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("rolesWarnings"))->isHidden()); // SEV-1 without an IC
        assignTo(QStringLiteral("Dana"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("rolesWarnings"))->isHidden());
        assignTo(QStringLiteral("Kim"));
        const auto held = w->store()->assignments(latency).value();
        QCOMPARE(held.size(), 2);
        QCOMPARE(held.at(0).personName, QStringLiteral("Dana"));
        QVERIFY(held.at(0).releasedAt.isValid());
        QCOMPARE(held.at(1).personName, QStringLiteral("Kim"));
        QVERIFY(held.at(1).isCurrent());
        QCOMPARE(w->store()->timeline(latency)->last().text, QStringLiteral("Dana hands Incident Commander over to Kim"));
        QCOMPARE(window.findChild<QTableView *>(QStringLiteral("roleHistoryView"))->model()->rowCount(), 2);
        m_window = nullptr;
    }

    void composesPreviewsAndPublishesAnUpdate()
    {
        const QString path = m_dir.filePath(QStringLiteral("compose.sqlite"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        Workspace *w = window.workspace();
        const qint64 id = w->declareIncident(QStringLiteral("Login failures"), Severity::Sev1).value();
        QVERIFY(w->setImpactAndEta(id, QStringLiteral("Most players cannot log in"), QStringLiteral("within the hour")).ok());
        window.selectIncident(id);
        window.findChild<QPushButton *>(QStringLiteral("composeCustomerButton"))->click();
        auto *composer = window.findChild<UpdateComposer *>(QStringLiteral("customerComposer"));
        QVERIFY(composer);
        QVERIFY(QTest::qWaitForWindowExposed(composer));

        // An empty draft opens filled from the audience's template.
        QVERIFY(composer->draft().contains(QStringLiteral("**Status:** Investigating")));
        auto *preview = composer->findChild<QTextBrowser *>(QStringLiteral("composerPreview"));
        QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("Status: Investigating"))); // rendered, not raw
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Most players cannot log in")));

        // Typed words are saved to the file within a second, without pressing anything.
        auto *draft = composer->findChild<QPlainTextEdit *>(QStringLiteral("composerDraft"));
        draft->moveCursor(QTextCursor::End);
        QTest::keyClicks(draft, QStringLiteral("Server gs-42 was restarted."));
        QTRY_VERIFY_WITH_TIMEOUT(w->store()->draft(id, StatusUpdate::Audience::Customer)->endsWith(QStringLiteral("restarted.")), 1500);

        // Internal detail is caught before it reaches customers; publishing it takes a deliberate tick.
        auto *findings = composer->findChild<QLabel *>(QStringLiteral("composerFindings"));
        QTRY_VERIFY(findings->isVisible());
        QVERIFY(findings->text().contains(QStringLiteral("gs-42 (host name)")));
        QVERIFY(!composer->publish(false));
        QVERIFY(!composer->copyAs(QStringLiteral("plain"))); // copying is checked the same way
        QCOMPARE(w->store()->statusUpdates(id)->size(), 0);
        composer->findChild<QCheckBox *>(QStringLiteral("composerOverride"))->setChecked(true);
        QVERIFY(composer->copyAs(QStringLiteral("html")));
        QVERIFY(QApplication::clipboard()->mimeData()->html().contains(QStringLiteral("gs-42")));
        QVERIFY(composer->publish(false));

        const auto updates = w->store()->statusUpdates(id).value();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().audience, StatusUpdate::Audience::Customer);
        QVERIFY(updates.first().body.endsWith(QStringLiteral("Server gs-42 was restarted.")));
        QVERIFY(updates.first().nextUpdateDue.isValid()); // the template promises the next update
        QVERIFY(w->store()->timeline(id)->last().text.startsWith(QStringLiteral("Customer update published:")));
        QCOMPARE(w->store()->draft(id, StatusUpdate::Audience::Customer).value(), QString());
        QCOMPARE(window.findChild<QTableView *>(QStringLiteral("statusUpdatesView"))->model()->rowCount(), 1);
        // Published is done: the composer has closed itself.
        QPointer<UpdateComposer> gone(composer);
        QTRY_VERIFY(gone.isNull());
    }

    void refusesAFileItCannotUseAndKeepsRunning()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        MainWindow window;
        window.show();
        QVERIFY(!window.openFile(junk));
        QTRY_VERIFY(window.findChild<QWidget *>(QStringLiteral("problemBox")));
        QVERIFY(!window.workspace()->store()->isOpen());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("declareIncidentAction"))->isEnabled());
    }

    void aFileWithMoreOpenIncidentsThanAnyTeamRunsIsRefusedAtOnce()
    {
        // A crafted file of 20,000 open incidents: refused with the count, quickly, before the board reads any.
        const QString path = m_dir.filePath(QStringLiteral("crowded.sqlite"));
        {
            IncidentStore store;
            QVERIFY(store.open(path).ok());
        }
        TestSupport::rawQuery(path, {QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "INSERT INTO incidents (title, severity, stage, declared_at) "
            "SELECT 'Crafted ' || i, 1 + i % 3, 'triage', '2026-11-29T10:00:00.000Z' FROM n")});
        const QByteArray before = TestSupport::fileHash(path);
        MainWindow window;
        window.show();
        QVERIFY(!window.openFile(path));
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("problemBox")));
        const QString said = window.findChild<QMessageBox *>(QStringLiteral("problemBox"))->text();
        QVERIFY2(said.contains(QLocale().toString(20000) + QStringLiteral(" open incidents")), qPrintable(said));
        QVERIFY(!window.workspace()->store()->isOpen());
        QCOMPARE(TestSupport::fileHash(path), before);
        // The command line has no such limit.
        IncidentStore cli;
        QVERIFY(cli.open(path, IncidentStore::Access::ReadOnly).ok());
        QCOMPARE(cli.incidents(false)->size(), 20000);
    }

    void dockLayoutIsKeptBetweenRuns()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QDockWidget *>(QStringLiteral("alertsDock"))->hide();
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("alertsDock"))->isHidden());
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("rolesDock"))->isHidden());
        AppSettings().setWindowLayout({}, {}); // leave the settings as found
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
