#include "UpdateTables.h"

#include "Clock.h"
#include "SqlDialect.h"
#include "StoreRows.h"
#include "Tables.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace StoreRows;

Result<QList<StatusUpdate>> UpdateTables::statusUpdates(qint64 incidentId) const
{
    return m_store.selectRows<StatusUpdate>(
        QStringLiteral("SELECT id, incident_id, audience, body, published_at, next_update_due "
                       "FROM status_updates WHERE incident_id = ? ORDER BY published_at, id"),
        {incidentId}, tr("Could not read the status updates"), [&](const QSqlQuery &q) -> StatusUpdate {
            StatusUpdate u;
            u.id = q.value(0).toLongLong();
            u.incidentId = q.value(1).toLongLong();
            u.audience = q.value(2).toString() == QStringLiteral("customer") ? StatusUpdate::Audience::Customer
                                                                             : StatusUpdate::Audience::Internal;
            u.body = q.value(3).toString();
            u.publishedAt = StoredTime::fromSql(q.value(4));
            u.nextUpdateDue = StoredTime::fromSql(q.value(5));
            return u;
        });
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
    return m_store.write([&]() -> Status {
        auto q =
            m_store.prepare(QStringLiteral("INSERT INTO status_update_drafts (incident_id, audience, body, saved_at) "
                                           "VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, audience) DO UPDATE SET "
                                           "body = excluded.body, saved_at = excluded.saved_at"));
        q.addBindValue(incidentId);
        q.addBindValue(StatusUpdate::audienceKey(audience));
        q.addBindValue(text(body));
        q.addBindValue(StoredTime::toSql(at));
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
        QStringLiteral("INSERT INTO status_updates (id, incident_id, audience, body, published_at, "
                       "next_update_due) VALUES (?, ?, ?, ?, ?, ?)"),
        {idOrNull(u.id), u.incidentId, StatusUpdate::audienceKey(u.audience), text(u.body),
         StoredTime::toSql(u.publishedAt), StoredTime::toSql(u.nextUpdateDue)},
        tr("Could not record the status update"),
        [this, incident = u.incidentId](qint64) { emit m_store.statusUpdatesChanged(incident); });
}

Result<QList<ActionItem>> UpdateTables::actionItems(qint64 incidentId) const
{
    return m_store.selectRows<ActionItem>(
        QLatin1String(kActionItemColumns) + QStringLiteral("WHERE incident_id = ? ORDER BY id"), {incidentId},
        tr("Could not read the action items"), [&](const QSqlQuery &q) -> ActionItem { return actionItemFrom(q); });
}

Result<QList<ActionItem>> UpdateTables::allActionItems(const QDateTime &nowUtc) const
{
    // Stored times are fixed-width UTC text, so comparing them as text compares the times.
    return m_store.selectRows<ActionItem>(
        QLatin1String(kActionItemColumns) +
            QStringLiteral("ORDER BY state NOT IN ('open', 'in_progress'), "
                           "state IN ('open', 'in_progress') AND due_at IS NOT NULL AND due_at < ? DESC, "
                           "due_at IS NULL, due_at, id"),
        {StoredTime::toSql(nowUtc)}, tr("Could not read the action items"),
        [&](const QSqlQuery &q) -> ActionItem { return actionItemFrom(q); });
}

Result<qint64> UpdateTables::insertActionItem(const ActionItem &a)
{
    return m_store.insertRow(
        QStringLiteral("INSERT INTO action_items (id, incident_id, title, owner_id, due_at, state, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {idOrNull(a.id), a.incidentId, text(a.title), idOrNull(a.ownerId), StoredTime::toSql(a.dueAt),
         ActionItem::stateKey(a.state), StoredTime::toSql(a.createdAt.isValid() ? a.createdAt : Clock::nowUtc())},
        tr("Could not save the action item"),
        [this, incident = a.incidentId](qint64) { emit m_store.actionItemsChanged(incident); });
}

Status UpdateTables::updateActionItem(const ActionItem &a)
{
    return m_store.changeRow(
        QStringLiteral("UPDATE action_items SET title = ?, owner_id = ?, due_at = ?, state = ? "
                       "WHERE id = ? RETURNING incident_id"),
        {text(a.title), idOrNull(a.ownerId), StoredTime::toSql(a.dueAt), ActionItem::stateKey(a.state), a.id},
        tr("Could not change action item %1").arg(a.id), tr("There is no action item %1.").arg(a.id),
        [this](qint64 incident) { emit m_store.actionItemsChanged(incident); });
}

Result<Postmortem> UpdateTables::postmortem(qint64 incidentId) const
{
    auto q = m_store.prepare(QStringLiteral("SELECT root_cause, went_well, went_badly, published_at, updated_at "
                                            "FROM postmortems WHERE incident_id = ?"));
    q.addBindValue(incidentId);
    if (const Status s = m_store.exec(q, tr("Could not read the postmortem")); !s) {
        return s;
    }
    Postmortem p;
    p.incidentId = incidentId;
    if (q.next()) {
        p.rootCause = q.value(0).toString();
        p.wentWell = q.value(1).toString();
        p.wentBadly = q.value(2).toString();
        p.publishedAt = StoredTime::fromSql(q.value(3));
        p.updatedAt = StoredTime::fromSql(q.value(4));
    }
    return p;
}

Status UpdateTables::savePostmortem(const Postmortem &p)
{
    return m_store.changeRow(
        QStringLiteral(
            "INSERT INTO postmortems (incident_id, root_cause, went_well, went_badly, published_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET root_cause = excluded.root_cause, "
            "went_well = excluded.went_well, went_badly = excluded.went_badly, "
            "published_at = excluded.published_at, updated_at = excluded.updated_at RETURNING incident_id"),
        {p.incidentId, text(p.rootCause), text(p.wentWell), text(p.wentBadly), StoredTime::toSql(p.publishedAt),
         StoredTime::toSql(p.updatedAt.isValid() ? p.updatedAt : Clock::nowUtc())},
        tr("Could not save the postmortem"), tr("There is no incident %1.").arg(p.incidentId),
        [this](qint64 incident) { emit m_store.postmortemChanged(incident); });
}

Status UpdateTables::deletePostmortem(qint64 incidentId)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM postmortems WHERE incident_id = ? RETURNING incident_id"),
                             {incidentId}, tr("Could not remove the postmortem"),
                             tr("INC-%1 has no postmortem to remove.").arg(incidentId),
                             [this](qint64 incident) { emit m_store.postmortemChanged(incident); });
}

