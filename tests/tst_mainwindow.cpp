#include "AppSettings.h"
#include "FaultServer.h"
#include "LiveAlertModel.h"
#include "DeclareIncidentDialog.h"
#include "MainWindow.h"
#include "Workspace.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTextBrowser>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// Drives the real window offscreen, as a person would, and checks what reached the file.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

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
        for (const char *name : {"alertsDock", "rolesDock", "timelineDock", "statusUpdatesDock"}) {
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
        server.setResponse(200, R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"SocketLatencyHigh","severity":"SEV-2","instance":"game-3"},"annotations":{"summary":"P95 over 100 ms"},"state":"firing","activeAt":"2026-11-29T14:00:00Z","value":"0.31"}]}})");
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
        // A new SEV-2 alert raises a notification (the status bar stands in where there is no system tray).
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("SEV-2 alert firing: SocketLatencyHigh")),
                 qPrintable(window.statusBar()->currentMessage()));
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
