#pragma once

#include <QWidget>

class IncidentListModel;
class QListView;

// The board: one column per severity, each open incident a card. Selecting a card makes it the current incident.
class SeverityBoardWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityBoardWidget)

public:
    SeverityBoardWidget(IncidentListModel *incidents, QWidget *parent);

    void selectIncident(qint64 incidentId);

signals:
    void incidentSelected(qint64 incidentId); // 0 when nothing is selected

private:
    QList<QListView *> m_columns;
    IncidentListModel *m_incidents;
};
