#include "LiveMetricsPanel.h"

#include "AppSettings.h"
#include "Clock.h"
#include "MetricChartView.h"
#include "MetricWindow.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

LiveMetricsPanel::LiveMetricsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("liveMetricsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *charts = new QWidget(scroll);
    m_chartsLayout = new QVBoxLayout(charts);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->addStretch();
    scroll->setWidget(charts);
    layout->addWidget(scroll, 1);

    m_expressions = AppSettings().liveMetricExpressions();
    rebuildCharts();
    updateMessage();
}

void LiveMetricsPanel::setSources(const QList<AlertSource> &sources)
{
    const auto prometheus = std::find_if(sources.begin(), sources.end(),
                                         [](const AlertSource &s) { return s.kind == AlertSource::Kind::Prometheus; });
    std::optional<AlertSource> source;
    if (prometheus != sources.end()) {
        source = *prometheus;
    }
    if (source == m_source) {
        return;
    }
    m_source = source;
    for (MetricChartView *chart : std::as_const(m_charts)) {
        chart->setSource(m_source.value_or(AlertSource{}));
    }
    updateMessage();
    refresh();
}

void LiveMetricsPanel::setExpressions(const QList<MetricExpression> &expressions)
{
    if (expressions == m_expressions) {
        return;
    }
    m_expressions = expressions;
    rebuildCharts();
    updateMessage();
    refresh();
}

void LiveMetricsPanel::setIncident(const Incident &incident)
{
    const bool other = !m_incident || m_incident->id != incident.id;
    m_incident = incident;
    if (other) {
        // Another incident's lines must not linger under this one's title.
        for (MetricChartView *chart : std::as_const(m_charts)) {
            chart->clear();
        }
        m_marks.clear(); // the caller gives the new incident's
    }
    updateMessage();
    refresh();
}

void LiveMetricsPanel::setMarks(const QList<MetricMark> &marks)
{
    m_marks = marks;
    for (MetricChartView *chart : std::as_const(m_charts)) {
        chart->setMarks(m_marks);
    }
}

void LiveMetricsPanel::clearIncident()
{
    m_incident.reset();
    m_marks.clear();
    for (MetricChartView *chart : std::as_const(m_charts)) {
        chart->clear();
    }
    updateMessage();
}

void LiveMetricsPanel::refresh()
{
    if (!m_incident || !m_source) {
        return;
    }
    // An open incident's window ends now, so it moves with every refresh.
    const MetricWindow window = MetricWindow::forIncident(*m_incident, Clock::nowUtc());
    if (!window.isValid()) {
        return;
    }
    for (MetricChartView *chart : std::as_const(m_charts)) {
        chart->setWindow(window);
        chart->refresh();
    }
}

void LiveMetricsPanel::rebuildCharts()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    for (qsizetype i = 0; i < m_expressions.size(); ++i) {
        auto *chart = new MetricChartView(m_expressions[i], m_chartsLayout->parentWidget());
        chart->setObjectName(QStringLiteral("metricChart_%1").arg(i));
        chart->setSource(m_source.value_or(AlertSource{}));
        chart->setMarks(m_marks);
        m_chartsLayout->insertWidget(int(i), chart);
        m_charts.append(chart);
    }
}

void LiveMetricsPanel::updateMessage()
{
    QString text;
    if (!m_source) {
        text = tr("No Prometheus source configured: add one under Settings > Alert sources to see live metrics.");
    } else if (!m_incident) {
        text = tr("Select an incident to see its metrics.");
    } else if (m_expressions.isEmpty()) {
        text = tr("No metrics to chart: add PromQL expressions under Settings > Live metrics charts.");
    } else if (!MetricWindow::forIncident(*m_incident, Clock::nowUtc()).isValid()) {
        text = tr("%1 has no declared or detected time to chart from.").arg(m_incident->reference());
    } else {
        text = tr("%1 from %2, %3 minutes either side of the incident.")
                   .arg(m_incident->reference(), m_source->name())
                   .arg(MetricWindow::kMarginMinutes);
    }
    m_message->setText(text);
    for (MetricChartView *chart : std::as_const(m_charts)) {
        chart->setVisible(m_source && m_incident);
    }
}
