#include "AlertsPanel.h"

#include "ConsolePalette.h"

#include "AlertValue.h"
#include "FittingColumns.h"

#include "AlertArchiveModel.h"
#include "AlertFilterModel.h"
#include "AlertMonitor.h"
#include "AppSettings.h"
#include "LiveAlertModel.h"
#include "SilenceListModel.h"
#include "SilenceRequest.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}
} // namespace

AlertsPanel::AlertsPanel(Workspace *workspace, AlertMonitor *monitor, LiveAlertModel *live, AlertArchiveModel *archive,
                         QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_monitor(monitor), m_live(live)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertSourcesLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    // Live
    auto *livePage = new QWidget(tabs);
    auto *liveLayout = new QVBoxLayout(livePage);
    liveLayout->setContentsMargins(0, 4, 0, 0);
    auto *filters = new QHBoxLayout;
    m_text = new QLineEdit(livePage);
    m_text->setObjectName(QStringLiteral("alertTextFilter"));
    m_text->setPlaceholderText(tr("Filter text"));
    m_text->setClearButtonEnabled(true);
    m_matchers = new QLineEdit(livePage);
    m_matchers->setObjectName(QStringLiteral("alertMatcherFilter"));
    m_matchers->setPlaceholderText(tr("Label matchers, e.g. severity=~\"SEV-1|SEV-2\", job!=\"x\""));
    m_matchers->setClearButtonEnabled(true);
    m_groupBy = new QComboBox(livePage);
    m_groupBy->setObjectName(QStringLiteral("alertGroupBy"));
    m_groupBy->setEditable(true);
    m_groupBy->setInsertPolicy(QComboBox::NoInsert);
    m_groupBy->addItem(tr("No grouping"), QString());
    for (const char *label : {"severity", "alertname", "job", "instance", "service", "cluster"}) {
        m_groupBy->addItem(tr("Group by %1").arg(QLatin1String(label)), QString::fromLatin1(label));
    }
    m_groupBy->setToolTip(tr("Group rows by a label; type any label name"));
    filters->addWidget(m_text, 2);
    filters->addWidget(m_matchers, 3);
    filters->addWidget(m_groupBy, 1);
    liveLayout->addLayout(filters);
    m_matcherProblem = new QLabel(livePage);
    m_matcherProblem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_matcherProblem->hide();
    liveLayout->addWidget(m_matcherProblem);

    m_filter = new AlertFilterModel(this);
    m_filter->setSourceModel(live);
    m_view = new QTableView(livePage);
    m_view->setObjectName(QStringLiteral("liveAlertsView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LiveAlertModel::ColumnSeverity, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fixed heights: 10,000 rows stay smooth
    m_view->setColumnWidth(LiveAlertModel::ColumnGroup, 130);
    m_view->setColumnWidth(LiveAlertModel::ColumnState, 80);
    // Its header and the sort arrow it starts with fit: "Severity", not "everity".
    m_view->setColumnWidth(LiveAlertModel::ColumnSeverity,
                           m_view->horizontalHeader()->fontMetrics().horizontalAdvance(tr("Severity")) + 30);
    m_view->setColumnWidth(LiveAlertModel::ColumnName, 170);
    m_view->setColumnWidth(LiveAlertModel::ColumnLabels, 200);
    m_view->setColumnWidth(LiveAlertModel::ColumnSince, 110);
    m_view->setColumnWidth(LiveAlertModel::ColumnSource, 110);
    m_view->setColumnWidth(LiveAlertModel::ColumnAck, 110);
    m_view->setColumnWidth(LiveAlertModel::ColumnIncident, 80);
    m_view->setColumnHidden(LiveAlertModel::ColumnGroup, true);
    // Which incident holds the alert comes right after its name (an unlinked firing alert is the one to look at),
    // then what the alert says, taking the room; the rest shows where the width allows.
    QHeaderView *header = m_view->horizontalHeader();
    header->moveSection(header->visualIndex(LiveAlertModel::ColumnIncident), header->visualIndex(LiveAlertModel::ColumnLabels));
    header->moveSection(header->visualIndex(LiveAlertModel::ColumnSummary), header->visualIndex(LiveAlertModel::ColumnLabels));
    m_liveColumns = new FittingColumns(m_view, LiveAlertModel::ColumnSummary, 200,
                                       {LiveAlertModel::ColumnIncident, LiveAlertModel::ColumnSince,
                                        LiveAlertModel::ColumnLabels, LiveAlertModel::ColumnAck,
                                        LiveAlertModel::ColumnSource});
    m_details = new QTextBrowser(livePage);
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setOpenExternalLinks(true);
    // A long alert name stays one word ("AuthenticationFailures", not "AuthenticationFailur" / "es").
    m_details->setWordWrapMode(QTextOption::WordWrap);
    m_details->setPlaceholderText(tr("Select an alert to see all its labels, annotations and links."));
    auto *split = new QSplitter(Qt::Horizontal, livePage);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({730, 230});
    liveLayout->addWidget(split, 1);

    auto *actions = new QHBoxLayout;
    m_ack = new QPushButton(tr("Acknowledge…"), livePage);
    m_ack->setObjectName(QStringLiteral("ackAlertButton"));
    m_silence = new QPushButton(tr("Silence…"), livePage);
    m_silence->setObjectName(QStringLiteral("silenceAlertButton"));
    m_declare = new QPushButton(tr("Declare incident…"), livePage);
    m_declare->setObjectName(QStringLiteral("declareFromAlertsButton"));
    m_link = new QPushButton(tr("Link to incident"), livePage);
    m_link->setObjectName(QStringLiteral("linkAlertsButton"));
    actions->addWidget(m_ack);
    actions->addWidget(m_silence);
    actions->addStretch();
    actions->addWidget(m_declare);
    actions->addWidget(m_link);
    liveLayout->addLayout(actions);
    m_problem = new QLabel(livePage);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->setWordWrap(true);
    m_problem->hide();
    liveLayout->addWidget(m_problem);
    tabs->addTab(livePage, tr("Live"));

    // History
    auto *history = new QTableView(tabs);
    history->setObjectName(QStringLiteral("alertArchiveView"));
    history->setModel(archive);
    history->setSelectionBehavior(QAbstractItemView::SelectRows);
    history->verticalHeader()->hide();
    history->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    history->setWordWrap(false);
    history->setAlternatingRowColors(true);
    history->setColumnWidth(AlertArchiveModel::ColumnState, 80);
    history->setColumnWidth(AlertArchiveModel::ColumnSeverity, 70);
    history->setColumnWidth(AlertArchiveModel::ColumnName, 170);
    history->setColumnWidth(AlertArchiveModel::ColumnLabels, 200);
    history->setColumnWidth(AlertArchiveModel::ColumnSummary, 230);
    history->setColumnWidth(AlertArchiveModel::ColumnFirstSeen, 160);
    history->setColumnWidth(AlertArchiveModel::ColumnLastSeen, 160);
    history->setColumnWidth(AlertArchiveModel::ColumnResolved, 160);
    history->horizontalHeader()->moveSection(history->horizontalHeader()->visualIndex(AlertArchiveModel::ColumnSummary),
                                             history->horizontalHeader()->visualIndex(AlertArchiveModel::ColumnLabels));
    new FittingColumns(history, AlertArchiveModel::ColumnSummary, 200,
                       {AlertArchiveModel::ColumnFirstSeen, AlertArchiveModel::ColumnResolved,
                        AlertArchiveModel::ColumnLabels, AlertArchiveModel::ColumnLastSeen});
    tabs->addTab(history, tr("History"));
    QWidget *silencesPage = buildSilencesPage(tabs);
    tabs->addTab(silencesPage, tr("Silences"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, archive, tabs, history, silencesPage](int index) {
        archive->setActive(tabs->widget(index) == history);
        if (tabs->widget(index) == silencesPage) {
            refreshSilences();
        }
    });

    connect(m_text, &QLineEdit::textChanged, m_filter, &AlertFilterModel::setText);
    connect(m_matchers, &QLineEdit::textChanged, this, [this](const QString &text) {
        const Status s = m_filter->setMatchers(text);
        m_matcherProblem->setVisible(!s.ok());
        m_matcherProblem->setText(s.ok() ? QString() : tr("Matchers %1").arg(s.error()));
        m_matchers->setStyleSheet(s.ok() ? QString() : QStringLiteral("border: 1px solid %1;").arg(ConsolePalette::alarm().name()));
    });
    auto applyGroup = [this] {
        QString label = m_groupBy->currentData().toString();
        if (m_groupBy->currentIndex() < 0 || m_groupBy->currentText() != m_groupBy->itemText(m_groupBy->currentIndex())) {
            label = m_groupBy->currentText().trimmed(); // a label name typed in
        }
        m_live->setGroupLabel(label);
        m_filter->setGrouped(!label.isEmpty());
        m_view->setColumnHidden(LiveAlertModel::ColumnGroup, label.isEmpty());
        m_liveColumns->fit();
    };
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, applyGroup);
    connect(m_groupBy->lineEdit(), &QLineEdit::editingFinished, this, applyGroup);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        updateActions();
    });
    // A refresh may change the selected alert: keep the details current.
    connect(m_filter, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && current.row() >= from.row() && current.row() <= to.row()) {
            showDetails();
        }
    });
    connect(m_ack, &QPushButton::clicked, this, &AlertsPanel::acknowledge);
    connect(m_silence, &QPushButton::clicked, this, &AlertsPanel::silence);
    connect(m_declare, &QPushButton::clicked, this, [this] { emit declareRequested(selectedAlerts()); });
    // Where seconds count: Enter or a double-click on a firing alert opens the declaration, filled in from it.
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (m_declare->isEnabled()) {
            emit declareRequested(selectedAlerts());
        }
    });
    connect(m_link, &QPushButton::clicked, this, &AlertsPanel::linkToCurrent);

    auto *clock = new QTimer(this);
    clock->setInterval(std::chrono::seconds(5));
    connect(clock, &QTimer::timeout, this, &AlertsPanel::refreshStatusText);
    connect(clock, &QTimer::timeout, this, [this] { m_silences->setNow(QDateTime::currentDateTimeUtc()); });
    clock->start();
    refreshStatusText();
    updateActions();
}

