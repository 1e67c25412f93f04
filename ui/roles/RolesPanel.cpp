#include "RolesPanel.h"

#include "ConsolePalette.h"

#include "AssignRoleDialog.h"
#include "ModelRoles.h"
#include "RoleAssignmentModel.h"
#include "RoleHistoryModel.h"
#include "RosterDialog.h"
#include "Workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QTabWidget>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

RolesPanel::RolesPanel(Workspace *workspace, RoleAssignmentModel *model, RoleHistoryModel *history, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *tabs = new QTabWidget(this);
    tabs->setDocumentMode(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rolesView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnRole, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnHolder, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::ColumnSince, QHeaderView::ResizeToContents);
    // The playbook's four roles fit where there is room; on a short screen the list scrolls rather than pushing the
    // buttons off it.
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 2 + m_view->horizontalHeader()->sizeHint().height() + 4);
    tabs->addTab(m_view, tr("Now"));
    m_history = new QTableView(this);
    m_history->setObjectName(QStringLiteral("roleHistoryView"));
    m_history->setModel(history);
    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    tabs->addTab(m_history, tr("Hand-offs"));
    layout->addWidget(tabs, 1);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("rolesWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm(), true));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    auto *buttons = new QHBoxLayout;
    m_roster = new QPushButton(tr("Roster…"), this);
    m_roster->setObjectName(QStringLiteral("rosterButton"));
    m_addRole = new QPushButton(tr("Add role…"), this);
    m_addRole->setObjectName(QStringLiteral("addRoleButton"));
    m_assign = new QPushButton(tr("Assign or hand off…"), this);
    m_assign->setObjectName(QStringLiteral("assignRoleButton"));
    buttons->addWidget(m_roster);
    buttons->addWidget(m_addRole);
    buttons->addStretch();
    buttons->addWidget(m_assign);
    layout->addLayout(buttons);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    connect(m_assign, &QPushButton::clicked, this, [this] { assign(); });
    connect(m_addRole, &QPushButton::clicked, this, &RolesPanel::addRole);
    connect(m_workspace->store(), &IncidentStore::storeReset, this, [this] { setIncident(m_model->incidentId()); });
    connect(m_roster, &QPushButton::clicked, this, &RolesPanel::editRoster);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { assign(index.data(ModelRoles::IdRole).toLongLong()); });
    setIncident(0);
}

void RolesPanel::setIncident(qint64 incidentId)
{
    if (incidentId != m_model->incidentId() || incidentId == 0) {
        m_model->setIncident(incidentId);
        static_cast<RoleHistoryModel *>(m_history->model())->setIncident(incidentId);
    }
    const bool writable = m_workspace->store()->isOpen() && !m_workspace->store()->isReadOnly();
    m_assign->setEnabled(incidentId > 0 && writable);
    m_addRole->setEnabled(writable);
    m_roster->setEnabled(m_workspace->store()->isOpen());
    m_problem->hide();
}

void RolesPanel::setWarnings(const QStringList &warnings)
{
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setText(QStringLiteral("⚠ ") + warnings.join(QStringLiteral("\n⚠ ")));
}

void RolesPanel::addRole()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addRoleDialog"));
    dialog.setWindowTitle(tr("Add a role"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("roleNameEdit"));
    name->setPlaceholderText(tr("e.g. Scribe, Customer Liaison"));
    auto *responsibility = new QLineEdit(&dialog);
    responsibility->setObjectName(QStringLiteral("roleResponsibilityEdit"));
    responsibility->setPlaceholderText(tr("One line: what this role does during an incident"));
    responsibility->setMinimumWidth(380);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Responsibility:"), responsibility);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (const auto id = m_workspace->addRole(name->text(), responsibility->text()); !id) {
        m_problem->setText(tr("Role not added: %1").arg(id.error()));
        m_problem->show();
        return;
    }
    m_problem->hide();
}

void RolesPanel::editRoster()
{
    RosterDialog dialog(m_workspace, this);
    dialog.exec();
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
