#include "UpdateTables.h"

#include "Clock.h"
#include "SqlDialect.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Result<QList<StatusUpdate>> UpdateTables::statusUpdates(qint64 incidentId) const
{
    return m_store.selectRows(Tables::statusUpdates(),
                              QStringLiteral("WHERE incident_id = ? ORDER BY published_at, id"), {incidentId},
                              tr("Could not read the status updates"));
}

Result<QString> UpdateTables::draft(qint64 incidentId, StatusUpdate::Audience audience) const
{
    auto q =
        m_store.prepare(QStringLiteral("SELECT body FROM status_update_drafts WHERE incident_id = ? AND audience = ?"));
    q.addBindValue(incidentId);
    q.addBindValue(StatusUpdate::audienceKey(audience));
    if (const Status s = m_store.exec(q, tr("Could not read the draft")); !s) {
        return s;
    }
    return q.next() ? q.value(0).toString() : QString();
}

Status UpdateTables::saveDraft(qint64 incidentId, StatusUpdate::Audience audience, const QString &body,
                               const QDateTime &at)
{
    // One draft per incident and audience: a second save replaces the first's words and time.
    const auto &table = Tables::statusUpdateDrafts();
    const StatusUpdateDraft draft{0, incidentId, audience, body, at};
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(table.spec().insertStatement() +
                                 QStringLiteral(" ON CONFLICT (incident_id, audience) DO UPDATE SET "
                                                "body = excluded.body, saved_at = excluded.saved_at"));
        table.bindInsert(q, draft);
        return m_store.exec(q, tr("Could not save the draft"));
    });
}

Status UpdateTables::deleteDraft(qint64 incidentId, StatusUpdate::Audience audience)
{
    return m_store.write([&]() -> Status {
        auto q =
            m_store.prepare(QStringLiteral("DELETE FROM status_update_drafts WHERE incident_id = ? AND audience = ?"));
        q.addBindValue(incidentId);
        q.addBindValue(StatusUpdate::audienceKey(audience));
        return m_store.exec(q, tr("Could not remove the draft"));
    });
}

Result<qint64> UpdateTables::insertStatusUpdate(const StatusUpdate &u)
{
    return m_store.insertRow(
        Tables::statusUpdates(), u, tr("Could not record the status update"),
        [this, incident = u.incidentId](qint64) { m_store.announce(StoreChange::statusUpdatesChanged(incident)); });
}

Result<QList<ActionItem>> UpdateTables::actionItems(qint64 incidentId) const
{
    return m_store.selectRows(Tables::actionItems(), QStringLiteral("WHERE incident_id = ? ORDER BY id"), {incidentId},
                              tr("Could not read the action items"));
}

Result<QList<ActionItem>> UpdateTables::allActionItems(const QDateTime &nowUtc) const
{
    // Stored times are fixed-width UTC text, so comparing them as text compares the times.
    return m_store.selectRows(
        Tables::actionItems(),
        QStringLiteral("ORDER BY state NOT IN ('open', 'in_progress'), "
                       "state IN ('open', 'in_progress') AND due_at IS NOT NULL AND due_at < ? DESC, "
                       "due_at IS NULL, due_at, id"),
        {StoredTime::toSql(nowUtc)}, tr("Could not read the action items"));
}

Result<qint64> UpdateTables::insertActionItem(const ActionItem &a)
{
    ActionItem row = a;
    if (!row.createdAt.isValid()) {
        row.createdAt = Clock::nowUtc();
    }
    return m_store.insertRow(
        Tables::actionItems(), row, tr("Could not save the action item"),
        [this, incident = a.incidentId](qint64) { m_store.announce(StoreChange::actionItemsChanged(incident)); });
}

Status UpdateTables::updateActionItem(const ActionItem &a)
{
    // Everything a person edits; who raised it and when stay as recorded.
    static const QStringList edited{QStringLiteral("title"), QStringLiteral("owner_id"), QStringLiteral("due_at"),
                                    QStringLiteral("state")};
    return m_store.changeRow(
        Tables::actionItems().spec().updateStatement(edited) + QStringLiteral(" RETURNING incident_id"),
        Tables::actionItems().updateValues(a, edited), tr("Could not change action item %1").arg(a.id),
        tr("There is no action item %1.").arg(a.id),
        [this](qint64 incident) { m_store.announce(StoreChange::actionItemsChanged(incident)); });
}

Result<Postmortem> UpdateTables::postmortem(qint64 incidentId) const
{
    auto rows = m_store.selectRows(Tables::postmortems(), QStringLiteral("WHERE incident_id = ?"), {incidentId},
                                   tr("Could not read the postmortem"));
    if (!rows) {
        return rows.status();
    }
    if (rows->isEmpty()) {
        Postmortem none;
        none.incidentId = incidentId;
        return none;
    }
    return rows->first();
}

Status UpdateTables::savePostmortem(const Postmortem &p)
{
    Postmortem row = p;
    if (!row.updatedAt.isValid()) {
        row.updatedAt = Clock::nowUtc();
    }
    return m_store.changeRow(
        Tables::postmortems().spec().insertStatement() +
            QStringLiteral(" ON CONFLICT (incident_id) DO UPDATE SET root_cause = excluded.root_cause, "
                           "went_well = excluded.went_well, went_badly = excluded.went_badly, "
                           "published_at = excluded.published_at, updated_at = excluded.updated_at "
                           "RETURNING incident_id"),
        Tables::postmortems().insertValues(row), tr("Could not save the postmortem"),
        tr("There is no incident %1.").arg(p.incidentId),
        [this](qint64 incident) { m_store.announce(StoreChange::postmortemChanged(incident)); });
}

Status UpdateTables::deletePostmortem(qint64 incidentId)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM postmortems WHERE incident_id = ? RETURNING incident_id"),
                             {incidentId}, tr("Could not remove the postmortem"),
                             tr("INC-%1 has no postmortem to remove.").arg(incidentId),
                             [this](qint64 incident) { m_store.announce(StoreChange::postmortemChanged(incident)); });
}

Status UpdateTables::deleteActionItem(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM action_items WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove action item %1").arg(id), tr("There is no action item %1.").arg(id),
                             [this](qint64 incident) { m_store.announce(StoreChange::actionItemsChanged(incident)); });
}

Result<QList<MessageTemplate>> UpdateTables::templates() const
{
    return m_store.selectRows(Tables::templates(), QStringLiteral("ORDER BY id"), {},
                              tr("Could not read the templates"));
}

Result<qint64> UpdateTables::insertTemplate(const MessageTemplate &t)
{
    return m_store.insertRow(Tables::templates(), t, tr("Could not save the template %1").arg(t.name),
                             [this](qint64) { m_store.announce(StoreChange::templatesChanged()); });
}

Status UpdateTables::updateTemplate(const MessageTemplate &t)
{
    // Whether a template is the playbook's own is fixed when it is made.
    static const QStringList edited{QStringLiteral("name"), QStringLiteral("audience"), QStringLiteral("body")};
    return m_store.changeRow(Tables::templates().spec().updateStatement(edited) + QStringLiteral(" RETURNING id"),
                             Tables::templates().updateValues(t, edited),
                             tr("Could not save the template %1").arg(t.name), tr("There is no template %1.").arg(t.id),
                             [this](qint64) { m_store.announce(StoreChange::templatesChanged()); });
}

Status UpdateTables::deleteTemplate(qint64 id)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove template %1").arg(id)); !s) {
            return s;
        }
        m_store.announce(StoreChange::templatesChanged());
        return Status::success();
    });
}
