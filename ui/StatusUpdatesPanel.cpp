#include "StatusUpdatesPanel.h"

#include "StatusUpdateListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

StatusUpdatesPanel::StatusUpdatesPanel(StatusUpdateListModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6773;"));
    layout->addWidget(m_empty);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("statusUpdatesView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StatusUpdatesPanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StatusUpdatesPanel::updateEmptyState);
    setIncident(0);
}

void StatusUpdatesPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_model->setIncident(incidentId);
    updateEmptyState();
}

void StatusUpdatesPanel::updateEmptyState()
{
    if (m_incidentId == 0) {
        m_empty->setText(tr("Select an incident to see the updates sent about it."));
    } else if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No status update has been published for this incident yet."));
    } else {
        const int n = m_model->rowCount();
        m_empty->setText(n == 1 ? tr("1 update published.") : tr("%1 updates published.").arg(n));
    }
}
