#pragma once

#include "TimelineEntry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// One incident's timeline in time order, following the store entry by entry.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column { ColumnTime, ColumnUtc, ColumnKind, ColumnSource, ColumnAuthor, ColumnText, ColumnCount };

    TimelineModel(IncidentStore *store, QObject *parent);

    void setIncident(qint64 incidentId); // 0: none
    qint64 incidentId() const { return m_incidentId; }
    void setDisplayTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(qint64 entryId) const;
    const TimelineEntry &entryAt(int row) const { return m_entries.at(row); }

private:
    void reload();
    void onInserted(qint64 incidentId, qint64 entryId);
    void onChanged(qint64 incidentId, qint64 entryId);
    void onRemoved(qint64 incidentId, qint64 entryId);
    int insertionRow(const TimelineEntry &entry) const;

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<TimelineEntry> m_entries; // by occurredAt, then id
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
