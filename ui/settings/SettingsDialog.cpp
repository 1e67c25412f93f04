#include "SettingsDialog.h"

#include "ConsolePalette.h"

#include "AppSettings.h"
#include "IncidentInsights.h"

#include <QGridLayout>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const QList<AlertSource> &commandLineSources, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(600);
    const AppSettings settings;
    // The settings scroll inside the dialog, OK and Cancel stay in view: on a laptop the dialog is taller than the
    // screen, and a squeezed layout drew its tables on top of each other.
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *sourcesBox = new QGroupBox(tr("Alert sources"), this);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    auto *hint = new QLabel(tr("Prometheus (reads /api/v1/alerts) and Alertmanager (reads /api/v2/alerts) servers to "
                               "poll. The console only reads; it needs no inbound port."),
                            sourcesBox);
    hint->setWordWrap(true);
    sourcesLayout->addWidget(hint);
    if (!commandLineSources.isEmpty()) {
        // What is polled now, when it is not what is saved: said, so an empty table never reads as "nothing polled".
        auto *runNote = new QLabel(tr("<b>Polled in this run</b>, as given on the command line (read-only, not saved):"),
                                   sourcesBox);
        runNote->setObjectName(QStringLiteral("commandLineSourcesNote"));
        runNote->setWordWrap(true);
        sourcesLayout->addWidget(runNote);
        auto *running = new QTableWidget(int(commandLineSources.size()), 4, sourcesBox);
        running->setObjectName(QStringLiteral("commandLineSourcesTable"));
        running->setHorizontalHeaderLabels({tr("Kind"), tr("URL"), tr("Every (s)"), tr("Auth")});
        running->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        running->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        running->verticalHeader()->hide();
        running->setEditTriggers(QAbstractItemView::NoEditTriggers);
        running->setSelectionMode(QAbstractItemView::NoSelection);
        running->setFocusPolicy(Qt::NoFocus);
        for (int row = 0; row < commandLineSources.size(); ++row) {
            const AlertSource &source = commandLineSources.at(row);
            const QStringList cells{source.kind == AlertSource::Kind::Prometheus ? tr("Prometheus") : tr("Alertmanager"),
                                    source.url.toString(QUrl::RemoveUserInfo), QString::number(source.intervalSeconds),
                                    source.auth == AlertSource::Auth::None ? tr("none")
                                    : source.auth == AlertSource::Auth::Basic ? tr("basic") : tr("bearer token")};
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells.at(column));
                item->setFlags(Qt::ItemIsEnabled);
                item->setForeground(ConsolePalette::quiet());
                running->setItem(row, column, item);
            }
        }
        // Every source in view, without a scroll bar: a short list the layout must not squeeze.
        running->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        running->setFixedHeight(running->horizontalHeader()->sizeHint().height() +
                                int(commandLineSources.size()) * running->verticalHeader()->defaultSectionSize() +
                                2 * running->frameWidth());
        sourcesLayout->addWidget(running);
        auto *savedNote = new QLabel(tr("<b>Saved sources</b>, polled when the console starts without --prometheus or "
                                        "--alertmanager:"),
                                     sourcesBox);
        savedNote->setWordWrap(true);
        sourcesLayout->addWidget(savedNote);
    }
    m_sources = new QTableWidget(0, 8, sourcesBox);
    m_sources->setObjectName(QStringLiteral("sourcesTable"));
    m_sources->setHorizontalHeaderLabels({tr("Kind"), tr("URL"), tr("Every (s)"), tr("Timeout (s)"), tr("Auth"),
                                          tr("User"), tr("Password / token"), tr("CA file (https)")});
    m_sources->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sources->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_sources->verticalHeader()->hide();
    sourcesLayout->addWidget(m_sources);
    auto *sourceButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add source"), sourcesBox);
    auto *remove = new QPushButton(tr("Remove"), sourcesBox);
    sourceButtons->addStretch();
    sourceButtons->addWidget(add);
    sourceButtons->addWidget(remove);
    sourcesLayout->addLayout(sourceButtons);
    layout->addWidget(sourcesBox);
    for (const auto &s : settings.alertSources()) {
        addSourceRow(s);
    }
    connect(add, &QPushButton::clicked, this, [this] {
        AlertSource fresh;
        fresh.kind = AlertSource::Kind::Alertmanager;
        fresh.url = QUrl(QStringLiteral("http://127.0.0.1:9093"));
        fresh.intervalSeconds = m_pollInterval->value();
        addSourceRow(fresh);
        m_sources->setCurrentCell(m_sources->rowCount() - 1, 1);
        m_sources->editItem(m_sources->item(m_sources->rowCount() - 1, 1));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_sources->currentRow() >= 0) {
            m_sources->removeRow(m_sources->currentRow());
        }
    });

    auto *metricsBox = new QGroupBox(tr("Live metrics charts"), this);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    auto *metricsHint = new QLabel(tr("PromQL expressions charted over the current incident from the first Prometheus "
                                      "source. The threshold (optional) is drawn as a dashed line, in the unit shown."),
                                   metricsBox);
    metricsHint->setWordWrap(true);
    metricsLayout->addWidget(metricsHint);
    m_metrics = new QTableWidget(0, 4, metricsBox);
    m_metrics->setObjectName(QStringLiteral("metricsTable"));
    m_metrics->setHorizontalHeaderLabels({tr("Title"), tr("PromQL expression"), tr("Unit"), tr("Threshold")});
    m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_metrics->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_metrics->verticalHeader()->hide();
    metricsLayout->addWidget(m_metrics);
    auto *metricButtons = new QHBoxLayout;
    auto *restoreMetrics = new QPushButton(tr("Restore defaults"), metricsBox);
    restoreMetrics->setObjectName(QStringLiteral("restoreMetricDefaultsButton"));
    auto *addMetric = new QPushButton(tr("Add chart"), metricsBox);
    addMetric->setObjectName(QStringLiteral("addMetricButton"));
    auto *removeMetric = new QPushButton(tr("Remove"), metricsBox);
    removeMetric->setObjectName(QStringLiteral("removeMetricButton"));
    metricButtons->addWidget(restoreMetrics);
    metricButtons->addStretch();
    metricButtons->addWidget(addMetric);
    metricButtons->addWidget(removeMetric);
    metricsLayout->addLayout(metricButtons);
    layout->addWidget(metricsBox);
    showMetrics(settings.liveMetricExpressions());
    connect(restoreMetrics, &QPushButton::clicked, this, [this] { showMetrics(MetricExpression::defaults()); });
    connect(addMetric, &QPushButton::clicked, this, [this] {
        addMetricRow({tr("New chart"), QString(), QString(), std::nullopt});
        m_metrics->setCurrentCell(m_metrics->rowCount() - 1, 1);
        m_metrics->editItem(m_metrics->item(m_metrics->rowCount() - 1, 1));
    });
    connect(removeMetric, &QPushButton::clicked, this, [this] {
        if (m_metrics->currentRow() >= 0) {
            m_metrics->removeRow(m_metrics->currentRow());
        }
    });

    auto *form = new QFormLayout;
    m_pollInterval = new QSpinBox(this);
    m_pollInterval->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_pollInterval->setRange(1, 3600);
    m_pollInterval->setSuffix(tr(" s"));
    m_pollInterval->setValue(settings.pollIntervalSeconds());
    form->addRow(tr("&New sources poll every:"), m_pollInterval);

    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->addItem(tr("System time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_timeZone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    m_timeZone->setCurrentIndex(std::max(0, m_timeZone->findData(settings.displayTimeZoneId())));
    form->addRow(tr("Show times in:"), m_timeZone);
    m_thirdZone = new QComboBox(this);
    m_thirdZone->setObjectName(QStringLiteral("thirdTimeZoneCombo"));
    m_thirdZone->addItem(tr("None"), QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_thirdZone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    m_thirdZone->setCurrentIndex(std::max(0, m_thirdZone->findData(settings.thirdTimeZoneId())));
    form->addRow(tr("Third zone on the timeline:"), m_thirdZone);
    // Update cadence: the countdowns on the board and in the composer, and the overdue notification.
    auto *cadence = new QGridLayout;
    cadence->addWidget(new QLabel(tr("Minutes between updates (0: none)"), this), 0, 0);
    for (Severity level : Severities::all()) {
        cadence->addWidget(new QLabel(Severities::label(level), this), 0, int(level));
    }
    for (const auto audience : {StatusUpdate::Audience::Internal, StatusUpdate::Audience::Customer}) {
        const int row = audience == StatusUpdate::Audience::Internal ? 1 : 2;
        cadence->addWidget(new QLabel(audience == StatusUpdate::Audience::Internal ? tr("Internal") : tr("Customer"), this), row, 0);
        for (Severity level : Severities::all()) {
            auto *spin = new QSpinBox(this);
            spin->setObjectName(QStringLiteral("cadence_%1_%2").arg(StatusUpdate::audienceKey(audience)).arg(int(level)));
            spin->setRange(0, 24 * 60);
            const int set = settings.updateIntervalMinutes(audience, level);
            spin->setValue(set >= 0 ? set : IncidentInsights::defaultUpdateIntervalMinutes(audience, level));
            cadence->addWidget(spin, row, int(level));
            m_cadence.append(spin);
        }
    }
    form->addRow(tr("Update cadence:"), cadence);

    m_author = new QLineEdit(settings.authorName(), this);
    m_author->setObjectName(QStringLiteral("authorEdit"));
    form->addRow(tr("Your &name on entries:"), m_author);
    m_publicDomains = new QLineEdit(settings.publicDomains().join(QStringLiteral(", ")), this);
    m_publicDomains->setObjectName(QStringLiteral("publicDomainsEdit"));
    m_publicDomains->setPlaceholderText(tr("e.g. example.com, status.example.com"));
    m_publicDomains->setToolTip(tr("Customer updates may name these domains and the hosts under them; any other URL "
                                   "or host name is flagged as internal before it is published."));
    form->addRow(tr("&Public domains:"), m_publicDomains);
    m_notify = new QLineEdit(settings.notifySeverities().join(QStringLiteral(", ")), this);
    m_notify->setObjectName(QStringLiteral("notifySeveritiesEdit"));
    m_notify->setToolTip(tr("Severity label values that raise a desktop notification when a new alert fires"));
    form->addRow(tr("&Notify for severities:"), m_notify);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    outer->addWidget(buttons);
    // As tall as the settings need, within the screen it opens on.
    const QRect screen = (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(std::max(content->sizeHint().width() + 40, 600),
           std::min(content->sizeHint().height() + buttons->sizeHint().height() + 40, screen.height() - 60));
}

void SettingsDialog::addSourceRow(const AlertSource &source)
{
    const int row = m_sources->rowCount();
    m_sources->insertRow(row);
    auto *kind = new QComboBox(m_sources);
    kind->addItem(tr("Prometheus"), int(AlertSource::Kind::Prometheus));
    kind->addItem(tr("Alertmanager"), int(AlertSource::Kind::Alertmanager));
    kind->setCurrentIndex(kind->findData(int(source.kind)));
    m_sources->setCellWidget(row, 0, kind);
    m_sources->setItem(row, 1, new QTableWidgetItem(source.url.toString()));
    auto *interval = new QSpinBox(m_sources);
    interval->setRange(1, 3600);
    interval->setValue(source.intervalSeconds);
    m_sources->setCellWidget(row, 2, interval);
    auto *timeout = new QSpinBox(m_sources);
    timeout->setRange(1, 300);
    timeout->setValue(source.timeoutSeconds);
    m_sources->setCellWidget(row, 3, timeout);
    auto *auth = new QComboBox(m_sources);
    auth->addItem(tr("None"), int(AlertSource::Auth::None));
    auth->addItem(tr("Basic"), int(AlertSource::Auth::Basic));
    auth->addItem(tr("Bearer token"), int(AlertSource::Auth::Bearer));
    auth->setCurrentIndex(auth->findData(int(source.auth)));
    m_sources->setCellWidget(row, 4, auth);
    m_sources->setItem(row, 5, new QTableWidgetItem(source.username));
    auto *secret = new QLineEdit(source.password, m_sources);
    secret->setEchoMode(QLineEdit::Password);
    m_sources->setCellWidget(row, 6, secret);
    m_sources->setItem(row, 7, new QTableWidgetItem(source.caFile));
}

void SettingsDialog::addMetricRow(const MetricExpression &metric)
{
    const int row = m_metrics->rowCount();
    m_metrics->insertRow(row);
    m_metrics->setItem(row, 0, new QTableWidgetItem(metric.title));
    m_metrics->setItem(row, 1, new QTableWidgetItem(metric.expression));
    m_metrics->setItem(row, 2, new QTableWidgetItem(metric.unit));
    m_metrics->setItem(row, 3, new QTableWidgetItem(metric.threshold ? QString::number(*metric.threshold) : QString()));
}

void SettingsDialog::showMetrics(const QList<MetricExpression> &metrics)
{
    m_metrics->setRowCount(0);
    for (const MetricExpression &metric : metrics) {
        addMetricRow(metric);
    }
}

QList<MetricExpression> SettingsDialog::readMetrics(int *badRow, QString *problem) const
{
    auto text = [this](int row, int column) {
        return m_metrics->item(row, column) ? m_metrics->item(row, column)->text().trimmed() : QString();
    };
    QList<MetricExpression> metrics;
    for (int row = 0; row < m_metrics->rowCount(); ++row) {
        MetricExpression metric{text(row, 0), text(row, 1), text(row, 2), std::nullopt};
        if (metric.expression.isEmpty()) {
            *badRow = row;
            *problem = tr("Chart %1 has no PromQL expression.").arg(row + 1);
            return {};
        }
        if (!text(row, 3).isEmpty()) {
            bool ok = false;
            const double threshold = QLocale().toDouble(text(row, 3), &ok);
            metric.threshold = ok ? threshold : text(row, 3).toDouble(&ok); // the user's locale, or C's "0.5"
            if (!ok) {
                *badRow = row;
                *problem = tr("Chart %1: the threshold \"%2\" is not a number.").arg(row + 1).arg(text(row, 3));
                return {};
            }
        }
        if (metric.title.isEmpty()) {
            metric.title = metric.expression;
        }
        metrics.append(metric);
    }
    return metrics;
}

void SettingsDialog::accept()
{
    int badMetric = -1;
    QString metricProblem;
    const QList<MetricExpression> metrics = readMetrics(&badMetric, &metricProblem);
    if (badMetric >= 0) {
        m_problem->setText(metricProblem);
        m_problem->show();
        m_metrics->setCurrentCell(badMetric, 1);
        return;
    }

    QList<AlertSource> sources;
    for (int row = 0; row < m_sources->rowCount(); ++row) {
        const QString text = m_sources->item(row, 1) ? m_sources->item(row, 1)->text().trimmed() : QString();
        const QUrl url(text, QUrl::StrictMode);
        if (!AlertSource::isUsableUrl(url)) {
            m_problem->setText(tr("Source %1: \"%2\" is not an http:// or https:// address with a host.")
                                   .arg(row + 1)
                                   .arg(text));
            m_problem->show();
            m_sources->setCurrentCell(row, 1);
            return;
        }
        AlertSource s;
        s.kind = AlertSource::Kind(static_cast<QComboBox *>(m_sources->cellWidget(row, 0))->currentData().toInt());
        s.url = url;
        s.intervalSeconds = static_cast<QSpinBox *>(m_sources->cellWidget(row, 2))->value();
        s.timeoutSeconds = static_cast<QSpinBox *>(m_sources->cellWidget(row, 3))->value();
        s.auth = AlertSource::Auth(static_cast<QComboBox *>(m_sources->cellWidget(row, 4))->currentData().toInt());
        s.username = m_sources->item(row, 5) ? m_sources->item(row, 5)->text().trimmed() : QString();
        s.password = static_cast<QLineEdit *>(m_sources->cellWidget(row, 6))->text();
        s.caFile = m_sources->item(row, 7) ? m_sources->item(row, 7)->text().trimmed() : QString();
        sources.append(s);
    }
    AppSettings settings;
    settings.setAlertSources(sources);
    // Unchanged defaults are not written, so a better default later reaches everyone who kept them.
    if (metrics == MetricExpression::defaults()) {
        settings.restoreDefaultLiveMetricExpressions();
    } else {
        settings.setLiveMetricExpressions(metrics);
    }
    settings.setPollIntervalSeconds(m_pollInterval->value());
    settings.setDisplayTimeZoneId(m_timeZone->currentData().toString());
    settings.setThirdTimeZoneId(m_thirdZone->currentData().toString());
    int spin = 0;
    for (const auto audience : {StatusUpdate::Audience::Internal, StatusUpdate::Audience::Customer}) {
        for (Severity level : Severities::all()) {
            const int minutes = m_cadence.at(spin++)->value();
            // Only what differs from the default is kept, so a better default later reaches everyone else.
            settings.setUpdateIntervalMinutes(
                audience, level, minutes == IncidentInsights::defaultUpdateIntervalMinutes(audience, level) ? -1 : minutes);
        }
    }
    settings.setAuthorName(m_author->text());
    settings.setPublicDomains(m_publicDomains->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts));
    QStringList severities;
    for (const QString &part : m_notify->text().split(u',', Qt::SkipEmptyParts)) {
        severities.append(part.trimmed());
    }
    settings.setNotifySeverities(severities);
    QDialog::accept();
}