void AlertsPanel::setCurrentIncident(qint64 incidentId, const QString &reference)
{
    m_currentIncident = incidentId;
    m_currentReference = reference;
    updateActions();
}

QList<Alert> AlertsPanel::selectedAlerts() const
{
    QList<Alert> alerts;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        alerts.append(m_live->alertAt(m_filter->mapToSource(index).row()));
    }
    return alerts;
}

void AlertsPanel::sourcesReset(const QStringList &names)
{
    m_sourceOrder = names;
    m_statuses.clear();
    refreshStatusText();
    m_silences->keepSources(names);
    if (m_silenceView->isVisible()) {
        refreshSilences();
    }
}

void AlertsPanel::sourceStatusChanged(const SourceStatus &status)
{
    m_statuses.insert(status.source, status);
    refreshStatusText();
}

void AlertsPanel::refreshStatusText()
{
    if (m_sourceOrder.isEmpty()) {
        m_status->setText(tr("No alert sources are configured. Add Prometheus or Alertmanager servers in Settings "
                             "(Ctrl+,), or start the console with --prometheus URL / --alertmanager URL."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    for (const QString &name : std::as_const(m_sourceOrder)) {
        const auto it = m_statuses.constFind(name);
        if (it == m_statuses.cend()) {
            lines.append(tr("<span style='color:%1'>●</span> %2 — connecting…").arg(ConsolePalette::quiet().name(), escaped(name)));
            continue;
        }
        const SourceStatus &s = *it;
        const QString last = s.lastSuccess.isValid()
                                 ? tr("last answer %1 ago").arg(TimeDisplay::duration(std::max<qint64>(0, s.lastSuccess.secsTo(now))))
                                 : tr("no answer yet");
        if (s.isFailing()) {
            const qint64 retry = std::max<qint64>(0, now.secsTo(s.nextPollAt));
            lines.append(tr("<span style='color:%1'>●</span> %2 — <b>%3</b>; retrying in %4; %5%6").arg(ConsolePalette::alarm().name())
                             .arg(escaped(name), escaped(s.lastError), TimeDisplay::duration(retry), last,
                                  s.lastSuccess.isValid() ? tr(", its last alerts are shown as stale") : QString()));
        } else {
            lines.append(tr("<span style='color:%1'>●</span> %2 — %3, %4 ms, %5").arg(ConsolePalette::ok().name())
                             .arg(escaped(name), s.alertCount == 1 ? tr("1 alert") : tr("%1 alerts").arg(s.alertCount))
                             .arg(s.roundTripMs)
                             .arg(last));
        }
    }
    m_status->setText(lines.join(QStringLiteral("<br>")));
}

void AlertsPanel::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_view->selectionModel()->selectedRows().isEmpty()) {
        m_details->clear();
        return;
    }
    const int row = m_filter->mapToSource(current).row();
    const Alert &a = m_live->alertAt(row);
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · %3 · since %4</p>")
                       .arg(escaped(a.alertName()), escaped(a.severity()), escaped(Alert::stateKey(a.state)),
                            escaped(TimeDisplay::dateTime(a.activeSince, AppSettings().displayTimeZone())));
    if (m_live->isStale(row)) {
        html += QStringLiteral("<p style='color:%1'>%2</p>").arg(ConsolePalette::alarm().name(), tr("Stale: its source is not answering; this is the last good state."));
    }
    const AlertAck ack = m_live->ackOf(a.identity);
    if (!ack.identity.isEmpty()) {
        html += tr("<p>✓ Acknowledged by %1: %2</p>").arg(escaped(ack.author), escaped(ack.note));
    }
    if (!a.value.isEmpty()) {
        const QString shown = AlertValue::readable(a);
        html += shown == a.value ? tr("<p>Value: <b>%1</b></p>").arg(escaped(a.value))
                                 : tr("<p>Value: <b>%1</b> <span style='color:%2'>(%3)</span></p>")
                                       .arg(escaped(shown), ConsolePalette::quiet().name(), escaped(a.value));
    }
    html += tr("<p><b>Labels</b><br>");
    for (const auto &[k, v] : a.labels) {
        html += QStringLiteral("%1 = <code>%2</code><br>").arg(escaped(k), escaped(v));
    }
    html += tr("</p><p><b>Annotations</b><br>");
    for (const auto &[k, v] : a.annotations) {
        const bool link = v.startsWith(QStringLiteral("http://")) || v.startsWith(QStringLiteral("https://"));
        html += link ? QStringLiteral("%1: <a href=\"%2\">%2</a><br>").arg(escaped(k), escaped(v))
                     : QStringLiteral("%1: %2<br>").arg(escaped(k), escaped(v));
    }
    html += QStringLiteral("</p>");
    if (!a.generatorUrl.isEmpty()) {
        html += tr("<p><a href=\"%1\">Open the expression in Prometheus</a></p>").arg(escaped(a.generatorUrl));
    }
    if (!a.silencedBy.isEmpty()) {
        html += tr("<p>Silenced by %1</p>").arg(escaped(a.silencedBy.join(QStringLiteral(", "))));
    }
    html += tr("<p style='color:%1'>From %2 · identity %3</p>").arg(ConsolePalette::quiet().name())
                .arg(escaped(a.sources.join(QStringLiteral(", "))), escaped(a.identity));
    m_details->setHtml(html);
}

void AlertsPanel::updateActions()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    const bool writable = m_workspace->store()->isOpen() && !m_workspace->store()->isReadOnly();
    m_ack->setEnabled(selected == 1 && writable);
    m_silence->setEnabled(selected == 1);
    m_declare->setEnabled(selected > 0 && writable);
    m_link->setEnabled(selected > 0 && writable && m_currentIncident > 0);
    m_link->setText(m_currentIncident > 0 ? tr("Link to %1").arg(m_currentReference) : tr("Link to incident"));
}

