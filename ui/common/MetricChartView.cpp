#include "MetricChartView.h"

#include "ConsolePalette.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace {
QString timeOfDay(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}
} // namespace

MetricChartView::MetricChartView(const MetricExpression &metric, QWidget *parent)
    : QWidget(parent), m_metric(metric), m_query(new PrometheusRangeQuery(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *chart = new QChart;
    chart->setTitle(m_metric.title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->hide();
    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(5);
    m_valueAxis = new QValueAxis(chart);
    // Units with the values: "100 ms", "0.25 /s". The axis takes a printf format, so a '%' unit is doubled.
    const QString unit = QString(m_metric.unit).replace(u'%', QStringLiteral("%%"));
    m_valueAxis->setLabelFormat(unit.isEmpty() ? QStringLiteral("%.3g") : QStringLiteral("%.3g ") + unit);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    if (m_metric.threshold) {
        m_threshold = new QLineSeries(chart);
        m_threshold->setName(tr("threshold"));
        QPen pen(ConsolePalette::alarm());
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        m_threshold->setPen(pen);
        chart->addSeries(m_threshold);
        m_threshold->attachAxis(m_timeAxis);
        m_threshold->attachAxis(m_valueAxis);
    }
    m_view = new QChartView(chart, this);
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    m_view->setToolTip(m_metric.expression);
    layout->addWidget(m_view);

    m_marksCaption = new QLabel(this);
    m_marksCaption->setObjectName(QStringLiteral("marksLabel"));
    m_marksCaption->setWordWrap(true);
    m_marksCaption->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::quiet()));
    m_marksCaption->hide();
    layout->addWidget(m_marksCaption);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(chart, &QChart::plotAreaChanged, this, &MetricChartView::placeMarks);
    connect(m_query, &PrometheusRangeQuery::answered, this, &MetricChartView::show);
    connect(m_query, &PrometheusRangeQuery::failed, this, &MetricChartView::showFailure);
}

void MetricChartView::setSource(const AlertSource &source)
{
    if (source == m_query->source()) {
        return;
    }
    const MetricWindow window = m_window;
    const QList<MetricMark> marks = m_marks; // the incident's, whichever server draws its lines
    clear(); // another server's lines must not stay under this title
    setWindow(window);
    setMarks(marks);
    m_query->setSource(source);
}

void MetricChartView::setWindow(const MetricWindow &window)
{
    m_window = window;
    if (!window.isValid()) {
        return;
    }
    m_timeAxis->setRange(window.start.toLocalTime(), window.end.toLocalTime());
    if (m_threshold) {
        const double y = *m_metric.threshold;
        m_threshold->replace(
            QList<QPointF>{{double(window.start.toMSecsSinceEpoch()), y}, {double(window.end.toMSecsSinceEpoch()), y}});
    }
    fitValueAxis();
    setMarks(m_marks); // an open incident's window moves: marks enter it
}

void MetricChartView::setMarks(const QList<MetricMark> &marks)
{
    m_marks = marks;
    QChart *chart = m_view->chart();
    // Marks closer than a sixtieth of the window would print their numbers on each other: they share one.
    QList<MetricMark> inside;
    const qint64 near = m_window.isValid() ? m_window.start.msecsTo(m_window.end) / 60 : 0;
    for (const MetricMark &m : marks) {
        if (!m_window.isValid() || m.at < m_window.start || m.at > m_window.end) {
            continue;
        }
        if (!inside.isEmpty() && inside.last().at.msecsTo(m.at) <= near) {
            inside.last().label += QStringLiteral("; ") + m.label;
        } else {
            inside.append(m);
        }
    }
    m_shownMarks = inside;
    while (m_markLines.size() > inside.size()) {
        QLineSeries *line = m_markLines.takeLast();
        chart->removeSeries(line);
        delete line;
        delete m_markNumbers.takeLast();
    }
    QPen pen(ConsolePalette::quiet());
    pen.setStyle(Qt::DotLine);
    pen.setWidthF(1.2);
    while (m_markLines.size() < inside.size()) {
        auto *line = new QLineSeries(chart);
        line->setObjectName(QStringLiteral("keyMomentMark"));
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        for (QLegendMarker *marker : chart->legend()->markers(line)) {
            marker->setVisible(false); // named under the chart, by number
        }
        m_markLines.append(line);
        auto *number = new QGraphicsSimpleTextItem(chart);
        number->setBrush(ConsolePalette::quiet());
        m_markNumbers.append(number);
    }
    QStringList caption;
    for (qsizetype i = 0; i < inside.size(); ++i) {
        m_markLines[i]->setName(inside[i].label);
        m_markNumbers[i]->setText(QString::number(i + 1));
        m_markNumbers[i]->setToolTip(inside[i].label);
        caption.append(QStringLiteral("%1 %2 %3").arg(i + 1).arg(timeOfDay(inside[i].at).left(5), inside[i].label));
    }
    m_marksCaption->setText(caption.join(QStringLiteral("  ·  ")));
    m_marksCaption->setVisible(!caption.isEmpty());
    placeMarks();
}

