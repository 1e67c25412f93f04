#include "ActionItemListModel.h"

#include "ConsolePalette.h"
#include "Incident.h"

#include "Clock.h"
#include "IncidentStore.h"
#include "TimeDisplay.h"

#include <QColor>
#include <QFont>

ActionItemListModel::ActionItemListModel(IncidentStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, &ActionItemListModel::reload);
    connect(m_store, &IncidentStore::rosterChanged, this, &ActionItemListModel::reload); // owners' names
    connect(m_store, &IncidentStore::actionItemsChanged, this, &ActionItemListModel::refresh);
    connect(m_store, &IncidentStore::incidentChanged, this, [this](qint64 id) { m_incidentTitles.remove(id); });
    connect(m_store, &IncidentStore::incidentRemoved, this, &ActionItemListModel::refresh);
    reload();
}

void ActionItemListModel::setShowClosed(bool show)
{
    if (show != m_showClosed) {
        m_showClosed = show;
        refresh();
    }
}

void ActionItemListModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, ColumnDue), index(rowCount() - 1, ColumnDue), {Qt::DisplayRole});
    }
}

QList<ActionItem> ActionItemListModel::read() const
{
    if (!m_store->isOpen()) {
        return {};
    }
    const auto all = m_store->allActionItems(Clock::nowUtc());
    if (!all) {
        return {};
    }
    QList<ActionItem> rows;
    for (const ActionItem &a : all.value()) {
        if (m_showClosed || a.isOpen()) {
            rows.append(a);
        }
    }
    return rows;
}

void ActionItemListModel::reload()
{
    beginResetModel();
    m_people.clear();
    m_incidentTitles.clear();
    if (m_store->isOpen()) {
        if (const auto people = m_store->people()) {
            for (const Person &p : people.value()) {
                m_people.insert(p.id, p.name);
            }
        }
    }
    m_rows = read();
    endResetModel();
}

void ActionItemListModel::refresh()
{
    // An edit changes one row in place or moves it (a new state or due time sorts it elsewhere). Rows that stay
    // where they were are updated in place; from the first row that moved on, the tail is replaced.
    const QList<ActionItem> fresh = read();
    const QDateTime now = Clock::nowUtc();
    int common = 0;
    while (common < m_rows.size() && common < fresh.size() && m_rows.at(common).id == fresh.at(common).id) {
        if (!(m_rows.at(common) == fresh.at(common)) || m_rows.at(common).isOverdue(now) != fresh.at(common).isOverdue(now)) {
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
    // Overdue is judged now: a row whose due time has just passed changes its colour and its "(overdue)" text.
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString ActionItemListModel::incidentTitle(qint64 incidentId) const
{
    // Read when a tooltip asks, not for every row at start-up: a file can hold thousands of incidents with items.
    auto it = m_incidentTitles.find(incidentId);
    if (it == m_incidentTitles.end()) {
        const auto incident = m_store->incident(incidentId);
        it = m_incidentTitles.insert(incidentId, incident ? incident->title : QString());
    }
    return it.value();
}

int ActionItemListModel::rowOf(qint64 itemId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == itemId) {
            return row;
        }
    }
    return -1;
}

int ActionItemListModel::overdueCount() const
{
    const QDateTime now = Clock::nowUtc();
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&](const ActionItem &a) { return a.isOverdue(now); }));
}

int ActionItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActionItemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ActionItem &a = m_rows.at(index.row());
    const bool overdue = a.isOverdue(Clock::nowUtc());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnIncident:
            return Incident::referenceOf(a.incidentId);
        case ColumnTitle:
            return a.title;
        case ColumnOwner:
            return a.ownerId ? m_people.value(a.ownerId) : tr("nobody yet");
        case ColumnDue:
            if (!a.dueAt.isValid()) {
                return tr("not set");
            }
            return overdue ? tr("%1 (overdue)").arg(TimeDisplay::dateTime(a.dueAt, m_zone)) : TimeDisplay::dateTime(a.dueAt, m_zone);
        case ColumnState:
            return ActionItem::stateTitle(a.state);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ColumnIncident ? incidentTitle(a.incidentId) : QVariant();
    case Qt::ForegroundRole:
        if (overdue && (index.column() == ColumnDue || index.column() == ColumnTitle)) {
            return ConsolePalette::alarm();
        }
        return a.isOpen() ? QVariant() : QVariant(ConsolePalette::faint());
    case Qt::FontRole:
        if (overdue && index.column() == ColumnDue) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ItemRole:
        return QVariant::fromValue(a.id);
    case OverdueRole:
        return overdue;
    default:
        return {};
    }
}

QVariant ActionItemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnIncident:
        return tr("Incident");
    case ColumnTitle:
        return tr("Action item");
    case ColumnOwner:
        return tr("Owner");
    case ColumnDue:
        return tr("Due");
    case ColumnState:
        return tr("State");
    }
    return {};
}
