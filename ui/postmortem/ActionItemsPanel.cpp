#include "ActionItemsPanel.h"

#include "ConsolePalette.h"

#include "ActionItemDialog.h"
#include "ActionItemListModel.h"
#include "Workspace.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

ActionItemsPanel::ActionItemsPanel(Workspace *workspace, ActionItemListModel *model, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("actionItemsView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(ActionItemListModel::ColumnTitle, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ActionItemListModel::ColumnIncident, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ActionItemListModel::ColumnState, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ActionItemListModel::ColumnDue, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ActionItemListModel::ColumnOwner, QHeaderView::ResizeToContents);

    auto *add = new QPushButton(tr("&Add for This Incident…"), this);
    add->setObjectName(QStringLiteral("addActionItem"));
    auto *edit = new QPushButton(tr("&Edit…"), this);
    auto *showClosed = new QCheckBox(tr("Show done and cancelled"), this);
    showClosed->setObjectName(QStringLiteral("showClosedActionItems"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("actionItemsSummary"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(showClosed);
    buttons->addWidget(edit);
    buttons->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &ActionItemsPanel::addItem);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (const QModelIndex current = m_view->currentIndex(); current.isValid()) {
            editItem(current.row());
        }
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == ActionItemListModel::ColumnIncident) {
            emit incidentActivated(m_model->itemAt(index.row()).incidentId);
        } else {
            editItem(index.row());
        }
    });
    connect(showClosed, &QCheckBox::toggled, m_model, &ActionItemListModel::setShowClosed);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, &ActionItemsPanel::updateSummary);
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActionItemsPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActionItemsPanel::updateSummary);
    // Due times pass while the window is open.
    auto *minute = new QTimer(this);
    minute->setInterval(60 * 1000);
    connect(minute, &QTimer::timeout, m_model, &ActionItemListModel::refresh);
    minute->start();
    updateSummary();
}

void ActionItemsPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    findChild<QPushButton *>(QStringLiteral("addActionItem"))->setEnabled(incidentId != 0);
}

void ActionItemsPanel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_model->setDisplayTimeZone(zone);
}

void ActionItemsPanel::updateSummary()
{
    const int overdue = m_model->overdueCount();
    m_summary->setText(overdue > 0 ? tr("%n overdue", nullptr, overdue) : tr("None overdue"));
    m_summary->setStyleSheet(overdue > 0 ? ConsolePalette::textStyle(ConsolePalette::alarm(), true) : QString());
}

void ActionItemsPanel::addItem()
{
    if (m_incidentId == 0) {
        return;
    }
    ActionItem item;
    item.incidentId = m_incidentId;
    const auto roster = m_workspace->store()->people();
    ActionItemDialog dialog(item, roster ? roster.value() : QList<Person>(), m_zone, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto saved = m_workspace->saveActionItem(dialog.item());
    if (!saved) {
        QMessageBox::warning(this, tr("The action item was not added"), saved.error());
        return;
    }
    if (const int row = m_model->rowOf(saved.value()); row >= 0) {
        m_view->selectRow(row);
    }
}

void ActionItemsPanel::editItem(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        return;
    }
    const auto roster = m_workspace->store()->people();
    ActionItemDialog dialog(m_model->itemAt(row), roster ? roster.value() : QList<Person>(), m_zone, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto saved = m_workspace->saveActionItem(dialog.item());
    if (!saved) {
        QMessageBox::warning(this, tr("The action item was not changed"), saved.error());
        return;
    }
    if (const int moved = m_model->rowOf(saved.value()); moved >= 0) {
        m_view->selectRow(moved);
    }
}
