#pragma once

#include "AlertSource.h"
#include "MetricExpression.h"
#include "MetricWindow.h"
#include "PrometheusRangeQuery.h"

#include <QDateTime>
#include <QWidget>

class QChartView;
class QGraphicsSimpleTextItem;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

// One expression of the live metrics panel: a small line chart over the incident's window with its threshold as a
// dashed line, and a status line below. A failed query leaves the last good lines in place and says why.
class MetricChartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartView)

public:
    MetricChartView(const MetricExpression &metric, QWidget *parent);

    void setSource(const AlertSource &source);
    void setWindow(const MetricWindow &window);
    // The incident's moments, drawn as numbered dotted lines across the chart and named under it.
    void setMarks(const QList<MetricMark> &marks);
    void clear();   // no incident: no lines, no status
    void refresh(); // skipped while the previous query is still out
    const MetricExpression &metric() const { return m_metric; }

private:
    int wantedPoints() const; // the plot area's width in pixels: one point per pixel is all a line can show
    void show(const RangeAnswer &answer);
    void showFailure(const QString &message);
    void fitValueAxis();
    void placeMarks(); // the mark lines span the value axis; their numbers sit at the plot's top
    QString seriesName(const RangeSeries &series, const QList<RangeSeries> &all) const;

    MetricExpression m_metric;
    MetricWindow m_window;
    PrometheusRangeQuery *m_query;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_threshold = nullptr;
    QList<QLineSeries *> m_lines;
    QLabel *m_status;
    QList<MetricMark> m_marks;
    QList<MetricMark> m_shownMarks;                  // those inside the window, near ones merged
    QList<QLineSeries *> m_markLines;                // one per mark inside the window
    QList<QGraphicsSimpleTextItem *> m_markNumbers;  // the same, numbered at the top
    QLabel *m_marksCaption;
    QDateTime m_lastGood; // when the lines shown were fetched
};
