#include "TimelineTables.h"

#include "FastIsoTime.h"
#include "StoredTime.h"

#include "SqlDialect.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Result<QList<TimelineEntry>> TimelineTables::timeline(qint64 incidentId, bool includeDeleted) const
{
    return m_store.selectRows(Tables::timelineEntries(),
                              QStringLiteral("WHERE incident_id = ? %1ORDER BY occurred_at, id")
                                  .arg(includeDeleted ? QString() : QStringLiteral("AND deleted_at IS NULL ")),
                              {incidentId}, tr("Could not read the timeline"));
}

Result<QList<TimelineEntry>> TimelineTables::keyMomentsAndActions(qint64 incidentId, bool withActions) const
{
    return m_store.selectRows(
        Tables::timelineEntries(),
        QStringLiteral("WHERE incident_id = ? AND deleted_at IS NULL "
                       "AND (is_key_moment = 1 OR (? = 1 AND kind = 'action' AND source = 'manual')) "
                       "ORDER BY occurred_at, id"),
        {incidentId, withActions ? 1 : 0}, tr("Could not read the timeline"));
}

Result<TimelineEntry> TimelineTables::timelineEntry(qint64 id) const
{
    return m_store.selectRow(Tables::timelineEntries(), id, tr("Could not read timeline entry %1").arg(id),
                             tr("There is no timeline entry %1.").arg(id));
}

Result<qint64> TimelineTables::insertTimelineEntry(const TimelineEntry &entry)
{
    if (!entry.occurredAt.isValid() || !entry.recordedAt.isValid()) {
        return Status::failure(tr("A timeline entry needs the time it happened and the time it was written."));
    }
    qint64 newId = 0;
    const Status s = m_store.write([&]() -> Status {
        auto q = m_store.prepareInsert(Tables::timelineEntries().spec().insertStatement());
        Tables::timelineEntries().bindInsert(q, entry);
        const auto id = m_store.execInsert(q, tr("Could not save the timeline entry"));
        if (!id) {
            return id.status();
        }
        newId = id.value();
        if (const Status s = changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id = ?"), {newId}); !s) {
            return s;
        }
        m_store.announce(StoreChange::timelineEntryInserted(entry.incidentId, newId));
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return newId;
}

Status TimelineTables::updateTimelineEntry(const TimelineEntry &entry)
{
    return m_store.write([&]() -> Status {
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, QStringLiteral("id = ?"), {entry.id}); !s) {
            return s;
        }
        auto q = m_store.prepare(Tables::timelineEntries().spec().updateStatement());
        Tables::timelineEntries().bindUpdate(q, entry);
        if (const Status s = m_store.exec(q, tr("Could not save timeline entry %1").arg(entry.id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no timeline entry %1.").arg(entry.id));
        }
        if (const Status s = changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id = ?"), {entry.id}); !s) {
            return s;
        }
        m_store.announce(StoreChange::timelineEntryChanged(entry.incidentId, entry.id));
        return Status::success();
    });
}

Status TimelineTables::deleteTimelineEntry(qint64 id)
{
    return m_store.write([&]() -> Status {
        const auto entry = timelineEntry(id);
        if (!entry) {
            return entry.status();
        }
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, QStringLiteral("id = ?"), {id}); !s) {
            return s;
        }
        auto q = m_store.prepare(QStringLiteral("DELETE FROM timeline_entries WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove timeline entry %1").arg(id)); !s) {
            return s;
        }
        m_store.announce(StoreChange::timelineEntryRemoved(entry->incidentId, id));
        return Status::success();
    });
}

Result<QList<TimelineIndexRow>> TimelineTables::timelineIndex(qint64 incidentId, bool includeDeleted) const
{
    // Raw rows: a QSqlQuery row costs a QVariant per column, which for 100,000 entries is most of the time it takes to
    // open a long timeline. Times come back as stored and are read here by FastIsoTime: PostgreSQL's text-to-timestamp
    // conversion alone took 140 ms of a 100,000-entry opening.
    const QByteArray sql =
        QStringLiteral("SELECT id, occurred_at, kind, source, is_key_moment, customer_visible, deleted_at IS NOT NULL "
                       "FROM timeline_entries WHERE incident_id = ?1 %1ORDER BY occurred_at, id")
            .arg(includeDeleted ? QString() : QStringLiteral("AND deleted_at IS NULL "))
            .toUtf8();
    // Decoded with the same key functions the table's declaration uses (no second decoding in SQL).
    static const StoredWords<TimelineEntry::Kind> kinds(TimelineEntry::kinds(), &TimelineEntry::kindKey);
    static const StoredWords<TimelineEntry::Source> sources(TimelineEntry::sources(), &TimelineEntry::sourceKey);
    QList<TimelineIndexRow> rows;
    QString unknown;
    const Status s = m_store.forEachRawRow(sql, {incidentId}, [&](const RawRow &raw) {
        TimelineIndexRow r;
        r.id = raw.integer(0);
        const QByteArrayView time = raw.text(1);
        if (!FastIsoTime::parse(std::string_view(time.data(), size_t(time.size())), r.occurredMs)) {
            // Written by hand or by an older version in another shape: the careful reading.
            r.occurredMs = StoredTime::parse(QString::fromUtf8(time)).toMSecsSinceEpoch();
        }
        const auto kind = kinds.decode(raw.text(2));
        const auto source = sources.decode(raw.text(3));
        if (!kind || !source) {
            const auto &spec = Tables::timelineEntries().spec();
            unknown = TableSchema::unknownValue(spec, r.id,
                                                spec.column(kind ? QStringLiteral("source") : QStringLiteral("kind")),
                                                QString::fromUtf8(raw.text(kind ? 3 : 2)));
            return false;
        }
        r.kind = *kind;
        r.source = *source;
        r.keyMoment = raw.integer(4);
        r.customerVisible = raw.integer(5);
        r.deleted = raw.integer(6);
        rows.append(r);
        return true;
    });
    if (!s) {
        return Status::failure(tr("Could not read the timeline: %1").arg(unknown.isEmpty() ? s.error() : unknown));
    }
    return rows;
}

