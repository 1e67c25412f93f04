#include "TimelineFilterModel.h"

#include "IncidentStore.h"
#include "ModelRoles.h"

#include <QRegularExpression>

TimelineFilterModel::TimelineFilterModel(IncidentStore *store, QObject *parent)
    : QSortFilterProxyModel(parent), m_store(store)
{
    setDynamicSortFilter(true);
    // A search is over the incident shown: when its entries change (as the timeline model sees them, so after it),
    // the matches are looked up again. Entries of other incidents never cost a search.
    connect(this, &QSortFilterProxyModel::sourceModelChanged, this, [this] {
        auto again = [this] {
            if (!m_words.isEmpty()) {
                redoSearch();
            }
        };
        connect(sourceModel(), &QAbstractItemModel::rowsInserted, this, again);
        connect(sourceModel(), &QAbstractItemModel::rowsRemoved, this, again);
        connect(sourceModel(), &QAbstractItemModel::modelReset, this, again);
        connect(sourceModel(), &QAbstractItemModel::dataChanged, this, again);
    });
}

void TimelineFilterModel::setKind(std::optional<TimelineEntry::Kind> kind)
{
    m_kind = kind;
    invalidateFilter();
}

void TimelineFilterModel::setSource(std::optional<TimelineEntry::Source> source)
{
    m_source = source;
    invalidateFilter();
}

void TimelineFilterModel::setKeyMomentsOnly(bool only)
{
    m_keyMomentsOnly = only;
    invalidateFilter();
}

void TimelineFilterModel::setCustomerVisibleOnly(bool only)
{
    m_customerVisibleOnly = only;
    invalidateFilter();
}

int TimelineFilterModel::setSearch(const QString &words)
{
    m_words = words.trimmed();
    m_terms = m_words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    redoSearch();
    return int(m_matches.size());
}

void TimelineFilterModel::redoSearch()
{
    m_matches.clear();
    m_lastError.clear();
    if (!m_words.isEmpty() && sourceModel() && sourceModel()->rowCount() > 0) {
        const qint64 incident = sourceModel()->index(0, 0).data(ModelRoles::IncidentIdRole).toLongLong();
        const auto ids = m_store->searchTimeline(m_words, incident, 1'000'000);
        if (ids) {
            m_matches = QSet<qint64>(ids->begin(), ids->end());
        } else {
            m_lastError = ids.error();
        }
    }
    invalidateFilter();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_kind && index.data(ModelRoles::KindRole).toInt() != int(*m_kind)) {
        return false;
    }
    if (m_source && index.data(ModelRoles::SourceRole).toString() != TimelineEntry::sourceKey(*m_source)) {
        return false;
    }
    if (m_keyMomentsOnly && !index.data(ModelRoles::KeyMomentRole).toBool()) {
        return false;
    }
    if (m_customerVisibleOnly && !index.data(ModelRoles::CustomerVisibleRole).toBool()) {
        return false;
    }
    if (!m_words.isEmpty() && !m_matches.contains(index.data(ModelRoles::IdRole).toLongLong())) {
        return false;
    }
    return true;
}
