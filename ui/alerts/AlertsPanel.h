#pragma once

#include "Alert.h"
#include "AlertSource.h"
#include "SourceStatus.h"

#include <QHash>
#include <QWidget>

class AlertArchiveModel;
class AlertFilterModel;
class AlertMonitor;
class LiveAlertModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class FittingColumns;
class QTableView;
class QTextBrowser;
class SilenceListModel;
class SilenceRequest;
class Workspace;

// The IC's live view of what is firing: per-source status, a filterable table, details, and the actions
// taken on alerts (acknowledge, silence, declare or link to an incident). A second tab browses the archive, a third
// lists the Alertmanagers' silences and expires them.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)

public:
    AlertsPanel(Workspace *workspace, AlertMonitor *monitor, LiveAlertModel *live, AlertArchiveModel *archive,
                QWidget *parent);

    void setCurrentIncident(qint64 incidentId, const QString &reference);
    QList<Alert> selectedAlerts() const;
    void sourcesReset(const QStringList &names);
    void sourceStatusChanged(const SourceStatus &status);

signals:
    void declareRequested(const QList<Alert> &alerts);

private:
    void refreshStatusText();
    void showDetails();
    void updateActions();
    void acknowledge();
    void silence();
    void createSilence(const AlertSource &target, const Alert &alert, int minutes, const QString &author,
                       const QString &comment);
    QWidget *buildSilencesPage(QWidget *parent);
    QList<AlertSource> alertmanagers() const;
    void refreshSilences();
    void showSilencesStatus();
    void expireSelectedSilence();
    void linkToCurrent();
    void showProblem(const QString &text);

    Workspace *m_workspace;
    AlertMonitor *m_monitor;
    LiveAlertModel *m_live;
    AlertFilterModel *m_filter;
    QLabel *m_status;
    QLineEdit *m_text;
    QLineEdit *m_matchers;
    QLabel *m_matcherProblem;
    QComboBox *m_groupBy;
    QTableView *m_view;
    QTextBrowser *m_details;
    QPushButton *m_ack;
    QPushButton *m_silence;
    QPushButton *m_declare;
    QPushButton *m_link;
    QLabel *m_problem;
    SilenceListModel *m_silences = nullptr;
    QTableView *m_silenceView = nullptr;
    QLabel *m_silencesStatus = nullptr;
    QPushButton *m_expire = nullptr;
    SilenceRequest *m_silenceLister = nullptr;
    QHash<QString, QString> m_silenceErrors; // source -> why its silences could not be listed
    QStringList m_sourceOrder;
    QHash<QString, SourceStatus> m_statuses;
    qint64 m_currentIncident = 0;
    QString m_currentReference;
    FittingColumns *m_liveColumns = nullptr;
};