Result<QList<TimelineEntry>> TimelineTables::timelineEntries(const QList<qint64> &ids) const
{
    if (ids.isEmpty()) {
        return QList<TimelineEntry>();
    }
    auto read =
        m_store.selectRows(Tables::timelineEntries(), QStringLiteral("WHERE id IN ") + m_store.m_dialect->idList(),
                           {m_store.m_dialect->idListValue(ids)}, tr("Could not read the timeline"));
    if (!read) {
        return read.status();
    }
    QHash<qint64, TimelineEntry> byId;
    for (TimelineEntry &e : read.value()) {
        byId.insert(e.id, std::move(e));
    }
    QList<TimelineEntry> entries;
    entries.reserve(ids.size());
    for (qint64 id : ids) {
        if (const auto it = byId.constFind(id); it != byId.cend()) {
            entries.append(*it);
        }
    }
    return entries;
}

Result<QList<qint64>> TimelineTables::insertTimelineEntries(const QList<TimelineEntry> &entries)
{
    QList<qint64> ids;
    QSet<qint64> incidents;
    const Status s = m_store.write([&]() -> Status {
        auto q = m_store.prepareInsert(Tables::timelineEntries().spec().insertStatement());
        for (const TimelineEntry &entry : entries) {
            if (!entry.occurredAt.isValid() || !entry.recordedAt.isValid()) {
                return Status::failure(tr("A timeline entry needs the time it happened and the time it was written."));
            }
            Tables::timelineEntries().bindInsert(q, entry);
            const auto id = m_store.execInsert(q, tr("Could not save the timeline entries"));
            if (!id) {
                return id.status();
            }
            ids.append(id.value());
            incidents.insert(entry.incidentId);
        }
        if (const Status s = addToSearchIndex(ids); !s) {
            return s;
        }
        for (qint64 incident : std::as_const(incidents)) {
            m_store.announce(StoreChange::timelineReset(incident));
        }
        return Status::success();
    });
    if (!s) {
        return s;
    }
    return ids;
}

Status TimelineTables::deleteTimelineEntries(qint64 incidentId, const QList<qint64> &ids)
{
    const QVariant idList = m_store.m_dialect->idListValue(ids);
    const QString which = QStringLiteral("incident_id = ? AND id IN ") + m_store.m_dialect->idList();
    return m_store.write([&]() -> Status {
        if (const Status s = changeSearchIndex(SearchIndexChange::Remove, which, {incidentId, idList}); !s) {
            return s;
        }
        auto q = m_store.prepare(QStringLiteral("DELETE FROM timeline_entries WHERE ") + which);
        q.addBindValue(incidentId);
        q.addBindValue(idList);
        if (const Status s = m_store.exec(q, tr("Could not remove the timeline entries")); !s) {
            return s;
        }
        m_store.announce(StoreChange::timelineReset(incidentId));
        return Status::success();
    });
}

Result<QList<TimelineRevision>> TimelineTables::timelineRevisions(qint64 entryId) const
{
    return m_store.selectRows(Tables::timelineRevisions(), QStringLiteral("WHERE entry_id = ? ORDER BY id"), {entryId},
                              tr("Could not read the history of entry %1").arg(entryId));
}

Result<qint64> TimelineTables::insertTimelineRevision(const TimelineRevision &r)
{
    return m_store.insertRow(
        Tables::timelineRevisions(), r, tr("Could not record the change of entry %1").arg(r.entryId),
        [this, entry = r.entryId](qint64) { m_store.announce(StoreChange::timelineRevisionsChanged(entry)); });
}

Status TimelineTables::deleteTimelineRevision(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM timeline_revisions WHERE id = ? RETURNING entry_id"), {id},
                             tr("Could not remove revision %1").arg(id), tr("There is no revision %1.").arg(id),
                             [this](qint64 entry) { m_store.announce(StoreChange::timelineRevisionsChanged(entry)); });
}

Status TimelineTables::changeSearchIndex(SearchIndexChange change, const QString &where, const QVariantList &values)
{
    auto q = m_store.prepare(change == SearchIndexChange::Add ? m_store.m_dialect->addToSearchIndex(where)
                                                              : m_store.m_dialect->removeFromSearchIndex(where));
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    return m_store.exec(q, tr("Could not update the timeline's search index"));
}

Status TimelineTables::addToSearchIndex(const QList<qint64> &entryIds)
{
    return changeSearchIndex(SearchIndexChange::Add, QStringLiteral("id IN ") + m_store.m_dialect->idList(),
                             {m_store.m_dialect->idListValue(entryIds)});
}

Result<QList<qint64>> TimelineTables::searchTimeline(const QString &words, qint64 incidentId, int limit) const
{
    const QString query = m_store.m_dialect->matchQuery(words);
    if (query.isEmpty()) {
        return QList<qint64>();
    }
    auto q = m_store.prepare(m_store.m_dialect->searchStatement(incidentId > 0));
    q.addBindValue(query);
    if (incidentId > 0) {
        q.addBindValue(incidentId);
    }
    q.addBindValue(limit);
    if (const Status s = m_store.exec(q, tr("Could not search the timeline")); !s) {
        return s;
    }
    QList<qint64> ids;
    while (q.next()) {
        ids.append(q.value(0).toLongLong());
    }
    return ids;
}
