#include "MetricsView.h"

#include "Clock.h"
#include "IncidentStore.h"
#include "PngFile.h"
#include "ConsolePalette.h"
#include "TimeDisplay.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QBarSeries>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

const auto kIncidentsChart = QStringLiteral("incidentsPerWeekChart");
const auto kResolveChart = QStringLiteral("timeToResolveChart");
const auto kMitigateChart = QStringLiteral("timeToMitigateChart");
const auto kSeverityTimeChart = QStringLiteral("timeInSeverityChart");
const auto kPostmortemChart = QStringLiteral("postmortemsChart");
const auto kActionItemChart = QStringLiteral("actionItemsChart");

// Calm, distinct colours for the states that are not severities.
const QColor kOnTime(0x2e, 0x7d, 0x32);
const QColor kLate(0xe6, 0x5c, 0x00);
const QColor kPending(0x78, 0x90, 0x9c);
const QColor kOverdue(0xc6, 0x28, 0x28);

QString hoursText(qint64 ms) { return TimeDisplay::duration(ms / 1000); }

QString incidentCount(qint64 n)
{
    return n == 1 ? MetricsView::tr("1 incident") : MetricsView::tr("%1 incidents").arg(n);
}

// Integer counts read best on integer ticks: a small maximum gets one tick per unit.
void setCountRange(QValueAxis *axis, qreal max)
{
    const int top = std::max(1, int(std::ceil(max)));
    if (top <= 8) {
        axis->setRange(0, top);
        axis->setTickCount(top + 1);
    } else {
        axis->setRange(0, top);
        axis->applyNiceNumbers();
    }
}

void setAmountRange(QValueAxis *axis, qreal max)
{
    axis->setRange(0, max > 0 ? max * 1.05 : 1);
    axis->applyNiceNumbers();
    axis->setMin(0);
    // Whole numbers on a short axis repeat ("0 0 1 1 1"); a decimal keeps every tick distinct.
    axis->setLabelFormat(axis->max() < 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
}

} // namespace

