#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class TimelineModel;
class Workspace;

// The chosen incident's timeline, with the one-line entry box the IC types into while on a call.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    TimelinePanel(Workspace *workspace, TimelineModel *model, QWidget *parent);

    void setIncident(qint64 incidentId, const QString &heading);
    void focusEntryBox();

private:
    void submit();

    Workspace *m_workspace;
    TimelineModel *m_model;
    QLabel *m_heading;
    QTableView *m_view;
    QComboBox *m_kind;
    QLineEdit *m_entry;
    QLabel *m_problem;
};
