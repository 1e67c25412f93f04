#include "TimelineModel.h"

#include "Clock.h"

#include "ConsolePalette.h"

#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace {
bool before(const TimelineIndexRow &a, const TimelineIndexRow &b)
{
    return a.occurredMs != b.occurredMs ? a.occurredMs < b.occurredMs : a.id < b.id;
}
constexpr int kMaxCachedPages = 64; // 8,192 entries: a few screens either way of any scroll position
} // namespace

TimelineModel::TimelineModel(Workspace *workspace, QObject *parent) : QAbstractTableModel(parent), m_workspace(workspace)
{
    IncidentStore *store = m_workspace->store();
    connect(store, &IncidentStore::storeReset, this, [this] {
        m_incidentId = 0;
        reload();
    });
    connect(store, &IncidentStore::incidentRemoved, this, [this](qint64 id) {
        if (id == m_incidentId) {
            m_incidentId = 0;
            reload();
        }
    });
    connect(store, &IncidentStore::timelineEntryInserted, this, &TimelineModel::onInserted);
    connect(store, &IncidentStore::timelineEntryChanged, this, &TimelineModel::onChanged);
    connect(store, &IncidentStore::timelineEntryRemoved, this, &TimelineModel::onRemoved);
    connect(store, &IncidentStore::timelineReset, this, [this](qint64 id) {
        if (id == m_incidentId) {
            reload();
        }
    });
}

void TimelineModel::setIncident(qint64 incidentId)
{
    if (incidentId == m_incidentId && (incidentId == 0 || !m_rows.isEmpty())) {
        return;
    }
    m_incidentId = incidentId;
    reload();
}

void TimelineModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, ColumnTime), index(rowCount() - 1, ColumnTime), {Qt::DisplayRole});
    }
    emit headerDataChanged(Qt::Horizontal, ColumnTime, ColumnTime);
}

void TimelineModel::setThirdTimeZone(const std::optional<QTimeZone> &zone)
{
    m_thirdZone = zone;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, ColumnThirdZone), index(rowCount() - 1, ColumnThirdZone), {Qt::DisplayRole});
    }
    emit headerDataChanged(Qt::Horizontal, ColumnThirdZone, ColumnThirdZone);
}

void TimelineModel::setShowDeleted(bool show)
{
    if (show != m_showDeleted) {
        m_showDeleted = show;
        reload();
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const TimelineEntry *TimelineModel::cached(int row) const
{
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() >= kMaxCachedPages) {
            m_pages.clear(); // simple and bounded; the visible pages come back on the next paint
        }
        QList<qint64> ids;
        const int first = page * kPageSize;
        const int last = std::min(int(m_rows.size()), first + kPageSize);
        ids.reserve(last - first);
        for (int r = first; r < last; ++r) {
            ids.append(m_rows.at(r).id);
        }
        auto entries = m_workspace->store()->timelineEntries(ids);
        if (!entries || entries->size() != ids.size()) {
            m_lastError = entries ? tr("Some timeline entries could not be read.") : entries.error();
            return nullptr;
        }
        it = m_pages.insert(page, std::move(entries.value()));
    }
    return &it->at(row % kPageSize);
}