void AlertsPanel::acknowledge()
{
    const QList<Alert> alerts = selectedAlerts();
    if (alerts.size() != 1) {
        return;
    }
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Acknowledge Alert"),
                                               tr("Note for %1 (who is on it, what is being done):").arg(alerts.first().alertName()),
                                               QLineEdit::Normal, m_live->ackOf(alerts.first().identity).note, &ok);
    if (!ok) {
        return;
    }
    if (const Status s = m_workspace->acknowledgeAlert(alerts.first().identity, note); !s) {
        showProblem(s.error());
    }
}

void AlertsPanel::silence()
{
    const QList<Alert> alerts = selectedAlerts();
    if (alerts.size() != 1) {
        return;
    }
    const Alert alert = alerts.first();
    // Silences go to an Alertmanager that reports the alert, or else the first configured one.
    std::optional<AlertSource> target;
    for (const AlertSource &s : m_monitor->sources()) {
        if (s.kind == AlertSource::Kind::Alertmanager && (!target || alert.sources.contains(s.name()))) {
            target = s;
        }
    }
    if (!target) {
        showProblem(tr("Silences are made in Alertmanager, and no Alertmanager source is configured."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Silence %1").arg(alert.alertName()));
    dialog.setObjectName(QStringLiteral("silenceDialog"));
    auto *form = new QFormLayout(&dialog);
    auto *duration = new QSpinBox(&dialog);
    duration->setRange(5, 7 * 24 * 60);
    duration->setValue(120);
    duration->setSuffix(tr(" min"));
    auto *author = new QLineEdit(m_workspace->author(), &dialog);
    author->setObjectName(QStringLiteral("silenceAuthor"));
    auto *comment = new QLineEdit(&dialog);
    comment->setObjectName(QStringLiteral("silenceComment"));
    comment->setPlaceholderText(tr("Why, and until what"));
    auto *missing = new QLabel(&dialog);
    missing->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::quiet()));
    form->addRow(tr("Matches:"), new QLabel(tr("exactly this alert's %1 labels").arg(alert.labels.size()), &dialog));
    form->addRow(tr("Alertmanager:"), new QLabel(target->name(), &dialog));
    form->addRow(tr("&Duration:"), duration);
    form->addRow(tr("&Author:"), author);
    form->addRow(tr("&Comment:"), comment);
    form->addRow(missing);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create silence"));
    form->addRow(buttons);
    // Alertmanager would take a silence signed by nobody for no reason; the next person to find it could not ask.
    auto check = [author, comment, missing, buttons] {
        const QString problem = Silence::missingDetails(author->text(), comment->text());
        missing->setText(problem);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    };
    connect(author, &QLineEdit::textChanged, &dialog, check);
    connect(comment, &QLineEdit::textChanged, &dialog, check);
    check();
    if (!author->text().isEmpty()) {
        comment->setFocus();
    }
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    createSilence(*target, alert, duration->value(), author->text().trimmed(), comment->text().trimmed());
}

void AlertsPanel::createSilence(const AlertSource &target, const Alert &alert, int minutes, const QString &author,
                                const QString &comment)
{
    // One request per silence, so each answer finds what it was for.
    auto *request = new SilenceRequest(this);
    connect(request, &SilenceRequest::finished, this,
            [this, request, target, alert, minutes, author, comment](const QString &id, const QString &error) {
                request->deleteLater();
                if (id.isEmpty()) {
                    showProblem(error);
                    return;
                }
                m_problem->hide();
                m_monitor->pollNow();
                refreshSilences();
                const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60);
                const QString text = tr("Silenced alert %1 for %2 (until %3), by %4: %5 (silence %6 in %7)")
                                         .arg(alert.alertName(), TimeDisplay::duration(qint64(minutes) * 60),
                                              TimeDisplay::dateTime(until, AppSettings().displayTimeZone()), author,
                                              comment, id, target.name());
                if (const Status s = m_workspace->stampLinkedIncidents({alert.identity}, TimelineEntry::Kind::Action, text); !s) {
                    showProblem(tr("The silence was made, but the incident's timeline could not say so: %1").arg(s.error()));
                }
            });
    request->send(target, alert, minutes, author, comment);
}

