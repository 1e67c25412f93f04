#pragma once

#include "StatusUpdate.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// The updates published for one incident, oldest first. Published updates never change, so new ones are appended.
class StatusUpdateListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusUpdateListModel)

public:
    enum Column { ColumnPublished, ColumnAudience, ColumnNextDue, ColumnBody, ColumnCount };

    StatusUpdateListModel(IncidentStore *store, QObject *parent);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setDisplayTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void refresh();
    QList<StatusUpdate> fetch() const;

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<StatusUpdate> m_updates;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