MetricsView::MetricsView(IncidentStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_range(new QComboBox(this))
    , m_includeDrills(new QCheckBox(tr("Include drills"), this))
    , m_hover(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_refreshSoon(new QTimer(this))
{
    setObjectName(QStringLiteral("metricsView"));
    m_range->setObjectName(QStringLiteral("metricsRange"));
    m_range->addItem(tr("Last 12 weeks"), 12);
    m_range->addItem(tr("Last 26 weeks"), 26);
    m_range->addItem(tr("Last 52 weeks"), 52);
    m_range->addItem(tr("All weeks"), 0);
    m_range->setCurrentIndex(1);
    m_includeDrills->setObjectName(QStringLiteral("metricsIncludeDrills"));
    m_includeDrills->setToolTip(tr("Drills are rehearsals; they are left out of the trends unless included here."));
    m_hover->setObjectName(QStringLiteral("metricsHover"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setObjectName(QStringLiteral("metricsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->hide();
    clearHover();

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Weeks:"), this));
    controls->addWidget(m_range);
    controls->addSpacing(12);
    controls->addWidget(m_includeDrills);
    controls->addSpacing(12);
    controls->addWidget(m_hover, 1);

    auto *grid = new QGridLayout;
    auto *charts = new QWidget;
    charts->setLayout(grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_problem);
    layout->addWidget(scroll, 1);

    buildIncidentsChart();
    buildDurationChart(kResolveChart, tr("Mean time to resolve (declared → resolved)"), true);
    buildDurationChart(kMitigateChart, tr("Mean time to mitigate (declared → mitigated)"), false);
    buildTimeInSeverityChart();
    buildPostmortemChart();
    buildActionItemChart();
    for (int i = 0; i < m_views.size(); ++i) {
        // Each chart sits in a card with its own save button, so the PNG is only the chart.
        auto *card = new QWidget(charts);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(0, 0, 0, 0);
        cardLayout->setSpacing(0);
        auto *save = new QToolButton(card);
        save->setObjectName(m_views.at(i)->objectName() + QStringLiteral("Save"));
        save->setText(tr("Save as PNG…"));
        save->setAutoRaise(true);
        connect(save, &QToolButton::clicked, this, [this, name = m_views.at(i)->objectName()] { saveChartAs(name); });
        auto *bar = new QHBoxLayout;
        bar->addStretch(1);
        bar->addWidget(save);
        cardLayout->addLayout(bar);
        m_views.at(i)->setParent(card);
        cardLayout->addWidget(m_views.at(i), 1);
        grid->addWidget(card, i / 2, i % 2);
    }

    // Edits arrive in bursts (a stage change writes several rows): one recomputation per burst.
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(250);
    connect(m_refreshSoon, &QTimer::timeout, this, &MetricsView::refresh);
    connect(m_range, &QComboBox::currentIndexChanged, this, &MetricsView::refresh);
    connect(m_includeDrills, &QCheckBox::toggled, this, &MetricsView::refresh);
    connect(&m_store, &IncidentStore::incidentInserted, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::incidentChanged, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::incidentRemoved, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::severityHistoryChanged, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::postmortemChanged, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::actionItemsChanged, this, &MetricsView::changedInFile);
    connect(&m_store, &IncidentStore::storeReset, this, &MetricsView::changedInFile);
}

QChartView *MetricsView::addChart(const QString &name, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation); // a refresh must paint at once, not over 1 s
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    auto *view = new QChartView(chart, this);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(440, 300);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, name](const QPoint &pos) {
        QMenu menu(view);
        menu.addAction(tr("Save as PNG…"), this, [this, name] { saveChartAs(name); });
        menu.exec(view->mapToGlobal(pos));
    });
    m_views.append(view);
    return view;
}

MetricsView::WeekAxes MetricsView::addWeekAxes(QChart *chart, const QString &yTitle)
{
    // A value axis with a label every few weeks: a bar category axis would print all 150 weeks of "All" on top
    // of each other. Week i of the report sits at x = i.
    WeekAxes axes{new QCategoryAxis, new QValueAxis};
    axes.x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axes.x->setGridLineVisible(false);
    axes.y->setTitleText(yTitle);
    axes.y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axes.x, Qt::AlignBottom);
    chart->addAxis(axes.y, Qt::AlignLeft);
    return axes;
}

void MetricsView::buildIncidentsChart()
{
    QChart *chart = addChart(kIncidentsChart, tr("Incidents per week by severity"))->chart();
    auto *series = new QStackedBarSeries;
    for (Severity s : Severities::all()) {
        auto *set = new QBarSet(Severities::label(s));
        set->setColor(ConsolePalette::severity(s));
        set->setBorderColor(ConsolePalette::severity(s));
        connect(set, &QBarSet::hovered, this, [this, s](bool status, int index) {
            if (!status || index >= m_report.weeks.size()) {
                return clearHover();
            }
            const IncidentMetrics::Week &w = m_report.weeks.at(index);
            showHover(tr("%1 · %2: %3 (all levels: %4)")
                          .arg(weekLabel(index), Severities::label(s))
                          .arg(w.incidents[int(s) - 1])
                          .arg(w.totalIncidents()));
        });
        m_incidentSets[int(s) - 1] = set;
        series->append(set);
    }
    series->setBarWidth(0.8);
    chart->addSeries(series);
    m_incidentAxes = addWeekAxes(chart, tr("Incidents"));
    series->attachAxis(m_incidentAxes.x);
    series->attachAxis(m_incidentAxes.y);
}

void MetricsView::buildDurationChart(const QString &name, const QString &title, bool resolve)
{
    QChart *chart = addChart(name, title)->chart();
    DurationChart d;
    d.resolve = resolve;
    d.axes = addWeekAxes(chart, tr("Hours"));
    for (Severity s : Severities::all()) {
        auto *line = new QLineSeries;
        line->setName(Severities::label(s));
        QPen pen(ConsolePalette::severity(s));
        pen.setWidthF(2);
        line->setPen(pen);
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(d.axes.x);
        line->attachAxis(d.axes.y);
        connect(line, &QLineSeries::hovered, this, [this, name, s](const QPointF &point, bool state) {
            const int index = qRound(point.x());
            if (!state || index < 0 || index >= m_report.weeks.size()) {
                return clearHover();
            }
            const IncidentMetrics::Week &w = m_report.weeks.at(index);
            const bool resolveChart = m_durations.value(name).resolve;
            const auto mean = resolveChart ? w.meanTimeToResolve(s) : w.meanTimeToMitigate(s);
            const qint64 count = resolveChart ? w.resolvedCount[int(s) - 1] : w.mitigatedCount[int(s) - 1];
            if (!mean) {
                return clearHover();
            }
            showHover(tr("%1 · %2 mean time to %3: %4 (over %5)")
                          .arg(weekLabel(index), Severities::label(s),
                               resolveChart ? tr("resolve") : tr("mitigate"), TimeDisplay::duration(qRound64(*mean)),
                               incidentCount(count)));
        });
        d.lines[int(s) - 1] = line;
    }
    m_durations.insert(name, d);
}

void MetricsView::buildTimeInSeverityChart()
{
    QChart *chart =
        addChart(kSeverityTimeChart, tr("Time spent at SEV-1 and SEV-2 (by week declared)"))->chart();
    auto *series = new QBarSeries;
    m_sev1Time = new QBarSet(Severities::label(Severity::Sev1));
    m_sev2Time = new QBarSet(Severities::label(Severity::Sev2));
    for (auto [set, s] : {std::pair{m_sev1Time, Severity::Sev1}, std::pair{m_sev2Time, Severity::Sev2}}) {
        set->setColor(ConsolePalette::severity(s));
        set->setBorderColor(ConsolePalette::severity(s));
        connect(set, &QBarSet::hovered, this, [this, s](bool status, int index) {
            if (!status || index >= m_report.weeks.size()) {
                return clearHover();
            }
            const IncidentMetrics::Week &w = m_report.weeks.at(index);
            showHover(tr("%1 · at %2: %3").arg(weekLabel(index), Severities::label(s),
                                               hoursText(s == Severity::Sev1 ? w.sev1Ms : w.sev2Ms)));
        });
        series->append(set);
    }
    series->setBarWidth(0.8);
    chart->addSeries(series);
    m_severityTimeAxes = addWeekAxes(chart, tr("Hours"));
    series->attachAxis(m_severityTimeAxes.x);
    series->attachAxis(m_severityTimeAxes.y);
}

void MetricsView::buildPostmortemChart()
{
    QChart *chart = addChart(kPostmortemChart, tr("Postmortems of resolved incidents (due 48 h after resolution)"))->chart();
    m_postmortems = new QPieSeries;
    m_postmortems->setPieSize(0.65);
    const QList<std::pair<QString, QColor>> slices{
        {tr("On time"), kOnTime}, {tr("Late"), kLate}, {tr("Pending"), kPending}, {tr("Overdue"), kOverdue}};
    for (const auto &[label, colour] : slices) {
        auto *slice = m_postmortems->append(label, 0);
        slice->setColor(colour);
        slice->setBorderColor(Qt::white);
        slice->setLabelColor(palette().color(QPalette::WindowText));
        connect(slice, &QPieSlice::hovered, this, [this, slice, label](bool state) {
            slice->setExploded(state);
            if (!state) {
                return clearHover();
            }
            showHover(tr("Postmortems %1: %2 of %3 (%4%)")
                          .arg(label.toLower())
                          .arg(qint64(slice->value()))
                          .arg(m_report.postmortems.total())
                          .arg(qRound(slice->percentage() * 100)));
        });
    }
    chart->addSeries(m_postmortems);
    chart->legend()->setAlignment(Qt::AlignRight);
}

void MetricsView::buildActionItemChart()
{
    QChart *chart = addChart(kActionItemChart, tr("Open action items (every incident, as of now)"))->chart();
    auto *series = new QHorizontalStackedBarSeries;
    m_actionsOnSchedule = new QBarSet(tr("Not overdue"));
    m_actionsOnSchedule->setColor(kPending);
    m_actionsOverdue = new QBarSet(tr("Overdue"));
    m_actionsOverdue->setColor(kOverdue);
    for (QBarSet *set : {m_actionsOnSchedule, m_actionsOverdue}) {
        set->setBorderColor(set->color());
        connect(set, &QBarSet::hovered, this, [this](bool status, int index) {
            if (!status) {
                return clearHover();
            }
            const IncidentMetrics::ActionItemCounts &a = m_report.actionItems;
            const bool open = index == 0;
            showHover(tr("%1: %2, of which overdue %3")
                          .arg(open ? tr("Open") : tr("In progress"))
                          .arg(open ? a.open : a.inProgress)
                          .arg(open ? a.openOverdue : a.inProgressOverdue));
        });
        series->append(set);
    }
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *states = new QBarCategoryAxis;
    states->append({tr("Open"), tr("In progress")});
    m_actionAxis = new QValueAxis;
    m_actionAxis->setTitleText(tr("Action items"));
    m_actionAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(states, Qt::AlignLeft);
    chart->addAxis(m_actionAxis, Qt::AlignBottom);
    series->attachAxis(states);
    series->attachAxis(m_actionAxis);
}

QStringList MetricsView::chartNames() const
{
    QStringList names;
    for (const QChartView *view : m_views) {
        names.append(view->objectName());
    }
    return names;
}

QString MetricsView::weekLabel(int index) const
{
    return tr("Week of %1").arg(QLocale().toString(m_report.weeks.at(index).monday, QStringLiteral("d MMM yyyy")));
}

void MetricsView::fillWeekAxis(QCategoryAxis *axis) const
{
    for (const QString &label : axis->categoriesLabels()) {
        axis->remove(label);
    }
    const auto &weeks = m_report.weeks;
    const int n = int(weeks.size());
    // At most about seven labels, short enough for a half-width chart: every 2nd or 4th Monday for a few months
    // (the years go in the title), else the week holding the 1st of every 2nd, 3rd or 6th month.
    if (n <= 26) {
        const int step = n <= 12 ? 2 : 4;
        for (int i = 0; i < n; i += step) {
            axis->append(QLocale().toString(weeks.at(i).monday, QStringLiteral("d MMM")), i);
        }
        const int firstYear = n > 0 ? weeks.first().monday.year() : 0;
        const int lastYear = n > 0 ? weeks.last().monday.year() : 0;
        axis->setTitleText(firstYear == lastYear ? tr("Week starting (Monday, UTC), %1").arg(firstYear)
                                                 : tr("Week starting (Monday, UTC), %1–%2").arg(firstYear).arg(lastYear));
    } else {
        const int monthStep = n <= 60 ? 2 : n <= 120 ? 3 : 6;
        for (int i = 0; i < n; ++i) {
            const QDate monday = weeks.at(i).monday;
            const QDate sunday = monday.addDays(6);
            const bool holdsFirst = monday.day() == 1 || sunday.month() != monday.month();
            if (holdsFirst && (sunday.month() - 1) % monthStep == 0) {
                axis->append(QLocale().toString(QDate(sunday.year(), sunday.month(), 1), QStringLiteral("MMM yyyy")), i);
            }
        }
        axis->setTitleText(tr("Week starting (Monday, UTC)"));
    }
    axis->setStartValue(-0.5);
    axis->setRange(-0.5, std::max(0, n - 1) + 0.5);
}

void MetricsView::refresh()
{
    m_refreshSoon->stop();
    m_dirty = false;
    IncidentMetrics::Options options;
    options.now = Clock::nowUtc();
    options.weeks = m_range->currentData().toInt();
    options.includeDrills = m_includeDrills->isChecked();
    auto computed = IncidentMetrics::compute(m_store, options);
    m_problem->setVisible(!computed.ok());
    if (!computed) {
        m_problem->setText(computed.error());
        m_report = {};
    } else {
        m_report = std::move(computed.value());
    }
    clearHover();
    const auto &weeks = m_report.weeks;

    // Incidents per week.
    qint64 mostIncidents = 0;
    for (int s = 0; s < 3; ++s) {
        QList<qreal> values;
        values.reserve(weeks.size());
        for (const auto &w : weeks) {
            values.append(qreal(w.incidents[s]));
        }
        m_incidentSets[s]->remove(0, m_incidentSets[s]->count());
        m_incidentSets[s]->append(values);
    }
    for (const auto &w : weeks) {
        mostIncidents = std::max(mostIncidents, w.totalIncidents());
    }
    fillWeekAxis(m_incidentAxes.x);
    setCountRange(m_incidentAxes.y, qreal(mostIncidents));

    // Mean times: hours, or minutes when every mean is under two hours. A week without a finished incident of a
    // level has no point; the line joins its neighbours.
    for (auto it = m_durations.begin(); it != m_durations.end(); ++it) {
        DurationChart &d = it.value();
        double longest = 0;
        std::array<QList<QPointF>, 3> points;
        for (int i = 0; i < weeks.size(); ++i) {
            for (Severity s : Severities::all()) {
                const auto mean = d.resolve ? weeks.at(i).meanTimeToResolve(s) : weeks.at(i).meanTimeToMitigate(s);
                if (mean) {
                    points[int(s) - 1].append(QPointF(i, *mean));
                    longest = std::max(longest, *mean);
                }
            }
        }
        d.inMinutes = longest < 2 * 3600;
        const double unit = d.inMinutes ? 60.0 : 3600.0;
        for (int s = 0; s < 3; ++s) {
            for (QPointF &p : points[s]) {
                p.setY(p.y() / unit);
            }
            d.lines[s]->replace(points[s]);
        }
        d.axes.y->setTitleText(d.inMinutes ? tr("Minutes") : tr("Hours"));
        fillWeekAxis(d.axes.x);
        setAmountRange(d.axes.y, longest / unit);
    }

    // Time at SEV-1 / SEV-2, in hours.
    QList<qreal> sev1;
    QList<qreal> sev2;
    qreal mostHours = 0;
    for (const auto &w : weeks) {
        sev1.append(w.sev1Ms / 3600000.0);
        sev2.append(w.sev2Ms / 3600000.0);
        mostHours = std::max({mostHours, sev1.last(), sev2.last()});
    }
    m_sev1Time->remove(0, m_sev1Time->count());
    m_sev1Time->append(sev1);
    m_sev2Time->remove(0, m_sev2Time->count());
    m_sev2Time->append(sev2);
    fillWeekAxis(m_severityTimeAxes.x);
    setAmountRange(m_severityTimeAxes.y, mostHours);
    m_severityTimeAxes.y->setLabelFormat(m_severityTimeAxes.y->max() >= 5 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));

    // Postmortems.
    const IncidentMetrics::PostmortemCounts &p = m_report.postmortems;
    const std::array<qint64, 4> counts{p.onTime, p.late, p.pending, p.overdue};
    const QList<QPieSlice *> slices = m_postmortems->slices();
    for (int i = 0; i < slices.size(); ++i) {
        slices.at(i)->setValue(qreal(counts[i]));
        const QString base = slices.at(i)->label().section(QLatin1Char(':'), 0, 0);
        slices.at(i)->setLabel(QStringLiteral("%1: %2").arg(base).arg(counts[i]));
        slices.at(i)->setLabelVisible(counts[i] > 0);
    }
    m_postmortems->chart()->setTitle(p.total() > 0 ? tr("Postmortems of %1 resolved in the range (due 48 h after)")
                                                         .arg(incidentCount(p.total()))
                                                   : tr("Postmortems: no resolved incident in this range"));

    // Action items.
    const IncidentMetrics::ActionItemCounts &a = m_report.actionItems;
    m_actionsOnSchedule->remove(0, m_actionsOnSchedule->count());
    m_actionsOnSchedule->append({qreal(a.open - a.openOverdue), qreal(a.inProgress - a.inProgressOverdue)});
    m_actionsOverdue->remove(0, m_actionsOverdue->count());
    m_actionsOverdue->append({qreal(a.openOverdue), qreal(a.inProgressOverdue)});
    setCountRange(m_actionAxis, qreal(std::max(a.open, a.inProgress)));

    emit refreshed();
}

void MetricsView::setRangeWeeks(int weeks)
{
    const int index = m_range->findData(weeks);
    if (index >= 0) {
        m_range->setCurrentIndex(index); // refreshes when it changes
    }
}

void MetricsView::setIncludeDrills(bool include) { m_includeDrills->setChecked(include); }

QString MetricsView::hoverText() const { return m_hover->text(); }

void MetricsView::showHover(const QString &text)
{
    m_hover->setText(text);
    QToolTip::showText(QCursor::pos(), text, this);
}

void MetricsView::clearHover()
{
    m_hover->setText(tr("Point at a bar, point or slice to read its value."));
    QToolTip::hideText();
}

Status MetricsView::exportChart(const QString &chartName, const QString &path) const
{
    const auto it = std::find_if(m_views.cbegin(), m_views.cend(),
                                 [&](const QChartView *v) { return v->objectName() == chartName; });
    if (it == m_views.cend()) {
        return Status::failure(tr("There is no chart called %1.").arg(chartName));
    }
    return PngFile::write((*it)->grab().toImage(), path);
}

void MetricsView::saveChartAs(const QString &chartName)
{
    const QString suggested = chartName + QLatin1Char('-') + QDate::currentDate().toString(Qt::ISODate)
                              + QStringLiteral(".png");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), suggested, tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (const Status s = exportChart(chartName, path); !s) {
        QMessageBox::warning(this, tr("Save chart"), s.error());
    }
}

void MetricsView::changedInFile()
{
    // Hidden, it waits until it is shown; shown, it catches up shortly after the burst of edits.
    m_dirty = true;
    if (isVisible()) {
        m_refreshSoon->start();
    }
}

void MetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) {
        refresh();
    }
}