QWidget *AlertsPanel::buildSilencesPage(QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_silences = new SilenceListModel(this);
    m_silenceView = new QTableView(page);
    m_silenceView->setObjectName(QStringLiteral("silencesView"));
    m_silenceView->setModel(m_silences);
    m_silenceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_silenceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_silenceView->verticalHeader()->hide();
    m_silenceView->setWordWrap(false);
    m_silenceView->setAlternatingRowColors(true);
    m_silenceView->setColumnWidth(SilenceListModel::ColumnMatchers, 260);
    m_silenceView->setColumnWidth(SilenceListModel::ColumnCreatedBy, 130);
    m_silenceView->setColumnWidth(SilenceListModel::ColumnTimeLeft, 110);
    m_silenceView->setColumnWidth(SilenceListModel::ColumnSource, 130);
    new FittingColumns(m_silenceView, SilenceListModel::ColumnComment, 160,
                       {SilenceListModel::ColumnSource, SilenceListModel::ColumnMatchers});
    layout->addWidget(m_silenceView, 1);
    auto *actions = new QHBoxLayout;
    m_silencesStatus = new QLabel(page);
    m_silencesStatus->setObjectName(QStringLiteral("silencesStatus"));
    m_silencesStatus->setWordWrap(true);
    auto *refresh = new QPushButton(tr("Refresh"), page);
    m_expire = new QPushButton(tr("Expire…"), page);
    m_expire->setObjectName(QStringLiteral("expireSilenceButton"));
    m_expire->setEnabled(false);
    actions->addWidget(m_silencesStatus, 1);
    actions->addWidget(refresh);
    actions->addWidget(m_expire);
    layout->addLayout(actions);
    m_silenceLister = new SilenceRequest(this);
    connect(m_silenceLister, &SilenceRequest::listed, this,
            [this](const QString &source, const QList<Silence> &silences, const QString &error) {
                if (!error.isEmpty()) {
                    m_silenceErrors.insert(source, error);
                } else {
                    m_silenceErrors.remove(source);
                    m_silences->setSilences(source, silences);
                }
                m_silences->setNow(QDateTime::currentDateTimeUtc());
                showSilencesStatus();
            });
    connect(refresh, &QPushButton::clicked, this, &AlertsPanel::refreshSilences);
    connect(m_expire, &QPushButton::clicked, this, &AlertsPanel::expireSelectedSilence);
    connect(m_silenceView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_expire->setEnabled(m_silenceView->selectionModel()->hasSelection()); });
    // While the tab is shown, the list follows what others do in Alertmanager too.
    auto *poll = new QTimer(page);
    poll->setInterval(std::chrono::seconds(30));
    connect(poll, &QTimer::timeout, this, [this] {
        if (m_silenceView->isVisible()) {
            refreshSilences();
        }
    });
    poll->start();
    return page;
}

