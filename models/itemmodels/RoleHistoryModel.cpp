#include "RoleHistoryModel.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

RoleHistoryModel::RoleHistoryModel(IncidentStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, [this] {
        m_incidentId = 0;
        reload();
    });
    connect(m_store, &IncidentStore::incidentRemoved, this, [this](qint64 id) {
        if (id == m_incidentId) {
            setIncident(0);
        }
    });
    connect(m_store, &IncidentStore::rosterChanged, this, &RoleHistoryModel::reload); // names may have changed
    connect(m_store, &IncidentStore::assignmentsChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            refresh();
        }
    });
}

void RoleHistoryModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void RoleHistoryModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, ColumnFrom), index(rowCount() - 1, ColumnTo), {Qt::DisplayRole});
    }
}

QList<RoleAssignment> RoleHistoryModel::read() const
{
    if (m_incidentId == 0 || !m_store->isOpen()) {
        return {};
    }
    auto rows = m_store->assignments(m_incidentId);
    return rows ? rows.value() : QList<RoleAssignment>();
}

void RoleHistoryModel::reload()
{
    beginResetModel();
    m_roleNames.clear();
    if (m_store->isOpen()) {
        if (const auto roles = m_store->roles()) {
            for (const Role &r : roles.value()) {
                m_roleNames.insert(r.id, r.name);
            }
        }
    }
    m_rows = read();
    endResetModel();
}

void RoleHistoryModel::refresh()
{
    // A hand-off closes one row and appends another; an undo removes the last. Apply just that.
    const QList<RoleAssignment> fresh = read();
    int common = 0;
    while (common < m_rows.size() && common < fresh.size() && m_rows.at(common).id == fresh.at(common).id) {
        if (m_rows.at(common).releasedAt != fresh.at(common).releasedAt) {
            m_rows[common] = fresh.at(common);
            emit dataChanged(index(common, 0), index(common, ColumnCount - 1));
        }
        ++common;
    }
    if (common < m_rows.size()) {
        beginRemoveRows({}, common, int(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + common, m_rows.end());
        endRemoveRows();
    }
    if (common < fresh.size()) {
        beginInsertRows({}, common, int(fresh.size()) - 1);
        m_rows.append(fresh.mid(common));
        endInsertRows();
    }
}

int RoleHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoleHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoleHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const RoleAssignment &a = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColumnRole:
            return m_roleNames.value(a.roleId, tr("Role %1").arg(a.roleId));
        case ColumnPerson:
            return a.personName;
        case ColumnFrom:
            return TimeDisplay::dateTime(a.assumedAt, m_zone);
        case ColumnTo:
            return a.isCurrent() ? tr("now") : TimeDisplay::dateTime(a.releasedAt, m_zone);
        }
    }
    if (role == ModelRoles::IdRole) {
        return a.id;
    }
    return {};
}

QVariant RoleHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnRole:
        return tr("Role");
    case ColumnPerson:
        return tr("Held by");
    case ColumnFrom:
        return tr("From");
    case ColumnTo:
        return tr("To");
    }
    return {};
}
