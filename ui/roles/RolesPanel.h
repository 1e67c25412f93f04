#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class RoleAssignmentModel;
class RoleHistoryModel;
class Workspace;

// Who holds which role on the chosen incident and who held it before, the way to hand a role over, custom roles
// and the roster.
class RolesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolesPanel)

public:
    RolesPanel(Workspace *workspace, RoleAssignmentModel *model, RoleHistoryModel *history, QWidget *parent);
    void setIncident(qint64 incidentId);

    // Opens the assignment dialog, with the given role preselected (0: the selected row's).
    void assign(qint64 roleId = 0);
    void addRole();
    void editRoster();
    // What is missing on the incident ("SEV-1 without an Incident Commander"), shown under the roles.
    void setWarnings(const QStringList &warnings);

private:
    Workspace *m_workspace;
    RoleAssignmentModel *m_model;
    QTableView *m_view;
    QTableView *m_history;
    QPushButton *m_assign;
    QPushButton *m_addRole;
    QPushButton *m_roster;
    QLabel *m_warnings;
    QLabel *m_problem;
};
