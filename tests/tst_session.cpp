// The console's session without a window: the item models, the alert monitor and the linker wired to the open file,
// and the notification policy (what interrupts the person, and only once).
#include "AlertMonitor.h"
#include "Clock.h"
#include "ConsoleSession.h"
#include "IncidentListModel.h"
#include "LiveAlertModel.h"
#include "ModelRoles.h"
#include "SourceStatus.h"
#include "Workspace.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

Alert alert(const QString &name, const QString &severity, const QDateTime &since)
{
    Alert a;
    a.labels = {{QStringLiteral("alertname"), name},
                {QStringLiteral("instance"), QStringLiteral("eu-1")},
                {QStringLiteral("severity"), severity}};
    a.annotations = {{QStringLiteral("summary"), name + QStringLiteral(" on eu-1")}};
    a.identity = Alert::identityOf(a.labels);
    a.activeSince = since;
    a.sources = {QStringLiteral("am")};
    return a;
}

AlertDelta added(const QList<Alert> &alerts)
{
    AlertDelta d;
    d.source = QStringLiteral("am");
    d.added = alerts;
    return d;
}

SourceStatus answered()
{
    SourceStatus s;
    s.source = QStringLiteral("am");
    s.lastSuccess = Clock::nowUtc();
    return s;
}

} // namespace

class TestSession final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QDateTime m_now = QDateTime(QDate(2026, 11, 29), QTime(14, 0), Qt::UTC);

    void openFresh(ConsoleSession &s)
    {
        QVERIFY(s.workspace()->open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_files))).ok());
        s.workspace()->setAuthor(QStringLiteral("dana"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([this] { return m_now; });
    }

    void theModelsFollowTheOpenFile()
    {
        ConsoleSession s;
        openFresh(s);
        const qint64 id = s.workspace()->declareIncident(QStringLiteral("Login failures"), Severity::Sev1).value();
        QCOMPARE(s.incidents()->rowCount(), 1);
        QCOMPARE(s.incidents()->incidentAt(0).id, id);

        // Alerts the monitor reports reach the live table.
        emit s.alertMonitor()->sourcesReset({QStringLiteral("am")});
        emit s.alertMonitor()->alertsChanged(
            added({alert(QStringLiteral("AuthFailureSpike"), QStringLiteral("SEV-1"), m_now.addSecs(-600))}));
        QCOMPARE(s.liveAlerts()->rowCount(), 1);
    }

    void onlyAnAlertThatStartsFiringInterrupts()
    {
        ConsoleSession s;
        openFresh(s);
        QSignalSpy notified(&s, &ConsoleSession::notification);
        emit s.alertMonitor()->sourcesReset({QStringLiteral("am")});
        // The source's first answer: these were firing before the console asked.
        emit s.alertMonitor()->alertsChanged(
            added({alert(QStringLiteral("DiskFilling"), QStringLiteral("SEV-1"), m_now.addSecs(-3600))}));
        emit s.alertMonitor()->sourceStatusChanged(answered());
        QCOMPARE(notified.size(), 0);

        // A later answer: a new SEV-1 alert interrupts, naming it; a SEV-3 one does not (not asked for by default).
        m_now = m_now.addSecs(30);
        emit s.alertMonitor()->alertsChanged(
            added({alert(QStringLiteral("AuthFailureSpike"), QStringLiteral("SEV-1"), m_now),
                   alert(QStringLiteral("SlowAvatars"), QStringLiteral("SEV-3"), m_now)}));
        QCOMPARE(notified.size(), 1);
        const auto n = notified.first().first().value<Notification>();
        QCOMPARE(n.kind, Notification::Kind::AlertFiring);
        QCOMPARE(n.title, QStringLiteral("SEV-1 alert firing: AuthFailureSpike"));
        QCOMPARE(n.body, QStringLiteral("AuthFailureSpike on eu-1"));

        // Still firing in the next answer: not news.
        AlertDelta again;
        again.source = QStringLiteral("am");
        again.changed = {alert(QStringLiteral("AuthFailureSpike"), QStringLiteral("SEV-1"), m_now)};
        emit s.alertMonitor()->alertsChanged(again);
        QCOMPARE(notified.size(), 1);

        // Several at once are counted in one notification.
        emit s.alertMonitor()->alertsChanged(added({alert(QStringLiteral("A"), QStringLiteral("SEV-2"), m_now),
                                                    alert(QStringLiteral("B"), QStringLiteral("SEV-1"), m_now)}));
        QCOMPARE(notified.size(), 2);
        QCOMPARE(notified.last().first().value<Notification>().title, QStringLiteral("2 alerts started firing"));
    }

    void anOverdueUpdateInterruptsOncePerDueTime()
    {
        ConsoleSession s;
        openFresh(s);
        QSignalSpy notified(&s, &ConsoleSession::notification);
        const qint64 id = s.workspace()->declareIncident(QStringLiteral("Checkout down"), Severity::Sev1).value();
        s.checkOverdueUpdates();
        QCOMPARE(notified.size(), 0); // nothing is due the moment it is declared

        const QDateTime due = s.incidents()->index(0, 0).data(ModelRoles::NextUpdateDueRole).toDateTime();
        QVERIFY(due.isValid());
        m_now = due.addSecs(1);
        s.checkOverdueUpdates();
        QCOMPARE(notified.size(), 1);
        const auto n = notified.first().first().value<Notification>();
        QCOMPARE(n.kind, Notification::Kind::UpdateOverdue);
        QVERIFY2(n.title.startsWith(QStringLiteral("INC-%1: ").arg(id)) &&
                     n.title.endsWith(QStringLiteral("update overdue")),
                 qPrintable(n.title));
        QVERIFY2(n.body.endsWith(QStringLiteral("Checkout down")), qPrintable(n.body));
        s.checkOverdueUpdates();
        QCOMPARE(notified.size(), 1); // once per incident and due time
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
