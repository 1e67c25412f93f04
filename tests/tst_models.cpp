#include "AlertArchiveModel.h"
#include "ConsolePalette.h"
#include "IncidentFilterModel.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "RoleAssignmentModel.h"
#include "StatusUpdateListModel.h"
#include "TimelineModel.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestModels final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    void openFresh(Workspace &w)
    {
        QVERIFY(w.open(m_dir.filePath(QStringLiteral("m%1.sqlite").arg(++m_files))).ok());
    }

private slots:
    // The colours that carry words read on white at 4.5:1 or better (a projector washes out the rest), and the three
    // severities never look alike.
    void paletteColoursAreReadable()
    {
        const QColor white(Qt::white);
        QCOMPARE(qRound(ConsolePalette::contrast(Qt::black, white)), 21);
        QCOMPARE(ConsolePalette::contrast(white, white), 1.0);
        const QList<std::pair<const char *, QColor>> words = {
            {"SEV-1", ConsolePalette::severity(Severity::Sev1)}, {"SEV-2", ConsolePalette::severity(Severity::Sev2)},
            {"SEV-3", ConsolePalette::severity(Severity::Sev3)}, {"alarm", ConsolePalette::alarm()},
            {"caution", ConsolePalette::caution()},              {"ok", ConsolePalette::ok()},
            {"quiet", ConsolePalette::quiet()}};
        for (const auto &[name, colour] : words) {
            const double onWhite = ConsolePalette::contrast(colour, white);
            QVERIFY2(onWhite >= 4.5, qPrintable(QStringLiteral("%1 %2: %3:1").arg(QLatin1String(name), colour.name()).arg(onWhite)));
        }
        for (Severity level : Severities::all()) {
            // The level's name on its own tint still reads.
            QVERIFY(ConsolePalette::contrast(ConsolePalette::severity(level), ConsolePalette::severityTint(level)) >= 4.5);
            for (Severity other : Severities::all()) {
                if (other != level) { // told apart by hue, at least 15 degrees
                    const int a = ConsolePalette::severity(level).hsvHue();
                    const int b = ConsolePalette::severity(other).hsvHue();
                    QVERIFY(std::min(std::abs(a - b), 360 - std::abs(a - b)) >= 15);
                }
            }
        }
        // The marks behind words keep the words readable.
        for (const QColor &behind : {ConsolePalette::searchMark(), ConsolePalette::keyMoment(), ConsolePalette::alarmTint()}) {
            QVERIFY(ConsolePalette::contrast(Qt::black, behind) >= 12);
        }
    }

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void incidentListFollowsEditsRowByRow()
    {
        Workspace w;
        openFresh(w);
        IncidentListModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const qint64 a = w.declareIncident(QStringLiteral("A"), Severity::Sev1).value();
        const qint64 b = w.declareIncident(QStringLiteral("B"), Severity::Sev3).value();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(1, IncidentListModel::ColumnSeverity).data().toString(), QStringLiteral("SEV-3"));
        changed.clear();
        QVERIFY(w.changeStage(a, Stage::Containment).ok());
        QVERIFY(!changed.isEmpty());
        for (const auto &signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).toModelIndex().row(), 0); // only A's row, never a reset or B
        }
        QCOMPARE(model.index(0, IncidentListModel::ColumnStage).data().toString(), QStringLiteral("Containment"));
        w.undoStack()->setIndex(1); // undo B's declaration and the stage change
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.count(), 1);
        w.undoStack()->redo(); // B comes back in id order
        QCOMPARE(model.rowOf(b), 1);
        QCOMPARE(resets.count(), 0);
    }

    void boardColumnsFilterBySeverityAndState()
    {
        Workspace w;
        openFresh(w);
        IncidentListModel model(w.store(), nullptr);
        IncidentFilterModel sev1(nullptr);
        sev1.setSourceModel(&model);
        sev1.setSeverity(Severity::Sev1);
        QAbstractItemModelTester tester(&sev1, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 a = w.declareIncident(QStringLiteral("A"), Severity::Sev1).value();
        w.declareIncident(QStringLiteral("B"), Severity::Sev2).value();
        w.declareIncident(QStringLiteral("C drill"), Severity::Sev1, {}, true).value();
        QCOMPARE(sev1.rowCount(), 2);
        sev1.setShowDrills(false);
        QCOMPARE(sev1.rowCount(), 1);
        QVERIFY(w.changeStage(a, Stage::Closed).ok());
        QCOMPARE(sev1.rowCount(), 0);
        sev1.setShowClosed(true);
        QCOMPARE(sev1.rowCount(), 1);
    }

    void timelineKeepsTimeOrderAsEntriesArrive()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("A"), Severity::Sev2).value();
        const qint64 other = w.declareIncident(QStringLiteral("B"), Severity::Sev2).value();
        TimelineModel model(&w, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(incident);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QDateTime declared = w.store()->incident(incident)->declaredAt;
        w.addTimelineEntry(incident, QStringLiteral("later"), TimelineEntry::Kind::Note, declared.addSecs(60)).value();
        w.addTimelineEntry(incident, QStringLiteral("before the declaration"), TimelineEntry::Kind::Detection,
                           declared.addSecs(-300))
            .value();
        w.addTimelineEntry(other, QStringLiteral("elsewhere")).value();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 0); // inserted at the top, where it belongs in time
        QCOMPARE(model.index(0, TimelineModel::ColumnText).data().toString(), QStringLiteral("before the declaration"));
        QCOMPARE(model.index(2, TimelineModel::ColumnText).data().toString(), QStringLiteral("later"));
        QCOMPARE(model.index(1, TimelineModel::ColumnSource).data().toString(), QStringLiteral("console"));
        QCOMPARE(model.index(0, TimelineModel::ColumnSource).data().toString(), QStringLiteral("typed"));
        QCOMPARE(model.index(1, 0).data(ModelRoles::KeyMomentRole).toBool(), true);
        // Moving an entry in time moves its row.
        auto moved = w.store()->timeline(incident)->first();
        moved.occurredAt = declared.addSecs(3600);
        QVERIFY(w.store()->updateTimelineEntry(moved).ok());
        QCOMPARE(model.index(2, TimelineModel::ColumnText).data().toString(), QStringLiteral("before the declaration"));
        QCOMPARE(resets.count(), 0);
        w.undoStack()->setIndex(0);
        QCOMPARE(model.rowCount(), 0); // the incident itself is gone
    }

    void rolesShowCurrentHoldersAndCustomRoles()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("A"), Severity::Sev1).value();
        RoleAssignmentModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(incident);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, RoleAssignmentModel::ColumnHolder).data().toString(), QStringLiteral("— unassigned —"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(w.assignRole(incident, Role::IncidentCommander, QStringLiteral("Dana")).ok());
        QCOMPARE(model.index(0, RoleAssignmentModel::ColumnHolder).data().toString(), QStringLiteral("Dana"));
        QVERIFY(changed.count() >= 1);
        QVERIFY(w.assignRole(incident, Role::IncidentCommander, QStringLiteral("Ravi")).ok());
        QCOMPARE(model.index(0, RoleAssignmentModel::ColumnHolder).data().toString(), QStringLiteral("Ravi"));
        QVERIFY(model.index(0, RoleAssignmentModel::ColumnSince).data().toString().contains(QStringLiteral("1 hand-off")));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(w.store()->insertRole({0, QStringLiteral("Scribe"), QStringLiteral("Keeps the timeline."), false}).ok());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.index(4, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("Keeps the timeline."));
    }

    void statusUpdatesAndAlertsListWhatIsStored()
    {
        Workspace w;
        openFresh(w);
        const qint64 incident = w.declareIncident(QStringLiteral("A"), Severity::Sev1).value();
        StatusUpdateListModel updates(w.store(), nullptr);
        QAbstractItemModelTester t1(&updates, QAbstractItemModelTester::FailureReportingMode::QtTest);
        updates.setIncident(incident);
        QSignalSpy inserted(&updates, &QAbstractItemModel::rowsInserted);
        StatusUpdate u{0, incident, StatusUpdate::Audience::Customer, QStringLiteral("## INC-1 Login\n\n**Status:** Investigating.\nMore soon."),
                       QDateTime::currentDateTimeUtc(), {}};
        QVERIFY(w.store()->insertStatusUpdate(u).ok());
        QCOMPARE(updates.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        // The list shows the update as its reader sees it (text, not Markdown), on one line.
        QCOMPARE(updates.index(0, StatusUpdateListModel::ColumnBody).data().toString(), QStringLiteral("INC-1 Login Status: Investigating. More soon."));
        QCOMPARE(updates.index(0, StatusUpdateListModel::ColumnAudience).data().toString(), QStringLiteral("Customers"));

        AlertArchiveModel alerts(w.store(), nullptr);
        QAbstractItemModelTester t2(&alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        alerts.setActive(true); // the archive is read only while it is looked at
        ArchivedAlert a;
        a.identity = QStringLiteral("fp");
        a.source = QStringLiteral("alertmanager");
        a.alertName = QStringLiteral("SocketLatencyHigh");
        a.labels = QJsonObject{{QStringLiteral("severity"), QStringLiteral("SEV-2")}};
        a.annotations = QJsonObject{{QStringLiteral("summary"), QStringLiteral("P95 over 100 ms")}};
        a.state = QStringLiteral("firing");
        a.firstSeen = a.lastSeen = QDateTime::currentDateTimeUtc();
        QVERIFY(w.store()->insertArchivedAlert(a).ok());
        QCOMPARE(alerts.rowCount(), 1);
        QCOMPARE(alerts.index(0, AlertArchiveModel::ColumnSeverity).data().toString(), QStringLiteral("SEV-2"));
        QCOMPARE(alerts.index(0, AlertArchiveModel::ColumnSummary).data().toString(), QStringLiteral("P95 over 100 ms"));
        QVERIFY(alerts.index(0, AlertArchiveModel::ColumnResolved).data().toString().isEmpty());
        QVERIFY(alerts.index(0, AlertArchiveModel::ColumnName).data(Qt::ToolTipRole).toString().contains(QStringLiteral("summary: P95 over 100 ms")));
        ArchivedAlert resolved = a;
        resolved.identity = QStringLiteral("fp-resolved");
        resolved.labels.insert(QStringLiteral("instance"), QStringLiteral("game-4"));
        resolved.resolvedAt = a.lastSeen.addSecs(30);
        resolved.lastSeen = a.lastSeen.addSecs(30);
        QVERIFY(w.store()->insertArchivedAlert(resolved).ok());
        alerts.setActive(false); // leaving the tab and coming back reads it again at once
        alerts.setActive(true);
        QCOMPARE(alerts.rowCount(), 2);
        QCOMPARE(alerts.index(0, AlertArchiveModel::ColumnState).data().toString(), QStringLiteral("resolved"));
        QVERIFY(!alerts.index(0, AlertArchiveModel::ColumnResolved).data().toString().isEmpty());
        QCOMPARE(alerts.index(0, AlertArchiveModel::ColumnLabels).data().toString(), QStringLiteral("instance=game-4"));
        alerts.setActive(false); // the tab is left: the bulk below is for a model of its own

        // A large archive arrives a page at a time, newest first.
        QVERIFY(w.store()->write([&]() -> Status {
                         for (int i = 0; i < 1200; ++i) {
                             ArchivedAlert more = a;
                             more.identity = QStringLiteral("fp-%1").arg(i);
                             more.lastSeen = a.lastSeen.addSecs(-1 - i);
                             if (const auto id = w.store()->insertArchivedAlert(more); !id) {
                                 return id.status();
                             }
                         }
                         return Status::success();
                     })
                    .ok());
        AlertArchiveModel paged(w.store(), nullptr);
        paged.setActive(true);
        QCOMPARE(paged.rowCount(), 500);
        QVERIFY(paged.canFetchMore({}));
        paged.fetchMore({});
        paged.fetchMore({});
        QCOMPARE(paged.rowCount(), 1202);
        QVERIFY(!paged.canFetchMore({}));
        QCOMPARE(paged.index(0, AlertArchiveModel::ColumnName).data().toString(), QStringLiteral("SocketLatencyHigh"));
        QAbstractItemModelTester t3(&paged, QAbstractItemModelTester::FailureReportingMode::QtTest); // (it fetches too)
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
