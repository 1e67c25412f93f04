#include "IncidentListModel.h"

#include "IncidentInsights.h"
#include "IncidentStore.h"
#include "ModelRoles.h"
#include "TimeDisplay.h"

#include <QFont>
#include <QMimeData>
#include <QSet>

IncidentListModel::IncidentListModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, &IncidentListModel::reload);
    connect(m_store, &IncidentStore::incidentInserted, this, &IncidentListModel::onInserted);
    connect(m_store, &IncidentStore::incidentChanged, this, &IncidentListModel::onChanged);
    connect(m_store, &IncidentStore::incidentRemoved, this, &IncidentListModel::onRemoved);
    // The card facts follow every change that moves them, one incident at a time where the store says which.
    connect(m_store, &IncidentStore::assignmentsChanged, this, [this](qint64 id) { refreshFacts({id}); });
    connect(m_store, &IncidentStore::alertLinksChanged, this, [this](qint64 id) { refreshFacts({id}); });
    connect(m_store, &IncidentStore::statusUpdatesChanged, this, [this](qint64 id) { refreshFacts({id}); });
    connect(m_store, &IncidentStore::postmortemChanged, this, [this](qint64 id) { refreshFacts({id}); });
    connect(m_store, &IncidentStore::severityHistoryChanged, this, [this](qint64 id) { refreshFacts({id}); });
    connect(m_store, &IncidentStore::alertArchiveChanged, this, [this] { refreshFacts({}); });
    connect(m_store, &IncidentStore::rosterChanged, this, [this] { refreshFacts({}); });
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
    case ModelRoles::ResolvedRole:
        return i.isResolved();
    case ModelRoles::PostmortemDueRole: // a distributed postmortem is no longer due
        return m_facts.value(i.id).postmortemPublishedAt.isValid() ? QDateTime() : i.postmortemDueAt;
    case ModelRoles::CommanderRole:
        return m_facts.value(i.id).commanderName;
    case ModelRoles::FiringAlertsRole:
        return m_facts.value(i.id).firingAlerts;
    case ModelRoles::NextUpdateDueRole:
        return i.isOpen() ? IncidentInsights::nextUpdate(i, m_facts.value(i.id)).due : QDateTime();
    case ModelRoles::NextUpdateAudienceRole:
        return StatusUpdate::audienceKey(IncidentInsights::nextUpdate(i, m_facts.value(i.id)).audience);
    case ModelRoles::SuggestedSeverityRole: {
        const auto it = m_derived.constFind(i.id);
        return it != m_derived.cend() && it->suggestion ? int(*it->suggestion->level) : 0;
    }
    case ModelRoles::SuggestionTextRole: {
        const auto it = m_derived.constFind(i.id);
        return it != m_derived.cend() && it->suggestion ? it->suggestion->explanation : QString();
    }
    case ModelRoles::WarningsRole:
        return m_derived.value(i.id).warnings;
    default:
        return {};
    }
}

Qt::ItemFlags IncidentListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_incidents.at(index.row()).isOpen()) {
        f |= Qt::ItemIsDragEnabled; // a card is dragged to another column to change its severity
    }
    return f;
}

QStringList IncidentListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *IncidentListModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid()) {
            continue;
        }
        const QString id = QString::number(m_incidents.at(index.row()).id);
        if (!ids.contains(id)) {
            ids.append(id);
        }
    }
    auto *mime = new QMimeData;
    mime->setData(mimeType(), ids.join(u',').toUtf8());
    return mime;
}

QList<qint64> IncidentListModel::incidentIdsFromMime(const QMimeData *mime)
{
    QList<qint64> ids;
    if (!mime || !mime->hasFormat(mimeType())) {
        return ids;
    }
    for (const QByteArray &part : mime->data(mimeType()).split(',')) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok && id > 0) {
            ids.append(id);
        }
    }
    return ids;
}

void IncidentListModel::setIncludeClosed(bool include)
{
    if (include != m_includeClosed) {
        m_includeClosed = include;
        reload();
    }
}

void IncidentListModel::setSeverityRules(const SeverityRules &rules)
{
    m_rules = rules;
    m_verdicts.clear();
    for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it) {
        m_verdicts.insert(it.key(), m_rules.suggest(it->firingAlertLabels));
    }
    refreshDerived({}, true);
}

std::optional<SeveritySuggestion> IncidentListModel::suggestionFor(qint64 incidentId) const
{
    return m_derived.value(incidentId).suggestion;
}

