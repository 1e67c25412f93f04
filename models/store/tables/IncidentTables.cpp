#include "IncidentTables.h"

#include "SqlDialect.h"
#include "Stage.h"
#include "Tables.h"
#include "TimelineTables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Result<QList<Incident>> IncidentTables::incidents(bool includeClosed) const
{
    return m_store.selectRows(
        Tables::incidents(),
        QStringLiteral("%1ORDER BY id").arg(includeClosed ? QString() : QStringLiteral("WHERE stage <> 'closed' ")), {},
        tr("Could not read the incidents"));
}

Result<Incident> IncidentTables::incident(qint64 id) const
{
    return m_store.selectRow(Tables::incidents(), id, tr("Could not read incident %1").arg(id),
                             tr("There is no incident %1.").arg(id));
}

Result<qint64> IncidentTables::insertIncident(const Incident &incident)
{
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    return m_store.insertRow(Tables::incidents(), incident, tr("Could not save the incident"),
                             [this](qint64 newId) { m_store.announce(StoreChange::incidentInserted(newId)); });
}

Status IncidentTables::updateIncident(const Incident &incident)
{
    if (const QString problem = incident.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(Tables::incidents().spec().updateStatement());
        Tables::incidents().bindUpdate(q, incident);
        if (const Status s = m_store.exec(q, tr("Could not save incident %1").arg(incident.id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no incident %1.").arg(incident.id));
        }
        m_store.announce(StoreChange::incidentChanged(incident.id));
        return Status::success();
    });
}

namespace {

// "the title to "Login failures"": one changed field of an incident as a person reads it.
QString fieldNowReads(const QString &column, const Incident &now)
{
    const auto quoted = [](const QString &what, const QString &value) {
        return QCoreApplication::translate("IncidentTables", "the %1 to \u201c%2\u201d").arg(what, value);
    };
    if (column == u"title") {
        return quoted(QCoreApplication::translate("IncidentTables", "title"), now.title);
    }
    if (column == u"summary") {
        return quoted(QCoreApplication::translate("IncidentTables", "summary"), now.summary);
    }
    if (column == u"severity") {
        return QCoreApplication::translate("IncidentTables", "the severity to %1").arg(Severities::label(now.severity));
    }
    if (column == u"stage") {
        return QCoreApplication::translate("IncidentTables", "the stage to %1").arg(Stages::title(now.stage));
    }
    if (column == u"impact") {
        return quoted(QCoreApplication::translate("IncidentTables", "impact"), now.impact);
    }
    if (column == u"eta") {
        return quoted(QCoreApplication::translate("IncidentTables", "ETA"), now.eta);
    }
    return QCoreApplication::translate("IncidentTables", "the %1").arg(QString(column).replace(u'_', u' '));
}

} // namespace

Status IncidentTables::updateIncident(const Incident &before, const Incident &after)
{
    if (const QString problem = after.validationError(); !problem.isEmpty()) {
        return Status::failure(problem);
    }
    const auto &table = Tables::incidents();
    const QStringList changed = table.differingColumns(before, after);
    if (changed.isEmpty()) {
        return Status::success();
    }
    // Only the fields this edit changes, and only while they hold what the console read: two people changing
    // different fields of one incident both keep theirs, and one changing a field another changed since is told.
    QString sql = table.spec().updateStatement(changed);
    QVariantList values = table.updateValues(after, changed);
    const QVariantList read = table.updateValues(before, changed);
    for (int i = 0; i < changed.size(); ++i) {
        sql += QStringLiteral(" AND ") + m_store.m_dialect->stillHolds(changed.at(i));
        values.append(read.at(i));
    }
    const auto someoneElseChangedIt = [&]() -> Status {
        const auto now = incident(after.id);
        if (!now) {
            return now.status();
        }
        QStringList moved;
        for (const QString &column : table.differingColumns(before, now.value())) {
            if (changed.contains(column)) {
                moved.append(fieldNowReads(column, now.value()));
            }
        }
        return m_store.refuseConflict(after.id,
                                      tr("%1 changed %2 since you read it; nothing was changed.")
                                          .arg(m_store.whoElseChanged(StoreChange::Kind::IncidentChanged, after.id),
                                               moved.join(tr(" and "))));
    };
    return m_store.changeRow(sql + QStringLiteral(" RETURNING id"), values,
                             tr("Could not save incident %1").arg(after.id), someoneElseChangedIt,
                             [this](qint64 id) { m_store.announce(StoreChange::incidentChanged(id)); });
}

Status IncidentTables::startSeverityHistories(const QList<qint64> &incidentIds)
{
    auto q =
        m_store.prepare(QStringLiteral("INSERT INTO severity_changes (incident_id, changed_at, severity, origin) "
                                       "SELECT id, declared_at, severity, 'declared' FROM incidents i WHERE id IN %1 "
                                       "AND NOT EXISTS (SELECT 1 FROM severity_changes c WHERE c.incident_id = i.id)")
                            .arg(m_store.m_dialect->idList()));
    q.addBindValue(m_store.m_dialect->idListValue(incidentIds));
    return m_store.exec(q, tr("Could not start the severity history"));
}

Status IncidentTables::deleteIncident(qint64 id)
{
    return m_store.write([&]() -> Status {
        if (const Status s = m_store.m_timelineTables->changeSearchIndex(TimelineTables::SearchIndexChange::Remove,
                                                                         QStringLiteral("incident_id = ?"), {id});
            !s) {
            return s;
        }
        auto q = m_store.prepare(QStringLiteral("DELETE FROM incidents WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove incident %1").arg(id)); !s) {
            return s;
        }
        if (q.numRowsAffected() != 1) {
            return Status::failure(tr("There is no incident %1.").arg(id));
        }
        m_store.announce(StoreChange::incidentRemoved(id));
        return Status::success();
    });
}

