#include "IncidentPanel.h"

#include "WrappedLabel.h"

#include "ChecklistModel.h"
#include "PostmortemDocument.h"
#include "Clock.h"
#include "IncidentInsights.h"
#include "IncidentListModel.h"
#include "ModelRoles.h"
#include "PageRolesDialog.h"
#include "ReasonDialog.h"
#include "ConsolePalette.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

IncidentPanel::IncidentPanel(Workspace *workspace, IncidentListModel *incidents, ChecklistModel *checklist,
                             QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_incidents(incidents), m_checklist(checklist)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_heading = new WrappedLabel(this);
    m_heading->setObjectName(QStringLiteral("incidentHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editIncidentButton"));
    m_edit->setToolTip(tr("Correct the title and summary (F2); the change goes on the timeline and can be undone"));
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_edit, 0, Qt::AlignTop);
    layout->addLayout(headingRow);
    connect(m_edit, &QPushButton::clicked, this, &IncidentPanel::editTitleAndSummary);
    m_facts = new WrappedLabel(this);
    m_facts->setObjectName(QStringLiteral("incidentFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    layout->addWidget(m_facts);
    m_severityTime = new WrappedLabel(this);
    m_severityTime->setObjectName(QStringLiteral("severityTimeLabel"));
    m_severityTime->setWordWrap(true);
    m_severityTime->setTextFormat(Qt::PlainText);
    layout->addWidget(m_severityTime);

    m_suggestionBox = new QFrame(this);
    m_suggestionBox->setObjectName(QStringLiteral("suggestionBox"));
    m_suggestionBox->setStyleSheet(QStringLiteral("#suggestionBox { background: %1; border: 1px solid %2; "
                                                  "border-radius: 4px; }")
                                       .arg(ConsolePalette::cautionTint().name(), ConsolePalette::cautionBorder().name()));
    auto *suggestionLayout = new QVBoxLayout(m_suggestionBox);
    suggestionLayout->setContentsMargins(8, 6, 8, 6);
    m_suggestion = new WrappedLabel(m_suggestionBox);
    m_suggestion->setObjectName(QStringLiteral("suggestionLabel"));
    m_suggestion->setWordWrap(true);
    m_suggestion->setTextFormat(Qt::PlainText);
    suggestionLayout->addWidget(m_suggestion);
    auto *suggestionButtons = new QHBoxLayout;
    m_accept = new QPushButton(m_suggestionBox);
    m_accept->setObjectName(QStringLiteral("acceptSuggestionButton"));
    m_override = new QPushButton(tr("Keep current level…"), m_suggestionBox);
    m_override->setObjectName(QStringLiteral("overrideSuggestionButton"));
    suggestionButtons->addWidget(m_accept);
    suggestionButtons->addWidget(m_override);
    suggestionButtons->addStretch();
    suggestionLayout->addLayout(suggestionButtons);
    layout->addWidget(m_suggestionBox);

    m_warnings = new WrappedLabel(this);
    m_warnings->setObjectName(QStringLiteral("incidentWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm(), true));
    layout->addWidget(m_warnings);
    auto *row = new QHBoxLayout;
    m_security = new QCheckBox(tr("Security incident"), this);
    m_security->setObjectName(QStringLiteral("securityCheck"));
    m_security->setToolTip(tr("Abuse, intrusion or data exposure: the playbook wants a Security Engineer on it. "
                              "Alerts labelled category=\"security\" make it one too."));
    m_page = new QPushButton(tr("Page required roles…"), this);
    m_page->setObjectName(QStringLiteral("pageRolesButton"));
    row->addWidget(m_security);
    row->addStretch();
    row->addWidget(m_page);
    layout->addLayout(row);

    m_checklistView = new QTreeView(this);
    m_checklistView->setObjectName(QStringLiteral("checklistView"));
    m_checklistView->setModel(m_checklist);
    m_checklistView->setHeaderHidden(true);
    // Items wrap in the narrow column rather than lose their ends; the whole item is in its tooltip too.
    m_checklistView->setUniformRowHeights(false);
    m_checklistView->setWordWrap(true);
    m_checklistView->setTextElideMode(Qt::ElideRight);
    m_checklistView->header()->setStretchLastSection(true);
    m_checklistView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_checklistView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_checklistView->setAccessibleName(tr("Checklist"));
    layout->addWidget(m_checklistView, 1);

    auto *add = new QHBoxLayout;
    m_itemStage = new QComboBox(this);
    for (Stage s : Stages::all()) {
        if (s != Stage::Closed) {
            m_itemStage->addItem(Stages::title(s), int(s));
        }
    }
    m_itemText = new QLineEdit(this);
    m_itemText->setObjectName(QStringLiteral("checklistItemEdit"));
    m_itemText->setPlaceholderText(tr("Add a checklist item for this incident"));
    add->addWidget(m_itemStage);
    add->addWidget(m_itemText, 1);
    layout->addLayout(add);
    m_problem = new WrappedLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->hide();
    layout->addWidget(m_problem);

    connect(m_accept, &QPushButton::clicked, this, &IncidentPanel::acceptSuggestion);
    connect(m_override, &QPushButton::clicked, this, &IncidentPanel::overrideSuggestion);
    connect(m_page, &QPushButton::clicked, this, &IncidentPanel::pageRequiredRoles);
    connect(m_itemText, &QLineEdit::returnPressed, this, &IncidentPanel::addChecklistItem);
    connect(m_security, &QCheckBox::clicked, this, [this](bool checked) {
        if (const Status s = m_workspace->setSecurityIncident(m_incidentId, checked); !s) {
            showProblem(s.error());
        }
        refresh();
    });
    connect(m_checklist, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_checklist->lastError().isEmpty()) {
            showProblem(m_checklist->lastError());
        }
    });
    connect(m_checklist, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        m_checklistView->expand(parent);
    });
    connect(m_incidents, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_incidents->rowOf(m_incidentId);
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    refresh();
                }
            });
    connect(m_workspace->store(), &IncidentStore::severityHistoryChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            refresh();
        }
    });
    // The incident may go away under the panel (undo of its declaration, another file opened, an import).
    connect(m_workspace->store(), &IncidentStore::storeReset, this, [this] { setIncident(0); });
    connect(m_workspace->store(), &IncidentStore::incidentRemoved, this, [this](qint64 id) {
        if (id == m_incidentId) {
            setIncident(0);
        }
    });
    auto *clock = new QTimer(this); // time in severity grows while the incident is open
    clock->setInterval(std::chrono::seconds(30));
    connect(clock, &QTimer::timeout, this, &IncidentPanel::refresh);
    clock->start();
    setIncident(0);
}

