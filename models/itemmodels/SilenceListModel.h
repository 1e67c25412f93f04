#pragma once

#include "Silence.h"

#include <QAbstractTableModel>
#include <QDateTime>

// The silences the console's Alertmanagers hold that are in force or about to be: who made each, why, what it
// matches and how long it has left. Each source's answer is applied row by row (inserts, removals, dataChanged), so a
// refresh keeps the selection.
class SilenceListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilenceListModel)

public:
    enum Column { ColumnMatchers, ColumnCreatedBy, ColumnComment, ColumnTimeLeft, ColumnSource, ColumnCount };
    enum Role { SilenceIdRole = Qt::UserRole + 300 };

    explicit SilenceListModel(QObject *parent);

    // Replaces what the source holds; expired silences are left out.
    void setSilences(const QString &source, const QList<Silence> &silences);
    // Forgets sources no longer configured.
    void keepSources(const QStringList &sources);
    // The time "time left" counts from; the column is repainted, nothing else.
    void setNow(const QDateTime &now);

    const Silence &silenceAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &source, const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void removeRow(int row);

    QList<Silence> m_rows;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};