Result<QList<SeverityChange>> IncidentTables::severityChanges(qint64 incidentId) const
{
    return m_store.selectRows(Tables::severityChanges(),
                              QStringLiteral("WHERE incident_id = ? ORDER BY changed_at, id"), {incidentId},
                              tr("Could not read the severity history"));
}

Result<qint64> IncidentTables::insertSeverityChange(const SeverityChange &c)
{
    return m_store.insertRow(
        Tables::severityChanges(), c, tr("Could not record the severity change"),
        [this, incident = c.incidentId](qint64) { m_store.announce(StoreChange::severityHistoryChanged(incident)); });
}

Status IncidentTables::deleteSeverityChange(qint64 id)
{
    return m_store.changeRow(
        QStringLiteral("DELETE FROM severity_changes WHERE id = ? RETURNING incident_id"), {id},
        tr("Could not remove severity change %1").arg(id), tr("There is no severity change %1.").arg(id),
        [this](qint64 incident) { m_store.announce(StoreChange::severityHistoryChanged(incident)); });
}

Result<QList<ChecklistDefault>> IncidentTables::checklistDefaults() const
{
    return m_store.selectRows(Tables::checklistDefaults(), QStringLiteral("ORDER BY id"), {},
                              tr("Could not read the default checklists"));
}

Result<QList<ChecklistItem>> IncidentTables::checklist(qint64 incidentId) const
{
    auto list =
        m_store.selectRows(Tables::checklistItems(), QStringLiteral("WHERE incident_id = ? ORDER BY position, id"),
                           {incidentId}, tr("Could not read the checklist"));
    if (!list) {
        return list;
    }
    // Stages in workflow order, each stage's items in their own order.
    std::stable_sort(list->begin(), list->end(),
                     [](const ChecklistItem &a, const ChecklistItem &b) { return int(a.stage) < int(b.stage); });
    return list;
}

Result<qint64> IncidentTables::insertChecklistItem(const ChecklistItem &i)
{
    if (i.text.trimmed().isEmpty()) {
        return Status::failure(tr("A checklist item needs some text."));
    }
    ChecklistItem row = i;
    row.text = row.text.trimmed();
    return m_store.insertRow(
        Tables::checklistItems(), row, tr("Could not save the checklist item"),
        [this, incident = i.incidentId](qint64) { m_store.announce(StoreChange::checklistChanged(incident)); });
}

