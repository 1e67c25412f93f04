#pragma once

#include "Incident.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// Every incident in the file, by id. Follows the store row by row, so selections survive edits.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentListModel)

public:
    enum Column { ColumnReference, ColumnSeverity, ColumnTitle, ColumnStage, ColumnDeclared, ColumnCount };

    IncidentListModel(IncidentStore *store, QObject *parent);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDisplayTimeZone(const QTimeZone &zone);
    int rowOf(qint64 incidentId) const; // -1 when absent
    const Incident &incidentAt(int row) const { return m_incidents.at(row); }

private:
    void reload();
    void onInserted(qint64 id);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);

    IncidentStore *m_store;
    QList<Incident> m_incidents; // ascending id
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
