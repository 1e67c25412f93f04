#include "LiveAlertModel.h"

#include "ConsolePalette.h"

#include "Incident.h"
#include "IncidentStore.h"
#include "TimeDisplay.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace {
const QSet<QString> kLabelsShownElsewhere{QStringLiteral("alertname"), QStringLiteral("severity")};
}

LiveAlertModel::LiveAlertModel(IncidentStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &IncidentStore::storeReset, this, &LiveAlertModel::reloadAcks);
    connect(m_store, &IncidentStore::storeReset, this, &LiveAlertModel::reloadLinks);
    connect(m_store, &IncidentStore::alertLinksChanged, this, &LiveAlertModel::reloadLinks);
    connect(m_store, &IncidentStore::alertAckChanged, this, [this](const QString &identity) {
        const auto acks = m_store->alertAcks();
        if (!acks) {
            return;
        }
        m_acks = acks.value();
        if (const int row = rowOf(identity); row >= 0) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    });
    reloadAcks();
    reloadLinks();
}

void LiveAlertModel::reloadLinks()
{
    QHash<QString, QString> linked;
    if (m_store->isOpen()) {
        if (const auto links = m_store->alertLinksByIdentity()) {
            for (auto it = links->cbegin(); it != links->cend(); ++it) {
                QList<qint64> ids = it->incidentIds;
                std::sort(ids.begin(), ids.end());
                QStringList references;
                for (qint64 id : std::as_const(ids)) {
                    references.append(Incident::referenceOf(id));
                }
                linked.insert(it.key(), references.join(QStringLiteral(", ")));
            }
        }
    }
    // Only the rows whose links moved are repainted: a link is one alert, not the whole table.
    QList<int> changed;
    for (int row = 0; row < rowCount(); ++row) {
        const QString &identity = m_rows[size_t(row)]->alert.identity;
        if (linked.value(identity) != m_linkedTo.value(identity)) {
            changed.append(row);
        }
    }
    m_linkedTo = std::move(linked);
    for (int row : std::as_const(changed)) {
        emit dataChanged(index(row, ColumnIncident), index(row, ColumnIncident));
    }
}

int LiveAlertModel::severityRank(const QString &label)
{
    const QString s = label.trimmed().toUpper();
    if (s == QStringLiteral("SEV-1") || s == QStringLiteral("CRITICAL") || s == QStringLiteral("PAGE")) {
        return 1;
    }
    if (s == QStringLiteral("SEV-2") || s == QStringLiteral("ERROR") || s == QStringLiteral("MAJOR")) {
        return 2;
    }
    if (s == QStringLiteral("SEV-3") || s == QStringLiteral("WARNING") || s == QStringLiteral("MINOR")) {
        return 3;
    }
    return 9;
}

void LiveAlertModel::reloadAcks()
{
    m_acks.clear();
    if (m_store->isOpen()) {
        if (auto acks = m_store->alertAcks()) {
            m_acks = acks.value();
        }
    }
    if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1)); // the name's weight follows the ack too
    }
}

void LiveAlertModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_index.insert(m_rows[i]->alert.identity, int(i));
    }
}

void LiveAlertModel::emitRowsChanged(QList<int> rows)
{
    // One dataChanged per run of neighbouring rows: fine-grained, without a signal per cell.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) {
            ++j;
        }
        emit dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1));
        i = j + 1;
    }
}

void LiveAlertModel::apply(const AlertDelta &delta)
{
    if (!delta.resolved.isEmpty()) {
        QList<int> gone;
        gone.reserve(delta.resolved.size());
        for (const QString &identity : delta.resolved) {
            if (const int row = rowOf(identity); row >= 0) {
                gone.append(row);
            }
        }
        std::sort(gone.begin(), gone.end(), std::greater<int>());
        for (qsizetype i = 0; i < gone.size();) {
            // gone is descending: [last .. first] is one contiguous block
            qsizetype j = i;
            while (j + 1 < gone.size() && gone[j + 1] == gone[j] - 1) {
                ++j;
            }
            const int first = gone[j];
            const int last = gone[i];
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
            i = j + 1;
        }
        if (!gone.isEmpty()) {
            rebuildIndex();
        }
    }
    if (!delta.changed.isEmpty()) {
        QList<int> rows;
        rows.reserve(delta.changed.size());
        for (const Alert &alert : delta.changed) {
            if (const int row = rowOf(alert.identity); row >= 0) {
                m_rows[size_t(row)]->alert = alert;
                m_rows[size_t(row)]->rank = severityRank(alert.severity());
                rows.append(row);
            }
        }
        emitRowsChanged(rows);
    }
    if (!delta.added.isEmpty()) {
        QList<const Alert *> fresh;
        for (const Alert &alert : delta.added) {
            if (rowOf(alert.identity) < 0) {
                fresh.append(&alert);
            }
        }
        if (!fresh.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(fresh.size()) - 1);
            m_rows.reserve(m_rows.size() + size_t(fresh.size()));
            for (const Alert *alert : fresh) {
                m_index.insert(alert->identity, int(m_rows.size()));
                m_rows.push_back(std::make_unique<Row>(Row{*alert, severityRank(alert->severity())}));
            }
            endInsertRows();
        }
    }
}