Status IncidentTables::setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy)
{
    static const QStringList done{QStringLiteral("done_at"), QStringLiteral("done_by")};
    ChecklistItem tick;
    tick.id = itemId;
    tick.doneAt = doneAt;
    tick.doneBy = doneAt.isValid() ? doneBy : QString();
    return m_store.changeRow(
        Tables::checklistItems().spec().updateStatement(done) + QStringLiteral(" RETURNING incident_id"),
        Tables::checklistItems().updateValues(tick, done), tr("Could not tick checklist item %1").arg(itemId),
        tr("There is no checklist item %1.").arg(itemId),
        [this](qint64 incident) { m_store.announce(StoreChange::checklistChanged(incident)); });
}

Status IncidentTables::setChecklistItemDone(qint64 itemId, bool wasDone, const QDateTime &doneAt, const QString &doneBy)
{
    static const QStringList done{QStringLiteral("done_at"), QStringLiteral("done_by")};
    ChecklistItem tick;
    tick.id = itemId;
    tick.doneAt = doneAt;
    tick.doneBy = doneAt.isValid() ? doneBy : QString();
    QVariantList values = Tables::checklistItems().updateValues(tick, done);
    values.append(wasDone);
    const auto someoneElseTickedIt = [&]() -> Status {
        auto rows = m_store.selectRows(Tables::checklistItems(), QStringLiteral("WHERE id = ?"), {itemId},
                                       tr("Could not read checklist item %1").arg(itemId));
        if (!rows) {
            return rows.status();
        }
        if (rows->isEmpty()) {
            return Status::failure(tr("There is no checklist item %1.").arg(itemId));
        }
        const ChecklistItem now = rows->first();
        // A tick says who made it; an untick does not, so the log says who.
        const QString who = now.isDone() && !now.doneBy.isEmpty()
                                ? now.doneBy
                                : m_store.whoElseChanged(StoreChange::Kind::ChecklistChanged, now.incidentId);
        return m_store.refuseConflict(
            now.incidentId, (now.isDone() ? tr("%1 ticked \u201c%2\u201d since you read it; nothing was changed.")
                                          : tr("%1 unticked \u201c%2\u201d since you read it; nothing was changed."))
                                .arg(who, now.text));
    };
    return m_store.changeRow(Tables::checklistItems().spec().updateStatement(done) +
                                 QStringLiteral(" AND (done_at IS NOT NULL) = ? RETURNING incident_id"),
                             values, tr("Could not tick checklist item %1").arg(itemId), someoneElseTickedIt,
                             [this](qint64 incident) { m_store.announce(StoreChange::checklistChanged(incident)); });
}

Status IncidentTables::deleteChecklistItem(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM checklist_items WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove checklist item %1").arg(id),
                             tr("There is no checklist item %1.").arg(id),
                             [this](qint64 incident) { m_store.announce(StoreChange::checklistChanged(incident)); });
}