void IncidentListModel::refreshFacts(const QList<qint64> &ids)
{
    if (!m_store->isOpen()) {
        return;
    }
    auto read = m_store->incidentFacts(ids);
    if (!read) {
        m_lastError = read.error();
        return;
    }
    m_lastError.clear();
    QList<qint64> changed;
    if (ids.isEmpty()) {
        for (auto it = m_facts.begin(); it != m_facts.end(); ++it) {
            if (!read->contains(it.key())) {
                changed.append(it.key()); // closed since
            }
        }
        for (auto it = read->begin(); it != read->end(); ++it) {
            const auto mine = m_facts.constFind(it.key());
            if (mine == m_facts.cend() || *mine != it.value()) {
                changed.append(it.key());
            }
            if (mine == m_facts.cend() || mine->firingAlertLabels != it->firingAlertLabels) {
                m_verdicts.insert(it.key(), m_rules.suggest(it->firingAlertLabels));
            }
        }
        m_facts = std::move(read.value());
        for (auto it = m_verdicts.begin(); it != m_verdicts.end();) {
            it = m_facts.contains(it.key()) ? std::next(it) : m_verdicts.erase(it);
        }
    } else {
        for (qint64 id : ids) {
            const int row = rowOf(id);
            if (row < 0 || !m_incidents.at(row).isOpen()) {
                m_verdicts.remove(id);
                if (m_facts.remove(id) > 0) {
                    changed.append(id);
                }
                continue;
            }
            const IncidentStore::IncidentFacts fresh = read->value(id);
            const auto mine = m_facts.constFind(id);
            if (mine == m_facts.cend() || mine->firingAlertLabels != fresh.firingAlertLabels) {
                m_verdicts.insert(id, m_rules.suggest(fresh.firingAlertLabels));
            }
            if (mine == m_facts.cend() || *mine != fresh) {
                m_facts.insert(id, fresh);
                changed.append(id);
            }
        }
    }
    for (qint64 id : std::as_const(changed)) {
        if (const int row = rowOf(id); row >= 0) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (!changed.isEmpty()) {
        refreshDerived(changed, true);
    }
}

QStringList IncidentListModel::otherCommands(qint64 incidentId) const
{
    const IncidentStore::IncidentFacts &facts = m_facts.value(incidentId);
    QStringList others;
    if (facts.commanderId == 0) {
        return others;
    }
    for (qint64 other : m_commands.value(facts.commanderId)) {
        if (other != incidentId) {
            others.append(Incident::referenceOf(other));
        }
    }
    return others;
}

void IncidentListModel::refreshDerived(const QList<qint64> &ids, bool announce)
{
    // Who commands which active incidents, to warn about one person holding IC on two. Only ids: cheap to redo.
    QHash<qint64, QList<qint64>> commands;
    for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row >= 0 && it->commanderId > 0 && IncidentInsights::isActive(m_incidents.at(row))) {
            commands[it->commanderId].append(it.key());
        }
    }
    for (auto &list : commands) {
        std::sort(list.begin(), list.end());
    }
    // What to redo: the given incidents, and every incident whose commander's other commands changed.
    QSet<qint64> affected;
    if (ids.isEmpty()) {
        for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it) {
            affected.insert(it.key());
        }
        for (auto it = m_derived.cbegin(); it != m_derived.cend(); ++it) {
            affected.insert(it.key());
        }
    } else {
        for (qint64 id : ids) {
            affected.insert(id);
        }
        for (auto it = commands.cbegin(); it != commands.cend(); ++it) {
            if (m_commands.value(it.key()) != it.value()) {
                for (qint64 id : it.value()) {
                    affected.insert(id);
                }
            }
        }
        for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it) {
            if (!commands.contains(it.key())) {
                for (qint64 id : it.value()) {
                    affected.insert(id);
                }
            }
        }
    }
    m_commands = std::move(commands);
    for (qint64 id : std::as_const(affected)) {
        const int row = rowOf(id);
        std::optional<Derived> fresh;
        if (row >= 0 && m_facts.contains(id)) {
            const Incident &incident = m_incidents.at(row);
            const IncidentStore::IncidentFacts &facts = m_facts.value(id);
            fresh = Derived{IncidentInsights::warnings(incident, facts, otherCommands(id)),
                            IncidentInsights::pendingSuggestion(incident, facts, m_verdicts.value(id))};
        }
        const auto old = m_derived.constFind(id);
        const bool same = fresh ? (old != m_derived.cend() && *old == *fresh) : old == m_derived.cend();
        if (same) {
            continue;
        }
        if (fresh) {
            m_derived.insert(id, *fresh);
        } else {
            m_derived.remove(id);
        }
        if (announce && row >= 0) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
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
    m_facts.clear();
    m_derived.clear();
    if (m_store->isOpen()) {
        if (auto all = m_store->incidents(m_includeClosed)) {
            m_incidents = std::move(all.value());
        }
        if (auto facts = m_store->incidentFacts()) {
            m_facts = std::move(facts.value());
        }
        m_verdicts.clear();
        for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it) {
            m_verdicts.insert(it.key(), m_rules.suggest(it->firingAlertLabels));
        }
        m_commands.clear();
        refreshDerived({}, false);
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
    refreshFacts({id});
}

void IncidentListModel::onChanged(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0) {
        onInserted(id); // a closed incident not read at open, reopened or edited: it joins the list now
        return;
    }
    const auto incident = m_store->incident(id);
    if (!incident) {
        return;
    }
    const bool wasOpen = m_incidents.at(row).isOpen();
    m_incidents[row] = incident.value();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (wasOpen != incident->isOpen()) {
        refreshFacts({id}); // closed: its facts go; reopened: they are read again
    } else {
        refreshDerived({id}, true); // the level, stage or security flag change what the card warns about
    }
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
    m_facts.remove(id);
    m_verdicts.remove(id);
    refreshDerived({id}, true);
}