QList<AlertSource> AlertsPanel::alertmanagers() const
{
    QList<AlertSource> found;
    for (const AlertSource &s : m_monitor->sources()) {
        if (s.kind == AlertSource::Kind::Alertmanager) {
            found.append(s);
        }
    }
    return found;
}

void AlertsPanel::refreshSilences()
{
    const QList<AlertSource> targets = alertmanagers();
    QStringList names;
    for (const AlertSource &s : targets) {
        names.append(s.name());
        m_silenceLister->list(s);
    }
    m_silences->keepSources(names);
    for (const QString &gone : m_silenceErrors.keys()) {
        if (!names.contains(gone)) {
            m_silenceErrors.remove(gone);
        }
    }
    showSilencesStatus();
}

void AlertsPanel::showSilencesStatus()
{
    if (alertmanagers().isEmpty()) {
        m_silencesStatus->setText(tr("Silences are kept by Alertmanager, and no Alertmanager source is configured."));
        m_silencesStatus->setStyleSheet({});
        return;
    }
    if (!m_silenceErrors.isEmpty()) {
        m_silencesStatus->setText(QStringList(m_silenceErrors.values()).join(QStringLiteral("\n")));
        m_silencesStatus->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
        return;
    }
    const int count = m_silences->rowCount();
    m_silencesStatus->setText(count == 0 ? tr("No silence is in force.")
                                         : count == 1 ? tr("1 silence in force or about to start.")
                                                      : tr("%1 silences in force or about to start.").arg(count));
    m_silencesStatus->setStyleSheet({});
}

