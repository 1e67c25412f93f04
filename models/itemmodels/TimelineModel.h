#pragma once

#include "TimelineEntry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>

class Workspace;

// One incident's timeline in time order, following the store entry by entry. It holds a light index of every
// entry (time, kind, flags) and reads the words page by page as rows are shown, so an incident with 100,000
// entries opens at once. Text, kind and the flags are edited in place through the workspace (undoable).
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column {
        ColumnTime,
        ColumnUtc,
        ColumnThirdZone, // empty unless a third zone is set
        ColumnGap,
        ColumnText,
        ColumnKind,
        ColumnSource,
        ColumnAuthor,
        ColumnKeyMoment,
        ColumnCustomerVisible,
        ColumnCount
    };
    static constexpr int kPageSize = 128;

    TimelineModel(Workspace *workspace, QObject *parent);

    void setIncident(qint64 incidentId); // 0: none; the same id again changes nothing
    qint64 incidentId() const { return m_incidentId; }
    void setDisplayTimeZone(const QTimeZone &zone);
    void setThirdTimeZone(const std::optional<QTimeZone> &zone);
    void setShowDeleted(bool show);
    bool showsDeleted() const { return m_showDeleted; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    int rowOf(qint64 entryId) const;
    const TimelineIndexRow &indexRowAt(int row) const { return m_rows.at(row); }
    TimelineEntry entryAt(int row) const; // reads its page if needed
    QString lastError() const { return m_lastError; }
    int cachedPages() const { return int(m_pages.size()); }

private:
    void reload();
    void onInserted(qint64 incidentId, qint64 entryId);
    void onChanged(qint64 incidentId, qint64 entryId);
    void onRemoved(qint64 incidentId, qint64 entryId);
    int insertionRow(const TimelineIndexRow &row) const;
    const TimelineEntry *cached(int row) const;
    void forgetPages() const { m_pages.clear(); }
    static TimelineIndexRow indexRowOf(const TimelineEntry &e);

    Workspace *m_workspace;
    qint64 m_incidentId = 0;
    bool m_showDeleted = false;
    QList<TimelineIndexRow> m_rows; // by time, then id
    mutable QHash<int, QList<TimelineEntry>> m_pages; // page number -> its entries, row order
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::optional<QTimeZone> m_thirdZone;
    mutable QString m_lastError;
};
