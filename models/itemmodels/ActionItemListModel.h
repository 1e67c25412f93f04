#pragma once

#include "ActionItem.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

class IncidentStore;

// Every incident's action items in one list: open ones first, overdue among them first, then by due time; done
// and cancelled ones last (or hidden). The follow-up list the playbook's postmortem leaves behind.
class ActionItemListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionItemListModel)

public:
    enum Column { ColumnIncident, ColumnTitle, ColumnOwner, ColumnDue, ColumnState, ColumnCount };
    enum Role { ItemRole = Qt::UserRole + 1, OverdueRole };

    ActionItemListModel(IncidentStore *store, QObject *parent);

    void setShowClosed(bool show);
    void setDisplayTimeZone(const QTimeZone &zone);
    // Overdue marks move with the clock; the owner of the model calls this now and then (the window: each minute).
    void refresh();

    const ActionItem &itemAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 itemId) const;
    int overdueCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    QList<ActionItem> read() const;
    QString incidentTitle(qint64 incidentId) const;

    IncidentStore *m_store;
    QList<ActionItem> m_rows;
    QHash<qint64, QString> m_people;
    mutable QHash<qint64, QString> m_incidentTitles; // tooltips' cache, filled as they are shown
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_showClosed = false;
};
