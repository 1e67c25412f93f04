#pragma once

#include "AlertSource.h"
#include "Incident.h"
#include "MetricExpression.h"
#include "MetricWindow.h"

#include <QList>
#include <QWidget>

#include <optional>

class MetricChartView;
class QLabel;
class QVBoxLayout;

// Live metrics for the current incident: one small chart per configured expression, over the incident's window
// (MetricWindow), from the first Prometheus source. refresh() re-queries; the lead calls it after each alert poll.
class LiveMetricsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveMetricsPanel)

public:
    explicit LiveMetricsPanel(QWidget *parent); // starts with the expressions kept in AppSettings

    void setSources(const QList<AlertSource> &sources); // only Prometheus sources are used; the first of them
    void setExpressions(const QList<MetricExpression> &expressions);
    void setIncident(const Incident &incident);
    // The incident's moments, marked on every chart's time axis.
    void setMarks(const QList<MetricMark> &marks);
    void clearIncident();

public slots:
    void refresh();

private:
    void rebuildCharts();
    void updateMessage();

    std::optional<AlertSource> m_source;
    std::optional<Incident> m_incident;
    QList<MetricExpression> m_expressions;
    QList<MetricMark> m_marks;
    QList<MetricChartView *> m_charts;
    QLabel *m_message;
    QVBoxLayout *m_chartsLayout;
};
