#pragma once

#include "IncidentMetrics.h"
#include "Result.h"

#include <QHash>
#include <QWidget>

class IncidentStore;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QPieSeries;
class QTimer;
class QValueAxis;

// The review trends of issue #7 as charts: incidents per week by severity, mean time to resolve and to mitigate,
// time spent at SEV-1/SEV-2, where postmortems stand and the open action items. It only draws what
// IncidentMetrics computes; the range and the drills switch choose what that computes.
class MetricsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsView)

public:
    explicit MetricsView(IncidentStore &store, QWidget *parent = nullptr);

    // Recomputes from the file and redraws every chart.
    void refresh();
    void setRangeWeeks(int weeks); // 12, 26, 52 or 0 for every week
    void setIncludeDrills(bool include);

    // The charts by object name, in the order shown; each can be saved as a PNG.
    QStringList chartNames() const;
    Status exportChart(const QString &chartName, const QString &path) const;

    const IncidentMetrics::Report &report() const { return m_report; }
    QString hoverText() const; // what the pointer is over, as the label under the controls shows it

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct WeekAxes
    {
        QCategoryAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };

    QChartView *addChart(const QString &name, const QString &title);
    WeekAxes addWeekAxes(QChart *chart, const QString &yTitle);
    void buildIncidentsChart();
    void buildDurationChart(const QString &name, const QString &title, bool resolve);
    void buildTimeInSeverityChart();
    void buildPostmortemChart();
    void buildActionItemChart();
    void fillWeekAxis(QCategoryAxis *axis) const;
    void showHover(const QString &text);
    void clearHover();
    void saveChartAs(const QString &chartName);
    void changedInFile();
    QString weekLabel(int index) const;

    IncidentStore &m_store;
    IncidentMetrics::Report m_report;
    QComboBox *m_range;
    QCheckBox *m_includeDrills;
    QLabel *m_hover;
    QLabel *m_problem;
    QTimer *m_refreshSoon;
    bool m_dirty = true;
    QList<QChartView *> m_views;

    // Filled in place on every refresh, so hover connections and the layout survive.
    std::array<QBarSet *, 3> m_incidentSets{};
    struct DurationChart
    {
        WeekAxes axes;
        std::array<QLineSeries *, 3> lines{};
        bool resolve = true;
        bool inMinutes = false;
    };
    QHash<QString, DurationChart> m_durations;
    WeekAxes m_incidentAxes;
    WeekAxes m_severityTimeAxes;
    QBarSet *m_sev1Time = nullptr;
    QBarSet *m_sev2Time = nullptr;
    QPieSeries *m_postmortems = nullptr;
    QValueAxis *m_actionAxis = nullptr;
    QBarSet *m_actionsOnSchedule = nullptr;
    QBarSet *m_actionsOverdue = nullptr;
};