TimelineEntry TimelineModel::entryAt(int row) const
{
    const TimelineEntry *e = cached(row);
    return e ? *e : TimelineEntry();
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TimelineIndexRow &r = m_rows.at(index.row());
    const QDateTime occurred = QDateTime::fromMSecsSinceEpoch(r.occurredMs, Qt::UTC);
    // What the light index answers: never a page read, so filtering and sorting stay cheap.
    switch (role) {
    case ModelRoles::IdRole:
        return r.id;
    case ModelRoles::IncidentIdRole:
        return m_incidentId;
    case ModelRoles::SourceRole:
        return TimelineEntry::sourceKey(r.source);
    case ModelRoles::KeyMomentRole:
        return r.keyMoment;
    case ModelRoles::CustomerVisibleRole:
        return r.customerVisible;
    case ModelRoles::KindRole:
        return int(r.kind);
    case ModelRoles::DeletedRole:
        return r.deleted;
    case ModelRoles::TimeRole:
        return occurred;
    case ModelRoles::GapRole:
        return index.row() == 0 ? qint64(0) : (r.occurredMs - m_rows.at(index.row() - 1).occurredMs) / 1000;
    default:
        break;
    }
    if (role == Qt::CheckStateRole) {
        if (index.column() == ColumnKeyMoment) {
            return r.keyMoment ? Qt::Checked : Qt::Unchecked;
        }
        if (index.column() == ColumnCustomerVisible) {
            return r.customerVisible ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case ColumnTime: {
            // An entry from another day than today says which day: a back-dated "14:05" never passes for today's.
            const QDate day = occurred.toTimeZone(m_zone).date();
            const QString clock = TimeDisplay::clock(occurred, m_zone);
            return day == Clock::nowUtc().toTimeZone(m_zone).date()
                       ? clock
                       : QStringLiteral("%1 %2").arg(QLocale::c().toString(day, QStringLiteral("MMM d")), clock);
        }
        case ColumnUtc:
            return TimeDisplay::utcClock(occurred);
        case ColumnThirdZone:
            return m_thirdZone ? TimeDisplay::clock(occurred, *m_thirdZone) : QString();
        case ColumnGap: {
            // Compact, since it sits in a narrow column: "+7m", "+1h05".
            const qint64 gap = index.data(ModelRoles::GapRole).toLongLong();
            if (gap < 60) {
                return QString();
            }
            if (gap < 3600) {
                return QStringLiteral("+%1m").arg(gap / 60);
            }
            if (gap < 100 * 3600) {
                return QStringLiteral("+%1h%2").arg(gap / 3600).arg((gap % 3600) / 60, 2, 10, QLatin1Char('0'));
            }
            return QStringLiteral("+%1d").arg(gap / 86400);
        }
        case ColumnKind:
            return role == Qt::EditRole ? QVariant(int(r.kind)) : QVariant(TimelineEntry::kindTitle(r.kind));
        case ColumnSource:
            switch (r.source) {
            case TimelineEntry::Source::Manual:
                return tr("typed");
            case TimelineEntry::Source::Alert:
                return tr("alert");
            case TimelineEntry::Source::System:
                return tr("console");
            }
            return {};
        default:
            break;
        }
    }
    const bool wantsEntry = ((role == Qt::DisplayRole || role == Qt::EditRole)
                             && (index.column() == ColumnAuthor || index.column() == ColumnText))
                            || role == Qt::ToolTipRole;
    if (wantsEntry) {
        const TimelineEntry *e = cached(index.row());
        if (!e) {
            return {};
        }
        if (role == Qt::ToolTipRole) {
            if (index.column() == ColumnTime || index.column() == ColumnUtc || index.column() == ColumnThirdZone) {
                QString tip = tr("Happened %1\nWritten %2 by %3")
                                  .arg(TimeDisplay::dateTime(e->occurredAt, m_zone),
                                       TimeDisplay::dateTime(e->recordedAt, m_zone),
                                       e->author.isEmpty() ? tr("someone") : e->author);
                if (e->originalOccurredAt.isValid()) {
                    tip += tr("\nMoved; first given as %1").arg(TimeDisplay::dateTime(e->originalOccurredAt, m_zone));
                }
                return tip;
            }
            if (index.column() == ColumnText) {
                return e->isDeleted() ? tr("Deleted %1\n\n%2").arg(TimeDisplay::dateTime(e->deletedAt, m_zone), e->text)
                                      : e->text;
            }
            return {};
        }
        if (index.column() == ColumnAuthor) {
            return e->author;
        }
        // The view wraps and folds the text; a very long paste is cut here, whole in the tooltip and the editor.
        if (role == Qt::DisplayRole) {
            const QString shown = e->text.left(4000);
            return e->originalOccurredAt.isValid() ? tr("%1  (time changed)").arg(shown) : shown;
        }
        return e->text;
    }
    switch (role) {
    case Qt::FontRole:
        if (r.keyMoment || r.deleted) {
            QFont font;
            // A key moment's time and words are bold; the narrow columns keep their width for their words.
            font.setBold(r.keyMoment && (index.column() == ColumnTime || index.column() == ColumnText));
            font.setStrikeOut(r.deleted);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (r.deleted) {
            return ConsolePalette::faint();
        }
        if (index.column() == ColumnGap) {
            const qint64 gap = index.data(ModelRoles::GapRole).toLongLong();
            return gap >= 30 * 60 ? ConsolePalette::alarm() : ConsolePalette::quiet();
        }
        // Entries the console wrote must never pass for typed ones.
        if (r.source != TimelineEntry::Source::Manual && index.column() != ColumnText) {
            return ConsolePalette::quiet();
        }
        return {};
    case Qt::BackgroundRole:
        if (r.keyMoment) {
            return ConsolePalette::keyMoment(); // key moments stand out when scanning
        }
        return {};
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ColumnGap:
            return tr("Time since the entry before; red after half an hour of silence");
        case ColumnKeyMoment:
            return tr("Key moment (Ctrl+K pins or unpins the selected entry)");
        case ColumnCustomerVisible:
            return tr("Customer-visible: may appear in customer updates");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnTime:
        return tr("Time (%1)").arg(TimeDisplay::zoneAbbreviation(QDateTime::currentDateTimeUtc(), m_zone));
    case ColumnUtc:
        return tr("UTC");
    case ColumnThirdZone:
        return m_thirdZone ? TimeDisplay::zoneAbbreviation(QDateTime::currentDateTimeUtc(), *m_thirdZone) : QString();
    case ColumnGap:
        return tr("Gap");
    case ColumnKind:
        return tr("Kind");
    case ColumnSource:
        return tr("From");
    case ColumnAuthor:
        return tr("Author");
    case ColumnKeyMoment:
        return tr("Key");
    case ColumnCustomerVisible:
        return tr("Cust.");
    case ColumnText:
        return tr("What happened");
    }
    return {};
}

Qt::ItemFlags TimelineModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || m_workspace->store()->isReadOnly()) {
        return f;
    }
    const TimelineIndexRow &r = m_rows.at(index.row());
    if (r.deleted) {
        return f;
    }
    switch (index.column()) {
    case ColumnKeyMoment:
    case ColumnCustomerVisible:
        return f | Qt::ItemIsUserCheckable;
    case ColumnText:
    case ColumnKind:
        // What a person typed can be corrected; what the console or an alert wrote cannot.
        return r.source == TimelineEntry::Source::Manual ? f | Qt::ItemIsEditable : f;
    default:
        return f;
    }
}

