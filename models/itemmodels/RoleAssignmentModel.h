#pragma once

#include "Role.h"
#include "RoleAssignment.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// One row per role (the playbook's four and any added): who holds it now on the chosen incident, since when,
// and how many hand-offs it has seen.
class RoleAssignmentModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleAssignmentModel)

public:
    enum Column { ColumnRole, ColumnHolder, ColumnSince, ColumnCount };

    RoleAssignmentModel(IncidentStore *store, QObject *parent);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setDisplayTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Role &roleAt(int row) const { return m_roles.at(row); }

private:
    struct Holder
    {
        QString name;
        QDateTime since;
        int handOffs = 0;
        bool operator==(const Holder &) const = default;
    };
    void reload();
    void refreshRoles();
    void refreshHolders();
    QList<Holder> computeHolders() const;

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<Role> m_roles;
    QList<Holder> m_holders; // parallel to m_roles
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
