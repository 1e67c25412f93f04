#include "TimelineModel.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

#include <QColor>
#include <QFont>

namespace {
bool before(const TimelineEntry &a, const TimelineEntry &b)
{
    return a.occurredAt != b.occurredAt ? a.occurredAt < b.occurredAt : a.id < b.id;
}
} // namespace

TimelineModel::TimelineModel(IncidentStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
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
    connect(m_store, &IncidentStore::timelineEntryInserted, this, &TimelineModel::onInserted);
    connect(m_store, &IncidentStore::timelineEntryChanged, this, &TimelineModel::onChanged);
    connect(m_store, &IncidentStore::timelineEntryRemoved, this, &TimelineModel::onRemoved);
}

void TimelineModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void TimelineModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_entries.isEmpty()) {
        emit dataChanged(index(0, ColumnTime), index(rowCount() - 1, ColumnTime), {Qt::DisplayRole});
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TimelineEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnTime:
            return TimeDisplay::clock(e.occurredAt, m_zone);
        case ColumnUtc:
            return TimeDisplay::utcClock(e.occurredAt);
        case ColumnKind:
            return TimelineEntry::kindTitle(e.kind);
        case ColumnSource:
            switch (e.source) {
            case TimelineEntry::Source::Manual:
                return tr("typed");
            case TimelineEntry::Source::Alert:
                return tr("alert");
            case TimelineEntry::Source::System:
                return tr("console");
            }
            return {};
        case ColumnAuthor:
            return e.author;
        case ColumnText:
            return e.text;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ColumnTime || index.column() == ColumnUtc) {
            return tr("Happened %1\nWritten %2")
                .arg(TimeDisplay::dateTime(e.occurredAt, m_zone), TimeDisplay::dateTime(e.recordedAt, m_zone));
        }
        if (index.column() == ColumnText) {
            return e.text;
        }
        return {};
    case Qt::FontRole:
        if (e.keyMoment) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        // Entries the console wrote must never pass for typed ones.
        if (e.source != TimelineEntry::Source::Manual && index.column() != ColumnText) {
            return QColor(0x55, 0x5f, 0x6d);
        }
        return {};
    case ModelRoles::IdRole:
        return e.id;
    case ModelRoles::IncidentIdRole:
        return e.incidentId;
    case ModelRoles::SourceRole:
        return TimelineEntry::sourceKey(e.source);
    case ModelRoles::KeyMomentRole:
        return e.keyMoment;
    case ModelRoles::TimeRole:
        return e.occurredAt;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnTime:
        return tr("Time (%1)").arg(TimeDisplay::zoneAbbreviation(QDateTime::currentDateTimeUtc(), m_zone));
    case ColumnUtc:
        return tr("UTC");
    case ColumnKind:
        return tr("Kind");
    case ColumnSource:
        return tr("From");
    case ColumnAuthor:
        return tr("Author");
    case ColumnText:
        return tr("What happened");
    }
    return {};
}

int TimelineModel::rowOf(qint64 entryId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].id == entryId) {
            return row;
        }
    }
    return -1;
}

int TimelineModel::insertionRow(const TimelineEntry &entry) const
{
    return int(std::upper_bound(m_entries.begin(), m_entries.end(), entry, before) - m_entries.begin());
}

void TimelineModel::reload()
{
    beginResetModel();
    m_entries.clear();
    if (m_incidentId > 0 && m_store->isOpen()) {
        if (auto entries = m_store->timeline(m_incidentId)) {
            m_entries = std::move(entries.value());
        }
    }
    endResetModel();
}

void TimelineModel::onInserted(qint64 incidentId, qint64 entryId)
{
    if (incidentId != m_incidentId || rowOf(entryId) >= 0) {
        return;
    }
    const auto entry = m_store->timelineEntry(entryId);
    if (!entry) {
        return;
    }
    const int row = insertionRow(entry.value());
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry.value());
    endInsertRows();
}

void TimelineModel::onChanged(qint64 incidentId, qint64 entryId)
{
    const int row = rowOf(entryId);
    if (row < 0) {
        onInserted(incidentId, entryId); // it may have moved to this incident
        return;
    }
    const auto entry = m_store->timelineEntry(entryId);
    if (!entry || entry->incidentId != m_incidentId) {
        onRemoved(m_incidentId, entryId);
        return;
    }
    if (entry->occurredAt == m_entries[row].occurredAt) {
        m_entries[row] = entry.value();
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A new time moves the entry: take it out and put it back where it now belongs.
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    const int to = insertionRow(entry.value());
    beginInsertRows({}, to, to);
    m_entries.insert(to, entry.value());
    endInsertRows();
}

void TimelineModel::onRemoved(qint64 incidentId, qint64 entryId)
{
    if (incidentId != m_incidentId) {
        return;
    }
    const int row = rowOf(entryId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}
