#include "AlertArchiveModel.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

AlertArchiveModel::AlertArchiveModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    m_throttle = new QTimer(this);
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(std::chrono::seconds(5));
    connect(m_throttle, &QTimer::timeout, this, [this] {
        if (m_active && m_dirty) {
            reload();
        }
    });
    connect(m_store, &IncidentStore::storeReset, this, &AlertArchiveModel::reload);
    connect(m_store, &IncidentStore::alertArchiveChanged, this, &AlertArchiveModel::reloadSoon);
    reload();
}

void AlertArchiveModel::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty) {
        reload();
    }
}

void AlertArchiveModel::reloadSoon()
{
    m_dirty = true;
    if (m_active && !m_throttle->isActive()) {
        reload(); // at once, then at most once per interval while changes keep coming
        m_throttle->start();
    }
}

void AlertArchiveModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_alerts.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}

int AlertArchiveModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertArchiveModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertArchiveModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ArchivedAlert &a = m_alerts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColumnState:
            return a.resolvedAt.isValid() ? tr("resolved") : a.state;
        case ColumnSeverity:
            return a.labels.value(QStringLiteral("severity")).toString();
        case ColumnName:
            return a.alertName;
        case ColumnLabels: {
            QStringList shown;
            for (auto it = a.labels.begin(); it != a.labels.end(); ++it) {
                if (it.key() != u"alertname" && it.key() != u"severity") {
                    shown.append(it.key() + u'=' + it.value().toString());
                }
            }
            return shown.join(QStringLiteral(", "));
        }
        case ColumnSummary:
            return a.annotations.value(QStringLiteral("summary")).toString();
        case ColumnFirstSeen:
            return TimeDisplay::dateTime(a.firstSeen, m_zone);
        case ColumnLastSeen:
            return TimeDisplay::dateTime(a.lastSeen, m_zone);
        case ColumnResolved:
            return a.resolvedAt.isValid() ? TimeDisplay::dateTime(a.resolvedAt, m_zone) : QString();
        case ColumnSource:
            return a.source;
        }
    } else if (role == Qt::ToolTipRole) {
        // Everything kept about it, as the detail pane shows a live alert.
        QStringList lines{a.alertName, tr("Identity %1").arg(a.identity)};
        for (const QJsonObject *pairs : {&a.labels, &a.annotations}) {
            lines.append(QString());
            for (auto it = pairs->begin(); it != pairs->end(); ++it) {
                lines.append(it.key() + QStringLiteral(": ") + it.value().toString());
            }
        }
        if (!a.value.isEmpty()) {
            lines.append(tr("Last value %1").arg(a.value));
        }
        return lines.join(u'\n');
    } else if (role == ModelRoles::IdRole) {
        return a.id;
    }
    return {};
}

QVariant AlertArchiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnState:
        return tr("State");
    case ColumnSeverity:
        return tr("Severity");
    case ColumnName:
        return tr("Alert");
    case ColumnLabels:
        return tr("Labels");
    case ColumnSummary:
        return tr("Summary");
    case ColumnFirstSeen:
        return tr("First seen");
    case ColumnLastSeen:
        return tr("Last seen");
    case ColumnResolved:
        return tr("Resolved");
    case ColumnSource:
        return tr("Source");
    }
    return {};
}

void AlertArchiveModel::reload()
{
    // The archive is written by the alert poller in batches; a batch replaces the view wholesale for now.
    m_dirty = false;
    beginResetModel();
    m_alerts.clear();
    m_exhausted = true;
    if (m_store->isOpen()) {
        if (auto alerts = m_store->archivedAlerts(kPage, 0)) {
            m_alerts = std::move(alerts.value());
            m_exhausted = m_alerts.size() < kPage;
        }
    }
    endResetModel();
}

bool AlertArchiveModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void AlertArchiveModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || !m_store->isOpen()) {
        return;
    }
    auto page = m_store->archivedAlerts(kPage, int(m_alerts.size()));
    if (!page) {
        m_exhausted = true;
        return;
    }
    m_exhausted = page->size() < kPage;
    if (page->isEmpty()) {
        return;
    }
    beginInsertRows({}, int(m_alerts.size()), int(m_alerts.size() + page->size()) - 1);
    m_alerts.append(page.value());
    endInsertRows();
}
