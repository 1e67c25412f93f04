#include "AlertsPanel.h"

#include "AlertArchiveModel.h"
#include "AppSettings.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

AlertsPanel::AlertsPanel(AlertArchiveModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_sources = new QLabel(this);
    m_sources->setObjectName(QStringLiteral("alertSourcesLabel"));
    m_sources->setWordWrap(true);
    m_sources->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_sources);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertArchiveView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    refreshSources();
}

void AlertsPanel::refreshSources()
{
    const auto sources = AppSettings().alertSources();
    if (sources.isEmpty()) {
        m_sources->setText(tr("No alert sources are configured. Add Prometheus or Alertmanager servers in "
                              "Settings (Ctrl+,). Archived alerts are listed below."));
        return;
    }
    QStringList lines;
    for (const auto &s : sources) {
        lines.append(QStringLiteral("%1 %2").arg(s.kind == AlertSourceConfig::Kind::Prometheus ? tr("Prometheus")
                                                                                                : tr("Alertmanager"),
                                                 s.url.toDisplayString()));
    }
    m_sources->setText(tr("Sources: %1. Live polling is not part of this version yet; the archive is below.")
                           .arg(lines.join(QStringLiteral(", "))));
}
