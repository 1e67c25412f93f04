#include "ActionItemListModel.h"
#include "ChecklistModel.h"
#include "Clock.h"
#include "ExportDialog.h"
#include "IncidentListModel.h"
#include "IncidentPanel.h"
#include "ModelRoles.h"
#include "PostmortemDialog.h"
#include "PostmortemDocument.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 29), QTime(12, 0), QTimeZone::utc());

ActionItem item(qint64 incident, const QString &title, QDateTime due, ActionItem::State state = ActionItem::State::Open)
{
    ActionItem a;
    a.incidentId = incident;
    a.title = title;
    a.dueAt = due;
    a.state = state;
    return a;
}
} // namespace

// The postmortem's follow-up: action items across incidents (overdue first), the sections the review writes, the
// 48-hour due state, and the dialogs that edit and export them.
class TestPostmortem final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(u"f%1.sqlite"_s.arg(++m_files)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Clock::setSource([] { return kNow; });
    }
    void cleanupTestCase() { Clock::setSource({}); }

    void actionItemsAcrossIncidentsPutOverdueFirst()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 a = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        const qint64 b = w.declareIncident(u"Latency"_s, Severity::Sev2).value();
        ActionItemListModel model(w.store(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 later = w.saveActionItem(item(a, u"Later"_s, kNow.addDays(3))).value();
        const qint64 noDue = w.saveActionItem(item(b, u"Some day"_s, {})).value();
        const qint64 overdue = w.saveActionItem(item(b, u"Overdue"_s, kNow.addDays(-1))).value();
        const qint64 done = w.saveActionItem(item(a, u"Finished"_s, kNow.addDays(-5), ActionItem::State::Done)).value();
        QCOMPARE(model.rowCount(), 3); // done and cancelled are hidden by default
        QCOMPARE(model.itemAt(0).id, overdue);
        QCOMPARE(model.itemAt(1).id, later);
        QCOMPARE(model.itemAt(2).id, noDue);
        QVERIFY(model.index(0, 0).data(ActionItemListModel::OverdueRole).toBool());
        QVERIFY(model.index(0, ActionItemListModel::ColumnDue).data().toString().contains(u"overdue"));
        QCOMPARE(model.overdueCount(), 1);
        QCOMPARE(model.index(0, ActionItemListModel::ColumnIncident).data(Qt::ToolTipRole).toString(), u"Latency"_s);
        QCOMPARE(model.index(1, ActionItemListModel::ColumnIncident).data(Qt::ToolTipRole).toString(), u"Auth"_s);
        model.setShowClosed(true);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.itemAt(3).id, done);
        model.setShowClosed(false);

        // Done moves it out of the open list; undo brings it back, first again.
        ActionItem edited = w.store()->actionItems(b).value().last();
        QCOMPARE(edited.id, overdue);
        edited.state = ActionItem::State::Done;
        QVERIFY(w.saveActionItem(edited).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.overdueCount(), 0);
        w.undoStack()->undo();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.itemAt(0).id, overdue);
        // Undoing the add removes it; redo brings back the same id.
        w.undoStack()->undo(); // the "Finished" add
        w.undoStack()->undo(); // the "Overdue" add
        QCOMPARE(model.rowOf(overdue), -1);
        w.undoStack()->redo();
        QCOMPARE(model.itemAt(0).id, overdue);

        QVERIFY(!w.saveActionItem(item(a, u"   "_s, {})).ok());
        QVERIFY(!w.saveActionItem(item(999, u"Nowhere"_s, {})).ok());
    }

    void postmortemSectionsAreUndoableAndCountAgainstTheDueTime()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        QVERIFY(w.changeStage(id, Stage::Review).ok());
        const QDateTime due = w.store()->incident(id)->postmortemDueAt;
        QCOMPARE(due, kNow.addSecs(48 * 3600));
        IncidentListModel board(w.store(), nullptr);
        const int row = board.rowOf(id);
        QCOMPARE(board.index(row, 0).data(ModelRoles::PostmortemDueRole).toDateTime(), due);

        Postmortem p = w.store()->postmortem(id).value();
        QVERIFY(p.isEmpty());
        p.rootCause = u"Expired certificate"_s;
        QVERIFY(w.savePostmortem(p).ok());
        QCOMPARE(w.store()->postmortem(id)->rootCause, u"Expired certificate"_s);
        auto state = PostmortemDocument::dueState(due, w.store()->postmortem(id).value(), kNow, QTimeZone::utc());
        QCOMPARE(state.text, u"Due in %1 (2026-12-01 12:00 UTC)"_s.arg(TimeDisplay::duration(48 * 3600)));
        QVERIFY(!state.overdue);
        state = PostmortemDocument::dueState(due, w.store()->postmortem(id).value(), kNow.addDays(3), QTimeZone::utc());
        QVERIFY(state.overdue);
        QVERIFY2(state.text.startsWith(u"Overdue by "_s + TimeDisplay::duration(24 * 3600)), qPrintable(state.text));

        p.publishedAt = kNow.addDays(3); // a day late
        QVERIFY(w.savePostmortem(p).ok());
        state = PostmortemDocument::dueState(due, w.store()->postmortem(id).value(), kNow.addDays(4), QTimeZone::utc());
        QVERIFY(!state.overdue);
        QVERIFY2(state.text.contains(TimeDisplay::duration(24 * 3600) + u" late"_s), qPrintable(state.text));
        // Distributed: the board stops counting down.
        QVERIFY(!board.index(row, 0).data(ModelRoles::PostmortemDueRole).toDateTime().isValid());
        w.undoStack()->undo();
        QVERIFY(!w.store()->postmortem(id)->publishedAt.isValid());
        QCOMPARE(board.index(row, 0).data(ModelRoles::PostmortemDueRole).toDateTime(), due);
        w.undoStack()->undo();
        QVERIFY(w.store()->postmortem(id)->rootCause.isEmpty());
        QVERIFY2(!w.store()->postmortem(id)->updatedAt.isValid(), "undoing the first save leaves no row behind");

        // The document shows what is being typed before it is saved.
        Postmortem unsaved = p;
        unsaved.wentWell = u"Rollback in **4 minutes**"_s;
        const auto md = PostmortemDocument::markdown(*w.store(), id, kNow, QTimeZone::utc(), 0, &unsaved);
        QVERIFY(md.ok());
        QVERIFY(md->contains(u"## What went well\nRollback in **4 minutes**"));
        QVERIFY(md->contains(u"## Root cause\nExpired certificate"));
    }

    void theIncidentPanelShowsTheDueTimeInTheDisplayZone()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        IncidentListModel incidents(w.store(), nullptr);
        ChecklistModel checklist(&w, nullptr);
        IncidentPanel panel(&w, &incidents, &checklist, nullptr);
        const qint64 id = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        QVERIFY(w.changeStage(id, Stage::Review).ok());
        panel.setIncident(id);
        panel.setDisplayTimeZone(QTimeZone("Europe/Berlin"));
        auto *facts = panel.findChild<QLabel *>(u"incidentFacts"_s);
        QVERIFY(facts);
        QVERIFY2(facts->text().contains(u"Declared 2026-11-29 13:00 CET"), qPrintable(facts->text()));
        QVERIFY2(facts->text().contains(u"Postmortem: Due in "_s + TimeDisplay::duration(48 * 3600) + u" (2026-12-01 13:00 CET)"_s),
                 qPrintable(facts->text()));
        Postmortem p = w.store()->postmortem(id).value();
        p.publishedAt = kNow.addSecs(3600);
        QVERIFY(w.savePostmortem(p).ok());
        QTRY_VERIFY2(facts->text().contains(u"Postmortem: Distributed 2026-11-29 14:00 CET, on time"), qPrintable(facts->text()));
    }

    void theDialogSavesWhatWasTypedAndMarksItDistributed()
    {
        Workspace w;
        QVERIFY(w.open(freshPath()).ok());
        const qint64 id = w.declareIncident(u"Auth"_s, Severity::Sev1).value();
        QVERIFY(w.changeStage(id, Stage::Review).ok());
        auto *dialog = new PostmortemDialog(&w, id, QTimeZone::utc());
        QPointer<PostmortemDialog> guard(dialog);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->findChild<QPlainTextEdit *>(u"postmortemRootCause"_s)->setPlainText(u"Certificate expired"_s);
        QTRY_VERIFY(dialog->previewMarkdown().contains(u"Certificate expired"));
        dialog->findChild<QPushButton *>(u"postmortemDistributed"_s)->click();
        QCOMPARE(w.store()->postmortem(id)->publishedAt, kNow);
        QCOMPARE(w.store()->postmortem(id)->rootCause, u"Certificate expired"_s);
        dialog->findChild<QPlainTextEdit *>(u"postmortemWentBadly"_s)->setPlainText(u"No expiry alert"_s);
        dialog->reject(); // closing keeps what was typed
        QCOMPARE(w.store()->postmortem(id)->wentBadly, u"No expiry alert"_s);
        QTRY_VERIFY(guard.isNull());
    }

    void theExportDialogWritesInTheBackground()
    {
        Workspace w;
        const QString path = freshPath();
        QVERIFY(w.open(path).ok());
        const qint64 id = w.declareIncident(u"Auth <b>failures</b>"_s, Severity::Sev1).value();
        ExportDialog::Context context;
        context.databasePath = path;
        context.incidentId = id;
        context.incidentLabel = u"INC-1 Auth"_s;
        context.zones = {{u"UTC"_s, QTimeZone::utc()}};
        ExportDialog dialog(context);
        dialog.setFormat(ExportFormat::Html);
        const QString out = m_dir.filePath(u"dialog-export.html"_s);
        dialog.setDestination(out);
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.show();
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("Auth &lt;b&gt;failures&lt;/b&gt;"));
        QVERIFY(html.contains("Full timeline"));
        // The dialog stays to say where the file went, and offers to open it or its folder.
        QVERIFY(dialog.isVisible());
        const QString said = dialog.findChild<QLabel *>(u"exportStatus"_s)->text();
        QVERIFY2(said.startsWith(u"Saved dialog-export.html ("_s) && said.endsWith(QDir::toNativeSeparators(m_dir.path())), qPrintable(said));
        QVERIFY(dialog.findChild<QPushButton *>(u"exportOpenFile"_s)->isVisible());
        QVERIFY(dialog.findChild<QPushButton *>(u"exportOpenFolder"_s)->isVisible());
    }

    void theExportDialogStartsWhereTheLastExportWent()
    {
        ExportDialog::Context context;
        context.databasePath = freshPath();
        context.incidentId = 4;
        context.zones = {{u"UTC"_s, QTimeZone::utc()}};
        context.folder = m_dir.path();
        ExportDialog dialog(context);
        dialog.setFormat(ExportFormat::Pdf);
        QCOMPARE(dialog.destination(), QDir(m_dir.path()).filePath(u"INC-4.pdf"_s));
        // A folder that is gone since falls back to the documents folder, not to a path that cannot be written.
        context.folder = m_dir.filePath(u"removed-since"_s);
        ExportDialog later(context);
        QVERIFY(!later.destination().startsWith(context.folder));
    }
};

QTEST_MAIN(TestPostmortem)
#include "tst_postmortem.moc"