void AlertsPanel::expireSelectedSilence()
{
    const QModelIndexList rows = m_silenceView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const Silence silence = m_silences->silenceAt(rows.first().row());
    std::optional<AlertSource> target;
    for (const AlertSource &s : alertmanagers()) {
        if (s.name() == silence.source) {
            target = s;
        }
    }
    if (!target) {
        return;
    }
    // The alerts it hides now: the ones whose incidents hear that they are back.
    QStringList identities;
    QStringList names;
    for (int row = 0; row < m_live->rowCount(); ++row) {
        const Alert &a = m_live->alertAt(row);
        if (silence.matches(a)) {
            identities.append(a.identity);
            if (!names.contains(a.alertName())) {
                names.append(a.alertName());
            }
        }
    }
    const auto answer = QMessageBox::question(
        this, tr("Expire Silence"),
        tr("Expire the silence by %1 (%2)?\n\nIt matches %3. %4")
            .arg(silence.createdBy.isEmpty() ? tr("nobody named") : silence.createdBy,
                 silence.comment.isEmpty() ? tr("no comment") : silence.comment, silence.matchersText(),
                 identities.isEmpty() ? tr("No alert the console sees is silenced by it.")
                                      : tr("Notifications for %1 start again.").arg(names.join(QStringLiteral(", ")))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return;
    }
    auto *request = new SilenceRequest(this);
    connect(request, &SilenceRequest::expired, this, [this, request, silence, identities, names](const QString &id, const QString &error) {
        request->deleteLater();
        if (!error.isEmpty()) {
            m_silencesStatus->setText(error);
            m_silencesStatus->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
            return;
        }
        refreshSilences();
        m_monitor->pollNow();
        const QString text = tr("Expired the silence of alert %1 by %2 (%3), by %4 (silence %5 in %6)")
                                 .arg(names.join(QStringLiteral(", ")), silence.createdBy, silence.comment,
                                      m_workspace->author(), id, silence.source);
        if (const Status s = m_workspace->stampLinkedIncidents(identities, TimelineEntry::Kind::Action, text); !s) {
            m_silencesStatus->setText(tr("The silence expired, but the incident's timeline could not say so: %1").arg(s.error()));
        }
    });
    request->expire(*target, silence.id);
}

void AlertsPanel::linkToCurrent()
{
    if (const Status s = m_workspace->linkAlerts(m_currentIncident, selectedAlerts()); !s) {
        showProblem(s.error());
    } else {
        m_problem->hide();
    }
}

void AlertsPanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}
