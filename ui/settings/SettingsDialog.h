#pragma once

#include "AlertSource.h"
#include "MetricExpression.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Preferences kept with QSettings: alert sources, poll interval, display time zone, the user's name and the live
// metrics charts.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // commandLineSources: the sources this run polls because they were given on the command line (or by the demo
    // stack); shown read-only, never saved.
    SettingsDialog(const QList<AlertSource> &commandLineSources, QWidget *parent);

    void accept() override; // validates, then saves

private:
    void addSourceRow(const AlertSource &source);
    void addMetricRow(const MetricExpression &metric);
    void showMetrics(const QList<MetricExpression> &metrics);
    // The table's charts, or the row and words of the first one that cannot be kept.
    QList<MetricExpression> readMetrics(int *badRow, QString *problem) const;

    QTableWidget *m_sources;
    QTableWidget *m_metrics;
    QSpinBox *m_pollInterval;
    QComboBox *m_timeZone;
    QComboBox *m_thirdZone;
    QLineEdit *m_author;
    QLineEdit *m_notify;
    QList<QSpinBox *> m_cadence; // internal SEV-1..3, then customer SEV-1..3
    QLabel *m_problem;
    QLineEdit *m_publicDomains = nullptr;
};