void IncidentPanel::setIncident(qint64 incidentId)
{
    const bool changed = incidentId != m_incidentId;
    if (!changed && incidentId > 0) {
        return; // its own connections keep it current
    }
    m_incidentId = incidentId;
    m_checklist->setIncident(incidentId);
    m_problem->hide();
    refresh();
    if (changed && incidentId > 0) {
        // Open the current stage's checklist; the others stay folded until wanted.
        const int row = m_incidents->rowOf(incidentId);
        const Stage stage = row >= 0 ? m_incidents->incidentAt(row).stage : Stage::Triage;
        m_checklistView->collapseAll();
        m_checklistView->expand(m_checklist->indexOfStage(stage));
        if (const int at = m_itemStage->findData(int(stage)); at >= 0) {
            m_itemStage->setCurrentIndex(at);
        }
    }
}

void IncidentPanel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    refresh();
}

void IncidentPanel::refresh()
{
    const int row = m_incidents->rowOf(m_incidentId);
    const bool has = row >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_facts, m_severityTime, m_security, m_page, m_checklistView,
                                                       m_itemStage, m_itemText, m_edit}) {
        w->setVisible(has);
    }
    if (!has) {
        m_heading->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(ConsolePalette::quiet().name(), tr("Select an incident on the board.")));
        m_suggestionBox->hide();
        m_warnings->hide();
        return;
    }
    const Incident &incident = m_incidents->incidentAt(row);
    const IncidentStore::IncidentFacts facts = m_incidents->factsOf(incident.id);
    const QDateTime now = Clock::nowUtc();
    m_heading->setText(QStringLiteral("<span style='font-size:12pt; font-weight:600'>%1 %2</span><br>"
                                      "<span style='color:%3; font-weight:600'>%4</span> · %5")
                           .arg(incident.reference(), incident.title.toHtmlEscaped(),
                                ConsolePalette::severity(incident.severity).name(), Severities::label(incident.severity),
                                Stages::title(incident.stage).toHtmlEscaped()));
    QStringList lines;
    lines.append(tr("Declared %1 (%2 ago)")
                     .arg(TimeDisplay::dateTime(incident.declaredAt, m_zone),
                          TimeDisplay::duration(incident.declaredAt.secsTo(now))));
    if (incident.mitigatedAt.isValid()) {
        lines.append(tr("Mitigated %1").arg(TimeDisplay::dateTime(incident.mitigatedAt, m_zone)));
    }
    if (incident.resolvedAt.isValid()) {
        lines.append(tr("Resolved %1").arg(TimeDisplay::dateTime(incident.resolvedAt, m_zone)));
    }
    if (incident.postmortemDueAt.isValid()) {
        Postmortem sent;
        sent.publishedAt = facts.postmortemPublishedAt;
        const auto due = PostmortemDocument::dueState(incident.postmortemDueAt, sent, now, m_zone);
        lines.append(tr("Postmortem: %1").arg(due.text));
    }
    m_facts->setText(lines.join(u'\n'));

    const auto history = m_workspace->store()->severityChanges(incident.id);
    if (history) {
        m_severityTime->setText(tr("Time in severity: %1")
                                    .arg(IncidentInsights::describeTimeInSeverity(
                                        IncidentInsights::timeInSeverity(incident, history.value(), now))));
    } else {
        m_severityTime->setText(history.error());
    }

    const auto suggestion = m_incidents->suggestionFor(incident.id);
    const bool writable = !m_workspace->store()->isReadOnly();
    m_suggestionBox->setVisible(suggestion.has_value());
    if (suggestion) {
        m_suggestion->setText(tr("Suggested %1 — %2").arg(Severities::label(*suggestion->level), suggestion->explanation));
        m_accept->setText(tr("Make it %1").arg(Severities::label(*suggestion->level)));
        m_accept->setEnabled(writable);
        m_override->setEnabled(writable);
    }
    const QStringList warnings = m_incidents->warningsFor(incident.id);
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setText(QStringLiteral("⚠ ") + warnings.join(QStringLiteral("\n⚠ ")));
    m_security->setChecked(incident.security);
    m_security->setEnabled(writable && incident.isOpen());
    m_itemText->setEnabled(writable);
}

