#pragma once

#include "TimelineEntry.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

class IncidentStore;

// Narrows a timeline to some kinds, sources, key moments or customer-visible entries, and to what a full-text
// search (SQLite FTS5) finds. Works from the timeline's light index, so filtering never reads the entries' words.
class TimelineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineFilterModel)

public:
    TimelineFilterModel(IncidentStore *store, QObject *parent);

    void setKind(std::optional<TimelineEntry::Kind> kind);
    void setSource(std::optional<TimelineEntry::Source> source);
    void setKeyMomentsOnly(bool only);
    void setCustomerVisibleOnly(bool only);
    // Words to find (all of them; the last may be a prefix). Empty: no search. Returns the number of matches.
    int setSearch(const QString &words);
    QStringList searchTerms() const { return m_terms; } // for highlighting
    QString lastError() const { return m_lastError; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void redoSearch();

    IncidentStore *m_store;
    std::optional<TimelineEntry::Kind> m_kind;
    std::optional<TimelineEntry::Source> m_source;
    bool m_keyMomentsOnly = false;
    bool m_customerVisibleOnly = false;
    QString m_words;
    QStringList m_terms;
    QSet<qint64> m_matches;
    QString m_lastError;
};