bool TimelineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid()) {
        return false;
    }
    TimelineEntry entry = entryAt(index.row());
    if (entry.id == 0) {
        return false;
    }
    if (role == Qt::CheckStateRole && index.column() == ColumnKeyMoment) {
        entry.keyMoment = value.toInt() == Qt::Checked;
    } else if (role == Qt::CheckStateRole && index.column() == ColumnCustomerVisible) {
        entry.customerVisible = value.toInt() == Qt::Checked;
    } else if (role == Qt::EditRole && index.column() == ColumnText) {
        entry.text = value.toString();
    } else if (role == Qt::EditRole && index.column() == ColumnKind) {
        entry.kind = TimelineEntry::Kind(value.toInt());
    } else {
        return false; // a new time needs a reason: the view asks for it and calls the workspace itself
    }
    const Status s = m_workspace->editTimelineEntry(entry);
    m_lastError = s ? QString() : s.error();
    return s.ok(); // the row updates when the store announces the change
}

int TimelineModel::rowOf(qint64 entryId) const
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) { // new entries are usually at the end
        if (m_rows[row].id == entryId) {
            return row;
        }
    }
    return -1;
}

int TimelineModel::insertionRow(const TimelineIndexRow &row) const
{
    return int(std::upper_bound(m_rows.begin(), m_rows.end(), row, before) - m_rows.begin());
}

TimelineIndexRow TimelineModel::indexRowOf(const TimelineEntry &e)
{
    TimelineIndexRow r;
    r.id = e.id;
    r.occurredMs = e.occurredAt.toMSecsSinceEpoch();
    r.kind = e.kind;
    r.source = e.source;
    r.keyMoment = e.keyMoment;
    r.customerVisible = e.customerVisible;
    r.deleted = e.isDeleted();
    return r;
}

void TimelineModel::reload()
{
    beginResetModel();
    m_rows.clear();
    forgetPages();
    m_lastError.clear();
    if (m_incidentId > 0 && m_workspace->store()->isOpen()) {
        if (auto rows = m_workspace->store()->timelineIndex(m_incidentId, m_showDeleted)) {
            m_rows = std::move(rows.value());
        } else {
            m_lastError = rows.error();
        }
    }
    endResetModel();
}

void TimelineModel::onInserted(qint64 incidentId, qint64 entryId)
{
    if (incidentId != m_incidentId || rowOf(entryId) >= 0) {
        return;
    }
    const auto entry = m_workspace->store()->timelineEntry(entryId);
    if (!entry || (entry->isDeleted() && !m_showDeleted)) {
        return;
    }
    const TimelineIndexRow r = indexRowOf(entry.value());
    const int row = insertionRow(r);
    forgetPages(); // rows after it moved down a place
    beginInsertRows({}, row, row);
    m_rows.insert(row, r);
    forgetPages(); // a listener may have read a page while the row was on its way
    endInsertRows();
    if (row + 1 < m_rows.size()) {
        emit dataChanged(index(row + 1, ColumnGap), index(row + 1, ColumnGap)); // its gap changed
    }
}

void TimelineModel::onChanged(qint64 incidentId, qint64 entryId)
{
    const int row = rowOf(entryId);
    if (row < 0) {
        onInserted(incidentId, entryId); // it may have moved to this incident, or been restored
        return;
    }
    const auto entry = m_workspace->store()->timelineEntry(entryId);
    if (!entry || entry->incidentId != m_incidentId || (entry->isDeleted() && !m_showDeleted)) {
        onRemoved(m_incidentId, entryId);
        return;
    }
    const TimelineIndexRow r = indexRowOf(entry.value());
    if (r.occurredMs == m_rows[row].occurredMs) {
        m_rows[row] = r;
        if (auto page = m_pages.find(row / kPageSize); page != m_pages.end()) {
            (*page)[row % kPageSize] = entry.value();
        }
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A new time moves the entry: take it out and put it back where it now belongs.
    onRemoved(m_incidentId, entryId);
    onInserted(m_incidentId, entryId);
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
    forgetPages();
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    forgetPages();
    endRemoveRows();
    if (row < m_rows.size()) {
        emit dataChanged(index(row, ColumnGap), index(row, ColumnGap));
    }
}
