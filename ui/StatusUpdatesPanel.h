#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class StatusUpdateListModel;

// The updates published for the chosen incident, oldest first.
class StatusUpdatesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusUpdatesPanel)

public:
    StatusUpdatesPanel(StatusUpdateListModel *model, QWidget *parent);
    void setIncident(qint64 incidentId);

private:
    void updateEmptyState();

    StatusUpdateListModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    qint64 m_incidentId = 0;
};