Result<qint64> IncidentTables::mostRecentlyActiveIncident() const
{
    auto q = m_store.select(
        QStringLiteral("SELECT i.id FROM incidents i WHERE i.stage <> 'closed' "
                       "ORDER BY i.resolved_at IS NULL DESC, "
                       "COALESCE((SELECT MAX(t.recorded_at) FROM timeline_entries t WHERE t.incident_id = i.id), "
                       "i.declared_at) DESC, i.id DESC LIMIT 1"),
        {}, tr("Could not find the incident worked on last"));
    if (!q) {
        return q.status();
    }
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<QHash<qint64, IncidentStore::IncidentFacts>>
IncidentTables::incidentFacts(const QList<qint64> &incidentIds) const
{
    // Which incidents: the given ones, or every open one. The id list goes in as JSON so one statement serves any
    // count.
    QString scope = QStringLiteral("(SELECT id FROM incidents WHERE stage <> 'closed')");
    QVariant idsJson;
    if (!incidentIds.isEmpty()) {
        idsJson = m_store.m_dialect->idListValue(incidentIds);
        scope = m_store.m_dialect->idList(QStringLiteral(":ids"));
    }
    auto run = [&](const QString &sql, const QString &what) -> Result<QSqlQuery> {
        auto q = m_store.prepare(QString(sql).replace(QStringLiteral("$SCOPE"), scope));
        if (idsJson.isValid()) {
            q.bindValue(QStringLiteral(":ids"), idsJson);
        }
        if (const Status s = m_store.exec(q, what); !s) {
            return s;
        }
        return q;
    };
    QHash<qint64, IncidentStore::IncidentFacts> facts;
    {
        auto q = run(QStringLiteral(
                         "SELECT i.id, p.published_at FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id "
                         "WHERE i.id IN $SCOPE"),
                     tr("Could not read the incidents"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentStore::IncidentFacts f;
            f.postmortemPublishedAt = StoredTime::fromSql(q->value(1));
            facts.insert(q->value(0).toLongLong(), f);
        }
    }
    {
        auto q = run(QStringLiteral("SELECT a.incident_id, a.role_id, a.person_id, p.name FROM role_assignments a "
                                    "JOIN people p ON p.id = a.person_id "
                                    "WHERE a.released_at IS NULL AND a.incident_id IN $SCOPE"),
                     tr("Could not read who holds the roles"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentStore::IncidentFacts &f = facts[q->value(0).toLongLong()];
            const qint64 role = q->value(1).toLongLong();
            f.heldRoleIds.append(role);
            if (role == Role::IncidentCommander) {
                f.commanderId = q->value(2).toLongLong();
                f.commanderName = q->value(3).toString();
            }
        }
    }
    {
        auto q =
            run(QStringLiteral(
                    "SELECT l.incident_id, a.labels FROM alert_links l "
                    "JOIN alert_archive a ON a.id = l.alert_id "
                    "WHERE a.resolved_at IS NULL AND a.state <> 'pending' AND l.incident_id IN $SCOPE ORDER BY l.id"),
                tr("Could not read the linked alerts"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentStore::IncidentFacts &f = facts[q->value(0).toLongLong()];
            ++f.firingAlerts;
            Alert::Pairs labels;
            const QJsonObject o = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
            for (auto it = o.begin(); it != o.end(); ++it) { // QJsonObject keeps its keys sorted
                labels.append({it.key(), it.value().toString()});
                if (it.key() == QStringLiteral("category") &&
                    it.value().toString().compare(QStringLiteral("security"), Qt::CaseInsensitive) == 0) {
                    f.securityAlerts = true;
                }
            }
            f.firingAlertLabels.append(labels);
        }
    }
    {
        // The latest update per audience (the later id of two at the same moment).
        auto q = run(QStringLiteral("SELECT incident_id, audience, published_at, next_update_due FROM "
                                    "(SELECT incident_id, audience, published_at, next_update_due, row_number() OVER "
                                    "(PARTITION BY incident_id, audience ORDER BY published_at DESC, id DESC) AS n "
                                    "FROM status_updates WHERE incident_id IN $SCOPE) latest WHERE n = 1"),
                     tr("Could not read the status updates"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            IncidentStore::IncidentFacts &f = facts[q->value(0).toLongLong()];
            const bool customer = q->value(1).toString() == QStringLiteral("customer");
            (customer ? f.lastCustomerUpdate : f.lastInternalUpdate) = StoredTime::fromSql(q->value(2));
            (customer ? f.nextCustomerDue : f.nextInternalDue) = StoredTime::fromSql(q->value(3));
        }
    }
    {
        // The latest change of each incident: whether it overrode a suggestion.
        auto q = run(QStringLiteral("SELECT incident_id, origin, suggested FROM "
                                    "(SELECT incident_id, origin, suggested, row_number() OVER "
                                    "(PARTITION BY incident_id ORDER BY changed_at DESC, id DESC) AS n "
                                    "FROM severity_changes WHERE incident_id IN $SCOPE) latest WHERE n = 1"),
                     tr("Could not read the severity history"));
        if (!q) {
            return q.status();
        }
        while (q->next()) {
            if (q->value(1).toString() == SeverityChange::originKey(SeverityChange::Origin::SuggestionOverridden)) {
                facts[q->value(0).toLongLong()].overriddenSuggestion = Severities::fromNumber(q->value(2).toInt());
            }
        }
    }
    return facts;
}
