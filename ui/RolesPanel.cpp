#include "RolesPanel.h"

#include "AssignRoleDialog.h"
#include "ModelRoles.h"
#include "RoleAssignmentModel.h"
#include "Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

RolesPanel::RolesPanel(Workspace *workspace, RoleAssignmentModel *model, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rolesView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnRole, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnHolder, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnSince, QHeaderView::ResizeToContents);
    // Room for the playbook's four roles and a custom one without scrolling.
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 5 + m_view->horizontalHeader()->sizeHint().height() + 4);
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    m_assign = new QPushButton(tr("Assign or hand off…"), this);
    m_assign->setObjectName(QStringLiteral("assignRoleButton"));
    buttons->addStretch();
    buttons->addWidget(m_assign);
    layout->addLayout(buttons);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    connect(m_assign, &QPushButton::clicked, this, [this] { assign(); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { assign(index.data(ModelRoles::IdRole).toLongLong()); });
    setIncident(0);
}

void RolesPanel::setIncident(qint64 incidentId)
{
    m_model->setIncident(incidentId);
    m_assign->setEnabled(incidentId > 0);
    m_problem->hide();
}

void RolesPanel::assign(qint64 roleId)
{
    const qint64 incidentId = m_model->incidentId();
    if (incidentId == 0) {
        return;
    }
    if (roleId == 0 && m_view->currentIndex().isValid()) {
        roleId = m_view->currentIndex().data(ModelRoles::IdRole).toLongLong();
    }
    const auto roles = m_workspace->store()->roles();
    const auto people = m_workspace->store()->people();
    if (!roles || !people) {
        m_problem->setText(roles ? people.error() : roles.error());
        m_problem->show();
        return;
    }
    AssignRoleDialog dialog(roles.value(), people.value(), roleId, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (const Status s = m_workspace->assignRole(incidentId, dialog.roleId(), dialog.personName()); !s) {
        m_problem->setText(tr("Not assigned: %1").arg(s.error()));
        m_problem->show();
        return;
    }
    m_problem->hide();
}