Status UpdateTables::deleteActionItem(qint64 id)
{
    return m_store.changeRow(QStringLiteral("DELETE FROM action_items WHERE id = ? RETURNING incident_id"), {id},
                             tr("Could not remove action item %1").arg(id), tr("There is no action item %1.").arg(id),
                             [this](qint64 incident) { emit m_store.actionItemsChanged(incident); });
}

Result<QList<MessageTemplate>> UpdateTables::templates() const
{
    return m_store.selectRows<MessageTemplate>(
        QStringLiteral("SELECT id, name, audience, body, is_builtin FROM templates ORDER BY id"), {},
        tr("Could not read the templates"), [&](const QSqlQuery &q) -> MessageTemplate {
            return MessageTemplate{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toString(), q.value(4).toBool()};
        });
}

Result<qint64> UpdateTables::insertTemplate(const MessageTemplate &t)
{
    return m_store.insertRow(
        QStringLiteral("INSERT INTO templates (id, name, audience, body, is_builtin) VALUES (?, ?, ?, ?, ?)"),
        {idOrNull(t.id), text(t.name), text(t.audience), text(t.body), t.builtin ? 1 : 0},
        tr("Could not save the template %1").arg(t.name), [this](qint64) { emit m_store.templatesChanged(); });
}

Status UpdateTables::updateTemplate(const MessageTemplate &t)
{
    return m_store.changeRow(
        QStringLiteral("UPDATE templates SET name = ?, audience = ?, body = ? WHERE id = ? RETURNING id"),
        {text(t.name), text(t.audience), text(t.body), t.id}, tr("Could not save the template %1").arg(t.name),
        tr("There is no template %1.").arg(t.id), [this](qint64) { emit m_store.templatesChanged(); });
}

Status UpdateTables::deleteTemplate(qint64 id)
{
    return m_store.write([&]() -> Status {
        auto q = m_store.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
        q.addBindValue(id);
        if (const Status s = m_store.exec(q, tr("Could not remove template %1").arg(id)); !s) {
            return s;
        }
        m_store.notify([this] { emit m_store.templatesChanged(); });
        return Status::success();
    });
}
