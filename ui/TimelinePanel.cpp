#include "TimelinePanel.h"

#include "TimelineModel.h"
#include "Workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

TimelinePanel::TimelinePanel(Workspace *workspace, TimelineModel *model, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("timelineHeading"));
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fixed heights keep long timelines fast
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::ColumnTime, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::ColumnUtc, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::ColumnKind, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::ColumnSource, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::ColumnAuthor, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    auto *entryRow = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("timelineKindCombo"));
    for (auto kind : TimelineEntry::kinds()) {
        m_kind->addItem(TimelineEntry::kindTitle(kind), int(kind));
    }
    m_kind->setCurrentIndex(m_kind->findData(int(TimelineEntry::Kind::Note)));
    m_entry = new QLineEdit(this);
    m_entry->setObjectName(QStringLiteral("timelineEntryEdit"));
    m_entry->setPlaceholderText(tr("What happened? Type and press Enter (Ctrl+L to come back here)"));
    m_entry->setClearButtonEnabled(true);
    entryRow->addWidget(m_kind);
    entryRow->addWidget(m_entry, 1);
    layout->addLayout(entryRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("timelineProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    connect(m_entry, &QLineEdit::returnPressed, this, &TimelinePanel::submit);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_view->scrollTo(m_model->index(first, 0));
    });
    setIncident(0, {});
}

void TimelinePanel::setIncident(qint64 incidentId, const QString &heading)
{
    m_model->setIncident(incidentId);
    const bool has = incidentId > 0;
    m_heading->setText(has ? QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped())
                           : tr("Select an incident on the board to see its timeline."));
    m_entry->setEnabled(has);
    m_kind->setEnabled(has);
    m_problem->hide();
    if (has) {
        m_view->scrollToBottom();
    }
}

void TimelinePanel::focusEntryBox()
{
    m_entry->setFocus(Qt::ShortcutFocusReason);
}

void TimelinePanel::submit()
{
    const QString text = m_entry->text();
    if (text.trimmed().isEmpty() || m_model->incidentId() == 0) {
        return;
    }
    const auto kind = TimelineEntry::Kind(m_kind->currentData().toInt());
    const auto result = m_workspace->addTimelineEntry(m_model->incidentId(), text, kind);
    if (!result) {
        // Keep what was typed so nothing is lost; say why it was not saved.
        m_problem->setText(tr("Not saved: %1").arg(result.error()));
        m_problem->show();
        return;
    }
    m_problem->hide();
    m_entry->clear();
}
