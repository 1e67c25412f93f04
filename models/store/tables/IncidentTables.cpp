#include "IncidentTables.h"

#include "SqlDialect.h"
#include "StoreRows.h"
#include "Tables.h"
#include "TimelineTables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace StoreRows;

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
    return m_store.insertRow(Tables::incidents().spec().insertStatement(), Tables::incidents().insertValues(incident),
                             tr("Could not save the incident"),
                             [this](qint64 newId) { emit m_store.incidentInserted(newId); });
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
        m_store.notify([this, id = incident.id] { emit m_store.incidentChanged(id); });
        return Status::success();
    });
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
        m_store.notify([this, id] { emit m_store.incidentRemoved(id); });
        return Status::success();
    });
}

Result<QList<SeverityChange>> IncidentTables::severityChanges(qint64 incidentId) const
{
    return m_store.selectRows<SeverityChange>(
        QStringLiteral("SELECT id, incident_id, changed_at, severity, origin, suggested, reason, author "
                       "FROM severity_changes WHERE incident_id = ? ORDER BY changed_at, id"),
        {incidentId}, tr("Could not read the severity history"), [&](const QSqlQuery &q) -> SeverityChange {
            SeverityChange c;
            c.id = q.value(0).toLongLong();
            c.incidentId = q.value(1).toLongLong();
            c.changedAt = StoredTime::fromSql(q.value(2));
            c.severity = Severities::fromNumber(q.value(3).toInt()).value_or(Severity::Sev3);
            c.origin = SeverityChange::originFromKey(q.value(4).toString()).value_or(SeverityChange::Origin::Manual);
            if (!q.value(5).isNull()) {
                c.suggested = Severities::fromNumber(q.value(5).toInt());
            }
            c.reason = q.value(6).toString();
            c.author = q.value(7).toString();
            return c;
        });
}

Result<qint64> IncidentTables::insertSeverityChange(const SeverityChange &c)
{
    return m_store.insertRow(
        QStringLiteral("INSERT INTO severity_changes (id, incident_id, changed_at, severity, origin, "
                       "suggested, reason, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {idOrNull(c.id), c.incidentId, StoredTime::toSql(c.changedAt), int(c.severity),
         SeverityChange::originKey(c.origin),
         c.suggested ? QVariant(int(*c.suggested)) : QVariant(QMetaType::fromType<int>()), text(c.reason),
         text(c.author)},
        tr("Could not record the severity change"),
        [this, incident = c.incidentId](qint64) { emit m_store.severityHistoryChanged(incident); });
}

Status IncidentTables::deleteSeverityChange(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM severity_changes WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove severity change %1").arg(id),
                             tr("There is no severity change %1.").arg(id),
                             [this](qint64 incident) { emit m_store.severityHistoryChanged(incident); });
}

Result<QList<ChecklistDefault>> IncidentTables::checklistDefaults() const
{
    return m_store.selectRows<ChecklistDefault>(
        QStringLiteral("SELECT id, stage, text FROM checklist_defaults ORDER BY id"), {},
        tr("Could not read the default checklists"), [&](const QSqlQuery &q) -> ChecklistDefault {
            return ChecklistDefault{q.value(0).toLongLong(),
                                    Stages::fromKey(q.value(1).toString()).value_or(Stage::Triage),
                                    q.value(2).toString()};
        });
}

Result<QList<ChecklistItem>> IncidentTables::checklist(qint64 incidentId) const
{
    auto q =
        m_store.prepare(QStringLiteral("SELECT id, incident_id, stage, text, position, is_default, done_at, done_by "
                                       "FROM checklist_items WHERE incident_id = ? ORDER BY position, id"));
    q.addBindValue(incidentId);
    if (const Status s = m_store.exec(q, tr("Could not read the checklist")); !s) {
        return s;
    }
    QList<ChecklistItem> list;
    while (q.next()) {
        ChecklistItem i;
        i.id = q.value(0).toLongLong();
        i.incidentId = q.value(1).toLongLong();
        i.stage = Stages::fromKey(q.value(2).toString()).value_or(Stage::Triage);
        i.text = q.value(3).toString();
        i.position = q.value(4).toInt();
        i.isDefault = q.value(5).toBool();
        i.doneAt = StoredTime::fromSql(q.value(6));
        i.doneBy = q.value(7).toString();
        list.append(i);
    }
    // Stages in workflow order, each stage's items in their own order.
    std::stable_sort(list.begin(), list.end(),
                     [](const ChecklistItem &a, const ChecklistItem &b) { return int(a.stage) < int(b.stage); });
    return list;
}

Result<qint64> IncidentTables::insertChecklistItem(const ChecklistItem &i)
{
    if (i.text.trimmed().isEmpty()) {
        return Status::failure(tr("A checklist item needs some text."));
    }
    return m_store.insertRow(
        QStringLiteral("INSERT INTO checklist_items (id, incident_id, stage, text, position, is_default, "
                       "done_at, done_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {idOrNull(i.id), i.incidentId, Stages::key(i.stage), text(i.text.trimmed()), i.position, i.isDefault ? 1 : 0,
         StoredTime::toSql(i.doneAt), text(i.doneBy)},
        tr("Could not save the checklist item"),
        [this, incident = i.incidentId](qint64) { emit m_store.checklistChanged(incident); });
}

Status IncidentTables::setChecklistItemDone(qint64 itemId, const QDateTime &doneAt, const QString &doneBy)
{
    return m_store.changeRow(
        QStringLiteral("UPDATE checklist_items SET done_at = ?, done_by = ? WHERE id = ? RETURNING incident_id"),
        {StoredTime::toSql(doneAt), text(doneAt.isValid() ? doneBy : QString()), itemId},
        tr("Could not tick checklist item %1").arg(itemId), tr("There is no checklist item %1.").arg(itemId),
        [this](qint64 incident) { emit m_store.checklistChanged(incident); });
}

Status IncidentTables::deleteChecklistItem(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM checklist_items WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove checklist item %1").arg(id),
                             tr("There is no checklist item %1.").arg(id),
                             [this](qint64 incident) { emit m_store.checklistChanged(incident); });
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
            const QJsonObject o = jsonObject(q->value(1));
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
        // The latest update per audience: SQLite returns the bare columns of the row that holds the max.
        auto q =
            run(QStringLiteral("SELECT incident_id, audience, max(published_at), next_update_due FROM status_updates "
                               "WHERE incident_id IN $SCOPE GROUP BY incident_id, audience"),
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
        auto q = run(QStringLiteral("SELECT incident_id, origin, suggested, max(changed_at || printf('%020d', id)) "
                                    "FROM severity_changes WHERE incident_id IN $SCOPE GROUP BY incident_id"),
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
