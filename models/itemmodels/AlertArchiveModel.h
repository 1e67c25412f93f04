#pragma once

#include "ArchivedAlert.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>
#include <QTimer>

class IncidentStore;

// Every alert the console has archived, most recently seen first.
class AlertArchiveModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertArchiveModel)

public:
    enum Column {
        ColumnState,
        ColumnSeverity,
        ColumnName,
        ColumnLabels, // the labels that tell this alert from others of its name
        ColumnSummary,
        ColumnFirstSeen,
        ColumnLastSeen,
        ColumnResolved,
        ColumnSource,
        ColumnCount
    };

    AlertArchiveModel(IncidentStore *store, QObject *parent);
    void setDisplayTimeZone(const QTimeZone &zone);
    // The archive grows with every poll; it is read only while someone looks at it, at most every 5 s.
    void setActive(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    // Rows arrive a page at a time as the view scrolls: a large archive never loads whole on the UI thread.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void reloadSoon();

    IncidentStore *m_store;
    QList<ArchivedAlert> m_alerts;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_active = false;
    bool m_exhausted = true; // the last page came back short
    static constexpr int kPage = 500;
    bool m_dirty = true;
    QTimer *m_throttle;
};
