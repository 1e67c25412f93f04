#pragma once

#include <QTimeZone>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class TimelineFilterModel;
class TimelineModel;
class Workspace;

// The chosen incident's timeline: the one-line entry box the IC types into while on a call (with back-dating,
// kinds and TODOs), in-place corrections that keep their history, filters and full-text search.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    TimelinePanel(Workspace *workspace, TimelineModel *model, QWidget *parent);

    void setIncident(qint64 incidentId, const QString &heading);
    void focusEntryBox();
    void jumpToKeyMoment(int direction); // +1 next, -1 previous, from the selected entry
    void togglePin();
    void deleteSelected();
    void changeTimeOfSelected();
    void showHistoryOfSelected();
    void pasteLog(const QString &text = {});
    // The zones times are shown in: UTC is hidden when local time already is UTC; the third only when chosen.
    void setTimeZones(const QTimeZone &display, const std::optional<QTimeZone> &third);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();
    void applySearch();
    qint64 selectedEntryId() const;
    int selectedSourceRow() const;
    static QString keptText(); // an entry typed while the team database is away
    void showProblem(const QString &text);

    Workspace *m_workspace;
    TimelineModel *m_model;
    TimelineFilterModel *m_filter;
    QLabel *m_heading;
    QLineEdit *m_search;
    QComboBox *m_kindFilter;
    QComboBox *m_sourceFilter;
    QCheckBox *m_keyOnly;
    QCheckBox *m_customerOnly;
    QCheckBox *m_showDeleted;
    QLabel *m_matches;
    QTableView *m_view;
    QComboBox *m_kind;
    QLineEdit *m_entry;
    QPushButton *m_paste;
    QLabel *m_problem;
};
