#pragma once

#include <QTimeZone>
#include <QWidget>

class ActionItemListModel;
class QLabel;
class QTableView;
class Workspace;

// The follow-up list across all incidents, overdue first: add one for the current incident, edit owner, due time
// and state. Every change is an undoable edit.
class ActionItemsPanel final : public QWidget
{
    Q_OBJECT

public:
    ActionItemsPanel(Workspace *workspace, ActionItemListModel *model, QWidget *parent = nullptr);
    void setIncident(qint64 incidentId);
    void setDisplayTimeZone(const QTimeZone &zone);
    QTableView *view() const { return m_view; }

public slots:
    void addItem();
    void editItem(int row);

signals:
    void incidentActivated(qint64 incidentId);

private:
    void updateSummary();

    Workspace *m_workspace;
    ActionItemListModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    qint64 m_incidentId = 0;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
