#pragma once

#include "Alert.h"
#include "AlertAck.h"
#include "AlertSnapshot.h"
#include "SourceStatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <memory>
#include <vector>

class IncidentStore;

// What is firing now, across every source, applied change by change (inserts, removals, dataChanged) so the
// view keeps its selection and scroll position through every poll.
class LiveAlertModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveAlertModel)

public:
    enum Column { ColumnGroup, ColumnState, ColumnSeverity, ColumnName, ColumnLabels, ColumnSummary, ColumnSince, ColumnSource,
                  ColumnAck, ColumnIncident, ColumnCount };
    enum Role { IdentityRole = Qt::UserRole + 100, SortRole, StaleRole, AckedRole, SeverityRankRole };

    LiveAlertModel(IncidentStore *store, QObject *parent);

    void apply(const AlertDelta &delta);
    void setSourceStatus(const SourceStatus &status);
    void resetSources(const QStringList &names);
    void setDisplayTimeZone(const QTimeZone &zone);
    // The label whose value the group column shows; empty for none.
    void setGroupLabel(const QString &label);
    QString groupLabel() const { return m_groupLabel; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Alert &alertAt(int row) const { return m_rows[size_t(row)]->alert; }
    int rowOf(const QString &identity) const { return m_index.value(identity, -1); }
    bool isStale(int row) const;
    AlertAck ackOf(const QString &identity) const { return m_acks.value(identity); }
    // The incidents the alert is linked to, as people say them ("INC-3, INC-7"); empty when none.
    QString linkedIncidents(const QString &identity) const { return m_linkedTo.value(identity); }

    // 1 for SEV-1 ... 3 for SEV-3; 9 when the severity label is missing or unknown.
    static int severityRank(const QString &severityLabel);

private:
    struct Row
    {
        Alert alert;
        int rank = 9; // severityRank(), kept: sorting 10,000 rows asks for it a hundred thousand times
    };
    void reloadAcks();
    void reloadLinks();
    void rebuildIndex();
    void emitRowsChanged(QList<int> rows);

    IncidentStore *m_store;
    std::vector<std::unique_ptr<Row>> m_rows;
    QHash<QString, int> m_index;
    QSet<QString> m_failingSources;
    QHash<QString, AlertAck> m_acks;
    QHash<QString, QString> m_linkedTo; // identity -> "INC-3, INC-7"
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_groupLabel;
};