bool LiveAlertModel::isStale(int row) const
{
    const QStringList &sources = m_rows[size_t(row)]->alert.sources;
    return !sources.isEmpty() &&
           std::all_of(sources.begin(), sources.end(), [this](const QString &s) { return m_failingSources.contains(s); });
}

void LiveAlertModel::setSourceStatus(const SourceStatus &status)
{
    const bool wasFailing = m_failingSources.contains(status.source);
    if (wasFailing == status.isFailing()) {
        return;
    }
    if (status.isFailing()) {
        m_failingSources.insert(status.source);
    } else {
        m_failingSources.remove(status.source);
    }
    QList<int> rows;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->alert.sources.contains(status.source)) {
            rows.append(int(i));
        }
    }
    emitRowsChanged(rows);
}

void LiveAlertModel::resetSources(const QStringList &names)
{
    Q_UNUSED(names);
    m_failingSources.clear();
}

void LiveAlertModel::setGroupLabel(const QString &label)
{
    if (label == m_groupLabel) {
        return;
    }
    m_groupLabel = label;
    emit headerDataChanged(Qt::Horizontal, ColumnGroup, ColumnGroup);
    if (!m_rows.empty()) {
        emit dataChanged(index(0, ColumnGroup), index(rowCount() - 1, ColumnGroup));
    }
}

void LiveAlertModel::setDisplayTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.empty()) {
        emit dataChanged(index(0, ColumnSince), index(rowCount() - 1, ColumnSince), {Qt::DisplayRole});
    }
}

int LiveAlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveAlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveAlertModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row &r = *m_rows[size_t(index.row())];
    const Alert &a = r.alert;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnGroup: {
            const QString value = a.label(m_groupLabel);
            return value.isEmpty() ? tr("(no %1)").arg(m_groupLabel) : value;
        }
        case ColumnState: {
            const QString state = Alert::stateKey(a.state);
            return isStale(index.row()) ? tr("%1 (stale)").arg(state) : state;
        }
        case ColumnSeverity:
            return a.severity();
        case ColumnName:
            return a.alertName();
        case ColumnLabels: {
            QStringList parts;
            for (const auto &[k, v] : a.labels) {
                if (!kLabelsShownElsewhere.contains(k)) {
                    parts.append(k + u'=' + v);
                }
            }
            return parts.join(QStringLiteral(", "));
        }
        case ColumnSummary:
            return a.annotation(u"summary");
        case ColumnSince:
            return TimeDisplay::dateTime(a.activeSince, m_zone);
        case ColumnSource:
            return a.sources.size() > 1 ? tr("%1 (+%2)").arg(a.sources.value(0)).arg(a.sources.size() - 1)
                                        : a.sources.value(0);
        case ColumnAck: {
            const auto it = m_acks.constFind(a.identity);
            return it == m_acks.cend() ? QString() : tr("✓ %1: %2").arg(it->author, it->note);
        }
        case ColumnIncident:
            return m_linkedTo.value(a.identity);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ColumnSource) {
            return a.sources.join(u'\n');
        }
        if (index.column() == ColumnSummary) {
            return a.annotation(u"description").isEmpty() ? a.annotation(u"summary") : a.annotation(u"description");
        }
        return {};
    case Qt::ForegroundRole:
        if (isStale(index.row()) || a.state == Alert::State::Suppressed) {
            return ConsolePalette::faint();
        }
        if (index.column() == ColumnSeverity) {
            switch (r.rank) {
            case 1:
                return ConsolePalette::severity(Severity::Sev1);
            case 2:
                return ConsolePalette::severity(Severity::Sev2);
            case 3:
                return ConsolePalette::severity(Severity::Sev3);
            }
        }
        return {};
    case Qt::FontRole:
        if (index.column() == ColumnName && a.state == Alert::State::Firing && !m_acks.contains(a.identity)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case IdentityRole:
        return a.identity;
    case StaleRole:
        return isStale(index.row());
    case AckedRole:
        return m_acks.contains(a.identity);
    case SeverityRankRole:
        return r.rank;
    case SortRole:
        switch (index.column()) {
        case ColumnState:
            return int(a.state);
        case ColumnSeverity:
            return r.rank;
        case ColumnSince:
            return a.activeSince.toMSecsSinceEpoch();
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant LiveAlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnGroup:
        return m_groupLabel;
    case ColumnState:
        return tr("State");
    case ColumnSeverity:
        return tr("Severity");
    case ColumnName:
        return tr("Alert");
    case ColumnLabels:
        return tr("Labels");
    case ColumnSummary:
        return tr("Summary");
    case ColumnSince:
        return tr("Active since");
    case ColumnSource:
        return tr("Source");
    case ColumnAck:
        return tr("Acknowledged");
    case ColumnIncident:
        return tr("Incident");
    }
    return {};
}
