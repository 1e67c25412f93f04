#pragma once

#include "RoleAssignment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// Who held which role on the chosen incident, from when to when: the hand-off history, oldest first.
class RoleHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleHistoryModel)

public:
    enum Column { ColumnRole, ColumnPerson, ColumnFrom, ColumnTo, ColumnCount };

    RoleHistoryModel(IncidentStore *store, QObject *parent);

    void setIncident(qint64 incidentId);
    void setDisplayTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void refresh();
    QList<RoleAssignment> read() const;

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<RoleAssignment> m_rows;
    QHash<qint64, QString> m_roleNames;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
