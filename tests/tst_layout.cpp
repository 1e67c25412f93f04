#include "AppSettings.h"
#include "FaultServer.h"
#include "LiveAlertModel.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "TimelineModel.h"
#include "UpdateComposer.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStyleOptionViewItem>
#include <QTextBrowser>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The IC's screen on a laptop: the window with a working incident (roles held, 40 entries, firing alerts linked,
// both composers open) at 1366×768, 1600×900 and 1920×1080, every control on the screen and whole, and the
// timeline's words given the room.
class TestLayout final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FaultServer m_prometheus;

    // An incident as it is an hour in: four roles held, forty entries (some long), declared with a summary.
    static qint64 fillIncident(Workspace &w)
    {
        const qint64 id = w.declareIncident(QStringLiteral("DDoS on the EU login servers"), Severity::Sev1,
                                            QStringLiteral("Players in the EU cannot log in."))
                              .value();
        const QStringList people = {QStringLiteral("Sam Whitfield"), QStringLiteral("Priya Raman"),
                                    QStringLiteral("Jonas Berg"), QStringLiteral("Ana Lopes")};
        for (int role = 0; role < people.size(); ++role) {
            if (!w.assignRole(id, role + 1, people.at(role))) {
                return 0;
            }
        }
        for (int i = 1; i <= 40; ++i) {
            const QString text = i % 3 == 0
                                     ? QStringLiteral("Entry %1: error rate rising on eu-lb-01 after traffic from a few "
                                                      "address ranges; throttles considered, then applied at the "
                                                      "ingress, and the ranges blocked at the load balancer; the "
                                                      "login queue drained within four minutes and players in the EU "
                                                      "could log in again, which the status page now says")
                                           .arg(i)
                                     : QStringLiteral("Entry %1: checked the dashboards").arg(i);
            if (!w.addTimelineEntry(id, text)) {
                return 0;
            }
        }
        return id;
    }

    // A widget in a dock that sits behind another dock's tab is shown only when its tab is chosen.
    static bool behindATab(QWidget *w)
    {
        for (QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(p)) {
                return dock->visibleRegion().isEmpty();
            }
        }
        return false;
    }

    // Every control a person uses (buttons, boxes, tabs) that is on screen lies inside the screen and is not cut by
    // the panel it sits in.
    static QStringList controlsOutside(QWidget *top, const QRect &screen)
    {
        QStringList problems;
        const auto widgets = top->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
                                 || (qobject_cast<QLineEdit *>(w) && !qobject_cast<QComboBox *>(w->parentWidget()))
                                 || qobject_cast<QTabBar *>(w);
            if (!control || !w->isVisible() || w->window() != top) {
                continue;
            }
            if (behindATab(w)) {
                continue;
            }
            if (qobject_cast<QAbstractItemView *>(w->parentWidget()) || w->parentWidget()->inherits("QAbstractScrollArea")
                || w->objectName() == QLatin1String("qt_scrollarea_viewport")) {
                continue; // editors and check boxes inside lists scroll with them
            }
            QRect local = w->rect();
            if (auto *tabs = qobject_cast<QTabBar *>(w)) { // the tabs, not the bar's spare width
                local = {};
                for (int i = 0; i < tabs->count(); ++i) {
                    local |= tabs->tabRect(i);
                }
            }
            const QRect global(w->mapToGlobal(local.topLeft()), local.size());
            const QString name = QStringLiteral("%1 \"%2\" at %3,%4 %5×%6")
                                     .arg(QString::fromLatin1(w->metaObject()->className()),
                                          w->objectName().isEmpty() ? (qobject_cast<QAbstractButton *>(w)
                                                                           ? qobject_cast<QAbstractButton *>(w)->text()
                                                                           : QString())
                                                                    : w->objectName())
                                     .arg(global.x())
                                     .arg(global.y())
                                     .arg(global.width())
                                     .arg(global.height());
            if (!screen.adjusted(-1, -1, 1, 1).contains(global)) { // a style's frame may reach one pixel out
                problems.append(QStringLiteral("off the screen: ") + name);
            } else if (!qobject_cast<QTabBar *>(w) && w->visibleRegion() != QRegion(w->rect())) {
                problems.append(QStringLiteral("cut by its panel: ") + name);
            }
        }
        return problems;
    }

    // Column headers: every shown section of the table's header is within the table's width.
    static QStringList headersOutside(QWidget *top)
    {
        QStringList problems;
        for (QTableView *table : top->findChildren<QTableView *>()) {
            if (!table->isVisible() || table->window() != top || behindATab(table)) {
                continue;
            }
            QHeaderView *header = table->horizontalHeader();
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section)) {
                    continue;
                }
                const int right = header->sectionViewportPosition(section) + header->sectionSize(section);
                if (right > header->width() + 1) {
                    problems.append(QStringLiteral("%1: column \"%2\" ends at %3 of %4")
                                        .arg(table->objectName(),
                                             table->model()->headerData(section, Qt::Horizontal).toString())
                                        .arg(right)
                                        .arg(header->width()));
                }
            }
        }
        return problems;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::applyIdentity();
        QVERIFY(m_prometheus.listen());
        // Seven alerts firing, as Debian's Prometheus 2.42 answered them.
        QFile answer(QStringLiteral(IC_SOURCE_DIR "/tests/data/prometheus-2.42/alerts.json"));
        QVERIFY(answer.open(QIODevice::ReadOnly));
        m_prometheus.setResponse(200, answer.readAll());
    }

    void everyControlIsOnTheScreen_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("laptop 1366×768") << QSize(1366, 768);
        QTest::newRow("1600×900") << QSize(1600, 900);
        QTest::newRow("1920×1080") << QSize(1920, 1080);
    }

    void everyControlIsOnTheScreen()
    {
        QFETCH(QSize, screen);
        const QString path = m_dir.filePath(QStringLiteral("layout-%1.sqlite").arg(screen.width()));
        qint64 incident = 0;
        {
            Workspace w;
            QVERIFY(w.open(path).ok());
            incident = fillIncident(w);
            QVERIFY(incident > 0);
        }
        MainWindow window;
        window.setGeometry(QRect(QPoint(0, 0), screen));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        // The file opens on the incident being worked on.
        QCOMPARE(window.currentIncident(), incident);
        AlertSource source;
        source.kind = AlertSource::Kind::Prometheus;
        source.url = m_prometheus.url();
        source.intervalSeconds = 60;
        window.setAlertSourceOverride({source});
        auto *alerts = window.findChild<QTableView *>(QStringLiteral("liveAlertsView"));
        QTRY_VERIFY_WITH_TIMEOUT(alerts->model()->rowCount() >= 3, 10000);
        QList<Alert> firing;
        for (int row = 0; row < 3; ++row) {
            firing.append(window.liveAlerts()->alertAt(row));
        }
        QVERIFY(window.workspace()->linkAlerts(incident, firing).ok());
        window.findChild<QPushButton *>(QStringLiteral("composeInternalButton"))->click();
        window.findChild<QPushButton *>(QStringLiteral("composeCustomerButton"))->click();
        const auto composers = window.findChildren<UpdateComposer *>();
        QCOMPARE(composers.size(), 2);
        QTest::qWait(50); // let the docks and the timeline's rows settle

        // IC_SCREENSHOT_DIR=dir keeps a picture of each size (the README's come from here).
        if (const QString dir = qEnvironmentVariable("IC_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(window.grab().save(QStringLiteral("%1/main-window-%2x%3.png").arg(dir).arg(screen.width()).arg(screen.height())));
        }

        // Minimum sizes never push the window past the screen.
        QCOMPARE(window.size(), screen);
        const QRect area(QPoint(0, 0), screen);
        const QStringList outside = controlsOutside(&window, area) + headersOutside(&window);
        QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
        for (UpdateComposer *composer : composers) {
            QVERIFY(composer->isVisible());
            const QRect frame = composer->frameGeometry();
            QVERIFY2(area.contains(frame), qPrintable(QStringLiteral("%1 at %2,%3 %4×%5")
                                                          .arg(composer->objectName())
                                                          .arg(frame.x())
                                                          .arg(frame.y())
                                                          .arg(frame.width())
                                                          .arg(frame.height())));
            const QStringList cut = controlsOutside(composer, area);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        }

        // The timeline's words get the room: at least half its width, and a long entry wraps onto more lines
        // rather than being cut to one.
        auto *timeline = window.findChild<QTableView *>(QStringLiteral("timelineView"));
        QVERIFY(timeline->isVisible());
        const int textWidth = timeline->columnWidth(TimelineModel::ColumnText);
        QVERIFY2(textWidth * 2 >= timeline->width(),
                 qPrintable(QStringLiteral("text column %1 of %2").arg(textWidth).arg(timeline->width())));
        const int last = timeline->model()->rowCount() - 1;
        QCOMPARE(last, 40 + 1 + 4 + 3 - 1); // the entries, the declaration, four roles taken, three links
        int longRow = -1;
        for (int row = last; row >= 0 && longRow < 0; --row) {
            if (timeline->model()->index(row, TimelineModel::ColumnText).data().toString().contains(u"ingress")) {
                longRow = row;
            }
        }
        QVERIFY(longRow >= 0);
        // The newest entry is on screen.
        QTRY_VERIFY(timeline->rowViewportPosition(last) >= 0
                    && timeline->rowViewportPosition(last) + timeline->rowHeight(last) <= timeline->viewport()->height());
        timeline->scrollTo(timeline->model()->index(longRow, TimelineModel::ColumnText));
        const int oneLine = timeline->fontMetrics().lineSpacing();
        QTRY_VERIFY2(timeline->rowHeight(longRow) >= 2 * oneLine,
                     qPrintable(QStringLiteral("row %1 is %2 px").arg(longRow).arg(timeline->rowHeight(longRow))));
    }

    // The words that matter stay whole on a laptop: a card's warning, the incident panel's wrapped sentences, an
    // alert's long name in its details.
    void theWordsThatMatterAreNotCut()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(m_dir.filePath(QStringLiteral("words.sqlite"))));
        Workspace *w = window.workspace();
        const qint64 warned = w->declareIncident(QStringLiteral("DDoS on the EU login servers"), Severity::Sev1).value();
        QVERIFY(w->declareIncident(QStringLiteral("Avatar uploads slow"), Severity::Sev3).ok()); // no warning
        window.selectIncident(warned);

        // "⚠ SEV-1 without an Incident Commander" is wider than a card: the card grows by two lines for it.
        auto cardHeight = [&window](const QString &columnName) {
            auto *column = window.findChild<QListView *>(columnName);
            QStyleOptionViewItem option;
            option.initFrom(column);
            return column->itemDelegate()->sizeHint(option, column->model()->index(0, 0)).height();
        };
        const int line = window.findChild<QListView *>(QStringLiteral("boardColumn1"))->fontMetrics().height();
        QCOMPARE(cardHeight(QStringLiteral("boardColumn1")) - cardHeight(QStringLiteral("boardColumn3")), 2 * line);

        // Every wrapped sentence of the incident panel has the height its words need at its width.
        auto *heading = window.findChild<QLabel *>(QStringLiteral("incidentHeading"));
        QWidget *panel = heading->parentWidget();
        for (QLabel *label : panel->findChildren<QLabel *>()) {
            if (label->isVisible() && label->wordWrap() && !label->text().isEmpty()) {
                QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                             qPrintable(QStringLiteral("\"%1\" is %2 px of %3").arg(label->text().left(40)).arg(label->height())
                                            .arg(label->heightForWidth(label->width()))));
            }
        }
        // A long alert name in the details is one word, never split across lines.
        QCOMPARE(window.findChild<QTextBrowser *>(QStringLiteral("alertDetails"))->wordWrapMode(), QTextOption::WordWrap);
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
