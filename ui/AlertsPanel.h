#pragma once

#include <QWidget>

class AlertArchiveModel;
class QLabel;
class QTableView;

// What the console knows of alerts: the configured sources and every alert it has archived.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)

public:
    AlertsPanel(AlertArchiveModel *model, QWidget *parent);
    void refreshSources(); // after Settings changed

private:
    AlertArchiveModel *m_model;
    QLabel *m_sources;
    QTableView *m_view;
};
