#include "RoleAssignmentModel.h"

#include "ConsolePalette.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

#include <QColor>

RoleAssignmentModel::RoleAssignmentModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
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
    connect(m_store, &IncidentStore::rosterChanged, this, &RoleAssignmentModel::refreshRoles);
    connect(m_store, &IncidentStore::assignmentsChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            refreshHolders();
        }
    });
    reload();
}

void RoleAssignmentModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    refreshHolders();
}

void RoleAssignmentModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_roles.isEmpty()) {
        emit dataChanged(index(0, ColumnSince), index(rowCount() - 1, ColumnSince), {Qt::DisplayRole});
    }
}

int RoleAssignmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_roles.size());
}

int RoleAssignmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoleAssignmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Role &r = m_roles.at(index.row());
    const Holder &h = m_holders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnRole:
            return r.name;
        case ColumnHolder:
            if (m_incidentId == 0) {
                return QString();
            }
            return h.name.isEmpty() ? tr("— unassigned —") : h.name;
        case ColumnSince:
            if (h.name.isEmpty()) {
                return QString();
            }
            if (h.handOffs == 0) {
                return TimeDisplay::clock(h.since, m_zone);
            }
            const QString since = TimeDisplay::clock(h.since, m_zone);
            return h.handOffs == 1 ? tr("%1 (1 hand-off)").arg(since) : tr("%1 (%2 hand-offs)").arg(since).arg(h.handOffs);
        }
        return {};
    case Qt::ToolTipRole:
        return r.responsibility;
    case Qt::ForegroundRole:
        if (index.column() == ColumnHolder && h.name.isEmpty()) {
            return ConsolePalette::faint();
        }
        return {};
    case ModelRoles::IdRole:
        return r.id;
    default:
        return {};
    }
}

QVariant RoleAssignmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnRole:
        return tr("Role");
    case ColumnHolder:
        return tr("Held by");
    case ColumnSince:
        return tr("Since");
    }
    return {};
}

QList<RoleAssignmentModel::Holder> RoleAssignmentModel::computeHolders() const
{
    QList<Holder> holders(m_roles.size());
    if (m_incidentId == 0 || !m_store->isOpen()) {
        return holders;
    }
    const auto history = m_store->assignments(m_incidentId);
    if (!history) {
        return holders;
    }
    for (int row = 0; row < m_roles.size(); ++row) {
        int count = 0;
        for (const RoleAssignment &a : history.value()) {
            if (a.roleId != m_roles[row].id) {
                continue;
            }
            ++count;
            if (a.isCurrent()) {
                holders[row].name = a.personName;
                holders[row].since = a.assumedAt;
            }
        }
        holders[row].handOffs = std::max(0, count - 1);
    }
    return holders;
}

void RoleAssignmentModel::reload()
{
    beginResetModel();
    m_roles.clear();
    if (m_store->isOpen()) {
        if (auto roles = m_store->roles()) {
            m_roles = std::move(roles.value());
        }
    }
    m_holders = computeHolders();
    endResetModel();
}

void RoleAssignmentModel::refreshRoles()
{
    auto roles = m_store->isOpen() ? m_store->roles() : Result<QList<Role>>(QList<Role>{});
    if (!roles) {
        return;
    }
    const QList<Role> &now = roles.value();
    // Roles are only ever appended while a file is open; anything else is a wholesale change.
    const bool appended = now.size() >= m_roles.size() && std::equal(m_roles.begin(), m_roles.end(), now.begin());
    if (!appended) {
        reload();
        return;
    }
    if (now.size() > m_roles.size()) {
        beginInsertRows({}, int(m_roles.size()), int(now.size()) - 1);
        m_roles = now;
        m_holders.resize(m_roles.size());
        endInsertRows();
    }
    refreshHolders(); // a renamed person shows here too
}

void RoleAssignmentModel::refreshHolders()
{
    const QList<Holder> holders = computeHolders();
    for (int row = 0; row < m_roles.size(); ++row) {
        if (holders[row] != m_holders[row]) {
            m_holders[row] = holders[row];
            emit dataChanged(index(row, ColumnHolder), index(row, ColumnSince));
        }
    }
}
