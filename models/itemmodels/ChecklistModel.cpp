#include "ChecklistModel.h"

#include "ModelRoles.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QFont>

ChecklistModel::ChecklistModel(Workspace *workspace, QObject *parent)
    : QAbstractItemModel(parent), m_workspace(workspace)
{
    for (int i = 0; i < int(Stages::all().size()); ++i) {
        m_items.append(QList<ChecklistItem>());
    }
    IncidentStore *store = m_workspace->store();
    connect(store, &IncidentStore::storeReset, this, [this] {
        beginResetModel();
        m_incidentId = 0;
        endResetModel();
        reload();
    });
    connect(store, &IncidentStore::incidentRemoved, this, [this](qint64 id) {
        if (id == m_incidentId) {
            setIncident(0);
        }
    });
    connect(store, &IncidentStore::checklistChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            refresh();
        }
    });
}

void ChecklistModel::setIncident(qint64 incidentId)
{
    if (incidentId == m_incidentId) {
        return;
    }
    beginResetModel();
    m_incidentId = incidentId; // rowCount() depends on it: changed inside the reset
    endResetModel();
    reload();
}

void ChecklistModel::reload()
{
    beginResetModel();
    for (auto &list : m_items) {
        list.clear();
    }
    m_lastError.clear();
    if (m_incidentId > 0 && m_workspace->store()->isOpen()) {
        const auto items = m_workspace->store()->checklist(m_incidentId);
        if (items) {
            for (const ChecklistItem &item : items.value()) {
                m_items[int(item.stage)].append(item);
            }
        } else {
            m_lastError = items.error();
        }
    }
    endResetModel();
}

void ChecklistModel::refresh()
{
    const auto items = m_workspace->store()->checklist(m_incidentId);
    if (!items) {
        m_lastError = items.error();
        return;
    }
    QList<QList<ChecklistItem>> fresh(m_items.size());
    for (const ChecklistItem &item : items.value()) {
        fresh[int(item.stage)].append(item);
    }
    for (int stage = 0; stage < int(m_items.size()); ++stage) {
        QList<ChecklistItem> &mine = m_items[stage];
        const QList<ChecklistItem> &theirs = fresh.at(stage);
        const QModelIndex parent = index(stage, 0);
        // Items are only ever ticked, appended or (by undo) removed from the end: apply exactly that, row by row.
        int common = 0;
        while (common < mine.size() && common < theirs.size() && mine.at(common).id == theirs.at(common).id) {
            if (mine.at(common) != theirs.at(common)) {
                mine[common] = theirs.at(common);
                const QModelIndex changed = index(common, 0, parent);
                emit dataChanged(changed, changed);
            }
            ++common;
        }
        if (common < mine.size()) {
            beginRemoveRows(parent, common, int(mine.size()) - 1);
            mine.erase(mine.begin() + common, mine.end());
            endRemoveRows();
        }
        if (common < theirs.size()) {
            beginInsertRows(parent, common, int(theirs.size()) - 1);
            mine.append(theirs.mid(common));
            endInsertRows();
        }
        emit dataChanged(parent, parent); // the stage's "2 of 3 done"
    }
}

QModelIndex ChecklistModel::indexOfStage(Stage stage) const
{
    return index(int(stage), 0);
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, kStageNode);
    }
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ChecklistModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kStageNode) {
        return {};
    }
    return createIndex(int(child.internalId()) - 1, 0, kStageNode);
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return m_incidentId > 0 ? int(m_items.size()) : 0;
    }
    if (parent.internalId() == kStageNode && parent.column() == 0) {
        return int(m_items.at(parent.row()).size());
    }
    return 0;
}

int ChecklistModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == kStageNode) {
        const Stage stage = Stages::all().at(index.row());
        const auto &items = m_items.at(index.row());
        const auto done = std::count_if(items.begin(), items.end(), [](const ChecklistItem &i) { return i.isDone(); });
        switch (role) {
        case Qt::DisplayRole:
            return items.isEmpty() ? Stages::title(stage)
                                   : tr("%1 — %2 of %3 done").arg(Stages::title(stage)).arg(done).arg(items.size());
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case ModelRoles::StageRole:
            return int(stage);
        default:
            return {};
        }
    }
    const ChecklistItem &item = m_items.at(int(index.internalId()) - 1).at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return item.text;
    case Qt::CheckStateRole:
        return item.isDone() ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return QString(item.text + u'\n'
               + (item.isDone() ? tr("Done %1 by %2").arg(TimeDisplay::dateTime(item.doneAt, QTimeZone::systemTimeZone()),
                                                         item.doneBy.isEmpty() ? tr("someone") : item.doneBy)
                                : (item.isDefault ? tr("From the playbook") : tr("Added for this incident"))));
    case ModelRoles::IdRole:
        return item.id;
    case ModelRoles::StageRole:
        return int(item.stage);
    default:
        return {};
    }
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.internalId() == kStageNode) {
        return false;
    }
    const ChecklistItem &item = m_items.at(int(index.internalId()) - 1).at(index.row());
    const bool done = value.toInt() == Qt::Checked;
    const Status s = m_workspace->setChecklistItemDone(m_incidentId, item.id, done);
    m_lastError = s ? QString() : s.error();
    return s.ok(); // the row itself updates when the store announces the change
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == kStageNode) {
        return Qt::ItemIsEnabled;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_workspace->store()->isReadOnly()) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}
