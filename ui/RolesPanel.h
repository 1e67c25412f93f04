#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class RoleAssignmentModel;
class Workspace;

// Who holds which role on the chosen incident, and the way to hand a role over.
class RolesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolesPanel)

public:
    RolesPanel(Workspace *workspace, RoleAssignmentModel *model, QWidget *parent);
    void setIncident(qint64 incidentId);

    // Opens the assignment dialog, with the given role preselected (0: the selected row's).
    void assign(qint64 roleId = 0);

private:
    Workspace *m_workspace;
    RoleAssignmentModel *m_model;
    QTableView *m_view;
    QPushButton *m_assign;
    QLabel *m_problem;
};
