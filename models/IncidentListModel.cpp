#include "IncidentListModel.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

#include <QFont>

IncidentListModel::IncidentListModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, &IncidentListModel::reload);
    connect(m_store, &IncidentStore::incidentInserted, this, &IncidentListModel::onInserted);
    connect(m_store, &IncidentStore::incidentChanged, this, &IncidentListModel::onChanged);
    connect(m_store, &IncidentStore::incidentRemoved, this, &IncidentListModel::onRemoved);
    reload();
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Incident &i = m_incidents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnReference:
            return i.reference();
        case ColumnSeverity:
            return Severities::label(i.severity);
        case ColumnTitle:
            return i.drill ? tr("[Drill] %1").arg(i.title) : i.title;
        case ColumnStage:
            return Stages::title(i.stage);
        case ColumnDeclared:
            return TimeDisplay::dateTime(i.declaredAt, m_zone);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ColumnSeverity) {
            return Severities::definition(i.severity);
        }
        if (index.column() == ColumnReference || index.column() == ColumnTitle) {
            return i.summary.isEmpty() ? i.title : i.title + QStringLiteral("\n\n") + i.summary;
        }
        return {};
    case ModelRoles::IdRole:
    case ModelRoles::IncidentIdRole:
        return i.id;
    case ModelRoles::SeverityRole:
        return int(i.severity);
    case ModelRoles::StageRole:
        return int(i.stage);
    case ModelRoles::OpenRole:
        return i.isOpen();
    case ModelRoles::DrillRole:
        return i.drill;
    case ModelRoles::TimeRole:
        return i.declaredAt;
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnReference:
        return tr("Incident");
    case ColumnSeverity:
        return tr("Severity");
    case ColumnTitle:
        return tr("Title");
    case ColumnStage:
        return tr("Stage");
    case ColumnDeclared:
        return tr("Declared");
    }
    return {};
}

void IncidentListModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_incidents.isEmpty()) {
        emit dataChanged(index(0, ColumnDeclared), index(rowCount() - 1, ColumnDeclared), {Qt::DisplayRole});
    }
}

int IncidentListModel::rowOf(qint64 incidentId) const
{
    const auto it = std::lower_bound(m_incidents.begin(), m_incidents.end(), incidentId,
                                     [](const Incident &i, qint64 id) { return i.id < id; });
    return it != m_incidents.end() && it->id == incidentId ? int(it - m_incidents.begin()) : -1;
}

void IncidentListModel::reload()
{
    beginResetModel();
    m_incidents.clear();
    if (m_store->isOpen()) {
        if (auto all = m_store->incidents()) {
            m_incidents = std::move(all.value());
        }
    }
    endResetModel();
}

void IncidentListModel::onInserted(qint64 id)
{
    const auto incident = m_store->incident(id);
    if (!incident || rowOf(id) >= 0) {
        return;
    }
    const auto it = std::lower_bound(m_incidents.begin(), m_incidents.end(), id,
                                     [](const Incident &i, qint64 key) { return i.id < key; });
    const int row = int(it - m_incidents.begin());
    beginInsertRows({}, row, row);
    m_incidents.insert(row, incident.value());
    endInsertRows();
}

void IncidentListModel::onChanged(qint64 id)
{
    const int row = rowOf(id);
    const auto incident = m_store->incident(id);
    if (row < 0 || !incident) {
        return;
    }
    m_incidents[row] = incident.value();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void IncidentListModel::onRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_incidents.removeAt(row);
    endRemoveRows();
}
