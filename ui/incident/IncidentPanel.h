#pragma once

#include <QTimeZone>
#include <QWidget>

class ChecklistModel;
class IncidentListModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;
class Workspace;

// The chosen incident at a glance: level and stage, time in each severity, the suggestion to accept or override,
// warnings with the "page required roles" message, and the stage checklists.
class IncidentPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentPanel)

public:
    IncidentPanel(Workspace *workspace, IncidentListModel *incidents, ChecklistModel *checklist, QWidget *parent);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setDisplayTimeZone(const QTimeZone &zone); // Settings ▸ display zone, as the board and timeline use
    void acceptSuggestion();
    void overrideSuggestion();
    void pageRequiredRoles();
    void editTitleAndSummary();

private:
    void refresh();
    void addChecklistItem();
    void showProblem(const QString &text);

    Workspace *m_workspace;
    IncidentListModel *m_incidents;
    ChecklistModel *m_checklist;
    qint64 m_incidentId = 0;
    QTimeZone m_zone = QTimeZone::systemTimeZone();

    QLabel *m_heading;
    QLabel *m_facts;
    QLabel *m_severityTime;
    QWidget *m_suggestionBox;
    QLabel *m_suggestion;
    QPushButton *m_accept;
    QPushButton *m_override;
    QLabel *m_warnings;
    QPushButton *m_page;
    QCheckBox *m_security;
    QTreeView *m_checklistView;
    QComboBox *m_itemStage;
    QLineEdit *m_itemText;
    QLabel *m_problem;
    QPushButton *m_edit = nullptr;
};
