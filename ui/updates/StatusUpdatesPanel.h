#pragma once

#include "StatusUpdate.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class StatusUpdateListModel;
class UpdateComposer;
class Workspace;

// The updates published for the chosen incident, oldest first, and the way to write the next ones.
class StatusUpdatesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusUpdatesPanel)

public:
    StatusUpdatesPanel(Workspace *workspace, StatusUpdateListModel *model, QWidget *parent);
    void setIncident(qint64 incidentId);
    // Opens (or brings forward) the composer for this audience of the chosen incident.
    UpdateComposer *compose(StatusUpdate::Audience audience);
    void editTemplates();

private:
    void updateEmptyState();

    Workspace *m_workspace;
    StatusUpdateListModel *m_model;
    QPushButton *m_internal;
    QPushButton *m_customer;
    QList<QPointer<UpdateComposer>> m_composers;
    QTableView *m_view;
    QLabel *m_empty;
    qint64 m_incidentId = 0;
};
