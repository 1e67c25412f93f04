#include "SilenceListModel.h"

#include "ConsolePalette.h"

#include <QSet>

SilenceListModel::SilenceListModel(QObject *parent) : QAbstractTableModel(parent) {}

int SilenceListModel::rowOf(const QString &source, const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].source == source && m_rows[row].id == id) {
            return row;
        }
    }
    return -1;
}

void SilenceListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void SilenceListModel::setSilences(const QString &source, const QList<Silence> &silences)
{
    QSet<QString> inForce;
    for (const Silence &s : silences) {
        if (s.state != Silence::State::Expired) {
            inForce.insert(s.id);
        }
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows[row].source == source && !inForce.contains(m_rows[row].id)) {
            removeRow(row);
        }
    }
    for (const Silence &s : silences) {
        if (s.state == Silence::State::Expired) {
            continue;
        }
        const int row = rowOf(source, s.id);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(s);
            endInsertRows();
        } else if (m_rows[row].endsAt != s.endsAt || m_rows[row].state != s.state || m_rows[row].comment != s.comment ||
                   m_rows[row].createdBy != s.createdBy) {
            m_rows[row] = s; // Alertmanager edits a silence by replacing it, but an update may come with the same id
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

void SilenceListModel::keepSources(const QStringList &sources)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!sources.contains(m_rows[row].source)) {
            removeRow(row);
        }
    }
}

void SilenceListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, ColumnTimeLeft), index(rowCount() - 1, ColumnTimeLeft));
    }
}

int SilenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SilenceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Silence &s = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ColumnMatchers:
            return s.matchersText();
        case ColumnCreatedBy:
            return s.createdBy.isEmpty() ? tr("(nobody named)") : s.createdBy;
        case ColumnComment:
            return s.comment.isEmpty() ? tr("(no comment)") : s.comment;
        case ColumnTimeLeft:
            return s.timeLeft(m_now);
        case ColumnSource:
            return s.source;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ColumnMatchers:
            return s.matchersText();
        case ColumnComment:
            return s.comment;
        case ColumnTimeLeft:
            return tr("Until %1 UTC").arg(s.endsAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        default:
            return tr("Silence %1").arg(s.id);
        }
    case Qt::ForegroundRole:
        // A silence nobody signed or explained was made elsewhere: shown so, as the console would not make one.
        if ((index.column() == ColumnCreatedBy && s.createdBy.isEmpty()) || (index.column() == ColumnComment && s.comment.isEmpty())) {
            return ConsolePalette::quiet();
        }
        return {};
    case SilenceIdRole:
        return s.id;
    default:
        return {};
    }
}

QVariant SilenceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ColumnMatchers:
        return tr("Matches");
    case ColumnCreatedBy:
        return tr("Created by");
    case ColumnComment:
        return tr("Comment");
    case ColumnTimeLeft:
        return tr("Time left");
    case ColumnSource:
        return tr("Alertmanager");
    }
    return {};
}
