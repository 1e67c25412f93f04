#include "StatusUpdateListModel.h"

#include "TemplateEngine.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

StatusUpdateListModel::StatusUpdateListModel(IncidentStore *store, QObject *parent)
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
    connect(m_store, &IncidentStore::statusUpdatesChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            refresh();
        }
    });
}

void StatusUpdateListModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void StatusUpdateListModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_updates.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}

int StatusUpdateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_updates.size());
}

int StatusUpdateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatusUpdateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const StatusUpdate &u = m_updates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnPublished:
            return TimeDisplay::dateTime(u.publishedAt, m_zone);
        case ColumnAudience:
            return u.audience == StatusUpdate::Audience::Customer ? tr("Customers") : tr("Internal");
        case ColumnNextDue:
            return TimeDisplay::dateTime(u.nextUpdateDue, m_zone);
        case ColumnBody: // as the reader sees it, not its Markdown
            return TemplateEngine::markdownToPlainText(u.body).simplified().left(400);
        }
        return {};
    case Qt::ToolTipRole:
        return u.body;
    case ModelRoles::IdRole:
        return u.id;
    default:
        return {};
    }
}

QVariant StatusUpdateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnPublished:
        return tr("Published");
    case ColumnAudience:
        return tr("Audience");
    case ColumnNextDue:
        return tr("Next update due");
    case ColumnBody:
        return tr("Update");
    }
    return {};
}

QList<StatusUpdate> StatusUpdateListModel::fetch() const
{
    if (m_incidentId == 0 || !m_store->isOpen()) {
        return {};
    }
    auto updates = m_store->statusUpdates(m_incidentId);
    return updates ? updates.value() : QList<StatusUpdate>{};
}

void StatusUpdateListModel::reload()
{
    beginResetModel();
    m_updates = fetch();
    endResetModel();
}

void StatusUpdateListModel::refresh()
{
    const QList<StatusUpdate> now = fetch();
    const bool appended = now.size() >= m_updates.size() &&
                          std::equal(m_updates.begin(), m_updates.end(), now.begin(),
                                     [](const StatusUpdate &a, const StatusUpdate &b) { return a.id == b.id; });
    if (!appended) {
        reload();
        return;
    }
    if (now.size() > m_updates.size()) {
        beginInsertRows({}, int(m_updates.size()), int(now.size()) - 1);
        m_updates = now;
        endInsertRows();
    }
}