void MetricChartView::placeMarks()
{
    QChart *chart = m_view->chart();
    const QRectF plot = chart->plotArea();
    for (qsizetype n = 0; n < m_shownMarks.size() && n < m_markLines.size(); ++n) {
        const MetricMark &m = m_shownMarks[n];
        const double x = double(m.at.toMSecsSinceEpoch());
        m_markLines[n]->replace(QList<QPointF>{{x, m_valueAxis->min()}, {x, m_valueAxis->max()}});
        const QPointF top = chart->mapToPosition(QPointF(x, m_valueAxis->max()), m_markLines[n]);
        const QRectF box = m_markNumbers[n]->boundingRect();
        m_markNumbers[n]->setPos(top.x() + 2, plot.top() + 1);
        m_markNumbers[n]->setVisible(plot.contains(QPointF(top.x(), plot.top() + box.height() / 2)));
    }
}

void MetricChartView::clear()
{
    m_query->abort();
    m_window = {};
    for (QLineSeries *line : std::as_const(m_lines)) {
        m_view->chart()->removeSeries(line);
        delete line;
    }
    m_lines.clear();
    if (m_threshold) {
        m_threshold->clear();
    }
    m_lastGood = {};
    m_status->clear();
    setMarks({});
}

int MetricChartView::wantedPoints() const
{
    const int plot = int(m_view->chart()->plotArea().width());
    // Before the first layout the plot area is empty: take the view's width less room for the value labels.
    return std::max(50, plot > 0 ? plot : m_view->width() - 80);
}

void MetricChartView::refresh()
{
    if (!m_window.isValid() || m_query->isRunning()) {
        return;
    }
    m_query->run(m_metric.expression, m_window.start, m_window.end, wantedPoints());
}

QString MetricChartView::seriesName(const RangeSeries &series, const QList<RangeSeries> &all) const
{
    // Only the labels that tell this series from the others: "component=plugin", not the whole label set.
    QStringList parts;
    for (auto it = series.labels.begin(); it != series.labels.end(); ++it) {
        const bool differs = std::any_of(all.begin(), all.end(), [&](const RangeSeries &other) {
            return other.labels.value(it.key()) != it.value();
        });
        if (differs) {
            parts.append(it.key() + u'=' + it.value());
        }
    }
    return parts.isEmpty() ? m_metric.title : parts.join(QStringLiteral(", "));
}

void MetricChartView::show(const RangeAnswer &answer)
{
    QChart *chart = m_view->chart();
    // Reuse the lines while the number of series holds: replace() keeps the chart from rebuilding on every refresh.
    while (m_lines.size() > answer.series.size()) {
        QLineSeries *line = m_lines.takeLast();
        chart->removeSeries(line);
        delete line;
    }
    while (m_lines.size() < answer.series.size()) {
        auto *line = new QLineSeries(chart);
        chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        m_lines.append(line);
    }
    for (qsizetype i = 0; i < answer.series.size(); ++i) {
        m_lines[i]->setName(seriesName(answer.series[i], answer.series));
        m_lines[i]->replace(answer.series[i].points);
    }
    chart->legend()->setVisible(answer.series.size() > 1);
    for (QLegendMarker *marker : chart->legend()->markers(m_threshold)) {
        marker->setVisible(false); // the dashed line explains itself
    }
    fitValueAxis();
    m_lastGood = QDateTime::currentDateTimeUtc();

    QString text = answer.series.isEmpty() ? tr("Updated %1: no series in this window").arg(timeOfDay(m_lastGood))
                                           : tr("Updated %1: %n series, step %2 s", nullptr, int(answer.series.size()))
                                                 .arg(timeOfDay(m_lastGood))
                                                 .arg(answer.stepSeconds);
    if (answer.skippedValues > 0) {
        text += tr("; %n NaN/Inf values not drawn", nullptr, answer.skippedValues);
    }
    if (answer.decimated) {
        text += tr("; thinned from %1 points").arg(answer.mostPointsReturned);
    }
    m_status->setStyleSheet(QString());
    m_status->setText(text);
}

void MetricChartView::showFailure(const QString &message)
{
    const QString when = timeOfDay(QDateTime::currentDateTimeUtc());
    const QString kept =
        m_lastGood.isValid() ? tr("showing data from %1").arg(timeOfDay(m_lastGood)) : tr("no data yet");
    m_status->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_status->setText(tr("Query failed at %1 (%2): %3; %4").arg(when, m_query->source().name(), message, kept));
}

void MetricChartView::fitValueAxis()
{
    double low = 0; // rates and latencies start at zero; a negative value widens the axis
    double high = m_metric.threshold ? *m_metric.threshold : 0;
    for (const QLineSeries *line : std::as_const(m_lines)) {
        for (const QPointF &p : line->points()) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    }
    if (high <= low) {
        high = low + 1;
    }
    m_valueAxis->setRange(low, high + (high - low) * 0.1);
    m_valueAxis->applyNiceNumbers();
    // "%g" writes 1000 ms as "1e+03 ms": large values read better as whole numbers, small ones with decimals.
    const qreal largest = std::max(std::abs(m_valueAxis->min()), std::abs(m_valueAxis->max()));
    const QString unit = QString(m_metric.unit).replace(u'%', QStringLiteral("%%"));
    const QString number = largest >= 10 ? QStringLiteral("%.0f") : largest >= 0.1 ? QStringLiteral("%.2f") : QStringLiteral("%.3g");
    m_valueAxis->setLabelFormat(unit.isEmpty() ? number : number + u' ' + unit);
    placeMarks();
}
