#pragma once

#include "ChecklistItem.h"

#include <QAbstractItemModel>
#include <QList>

class Workspace;

// The chosen incident's checklists as a tree: the workflow's stages, each with its items. Ticking an item is an
// undoable edit that stamps the timeline; the tree follows the store item by item.
class ChecklistModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistModel)

public:
    ChecklistModel(Workspace *workspace, QObject *parent);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    QModelIndex indexOfStage(Stage stage) const;
    const QList<ChecklistItem> &itemsOf(Stage stage) const { return m_items.at(int(stage)); }
    QString lastError() const { return m_lastError; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void reload();
    void refresh();
    static constexpr quintptr kStageNode = 0; // internal id of stage rows; items carry stage + 1

    Workspace *m_workspace;
    qint64 m_incidentId = 0;
    QList<QList<ChecklistItem>> m_items; // one list per stage, in workflow order
    QString m_lastError;
};
