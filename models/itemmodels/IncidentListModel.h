#pragma once

#include "Incident.h"
#include "IncidentStore.h"
#include "SeverityRules.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>

// Every incident in the file, by id, with what a board card shows about the open ones (commander, firing alerts,
// next update, warnings, severity suggestion). Follows the store row by row, so selections survive edits.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentListModel)

public:
    enum Column { ColumnReference, ColumnSeverity, ColumnTitle, ColumnStage, ColumnDeclared, ColumnCount };
    static QString mimeType() { return QStringLiteral("application/x-incident-console-incidents"); }
    // Ids carried by a drag of cards; empty when the data is not ours.
    static QList<qint64> incidentIdsFromMime(const QMimeData *mime);

    IncidentListModel(IncidentStore *store, QObject *parent);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    void setDisplayTimeZone(const QTimeZone &zone);
    void setSeverityRules(const SeverityRules &rules);
    // Whether opening a file reads its closed incidents too. Years of closed incidents are most of a file and the
    // board hides them, so the window reads them only when asked; incidents closed meanwhile stay in the list.
    void setIncludeClosed(bool include);
    bool includesClosed() const { return m_includeClosed; }
    int rowOf(qint64 incidentId) const; // -1 when absent
    const Incident &incidentAt(int row) const { return m_incidents.at(row); }
    IncidentStore::IncidentFacts factsOf(qint64 incidentId) const { return m_facts.value(incidentId); }
    std::optional<SeveritySuggestion> suggestionFor(qint64 incidentId) const;
    QStringList warningsFor(qint64 incidentId) const { return m_derived.value(incidentId).warnings; }
    QString lastError() const { return m_lastError; }

private:
    struct Derived
    {
        QStringList warnings;
        std::optional<SeveritySuggestion> suggestion;
        bool operator==(const Derived &) const = default;
    };
    void reload();
    void onInserted(qint64 id);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);
    // Re-reads the card facts of these incidents (empty: every open one) and updates the rows that changed.
    void refreshFacts(const QList<qint64> &ids);
    // Warnings and suggestions depend on other incidents too (one IC on two incidents), so they are redone together.
    // ids empty: all of them.
    void refreshDerived(const QList<qint64> &ids, bool announce);
    QStringList otherCommands(qint64 incidentId) const; // other active incidents with the same commander

    IncidentStore *m_store;
    QList<Incident> m_incidents; // ascending id
    QHash<qint64, IncidentStore::IncidentFacts> m_facts; // open incidents only
    QHash<qint64, Derived> m_derived;
    // What the rules make of each open incident's firing alerts; redone only when those alerts or the rules change,
    // since matching is the costly part and everything else here is redone on every change.
    QHash<qint64, SeveritySuggestion> m_verdicts;
    QHash<qint64, QList<qint64>> m_commands; // commander's person id -> the active incidents they command
    SeverityRules m_rules = SeverityRules::builtin();
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_lastError;
    bool m_includeClosed = true;
};