void IncidentPanel::editTitleAndSummary()
{
    const int row = m_incidents->rowOf(m_incidentId);
    if (row < 0 || m_workspace->store()->isReadOnly()) {
        return;
    }
    Incident incident = m_incidents->incidentAt(row); // as the person saw it; a newer reading after a conflict
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("editIncidentDialog"));
    dialog.setWindowTitle(tr("Edit %1").arg(incident.reference()));
    dialog.setMinimumWidth(520);
    auto *form = new QFormLayout(&dialog);
    auto *title = new QLineEdit(incident.title, &dialog);
    title->setObjectName(QStringLiteral("editTitleEdit"));
    auto *summary = new QPlainTextEdit(incident.summary, &dialog);
    summary->setObjectName(QStringLiteral("editSummaryEdit"));
    summary->setTabChangesFocus(true);
    summary->setFixedHeight(summary->fontMetrics().height() * 6);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    problem->setWordWrap(true);
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&Summary:"), summary);
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const Status s = m_workspace->setTitleAndSummary(incident.id, title->text(), summary->toPlainText(), incident);
        if (!s) {
            problem->setText(s.error()); // what was typed stays in the dialog
            // Someone else changed it meanwhile: the next Save puts these words on top of theirs, knowingly.
            if (m_workspace->store()->takeConflict()) {
                if (const auto now = m_workspace->store()->incident(incident.id)) {
                    incident = now.value();
                    problem->setText(tr("%1 Save again to put yours on top.").arg(s.error()));
                    buttons->button(QDialogButtonBox::Save)->setText(tr("Save Mine on Top"));
                }
            }
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void IncidentPanel::acceptSuggestion()
{
    const auto suggestion = m_incidents->suggestionFor(m_incidentId);
    if (!suggestion) {
        return;
    }
    if (const Status s = m_workspace->acceptSuggestion(m_incidentId, *suggestion); !s) {
        showProblem(s.error());
    }
}

void IncidentPanel::overrideSuggestion()
{
    const auto suggestion = m_incidents->suggestionFor(m_incidentId);
    const int row = m_incidents->rowOf(m_incidentId);
    if (!suggestion || row < 0) {
        return;
    }
    const Incident &incident = m_incidents->incidentAt(row);
    const auto reason = ReasonDialog::ask(
        this, tr("Keep %1").arg(Severities::label(incident.severity)),
        tr("The alerts suggest %1 for %2. Why does it stay %3?")
            .arg(Severities::label(*suggestion->level), incident.reference(), Severities::label(incident.severity)));
    if (!reason) {
        return;
    }
    if (const Status s = m_workspace->overrideSuggestion(m_incidentId, *suggestion, *reason); !s) {
        showProblem(s.error());
    }
}

void IncidentPanel::pageRequiredRoles()
{
    const int row = m_incidents->rowOf(m_incidentId);
    const auto roles = m_workspace->store()->roles();
    if (row < 0 || !roles) {
        return;
    }
    PageRolesDialog dialog(IncidentInsights::pageMessage(m_incidents->incidentAt(row), m_incidents->factsOf(m_incidentId),
                                                         roles.value(), Clock::nowUtc()),
                           this);
    dialog.exec();
}

void IncidentPanel::addChecklistItem()
{
    const Stage stage = Stages::all().at(m_itemStage->currentData().toInt());
    const auto id = m_workspace->addChecklistItem(m_incidentId, stage, m_itemText->text());
    if (!id) {
        showProblem(id.error());
        return;
    }
    m_itemText->clear();
    m_problem->hide();
    m_checklistView->expand(m_checklist->indexOfStage(stage));
}

void IncidentPanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}
